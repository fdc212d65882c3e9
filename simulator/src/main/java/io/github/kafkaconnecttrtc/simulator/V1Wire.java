package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The v1 endpoint's answers: {@code errorCode}, {@code errorMessage} and {@code requestId}, then
 * {@code data: {totalNum, page, callRecordList}} on success, with records under the v1 names.
 */
final class V1Wire implements WireFormat {

    @Override
    public void envelope(JsonGenerator json, int errorCode, String message, String requestId) throws IOException {
        json.writeNumberField("errorCode", errorCode);
        json.writeStringField("errorMessage", message);
        json.writeStringField("requestId", requestId);
    }

    private static final PageNames PAGE_NAMES = new PageNames("data", "totalNum", "page", "callRecordList");

    @Override
    public PageNames pageNames() {
        return PAGE_NAMES;
    }

    @Override
    public void record(JsonGenerator json, SimulatedCall served) throws IOException {
        ApiRecord record = served.call();
        Malformation malformation = served.malformation().orElse(null);
        json.writeStartObject();
        if (malformation != Malformation.NO_CALL_ID) {
            json.writeStringField("callId", record.callId());
        }
        json.writeFieldName("sdkAppId");
        if (malformation == Malformation.SDK_APP_ID_LONG_NUMBER) {
            json.writeNumber(Malformation.longNumber(record.sdkAppId()));
        } else {
            json.writeNumber(record.sdkAppId());
        }
        json.writeStringField("mediaType", record.mediaType());
        json.writeStringField("roomId", record.roomId());
        if (malformation == Malformation.START_CALL_TS_AS_TEXT) {
            json.writeStringField("startCallTs", Malformation.asText(record.startCallTs()));
        } else if (malformation != Malformation.NO_START_CALL_TS) {
            json.writeNumberField("startCallTs", record.startCallTs());
        }
        json.writeNumberField("acceptTs",
                malformation == Malformation.ACCEPT_TS_HUGE ? Malformation.HUGE_ACCEPT_TS : record.acceptTs());
        if (malformation == Malformation.END_TS_FAR_FUTURE) {
            json.writeNumberField("endTs", record.endTs() + Malformation.FAR_FUTURE_SECONDS);
        } else if (malformation != Malformation.NO_END_TS) {
            json.writeNumberField("endTs", record.endTs());
        }
        json.writeFieldName("caller");
        if (malformation == Malformation.INVALID_UTF8_CALLER) {
            Malformation.writeInvalidUtf8(json, record.caller());
        } else {
            json.writeString(record.caller());
        }
        json.writeFieldName("totalUserNumber");
        if (malformation == Malformation.TOTAL_USER_NUMBER_BEYOND_INT) {
            json.writeNumber(Malformation.beyondInt(record.totalUserNumber()));
        } else {
            json.writeNumber(record.totalUserNumber());
        }
        json.writeStringField("callType", record.callType());
        json.writeStringField("callResult", record.callResult());
        json.writeFieldName("callees");
        if (malformation == Malformation.CALLEES_AS_OBJECT) {
            Malformation.writeIndexed(json, record.callees());
        } else {
            json.writeArray(record.callees().toArray(String[]::new), 0, record.callees().size());
        }
        json.writeEndObject();
    }
}

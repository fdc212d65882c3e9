package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The v4 endpoint's answers: {@code ActionStatus}, {@code ErrorCode}, {@code ErrorInfo} and
 * {@code RequestId}, then {@code Response: {TotalNum, Page, CallRecordList}} on success, with
 * records under the v4 names and values. A malformed record breaks the v4 counterpart of the v1
 * field its kind names; the two kinds whose field v4 lacks break {@code RoomIdType} (beyond an
 * int) and {@code StartTime} (a number of 120 digits).
 */
final class V4Wire implements WireFormat {

    @Override
    public void envelope(JsonGenerator json, int errorCode, String message, String requestId) throws IOException {
        json.writeStringField("ActionStatus", errorCode == ApiCodesV4.SUCCESS ? "OK" : "FAIL");
        json.writeNumberField("ErrorCode", errorCode);
        json.writeStringField("ErrorInfo", message);
        json.writeStringField("RequestId", requestId);
    }

    private static final PageNames PAGE_NAMES = new PageNames("Response", "TotalNum", "Page", "CallRecordList");

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
            json.writeStringField("CallId", record.callId());
        }
        json.writeFieldName("Caller_Account");
        if (malformation == Malformation.INVALID_UTF8_CALLER) {
            Malformation.writeInvalidUtf8(json, record.caller());
        } else {
            json.writeString(record.caller());
        }
        json.writeStringField("MediaType", V4Names.mediaType(record.mediaType()));
        json.writeStringField("CallType", V4Names.callType(record.callType()));
        if (malformation == Malformation.START_CALL_TS_AS_TEXT) {
            json.writeStringField("StartTime", Malformation.asText(record.startCallTs()));
        } else if (malformation == Malformation.SDK_APP_ID_LONG_NUMBER) {
            json.writeFieldName("StartTime");
            json.writeNumber(Malformation.longNumber(record.startCallTs()));
        } else if (malformation != Malformation.NO_START_CALL_TS) {
            json.writeNumberField("StartTime", record.startCallTs());
        }
        if (malformation == Malformation.END_TS_FAR_FUTURE) {
            json.writeNumberField("EndTime", record.endTs() + Malformation.FAR_FUTURE_SECONDS);
        } else if (malformation != Malformation.NO_END_TS) {
            json.writeNumberField("EndTime", record.endTs());
        }
        json.writeNumberField("AcceptTime",
                malformation == Malformation.ACCEPT_TS_HUGE ? Malformation.HUGE_ACCEPT_TS : record.acceptTs());
        json.writeStringField("CallResult", V4Names.callResult(record.callResult()));
        json.writeFieldName("CalleeList_Account");
        if (malformation == Malformation.CALLEES_AS_OBJECT) {
            Malformation.writeIndexed(json, record.callees());
        } else {
            json.writeArray(record.callees().toArray(String[]::new), 0, record.callees().size());
        }
        json.writeStringField("RoomId", record.roomId());
        json.writeFieldName("RoomIdType");
        if (malformation == Malformation.TOTAL_USER_NUMBER_BEYOND_INT) {
            json.writeNumber(Malformation.beyondInt(record.roomIdType()));
        } else {
            json.writeNumber(record.roomIdType());
        }
        json.writeEndObject();
    }
}

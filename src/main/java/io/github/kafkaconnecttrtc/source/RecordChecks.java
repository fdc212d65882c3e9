package io.github.kafkaconnecttrtc.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.kafkaconnecttrtc.client.ApiLimits;
import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.ResponseParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * What makes a record unusable as a call: times no call can have. Such a record must not steer the
 * reader (a start of 0 would look like an answer out of start order, an end far in the future would
 * never settle) nor reach the call topic (a time beyond what milliseconds hold cannot be mapped), so
 * it goes to the invalid-records topic instead. The API's parser sets most such records aside
 * already; the reader checks what it relies on itself, whatever client gave it the records.
 */
final class RecordChecks {

    /** How far ahead of the worker's clock an end or answer time may lie, as the parser allows. */
    static final long CLOCK_TOLERANCE_SECONDS = ResponseParser.END_TOLERANCE.toSeconds();
    /** A start this far before the API's horizon cannot come from an API that keeps calls 7 days. */
    private static final long HORIZON_TOLERANCE_SECONDS = 86_400;
    private static final JsonFactory JSON = new JsonFactory();

    private RecordChecks() {
    }

    /** Why {@code record} cannot be a call seen at {@code nowSeconds}, or null when it can. */
    static String problem(CallRecord record, long nowSeconds) {
        long latest = nowSeconds + CLOCK_TOLERANCE_SECONDS;
        if (record.startCallTs() <= 0) {
            return "startCallTs " + record.startCallTs() + " is not a time";
        }
        if (record.startCallTs() < nowSeconds - ApiLimits.HORIZON.toSeconds() - HORIZON_TOLERANCE_SECONDS) {
            return "startCallTs " + record.startCallTs() + " lies before the API's 7-day horizon";
        }
        if (record.endTs() < record.startCallTs()) {
            return "endTs " + record.endTs() + " is before startCallTs " + record.startCallTs();
        }
        if (record.endTs() > latest) {
            return "endTs " + record.endTs() + " lies in the future (now is " + nowSeconds + ")";
        }
        if (record.acceptTs() < 0 || record.acceptTs() > latest) {
            return "acceptTs " + record.acceptTs() + " is neither 0 (never connected) nor a time up to now";
        }
        return null;
    }

    /**
     * The record as JSON with v1's field names, whichever dialect sent it: the text the API sent is
     * gone once a record parsed, so a record rejected after parsing is shown as it was read.
     */
    static String json(CallRecord record) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("callId", record.callId());
            out.writeNumberField("sdkAppId", record.sdkAppId());
            out.writeStringField("mediaType", record.mediaType());
            out.writeStringField("roomId", record.roomId());
            if (record.roomIdType() != null) {
                out.writeNumberField("roomIdType", record.roomIdType());
            }
            out.writeNumberField("startCallTs", record.startCallTs());
            out.writeNumberField("acceptTs", record.acceptTs());
            out.writeNumberField("endTs", record.endTs());
            out.writeStringField("caller", record.caller());
            if (record.totalUserNumber() != null) {
                out.writeNumberField("totalUserNumber", record.totalUserNumber());
            }
            out.writeStringField("callType", record.callType());
            out.writeStringField("callResult", record.callResult());
            out.writeArrayFieldStart("callees");
            for (String callee : record.callees()) {
                out.writeString(callee);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail.
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

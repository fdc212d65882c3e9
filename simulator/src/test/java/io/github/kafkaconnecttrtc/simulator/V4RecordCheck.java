package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a v4 reader that validates records as the connector's v1 reader does would find wrong with
 * one record: ids, times and lists, and {@code RoomIdType}, the one v4 field read as an int.
 * Written for the tests only, to show that every malformed record can be told from a good one.
 */
final class V4RecordCheck {

    /** A call ends at most this long after the query; a later end is no true one. */
    private static final long MAX_END_AHEAD_SECONDS = 86_400;

    private V4RecordCheck() {
    }

    /** What is wrong with {@code record} as read at {@code nowSeconds}, or null. */
    static String problem(JsonNode record, long nowSeconds) {
        JsonNode callId = record.get("CallId");
        if (callId == null || !callId.isTextual() || callId.asText().isEmpty()) {
            return "no CallId";
        }
        String times = firstNonNull(time(record, "StartTime", true), time(record, "EndTime", true),
                time(record, "AcceptTime", false));
        if (times != null) {
            return times;
        }
        long start = record.get("StartTime").longValue();
        long end = record.get("EndTime").longValue();
        long accept = record.path("AcceptTime").asLong(0);
        if (start > end || (accept != 0 && (accept < start || accept > end))) {
            return "times out of order";
        }
        if (end > nowSeconds + MAX_END_AHEAD_SECONDS) {
            return "EndTime in the future";
        }
        JsonNode caller = record.get("Caller_Account");
        if (caller == null || !caller.isTextual() || caller.asText().contains("\uFFFD")) {
            return "Caller_Account is not UTF-8 text";
        }
        JsonNode callees = record.get("CalleeList_Account");
        if (callees == null || !callees.isArray()) {
            return "CalleeList_Account is not a list";
        }
        JsonNode roomIdType = record.get("RoomIdType");
        if (roomIdType == null || !roomIdType.canConvertToInt()
                || (roomIdType.intValue() != 1 && roomIdType.intValue() != 2)) {
            return "RoomIdType is neither 1 nor 2";
        }
        return null;
    }

    private static String time(JsonNode record, String field, boolean required) {
        JsonNode node = record.get(field);
        if (node == null) {
            return required ? "no " + field : null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            return field + " is not a whole number of seconds";
        }
        long seconds = node.longValue();
        if (seconds < 0 || seconds > Long.MAX_VALUE / 1000) {
            return field + " is out of range";
        }
        return null;
    }

    private static String firstNonNull(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}

package io.github.kafkaconnecttrtc.client;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON names of one dialect's answers: the envelope, the page and the fields of a call record. The
 * two dialects carry the same facts under different names, so one parser reads both through this.
 */
final class WireFormat {

    /** The facts of a call record that the connector reads. */
    enum Field {
        CALL_ID, SDK_APP_ID, MEDIA_TYPE, ROOM_ID, ROOM_ID_TYPE, START, ACCEPT, END, CALLER, TOTAL_USER_NUMBER,
        CALL_TYPE, CALL_RESULT, CALLEES
    }

    static final WireFormat V1 = new WireFormat(null, "errorCode", "errorMessage", "requestId", "data", "totalNum",
            "page", "callRecordList", Map.ofEntries(
                    Map.entry(Field.CALL_ID, "callId"),
                    Map.entry(Field.SDK_APP_ID, "sdkAppId"),
                    Map.entry(Field.MEDIA_TYPE, "mediaType"),
                    Map.entry(Field.ROOM_ID, "roomId"),
                    Map.entry(Field.START, "startCallTs"),
                    Map.entry(Field.ACCEPT, "acceptTs"),
                    Map.entry(Field.END, "endTs"),
                    Map.entry(Field.CALLER, "caller"),
                    Map.entry(Field.TOTAL_USER_NUMBER, "totalUserNumber"),
                    Map.entry(Field.CALL_TYPE, "callType"),
                    Map.entry(Field.CALL_RESULT, "callResult"),
                    Map.entry(Field.CALLEES, "callees")));

    static final WireFormat V4 = new WireFormat("ActionStatus", "ErrorCode", "ErrorInfo", "RequestId", "Response",
            "TotalNum", "Page", "CallRecordList", Map.ofEntries(
                    Map.entry(Field.CALL_ID, "CallId"),
                    Map.entry(Field.MEDIA_TYPE, "MediaType"),
                    Map.entry(Field.ROOM_ID, "RoomId"),
                    Map.entry(Field.ROOM_ID_TYPE, "RoomIdType"),
                    Map.entry(Field.START, "StartTime"),
                    Map.entry(Field.ACCEPT, "AcceptTime"),
                    Map.entry(Field.END, "EndTime"),
                    Map.entry(Field.CALLER, "Caller_Account"),
                    Map.entry(Field.CALL_TYPE, "CallType"),
                    Map.entry(Field.CALL_RESULT, "CallResult"),
                    Map.entry(Field.CALLEES, "CalleeList_Account")));

    /** The envelope's {@code OK}/{@code FAIL} field, or null when the dialect has none. */
    final String status;
    final String errorCode;
    final String errorMessage;
    final String requestId;
    final String data;
    final String totalNum;
    final String page;
    final String records;
    private final Map<Field, String> names;
    private final Map<String, Field> fields = new HashMap<>();

    private WireFormat(String status, String errorCode, String errorMessage, String requestId, String data,
            String totalNum, String page, String records, Map<Field, String> names) {
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.data = data;
        this.totalNum = totalNum;
        this.page = page;
        this.records = records;
        this.names = new EnumMap<>(names);
        names.forEach((field, name) -> fields.put(name, field));
    }

    /** The field a record's JSON name stands for, or null for a name this dialect does not send. */
    Field field(String name) {
        return fields.get(name);
    }

    /** The JSON name of a field, for messages; the field's own name when the dialect has none. */
    String name(Field field) {
        return names.getOrDefault(field, field.name());
    }
}

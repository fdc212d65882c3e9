package io.github.kafkaconnecttrtc.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an answer of the records API with Jackson's streaming parser.
 *
 * <p>Lenient where the API is loose: unknown fields are skipped, numbers may come as numbers or
 * numeric strings, and strings as strings or numbers. Strict where leniency would lose data: a
 * body that is cut off, a missing {@code errorCode}, a success without {@code data}, or a record
 * without {@code callId} or {@code endTs} is a {@link MalformedResponseException}, so the caller
 * asks again instead of skipping calls. Thread-safe.
 */
public final class ResponseParser {

    private final JsonFactory factory = JsonFactory.builder().build();

    public ApiResponse parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedResponseException("empty answer body");
        }
        try (JsonParser p = factory.createParser(body)) {
            ApiResponse response = readEnvelope(p);
            if (p.nextToken() != null) {
                throw new MalformedResponseException("trailing content after the JSON document");
            }
            return response;
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("answer is not valid JSON (" + body.length + " bytes): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedResponseException("answer could not be read: " + e.getMessage(), e);
        }
    }

    private ApiResponse readEnvelope(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT, "the answer");
        Long errorCode = null;
        String errorMessage = null;
        String requestId = null;
        boolean hasData = false;
        long totalNum = 0;
        int page = 0;
        List<CallRecord> records = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "errorCode" -> errorCode = readLong(p, value, "errorCode");
                case "errorMessage" -> errorMessage = readText(p, value);
                case "requestId" -> requestId = readText(p, value);
                case "data" -> {
                    if (value == JsonToken.START_OBJECT) {
                        hasData = true;
                        DataFields data = readData(p);
                        totalNum = data.totalNum;
                        page = data.page;
                        records = data.records;
                    } else if (value != JsonToken.VALUE_NULL) {
                        throw new MalformedResponseException("'data' is not an object");
                    }
                }
                default -> p.skipChildren();
            }
        }
        expect(p.currentToken(), JsonToken.END_OBJECT, "the answer");
        if (errorCode == null) {
            throw new MalformedResponseException("answer has no errorCode");
        }
        if (errorCode == ErrorCodes.SUCCESS && !hasData) {
            throw new MalformedResponseException("successful answer without 'data'");
        }
        return new ApiResponse(toInt(errorCode, "errorCode"), errorMessage, requestId, hasData, totalNum, page, records);
    }

    private static final class DataFields {
        long totalNum;
        int page;
        List<CallRecord> records = List.of();
    }

    private DataFields readData(JsonParser p) throws IOException {
        DataFields data = new DataFields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "totalNum" -> data.totalNum = orZero(readLong(p, value, "totalNum"));
                case "page" -> data.page = toInt(orZero(readLong(p, value, "page")), "page");
                case "callRecordList" -> data.records = readRecords(p, value);
                default -> p.skipChildren();
            }
        }
        return data;
    }

    private List<CallRecord> readRecords(JsonParser p, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(start, JsonToken.START_ARRAY, "callRecordList");
        List<CallRecord> records = new ArrayList<>(ApiLimits.MAX_PAGE_SIZE);
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(token, JsonToken.START_OBJECT, "a call record");
            records.add(readRecord(p, records.size()));
        }
        return records;
    }

    private CallRecord readRecord(JsonParser p, int index) throws IOException {
        String callId = null;
        long sdkAppId = 0;
        String mediaType = null;
        String roomId = null;
        long startCallTs = 0;
        long acceptTs = 0;
        Long endTs = null;
        String caller = null;
        int totalUserNumber = 0;
        String callType = null;
        String callResult = null;
        List<String> callees = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "callId" -> callId = readText(p, value);
                case "sdkAppId" -> sdkAppId = orZero(readLong(p, value, field));
                case "mediaType" -> mediaType = readText(p, value);
                case "roomId" -> roomId = readText(p, value);
                case "startCallTs" -> startCallTs = orZero(readLong(p, value, field));
                case "acceptTs" -> acceptTs = orZero(readLong(p, value, field));
                case "endTs" -> endTs = readLong(p, value, field);
                case "caller" -> caller = readText(p, value);
                case "totalUserNumber" -> totalUserNumber = toInt(orZero(readLong(p, value, field)), field);
                case "callType" -> callType = readText(p, value);
                case "callResult" -> callResult = readText(p, value);
                case "callees" -> callees = readStrings(p, value);
                default -> p.skipChildren();
            }
        }
        if (callId == null || callId.isEmpty()) {
            throw new MalformedResponseException("call record #" + index + " has no callId");
        }
        if (endTs == null) {
            throw new MalformedResponseException("call record " + callId + " has no endTs");
        }
        return new CallRecord(callId, sdkAppId, mediaType, roomId, startCallTs, acceptTs, endTs, caller,
                totalUserNumber, callType, callResult, callees);
    }

    private List<String> readStrings(JsonParser p, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (start != JsonToken.START_ARRAY) {
            // One callee sent as a bare value rather than a list of one.
            String single = readText(p, start);
            return single == null ? List.of() : List.of(single);
        }
        List<String> values = new ArrayList<>(4);
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            String value = readText(p, token);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static String readText(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return p.getText();
        }
        throw new MalformedResponseException("expected a text value for '" + p.currentName() + "', got " + token);
    }

    private static Long readLong(JsonParser p, JsonToken token, String field) throws IOException {
        switch (token) {
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                String text = p.getText().trim();
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new MalformedResponseException("'" + field + "' is not a whole number: '" + abbreviate(text) + "'");
                }
            default:
                throw new MalformedResponseException("'" + field + "' is not a whole number: " + token);
        }
    }

    private static int toInt(long value, String field) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new MalformedResponseException("'" + field + "' is out of range: " + value);
        }
        return (int) value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new MalformedResponseException("expected " + expected + " for " + what + ", got "
                    + (actual == null ? "the end of the body" : actual));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }
}

package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the records endpoint's JSON bodies: {@code errorCode}, {@code errorMessage} and a
 * {@code requestId} always, {@code data} only on success.
 */
final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed;
    private final AtomicLong requests = new AtomicLong();

    /** Request ids derive from {@code seed} and a counter, so that runs can be compared. */
    Answers(long seed) {
        this.seed = seed;
    }

    ApiAnswer error(int errorCode) {
        return error(errorCode, ApiCodes.message(errorCode));
    }

    ApiAnswer error(int errorCode, String message) {
        return new ApiAnswer(errorCode, envelope(errorCode, message));
    }

    /** A page of records; {@code data.page} echoes {@code requestedPage} only when more follow. */
    ApiAnswer success(QueryPage page, int requestedPage) {
        ObjectNode body = envelope(ApiCodes.SUCCESS, ApiCodes.message(ApiCodes.SUCCESS));
        ObjectNode data = body.putObject("data");
        data.put("totalNum", page.totalNum());
        data.put("page", page.morePages() ? requestedPage : 0);
        ArrayNode list = data.putArray("callRecordList");
        for (ApiRecord record : page.records()) {
            write(record, list.addObject());
        }
        return new ApiAnswer(ApiCodes.SUCCESS, body);
    }

    /** The record's fields under the names the vendor's API uses, written one by one. */
    private static void write(ApiRecord record, ObjectNode json) {
        json.put("callId", record.callId());
        json.put("sdkAppId", record.sdkAppId());
        json.put("mediaType", record.mediaType());
        json.put("roomId", record.roomId());
        json.put("startCallTs", record.startCallTs());
        json.put("acceptTs", record.acceptTs());
        json.put("endTs", record.endTs());
        json.put("caller", record.caller());
        json.put("totalUserNumber", record.totalUserNumber());
        json.put("callType", record.callType());
        json.put("callResult", record.callResult());
        ArrayNode callees = json.putArray("callees");
        record.callees().forEach(callees::add);
    }

    private ObjectNode envelope(int errorCode, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("errorCode", errorCode);
        body.put("errorMessage", message);
        body.put("requestId", nextRequestId());
        return body;
    }

    private String nextRequestId() {
        long n = requests.incrementAndGet();
        return String.format("%016x%016x", mix(seed ^ n), mix(n * 0x9E3779B97F4A7C15L));
    }

    private static long mix(long value) {
        long z = (value ^ (value >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}

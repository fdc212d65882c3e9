package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.ErrorCodes;
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
        return error(errorCode, ErrorMessages.message(errorCode));
    }

    ApiAnswer error(int errorCode, String message) {
        return new ApiAnswer(errorCode, envelope(errorCode, message));
    }

    /** A page of records; {@code data.page} echoes {@code requestedPage} only when more follow. */
    ApiAnswer success(QueryPage page, int requestedPage) {
        ObjectNode body = envelope(ErrorCodes.SUCCESS, ErrorMessages.message(ErrorCodes.SUCCESS));
        ObjectNode data = body.putObject("data");
        data.put("totalNum", page.totalNum());
        data.put("page", page.morePages() ? requestedPage : 0);
        ArrayNode list = data.putArray("callRecordList");
        for (CallRecord record : page.records()) {
            list.add(JSON.valueToTree(record));
        }
        return new ApiAnswer(ErrorCodes.SUCCESS, body);
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

package io.github.kafkaconnecttrtc.client;

import java.util.List;
import java.util.Objects;

/**
 * One call as the records API returns it, with the API's own field names and types.
 *
 * <p>Timestamps are Unix seconds; {@code acceptTs} is 0 for a call that was never connected.
 * {@code callType}, {@code callResult} and {@code mediaType} are kept as the raw strings the
 * API sent, so that a value this version does not know survives unchanged.
 */
public record CallRecord(
        String callId,
        long sdkAppId,
        String mediaType,
        String roomId,
        long startCallTs,
        long acceptTs,
        long endTs,
        String caller,
        int totalUserNumber,
        String callType,
        String callResult,
        List<String> callees) {

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        callees = callees == null ? List.of() : List.copyOf(callees);
    }

    /** Seconds between the start of the call and its end. */
    public long durationSeconds() {
        return endTs - startCallTs;
    }
}

package io.github.kafkaconnecttrtc.client;

import java.util.List;
import java.util.Objects;

/**
 * One call as the records API returns it, with the API's own field names and types.
 *
 * <p>Timestamps are Unix seconds; {@code acceptTs} is 0 for a call that was never connected.
 * {@code callType}, {@code callResult} and {@code mediaType} are kept as the raw strings the
 * API sent, so that a value this version does not know survives unchanged.
 *
 * <p>Both dialects of the API map onto this one shape. {@code roomIdType} (1 numeric room, 2 string
 * room) is sent by v4 only and {@code totalUserNumber} by v1 only: each is null where the API does
 * not say it. v4 names no application, so its records carry the configured SDKAppID.
 */
public record CallRecord(
        String callId,
        long sdkAppId,
        String mediaType,
        String roomId,
        Integer roomIdType,
        long startCallTs,
        long acceptTs,
        long endTs,
        String caller,
        Integer totalUserNumber,
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

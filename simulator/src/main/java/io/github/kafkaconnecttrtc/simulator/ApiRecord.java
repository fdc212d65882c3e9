package io.github.kafkaconnecttrtc.simulator;

import java.util.List;
import java.util.Objects;

/**
 * One call record as the simulated API sends it: the fields of the vendor's records API, named as
 * its JSON names them. Times are Unix seconds; {@code acceptTs} is 0 for a call never connected.
 *
 * <p>This is the simulator's own model of the wire, kept apart from the connector's classes so
 * that the two are written independently and a test comparing them can catch either one's mistake.
 */
public record ApiRecord(
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

    public ApiRecord {
        Objects.requireNonNull(callId, "callId");
        callees = callees == null ? List.of() : List.copyOf(callees);
    }

    /** Seconds from the call's start to its end. */
    public long durationSeconds() {
        return endTs - startCallTs;
    }
}

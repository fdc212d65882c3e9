package io.github.kafkaconnecttrtc.simulator;

/**
 * How the simulator reads a query's {@code endTimestamp}. The vendor's page is not clear about
 * it, so the connector must be correct under both readings.
 */
public enum EndTimestampReading {

    /**
     * The page's literal words: {@code endTimestamp} bounds the call's end, {@code endTs <=
     * endTimestamp}; without it there is no upper bound.
     */
    END,

    /**
     * A bound on the start: {@code startCallTs <= endTimestamp}; without it, {@code
     * startTimestamp} + 7 days.
     */
    START
}

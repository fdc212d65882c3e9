package io.github.kafkaconnecttrtc.simulator;

/**
 * A request body that passed validation, with defaults filled in, in the v1 endpoint's terms
 * whichever endpoint it came to.
 *
 * @param startTimestamp lower bound on the call's start, inclusive
 * @param endTimestamp the upper bound, or {@code null} when a v1 query has none; what it bounds
 *     depends on the {@link EndTimestampReading}
 * @param callType {@code single}, {@code group}, or {@code null} for all
 * @param callResult one result to keep, or {@code null} for all
 * @param page 1-based page number
 * @param numberPerPage the page size served: 1..100 in v1, up to the configured maximum in v4
 */
record RecordQuery(
        long startTimestamp, Long endTimestamp, String callType, String callResult, int page, int numberPerPage) {
}

package io.github.kafkaconnecttrtc.simulator;

/**
 * A request body that passed validation, with defaults filled in.
 *
 * @param startTimestamp lower bound on the call's start, inclusive
 * @param endTimestamp the upper bound as sent, or {@code null} when absent; what it bounds depends
 *     on the {@link EndTimestampReading}
 * @param callType {@code single}, {@code group}, or {@code null} for all
 * @param callResult one result to keep, or {@code null} for all
 * @param page 1-based page number
 * @param numberPerPage page size, 1..100
 */
record RecordQuery(
        long startTimestamp, Long endTimestamp, String callType, String callResult, int page, int numberPerPage) {
}

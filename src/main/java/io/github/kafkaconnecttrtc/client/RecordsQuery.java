package io.github.kafkaconnecttrtc.client;

import java.util.OptionalLong;

/**
 * One filter of {@code get_records_by_filter}, without the page number.
 *
 * @param startTimestamp lower bound on the call's start, Unix seconds (inclusive)
 * @param endTimestamp upper bound in Unix seconds, or empty to leave it to the API; whether it bounds
 *     the start or the end of a call is not certain (see docs/how-it-reads.md)
 * @param callType {@code single}, {@code group} or null for both
 * @param callResult one result, or null for all
 * @param numberPerPage page size, 1..100
 */
public record RecordsQuery(
        long startTimestamp, OptionalLong endTimestamp, String callType, String callResult, int numberPerPage) {

    public RecordsQuery {
        if (startTimestamp < 0) {
            throw new IllegalArgumentException("startTimestamp must not be negative: " + startTimestamp);
        }
        if (endTimestamp == null) {
            endTimestamp = OptionalLong.empty();
        }
        if (endTimestamp.isPresent() && endTimestamp.getAsLong() < startTimestamp) {
            throw new IllegalArgumentException(
                    "endTimestamp " + endTimestamp.getAsLong() + " is before startTimestamp " + startTimestamp);
        }
        if (numberPerPage < 1 || numberPerPage > ApiLimits.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "numberPerPage must be 1.." + ApiLimits.MAX_PAGE_SIZE + ": " + numberPerPage);
        }
    }
}

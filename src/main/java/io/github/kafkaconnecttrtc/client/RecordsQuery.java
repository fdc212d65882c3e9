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

    public static final int MAX_PAGE_SIZE = 100;

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
        if (numberPerPage < 1 || numberPerPage > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("numberPerPage must be 1.." + MAX_PAGE_SIZE + ": " + numberPerPage);
        }
    }

    /** All calls from {@code startTimestamp} up to {@code endTimestamp}, full pages. */
    public static RecordsQuery between(long startTimestamp, long endTimestamp) {
        return new RecordsQuery(startTimestamp, OptionalLong.of(endTimestamp), null, null, MAX_PAGE_SIZE);
    }

    public RecordsQuery withCallType(String type) {
        return new RecordsQuery(startTimestamp, endTimestamp, type, callResult, numberPerPage);
    }

    public RecordsQuery withCallResult(String result) {
        return new RecordsQuery(startTimestamp, endTimestamp, callType, result, numberPerPage);
    }

    public RecordsQuery withNumberPerPage(int size) {
        return new RecordsQuery(startTimestamp, endTimestamp, callType, callResult, size);
    }
}

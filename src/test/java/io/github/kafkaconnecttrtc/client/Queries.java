package io.github.kafkaconnecttrtc.client;

import java.util.OptionalLong;

/** Records queries as the tests of the client write them. */
final class Queries {

    private Queries() {
    }

    /** All calls from {@code startTimestamp} up to {@code endTimestamp}, full pages. */
    static RecordsQuery between(long startTimestamp, long endTimestamp) {
        return between(startTimestamp, endTimestamp, ApiLimits.MAX_PAGE_SIZE);
    }

    /** All calls from {@code startTimestamp} up to {@code endTimestamp}, pages of {@code pageSize}. */
    static RecordsQuery between(long startTimestamp, long endTimestamp, int pageSize) {
        return new RecordsQuery(startTimestamp, OptionalLong.of(endTimestamp), null, null, pageSize);
    }

    static RecordsQuery withCallType(RecordsQuery query, String callType) {
        return new RecordsQuery(query.startTimestamp(), query.endTimestamp(), callType, query.callResult(),
                query.numberPerPage());
    }

    static RecordsQuery withCallResult(RecordsQuery query, String callResult) {
        return new RecordsQuery(query.startTimestamp(), query.endTimestamp(), query.callType(), callResult,
                query.numberPerPage());
    }
}

package io.github.kafkaconnecttrtc.client;

import java.util.List;

/**
 * One page of an answer.
 *
 * @param requested the page number that was asked for (1-based)
 * @param nextIndicator the API's {@code data.page}: greater than 0 when more matches follow
 * @param totalNum the API's count of matches at the moment of the request
 * @param records the calls on this page, in the API's order
 * @param invalid the records on this page that could not be read faithfully, in the API's order
 * @param requestId the API's request id, for support tickets
 */
public record RecordsPage(int requested, int nextIndicator, long totalNum, List<CallRecord> records,
        List<InvalidRecord> invalid, String requestId) {

    public RecordsPage {
        records = List.copyOf(records);
        invalid = List.copyOf(invalid);
    }

    /** The answer to a query that matched nothing (70011). */
    public static RecordsPage empty(int requested, String requestId) {
        return new RecordsPage(requested, 0, 0, List.of(), List.of(), requestId);
    }

    /** Whether the API says that more pages follow: a page of invalid records only is not an empty page. */
    public boolean hasMore() {
        return nextIndicator > 0 && (!records.isEmpty() || !invalid.isEmpty());
    }
}

package io.github.kafkaconnecttrtc.client;

import java.util.function.Consumer;

/** Reads a whole answer, page after page, for the tests of the client. */
final class Scans {

    /** What one {@link #scan} read: requests made and records handed over. */
    record Summary(int pages, long records) {
    }

    private Scans() {
    }

    /**
     * Reads every page of {@code query} in order, handing each non-empty page to {@code handler},
     * until the API says no more follow. Pages are read as they stand at each request, so a call
     * that becomes visible meanwhile may be handed over twice.
     */
    static Summary scan(TrtcRecordsClient client, RecordsQuery query, Consumer<RecordsPage> handler) {
        int pages = 0;
        long records = 0;
        for (int page = 1; ; page++) {
            RecordsPage answer = client.fetchPage(query, page);
            pages++;
            if (!answer.records().isEmpty()) {
                records += answer.records().size();
                handler.accept(answer);
            }
            if (!answer.hasMore()) {
                return new Summary(pages, records);
            }
        }
    }
}

package io.github.kafkaconnecttrtc.client;

import java.util.function.Consumer;

/** Reads call records from {@code v1/records/get_records_by_filter}. */
public interface TrtcRecordsClient extends AutoCloseable {

    /**
     * Reads one page (1-based). An answer with no match (70011) is an empty page.
     *
     * @throws TrtcFatalException for an answer only a configuration change can fix
     * @throws TrtcRetriableException for a transient failure that outlasted the retries
     */
    RecordsPage fetchPage(RecordsQuery query, int page);

    /**
     * Reads every page of {@code query} in order, handing each non-empty page to {@code handler},
     * until the API says no more follow. Pages are read as they stand at each request, so a call
     * that becomes visible meanwhile may be handed over twice: callers de-duplicate by callId.
     */
    default ScanSummary scan(RecordsQuery query, Consumer<RecordsPage> handler) {
        int pages = 0;
        long records = 0;
        for (int page = 1; ; page++) {
            RecordsPage answer = fetchPage(query, page);
            pages++;
            if (!answer.records().isEmpty()) {
                records += answer.records().size();
                handler.accept(answer);
            }
            if (!answer.hasMore()) {
                return new ScanSummary(pages, records);
            }
        }
    }

    ClientStats stats();

    @Override
    void close();

    /** What one {@link #scan} read: requests made and records handed over. */
    record ScanSummary(int pages, long records) {
    }
}

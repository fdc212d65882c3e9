package io.github.kafkaconnecttrtc.client;

/** Reads call records from {@code v1/records/get_records_by_filter}. */
public interface TrtcRecordsClient extends AutoCloseable {

    /**
     * Reads one page (1-based). An answer with no match (70011) is an empty page.
     *
     * @throws TrtcFatalException for an answer only a configuration change can fix
     * @throws TrtcRetriableException for a transient failure that outlasted the retries
     */
    RecordsPage fetchPage(RecordsQuery query, int page);

    ClientStats stats();

    @Override
    void close();
}

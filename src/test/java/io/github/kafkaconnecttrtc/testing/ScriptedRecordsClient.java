package io.github.kafkaconnecttrtc.testing;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.ClientStats;
import io.github.kafkaconnecttrtc.client.RecordsPage;
import io.github.kafkaconnecttrtc.client.RecordsQuery;
import io.github.kafkaconnecttrtc.client.TrtcRecordsClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An in-memory records API, with no HTTP in between, that a test can make misbehave: it answers
 * every page as the simulator's model says (matches in start order, {@code data.page} echoing the
 * page while more follow, {@code totalNum} counting them all, an empty page for no match), and then
 * hands that honest answer to the test's {@link Script}, which may return another one. For tests
 * of what the reader does with answers the simulator never gives, and for large volumes of calls.
 */
public final class ScriptedRecordsClient implements TrtcRecordsClient {

    /** Turns the honest answer to a request into the one the test wants sent. */
    @FunctionalInterface
    public interface Script {
        RecordsPage answer(RecordsQuery query, int page, RecordsPage honest);
    }

    private static final Comparator<CallRecord> API_ORDER =
            Comparator.comparingLong(CallRecord::startCallTs).thenComparing(CallRecord::callId);

    private final List<CallRecord> calls;
    private final boolean endBoundsTheEnd;
    private final List<RecordsQuery> queries = new ArrayList<>();
    private final List<Integer> pages = new ArrayList<>();
    private Script script = (query, page, honest) -> honest;

    /**
     * @param endBoundsTheEnd how {@code endTimestamp} filters: true for the call's end, false for its start
     */
    public ScriptedRecordsClient(List<CallRecord> calls, boolean endBoundsTheEnd) {
        this.calls = new ArrayList<>(calls);
        this.calls.sort(API_ORDER);
        this.endBoundsTheEnd = endBoundsTheEnd;
    }

    public ScriptedRecordsClient script(Script script) {
        this.script = script;
        return this;
    }

    @Override
    public synchronized RecordsPage fetchPage(RecordsQuery query, int page) {
        queries.add(query);
        pages.add(page);
        return script.answer(query, page, honest(query, page));
    }

    /** The answer the model gives. */
    public RecordsPage honest(RecordsQuery query, int page) {
        long hi = query.endTimestamp().orElse(Long.MAX_VALUE);
        int from = firstStartingAtOrAfter(query.startTimestamp());
        List<CallRecord> selected = new ArrayList<>();
        long first = (long) (page - 1) * query.numberPerPage();
        long matched = 0;
        for (int i = from; i < calls.size(); i++) {
            CallRecord call = calls.get(i);
            if (!endBoundsTheEnd && call.startCallTs() > hi) {
                break;
            }
            if (endBoundsTheEnd && call.endTs() > hi) {
                continue;
            }
            if (query.callType() != null && !query.callType().equals(call.callType())) {
                continue;
            }
            if (matched >= first && matched < first + query.numberPerPage()) {
                selected.add(call);
            }
            matched++;
        }
        String requestId = "req-" + queries.size();
        if (matched == 0) {
            return RecordsPage.empty(page, requestId);
        }
        boolean more = matched > first + query.numberPerPage();
        return new RecordsPage(page, more ? page : 0, matched, selected, List.of(), requestId);
    }

    private int firstStartingAtOrAfter(long start) {
        int low = 0;
        int high = calls.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (calls.get(mid).startCallTs() < start) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The requests made so far: their queries, in order. */
    public synchronized List<RecordsQuery> queries() {
        return List.copyOf(queries);
    }

    /** The page numbers of the requests made so far, in order. */
    public synchronized List<Integer> pages() {
        return List.copyOf(pages);
    }

    public synchronized int requestCount() {
        return queries.size();
    }

    @Override
    public ClientStats stats() {
        return new ClientStats();
    }

    @Override
    public void close() {
    }
}

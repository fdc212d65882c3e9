package io.github.kafkaconnecttrtc.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what a client did: requests by outcome, retries and time spent waiting for the
 * rate limiter. Thread-safe; read by tests and by the connector's metrics.
 */
public final class ClientStats {

    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimitWaitNanos = new LongAdder();

    void request(String outcome) {
        requests.increment();
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    void retry() {
        retries.increment();
    }

    void rateLimitWait(long nanos) {
        rateLimitWaitNanos.add(nanos);
    }

    public long requests() {
        return requests.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long rateLimitWaitNanos() {
        return rateLimitWaitNanos.sum();
    }

    /**
     * Requests by outcome: {@code ok}, {@code no_records}, {@code api_<code>} for other API codes,
     * {@code http_<status>}, {@code timeout}, {@code io_error}, {@code too_large} (a body over the size limit)
     * and {@code malformed}.
     */
    public Map<String, Long> outcomes() {
        Map<String, Long> snapshot = new TreeMap<>();
        outcomes.forEach((k, v) -> snapshot.put(k, v.sum()));
        return snapshot;
    }
}

package io.github.kafkaconnecttrtc.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the records endpoints have seen: requests in all and per second of the simulator's clock,
 * answers by error code and by fault, and the paging fields of each request, so that tests can
 * measure what a client costs the API. Both records endpoints count, together and, for answers,
 * each apart, since some codes mean different things in each; admin paths do not count.
 *
 * <p>Answers by error code count the JSON answers that reached the client whole; truncated,
 * malformed and gateway answers count under their fault only. The latency counts every answer
 * that crossed the simulated network ({@link #latency()}).
 */
public final class SimulatorStats {

    /** Bounds memory on long demo runs; enough for any test. */
    static final int MAX_QUERIES_KEPT = 100_000;
    static final int MAX_SECONDS_KEPT = 100_000;

    private long totalRequests;
    private long maxRequestsInAnySecond;
    private final TreeMap<Long, Long> requestsPerSecond = new TreeMap<>();
    private final Map<Integer, Long> answersByErrorCode = new TreeMap<>();
    private final Map<ApiDialect, Map<Integer, Long>> answersByDialect = new EnumMap<>(ApiDialect.class);
    private long rateLimitedAnswers;
    private final Map<Fault, Long> answersByFault = new EnumMap<>(Fault.class);
    private final Deque<QuerySnapshot> queries = new ArrayDeque<>();
    private long networkAnswers;
    private long slowAnswers;
    private long totalDelayNanos;
    private long maxDelayNanos;

    SimulatorStats() {
    }

    synchronized void recordRequest(long second, QuerySnapshot query) {
        totalRequests++;
        long inSecond = requestsPerSecond.merge(second, 1L, Long::sum);
        maxRequestsInAnySecond = Math.max(maxRequestsInAnySecond, inSecond);
        if (requestsPerSecond.size() > MAX_SECONDS_KEPT) {
            requestsPerSecond.pollFirstEntry();
        }
        queries.addLast(query);
        if (queries.size() > MAX_QUERIES_KEPT) {
            queries.pollFirst();
        }
    }

    synchronized void recordAnswer(ApiDialect dialect, int errorCode) {
        answersByErrorCode.merge(errorCode, 1L, Long::sum);
        answersByDialect.computeIfAbsent(dialect, d -> new TreeMap<>()).merge(errorCode, 1L, Long::sum);
        if (dialect.isRateLimited(errorCode)) {
            rateLimitedAnswers++;
        }
    }

    synchronized void recordFault(Fault fault) {
        answersByFault.merge(fault, 1L, Long::sum);
    }

    synchronized void recordLatency(Latency.Delay delay) {
        long nanos = delay.total().toNanos();
        networkAnswers++;
        totalDelayNanos += nanos;
        maxDelayNanos = Math.max(maxDelayNanos, nanos);
        if (delay.slow()) {
            slowAnswers++;
        }
    }

    /** Requests to the records endpoints since the start. */
    public synchronized long totalRequests() {
        return totalRequests;
    }

    /** The most requests that arrived in one second of the simulator's clock. */
    public synchronized long maxRequestsInAnySecond() {
        return maxRequestsInAnySecond;
    }

    /** Requests per second of the simulator's clock (Unix seconds), for the latest seconds. */
    public synchronized SortedMap<Long, Long> requestsPerSecond() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(requestsPerSecond));
    }

    /** JSON answers of both endpoints by their error code, 0 included. */
    public synchronized Map<Integer, Long> answersByErrorCode() {
        return Map.copyOf(answersByErrorCode);
    }

    /** JSON answers of the {@code dialect}'s endpoint by their error code, 0 included. */
    public synchronized Map<Integer, Long> answersByErrorCode(ApiDialect dialect) {
        return Map.copyOf(answersByDialect.getOrDefault(dialect, Map.of()));
    }

    /**
     * JSON answers that said "frequency limited", whichever endpoint gave them: 70005 from v1,
     * and any of v4's four codes for it ({@link ApiCodesV4#FREQUENCY_LIMITED}) from v4.
     */
    public synchronized long rateLimitedAnswers() {
        return rateLimitedAnswers;
    }

    /** Injected faults by kind. */
    public synchronized Map<Fault, Long> answersByFault() {
        return Map.copyOf(answersByFault);
    }

    /** The network latency added to the answers so far. */
    public synchronized AppliedLatency latency() {
        Duration mean = Duration.ofNanos(networkAnswers == 0 ? 0 : totalDelayNanos / networkAnswers);
        return new AppliedLatency(networkAnswers, mean, Duration.ofNanos(maxDelayNanos), slowAnswers);
    }

    /** The paging fields of each request, oldest first, for the latest requests. */
    public synchronized List<QuerySnapshot> queries() {
        return List.copyOf(queries);
    }
}

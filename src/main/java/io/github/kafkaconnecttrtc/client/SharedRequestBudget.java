package io.github.kafkaconnecttrtc.client;

import java.util.HashMap;
import java.util.Map;

/**
 * The request budget that the tasks of one connector share inside one worker JVM.
 *
 * <p>Each task brings its share of the connector's permit rate ({@link RequestRateLimiter#permitRate}
 * divided by the number of tasks), and one limiter issues permits at the sum of the shares of the
 * tasks present. A task that is converting and sending a pass so leaves its share to its siblings
 * instead of letting it lapse: with a fixed share per task, a backfill used about half of the
 * API's 200 requests per second (runs 1 and 2 in docs/benchmark-results.md). Across worker JVMs
 * the split stays as it was: each JVM gets the shares of the tasks it runs, and together they
 * never exceed the budget.
 */
public final class SharedRequestBudget {

    private static final Map<String, SharedRequestBudget> BUDGETS = new HashMap<>();

    private final String key;
    private final RequestRateLimiter limiter;
    private double requestsPerSecond;
    private int members;

    private SharedRequestBudget(String key, double requestsPerSecond) {
        this.key = key;
        this.limiter = new RequestRateLimiter(requestsPerSecond);
    }

    /**
     * Adds a task's share to the budget of {@code key}, such as the connector's name and
     * application; the lease gives it back.
     */
    public static Lease join(String key, double share) {
        if (!(share > 0)) {
            throw new IllegalArgumentException("a task's share of the request budget must be positive, got " + share);
        }
        synchronized (BUDGETS) {
            SharedRequestBudget budget = BUDGETS.computeIfAbsent(key, k -> new SharedRequestBudget(k, share));
            budget.members++;
            budget.requestsPerSecond = budget.members == 1 ? share : budget.requestsPerSecond + share;
            budget.limiter.setRequestsPerSecond(budget.requestsPerSecond);
            return budget.new Lease(share);
        }
    }

    /** A task's part in a shared budget. Closing it twice gives the share back once. */
    public final class Lease implements AutoCloseable {

        private final double share;
        private boolean closed;

        private Lease(double share) {
            this.share = share;
        }

        /** The limiter all tasks of the budget take their permits from. */
        public RequestRateLimiter limiter() {
            return limiter;
        }

        @Override
        public void close() {
            synchronized (BUDGETS) {
                if (closed) {
                    return;
                }
                closed = true;
                members--;
                if (members == 0) {
                    BUDGETS.remove(key);
                } else {
                    requestsPerSecond -= share;
                    limiter.setRequestsPerSecond(requestsPerSecond);
                }
            }
        }
    }
}

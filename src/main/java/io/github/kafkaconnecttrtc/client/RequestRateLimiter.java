package io.github.kafkaconnecttrtc.client;

import dev.failsafe.RateLimiter;
import java.time.Duration;

/**
 * Spaces requests evenly so that the API never counts more than the budget in one second.
 *
 * <p>Permits are issued at a little under the budget: the server counts requests when they
 * arrive, and a request that waits a few milliseconds longer in the network or the JVM than the
 * one after it would otherwise let two permits' worth land in the same server second.
 *
 * <p>The budget can change while clients use the limiter ({@link SharedRequestBudget}); a caller
 * already waiting gets its permit at the old pace.
 */
public final class RequestRateLimiter {

    /** Share of the budget actually used, leaving room for the jitter described above. */
    static final double HEADROOM = 0.95;

    private volatile RateLimiter<Object> limiter;
    private volatile double requestsPerSecond;

    public RequestRateLimiter(double requestsPerSecond) {
        setRequestsPerSecond(requestsPerSecond);
    }

    /** Changes the budget; later permits come at the new pace. */
    public synchronized void setRequestsPerSecond(double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("a request budget must be positive, got " + requestsPerSecond);
        }
        long intervalNanos = (long) Math.ceil(1_000_000_000.0 / (requestsPerSecond * HEADROOM));
        this.limiter = RateLimiter.smoothBuilder(Duration.ofNanos(intervalNanos))
                .withMaxWaitTime(Duration.ofDays(1))
                .build();
        this.requestsPerSecond = requestsPerSecond;
    }

    /**
     * Waits for the next permit.
     *
     * @return how long the caller waited, in nanoseconds
     */
    public long acquire() {
        long start = System.nanoTime();
        try {
            limiter.acquirePermit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientInterruptedException("interrupted while waiting for a request permit", e);
        }
        return System.nanoTime() - start;
    }

    public double requestsPerSecond() {
        return requestsPerSecond;
    }
}

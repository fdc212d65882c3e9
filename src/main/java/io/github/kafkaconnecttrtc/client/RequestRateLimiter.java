package io.github.kafkaconnecttrtc.client;

import dev.failsafe.RateLimiter;
import java.time.Duration;

/**
 * Spaces requests evenly so that the API never counts more than the budget in one second.
 *
 * <p>Permits are issued at a little under the budget: the server counts requests when they
 * arrive, and a request that waits a few milliseconds longer in the network or the JVM than the
 * one after it would otherwise let two permits' worth land in the same server second.
 */
public final class RequestRateLimiter {

    /** Share of the budget actually used, leaving room for the jitter described above. */
    static final double HEADROOM = 0.95;

    private final RateLimiter<Object> limiter;
    private final double requestsPerSecond;

    public RequestRateLimiter(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
        long intervalNanos = (long) Math.ceil(1_000_000_000.0 / (requestsPerSecond * HEADROOM));
        this.limiter = RateLimiter.smoothBuilder(Duration.ofNanos(intervalNanos))
                .withMaxWaitTime(Duration.ofDays(1))
                .build();
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

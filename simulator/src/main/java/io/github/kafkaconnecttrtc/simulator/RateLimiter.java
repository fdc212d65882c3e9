package io.github.kafkaconnecttrtc.simulator;

/**
 * The endpoint's frequency limit: at most {@code limit} requests in one second of the simulator's
 * clock. Every arriving request counts, the refused ones too, as a server counts what reaches it.
 */
final class RateLimiter {

    private final int limit;
    private long second = Long.MIN_VALUE;
    private int count;

    /** A limiter admitting {@code limitPerSecond} requests a second; 0 admits everything. */
    RateLimiter(int limitPerSecond) {
        this.limit = limitPerSecond;
    }

    /** Counts a request arriving in {@code nowSecond}; false when it is beyond the limit. */
    synchronized boolean admit(long nowSecond) {
        if (nowSecond != second) {
            second = nowSecond;
            count = 0;
        }
        count++;
        return limit == 0 || count <= limit;
    }
}

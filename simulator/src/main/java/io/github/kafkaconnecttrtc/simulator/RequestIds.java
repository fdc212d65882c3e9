package io.github.kafkaconnecttrtc.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The answers' request ids: 32 hex digits from the seed and a counter, so that runs can be
 * compared. Both endpoints draw from one, so that no two answers share an id.
 */
final class RequestIds {

    private final long seed;
    private final AtomicLong requests = new AtomicLong();

    RequestIds(long seed) {
        this.seed = seed;
    }

    String next() {
        long n = requests.incrementAndGet();
        return String.format("%016x%016x", mix(seed ^ n), mix(n * 0x9E3779B97F4A7C15L));
    }

    private static long mix(long value) {
        long z = (value ^ (value >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}

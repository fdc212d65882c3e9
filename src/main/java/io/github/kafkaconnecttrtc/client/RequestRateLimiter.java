package io.github.kafkaconnecttrtc.client;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces requests evenly, one permit every {@code 1 / rate} seconds, in one sequence of slots that
 * every caller takes the next of; {@link #permitRate} says how close to the API's budget that rate
 * may be. A limiter that was idle gives its next permit at once, and no more: idle time is not
 * saved up for a burst.
 *
 * <p>A caller that wakes up late for its slot (a garbage collection, a busy machine) would send
 * together with the callers of the slots after it; so no more than the rate, rounded up, are let
 * through in any second by the time they actually go, a later one waiting for the oldest of them
 * to be a second old. Before that, a benchmark on a busy 2-core machine saw seconds of 207 to 221
 * requests at the API from a limiter issuing 191 to 195 a second, in 3 of 9 cells; after it, in 2
 * of 21: requests sent within the bound can still arrive together after the machine stalls.
 *
 * <p>The rate can change while clients use the limiter ({@link SharedRequestBudget}, as tasks join
 * and leave): the slots already taken stay, and the later ones follow at the new pace. Starting a
 * new sequence instead would let the callers waiting on the old one and those on the new one
 * overlap: with many requests in flight per task, that spilled over the budget in a second.
 */
public final class RequestRateLimiter {

    private static final long ONE_SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The most of the budget ever kept back, for many requesters or small budgets. */
    static final double MAX_MARGIN_SHARE = 0.05;

    /** Waits a number of nanoseconds. */
    @FunctionalInterface
    interface NanoSleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final NanoSleeper sleeper;
    /** Nanoseconds between permits; guarded by this. */
    private long intervalNanos;
    /** When the next permit is free, by {@link #nanoTime}; guarded by this. */
    private long nextPermit;
    private boolean started;
    private volatile double requestsPerSecond;
    /** When the callers of the last second went, oldest first; guarded by this. */
    private final ArrayDeque<Long> sent = new ArrayDeque<>();

    public RequestRateLimiter(double requestsPerSecond) {
        this(requestsPerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    RequestRateLimiter(double requestsPerSecond, LongSupplier nanoTime, NanoSleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        setRequestsPerSecond(requestsPerSecond);
    }

    /**
     * The rate of permits that keeps the server's count within {@code budget} in every second.
     *
     * <p>The server counts requests when they arrive. A second holds at most {@code ceil(rate)}
     * permits issued in it, plus requests permitted earlier that were still on their way when it
     * began. Permits are evenly spaced, so with a steady trip those take the place of the second's
     * own permits still on their way at its end; what piles up is the variation of the trip between
     * requesters (tasks) and between requests. So {@code requesters + 1} permits a second are kept
     * back, but never more than 5% of the budget: beyond that the worst case needs every request
     * delayed at the same moment, and an occasional rate-limit answer is retried anyway. With 4
     * tasks and 200 requests a second that is 195; the benchmark counts the rate-limit answers
     * with requests in flight and the API tens to hundreds of milliseconds away.
     */
    public static double permitRate(double budget, int requesters) {
        if (!(budget > 0) || requesters < 1) {
            throw new IllegalArgumentException("a request budget and its requesters must be positive, got "
                    + budget + " for " + requesters);
        }
        return budget - Math.min(requesters + 1, budget * MAX_MARGIN_SHARE);
    }

    /** Changes the rate; later permits come at the new pace. */
    public synchronized void setRequestsPerSecond(double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("a request rate must be positive, got " + requestsPerSecond);
        }
        this.intervalNanos = (long) Math.ceil(1_000_000_000.0 / requestsPerSecond);
        this.requestsPerSecond = requestsPerSecond;
    }

    /**
     * Waits for the next permit.
     *
     * @return how long the caller waited, in nanoseconds
     */
    public long acquire() {
        long start = nanoTime.getAsLong();
        long slot;
        synchronized (this) {
            // nanoTime may be negative: compare by difference, and take the first call's time as it is.
            slot = !started || start - nextPermit > 0 ? start : nextPermit;
            started = true;
            nextPermit = slot + intervalNanos;
        }
        sleep(slot - start);
        for (long wait = admit(); wait > 0; wait = admit()) {
            sleep(wait);
        }
        return nanoTime.getAsLong() - start;
    }

    /**
     * Lets the caller go if fewer than the rate, rounded up, went in the last second, and counts it;
     * otherwise says how long until the oldest of them is a second old.
     */
    private synchronized long admit() {
        long now = nanoTime.getAsLong();
        while (!sent.isEmpty() && now - sent.peekFirst() >= ONE_SECOND_NANOS) {
            sent.removeFirst();
        }
        if (sent.size() < Math.ceil(requestsPerSecond)) {
            sent.addLast(now);
            return 0;
        }
        return sent.peekFirst() + ONE_SECOND_NANOS - now;
    }

    private void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            sleeper.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientInterruptedException("interrupted while waiting for a request permit", e);
        }
    }

    public double requestsPerSecond() {
        return requestsPerSecond;
    }
}

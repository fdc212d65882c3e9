package io.github.kafkaconnecttrtc.simulator;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The network between a client and the API: how long each answer spends on the way, drawn from
 * the settings' delay, jitter and slow-answer rate (README.md, "Network latency").
 *
 * <p>{@link #draw()} may be called from any thread. The draws come from the settings' seed, on a
 * stream of their own, so a run with the same requests in the same order waits the same.
 */
final class Latency {

    /** Kept apart from the call data's and the faults' streams so that latency never changes either. */
    private static final long LATENCY_STREAM = 0x1A7E9C3B5D0F2468L;

    private final long delayNanos;
    private final long jitterNanos;
    private final double slowAnswerRate;
    private final long slowAnswerNanos;
    private final SplittableRandom random;

    Latency(SimulatorSettings settings) {
        this.delayNanos = Duration.ofMillis(settings.latencyMillis()).toNanos();
        this.jitterNanos = Duration.ofMillis(settings.latencyJitterMillis()).toNanos();
        this.slowAnswerRate = settings.slowAnswerRate();
        this.slowAnswerNanos = Duration.ofMillis(settings.slowAnswerMillis()).toNanos();
        this.random = new SplittableRandom(settings.seed() ^ LATENCY_STREAM);
    }

    /** The delay of the request now leaving its client, and of its answer. */
    synchronized Delay draw() {
        if (slowAnswerRate > 0 && random.nextDouble() < slowAnswerRate) {
            return new Delay(Duration.ofNanos(slowAnswerNanos), true);
        }
        long jitter = jitterNanos > 0 ? random.nextLong(jitterNanos + 1) : 0;
        return new Delay(Duration.ofNanos(delayNanos + jitter), false);
    }

    /**
     * One request's round trip through the network. A real network delays the request on its way
     * in and the answer on its way out, so the API computes the answer after {@link #wayIn()} and
     * the client gets it {@link #wayOut()} later: a record that becomes visible in between is in
     * the answer, as with the real service.
     *
     * @param total the whole delay, both ways
     * @param slow whether this is one of the rare slow answers ({@link SimulatorSettings#slowAnswerRate()})
     */
    record Delay(Duration total, boolean slow) {

        /** The first half, before the API sees the request. */
        Duration wayIn() {
            return total.dividedBy(2);
        }

        /** The rest, after the API has answered. */
        Duration wayOut() {
            return total.minus(wayIn());
        }
    }
}

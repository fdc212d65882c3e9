package io.github.kafkaconnecttrtc.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Decides which requests fail, and how. Queued faults ({@link #injectNext}) come first, in order;
 * otherwise each request draws one fault with the configured probabilities, or none.
 *
 * <p>Every method may be called from any thread while the simulator serves requests. The draws
 * come from a generator seeded by the settings' seed, so a run with the same requests in the
 * same order fails the same way.
 */
public final class FaultInjector {

    /** Kept apart from the call data's stream so that fault rates never change the calls. */
    private static final long FAULT_STREAM = 0x5DEECE66DL;

    private final Map<Fault, Double> rates = new EnumMap<>(Fault.class);
    private final Deque<Fault> queued = new ArrayDeque<>();
    private final SplittableRandom random;
    private volatile Duration slowAnswerDelay;

    FaultInjector(long seed, Duration slowAnswerDelay) {
        this.random = new SplittableRandom(seed ^ FAULT_STREAM);
        this.slowAnswerDelay = slowAnswerDelay;
    }

    /**
     * Makes each request fail with {@code fault} with {@code probability}.
     *
     * @throws IllegalArgumentException when the probability is outside 0..1 or the rates would add
     *     up to more than 1
     */
    public synchronized void setRate(Fault fault, double probability) {
        Map<Fault, Double> next = new EnumMap<>(rates);
        next.put(Objects.requireNonNull(fault, "fault"), probability);
        replaceRates(next);
    }

    /**
     * Replaces all rates at once: faults not named get rate 0.
     *
     * @throws IllegalArgumentException as {@link #setRate}; the rates stay as they were
     */
    public synchronized void setRates(Map<Fault, Double> newRates) {
        // EnumMap's copy constructor refuses an empty plain map, and "no faults" is a valid choice.
        Map<Fault, Double> next = new EnumMap<>(Fault.class);
        next.putAll(newRates);
        replaceRates(next);
    }

    /** The current non-zero rates. */
    public synchronized Map<Fault, Double> rates() {
        return Map.copyOf(rates);
    }

    /** Makes the next {@code times} requests fail with {@code fault}, ahead of any random choice. */
    public synchronized void injectNext(Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, was " + times);
        }
        for (int i = 0; i < times; i++) {
            queued.addLast(fault);
        }
    }

    /** How long a {@link Fault#SLOW} answer waits. */
    public Duration slowAnswerDelay() {
        return slowAnswerDelay;
    }

    public void setSlowAnswerDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the slow-answer delay must not be negative, was " + delay);
        }
        slowAnswerDelay = delay;
    }

    /** Drops every rate and every queued fault; the slow-answer delay stays. */
    public synchronized void clear() {
        rates.clear();
        queued.clear();
    }

    /** The fault for the request now arriving, if any. */
    synchronized Optional<Fault> next() {
        Fault next = queued.pollFirst();
        if (next != null) {
            return Optional.of(next);
        }
        if (rates.isEmpty()) {
            return Optional.empty();
        }
        double draw = random.nextDouble();
        double cumulative = 0;
        for (Map.Entry<Fault, Double> rate : rates.entrySet()) {
            cumulative += rate.getValue();
            if (draw < cumulative) {
                return Optional.of(rate.getKey());
            }
        }
        return Optional.empty();
    }

    private void replaceRates(Map<Fault, Double> next) {
        double total = 0;
        for (Map.Entry<Fault, Double> rate : next.entrySet()) {
            double value = Objects.requireNonNull(rate.getValue(), "rate of " + rate.getKey());
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(
                        "the rate of " + rate.getKey() + " must be within 0..1, was " + value);
            }
            total += value;
        }
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("fault rates must add up to at most 1, were " + total);
        }
        rates.clear();
        next.forEach((fault, value) -> {
            if (value > 0) {
                rates.put(fault, value);
            }
        });
    }
}

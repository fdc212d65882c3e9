package io.github.kafkaconnecttrtc.source;

import java.time.Duration;
import java.time.Instant;

/**
 * The Unix seconds a stored position may hold, and arithmetic on positions that cannot overflow.
 *
 * <p>Offsets come back from Connect's storage and from {@code PATCH /connectors/<name>/offsets},
 * where a person may write milliseconds or any other number. A position in the far future marks
 * every history slice finished and makes the tail wait for ever; one near {@code Long.MIN_VALUE}
 * or {@code Long.MAX_VALUE} overflows the look-back arithmetic. So a position must lie between the
 * start of 2015, before any call the API could still hold, and a day past the worker's clock,
 * which leaves room for another worker's clock running ahead.
 */
public final class EpochSeconds {

    /** 2015-01-01T00:00:00Z. */
    public static final long EARLIEST = 1_420_070_400L;
    /** How far past the worker's clock a position may lie. */
    static final Duration CLOCK_ALLOWANCE = Duration.ofDays(1);
    /** From here on a value reads as milliseconds: 10^11 seconds is the year 5138, 10^11 milliseconds is 1973. */
    private static final long MILLIS_FROM = 100_000_000_000L;

    private EpochSeconds() {
    }

    /** The latest position acceptable when the worker's clock reads {@code nowSeconds}. */
    public static long latest(long nowSeconds) {
        return plus(nowSeconds, CLOCK_ALLOWANCE.toSeconds());
    }

    /**
     * Checks that {@code value} is a plausible position.
     *
     * @param what names the value for the message, such as {@code offset field 'endTs'}
     * @throws IllegalArgumentException saying what was expected, and what a value in milliseconds would be in seconds
     */
    public static void check(String what, long value, long nowSeconds) {
        long latest = latest(nowSeconds);
        if (value >= EARLIEST && value <= latest) {
            return;
        }
        if (value >= MILLIS_FROM && value / 1000 >= EARLIEST && value / 1000 <= latest) {
            long seconds = value / 1000;
            throw new IllegalArgumentException(what + " (" + value + ") looks like milliseconds: it must be seconds"
                    + " since the epoch, here " + seconds + " (" + Instant.ofEpochSecond(seconds) + ")");
        }
        throw new IllegalArgumentException(what + " (" + value + ") must be seconds since the epoch from " + EARLIEST
                + " (" + Instant.ofEpochSecond(EARLIEST) + ") to " + latest + " (" + Instant.ofEpochSecond(latest)
                + ", a day past the worker's clock)");
    }

    /** {@code seconds + amount}, held at the bounds of {@code long} instead of overflowing. */
    static long plus(long seconds, long amount) {
        try {
            return Math.addExact(seconds, amount);
        } catch (ArithmeticException e) {
            return amount < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code seconds - amount}, held at the bounds of {@code long} instead of overflowing. */
    static long minus(long seconds, long amount) {
        try {
            return Math.subtractExact(seconds, amount);
        } catch (ArithmeticException e) {
            return amount < 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }
}

package io.github.kafkaconnecttrtc.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test moves it. Thread-safe. */
public final class MutableClock implements InstantSource {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public static MutableClock atEpochSecond(long second) {
        return new MutableClock(Instant.ofEpochSecond(second));
    }

    @Override
    public Instant instant() {
        return now;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant instant) {
        now = instant;
    }

    public long epochSecond() {
        return now.getEpochSecond();
    }
}

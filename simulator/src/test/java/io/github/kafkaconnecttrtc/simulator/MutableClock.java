package io.github.kafkaconnecttrtc.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when a test moves it; safe to move from the simulator's request threads. */
public final class MutableClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public static MutableClock atEpochSecond(long second) {
        return new MutableClock(Instant.ofEpochSecond(second));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public long epochSecond() {
        return now.get().getEpochSecond();
    }

    public void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    public void set(Instant instant) {
        now.set(instant);
    }
}

package io.github.kafkaconnecttrtc.source;

import java.time.Duration;

/** Waits for a while, or less when the task is told to stop. Injected so tests need not wait. */
@FunctionalInterface
public interface Waiter {

    void await(Duration duration) throws InterruptedException;
}

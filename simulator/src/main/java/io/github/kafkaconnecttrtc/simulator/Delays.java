package io.github.kafkaconnecttrtc.simulator;

import java.time.Duration;

/**
 * Runs a step of an answer after a delay of real time, without holding a thread while it waits,
 * so that many answers can be on their way at once. The simulator's clock is not involved: the
 * client's timeouts run in real time. Injectable so that tests can see the waits without waiting.
 */
interface Delays extends AutoCloseable {

    /** Runs {@code task} once {@code delay} has passed. */
    void after(Duration delay, Runnable task);

    /** Drops the tasks still waiting; they belong to connections that are being closed. */
    @Override
    void close();
}

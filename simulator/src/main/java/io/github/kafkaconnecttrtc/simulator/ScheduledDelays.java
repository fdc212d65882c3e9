package io.github.kafkaconnecttrtc.simulator;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link Delays}: one timer thread waits for all answers at once, then hands each task to
 * the HTTP threads, because a task may write a long answer to a slow client and must not hold up
 * the timer.
 */
final class ScheduledDelays implements Delays {

    private final ScheduledExecutorService timer;
    private final Executor workers;

    ScheduledDelays(ScheduledExecutorService timer, Executor workers) {
        this.timer = timer;
        this.workers = workers;
    }

    @Override
    public void after(Duration delay, Runnable task) {
        try {
            timer.schedule(() -> workers.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The simulator is closing: the connection is cut anyway, nobody waits for this answer.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

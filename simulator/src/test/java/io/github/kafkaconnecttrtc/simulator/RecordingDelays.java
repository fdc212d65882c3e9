package io.github.kafkaconnecttrtc.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * {@link Delays} that wait for nothing: each wait is noted, then its task runs at once, after
 * {@link #whileWaiting} has had its turn, or is held for the test to run ({@link #hold}).
 */
final class RecordingDelays implements Delays {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();
    private volatile boolean holding;
    private volatile IntConsumer whileWaiting = wait -> { };

    @Override
    public void after(Duration delay, Runnable task) {
        waits.add(delay);
        if (holding) {
            held.add(task);
        } else {
            whileWaiting.accept(waits.size());
            task.run();
        }
    }

    @Override
    public void close() {
        held.clear();
    }

    /** The waits asked for so far, in order. */
    List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** Runs {@code action} during each wait, given the wait's number (1 for the first). */
    void whileWaiting(IntConsumer action) {
        whileWaiting = action;
    }

    /** Whether the tasks of the waits to come are kept, for {@link #nextHeld()}, instead of run. */
    void hold(boolean hold) {
        holding = hold;
    }

    /** The task of the oldest wait held, waiting up to 10 s for one; it runs when the test runs it. */
    Runnable nextHeld() throws InterruptedException {
        Runnable task = held.poll(10, TimeUnit.SECONDS);
        if (task == null) {
            throw new AssertionError("no wait was held within 10 s");
        }
        return task;
    }
}

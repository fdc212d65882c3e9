package io.github.kafkaconnecttrtc.source;

import java.time.Instant;

/** Hears what a task's engine does, slice by slice; the task's metrics are one such observer. */
public interface PassObserver {

    /** A slice the task reads from {@code cursor} on; called once per slice when the engine starts. */
    default void assigned(Slice slice, Cursor cursor) {
    }

    /**
     * A pass over {@code slice} that began at {@code started} ended with {@code result}, or handed
     * over a part of what it holds; {@code result} lists only the invalid records not met before.
     */
    default void passed(Slice slice, PassResult result, Instant started) {
    }

    /** A pass over {@code slice} failed; the slice is tried again after a back-off. */
    default void failed(Slice slice) {
    }

    /** The passes over {@code slice} have failed for so long that the slice counts as stalled. */
    default void stalled(Slice slice) {
    }

    /** A stalled slice completed a pass again. */
    default void recovered(Slice slice) {
    }

    /** A history slice is complete and will not be read again. */
    default void finished(Slice slice) {
    }
}

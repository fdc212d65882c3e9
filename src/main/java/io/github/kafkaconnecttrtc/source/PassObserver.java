package io.github.kafkaconnecttrtc.source;

import java.time.Instant;

/** Hears what a task's engine does, slice by slice; the task's metrics are one such observer. */
public interface PassObserver {

    /** A slice the task reads from {@code cursor} on; called once per slice when the engine starts. */
    default void assigned(Slice slice, Cursor cursor) {
    }

    /** A pass over {@code slice} that began at {@code started} ended with {@code result}. */
    default void passed(Slice slice, PassResult result, Instant started) {
    }

    /** A history slice is complete and will not be read again. */
    default void finished(Slice slice) {
    }
}

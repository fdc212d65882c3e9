package io.github.kafkaconnecttrtc.source;

/** A pass given up because the task is stopping; nothing of it was emitted. */
public class PassAbortedException extends RuntimeException {

    public PassAbortedException() {
        super("the task is stopping");
    }
}

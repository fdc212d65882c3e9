package io.github.kafkaconnecttrtc.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;

/**
 * Error codes queued for the next requests, so that tests can meet every code deterministically.
 * A queued 0 stands for a request answered normally, so that scripts can interleave errors and
 * normal answers.
 */
final class ScriptedErrors {

    private final Deque<Integer> queued = new ArrayDeque<>();

    synchronized void add(int errorCode, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, was " + times);
        }
        for (int i = 0; i < times; i++) {
            queued.addLast(errorCode);
        }
    }

    /** The error code scripted for the request now arriving; empty when it is answered normally. */
    synchronized OptionalInt next() {
        Integer next = queued.pollFirst();
        return next == null || next == ApiCodes.SUCCESS ? OptionalInt.empty() : OptionalInt.of(next);
    }

    synchronized void clear() {
        queued.clear();
    }
}

package io.github.kafkaconnecttrtc.simulator;

import java.util.List;

/** Codes answered in turn, so that a client meets each of several codes that mean the same. */
final class CodeRotation {

    private final List<Integer> codes;
    private long sent;

    CodeRotation(List<Integer> codes) {
        this.codes = List.copyOf(codes);
    }

    synchronized int next() {
        return codes.get((int) (sent++ % codes.size()));
    }
}

package io.github.kafkaconnecttrtc.source;

/** The three kinds of source partition; see {@link Slice}. */
public enum SliceKind {
    /** A fixed range of call start times before the tail, read once it has settled. */
    HISTORY,
    /** Calls of the tail lasting up to the fast-lane maximum, read on every poll. */
    TAIL_FAST,
    /** Calls of the tail lasting longer than the fast-lane maximum, swept less often. */
    TAIL_LONG
}

package io.github.kafkaconnecttrtc.source;

/** The kinds of source partition; see {@link Slice}. */
public enum SliceKind {
    /** A fixed range of call start times before the tail, read once it has settled. */
    HISTORY,
    /** Calls of the tail lasting up to the fast-lane maximum, read on every poll. */
    TAIL_FAST,
    /** Calls of the tail lasting longer than the fast-lane maximum and at most the promised maximum, swept less often. */
    TAIL_LONG,
    /** Calls lasting longer than the promised maximum, that no other slice reads; swept rarely, back to the horizon. */
    TAIL_OVERLONG
}

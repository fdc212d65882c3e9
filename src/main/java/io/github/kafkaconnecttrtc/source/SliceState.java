package io.github.kafkaconnecttrtc.source;

import java.time.Instant;

/** Where a task stands on one of its slices. Used by the poll thread only. */
final class SliceState {

    final Slice slice;
    Cursor cursor;
    Instant nextDue;
    /** When the stored offset last caught up with the cursor. */
    Instant lastSaved;
    /** What the last pass saw, for recognising late calls; null until a pass of this task. */
    PassResult.SeenWindow seen;
    /** The end of the last start-time range this task reported lost to the horizon; null when none. */
    Long lostReportedUntil;
    /** Passes that failed since the slice last moved on. */
    int failures;
    /** When the first of those failed; null while the slice moves on. */
    Instant failingSince;
    /** Whether those failures were reported as a stall. */
    boolean stalled;

    SliceState(Slice slice, Cursor cursor, Instant now) {
        this.slice = slice;
        this.cursor = cursor;
        this.nextDue = now;
        this.lastSaved = now;
    }
}

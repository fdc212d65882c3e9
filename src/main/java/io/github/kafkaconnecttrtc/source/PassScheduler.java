package io.github.kafkaconnecttrtc.source;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Decides which slice a task reads next: the one due longest, where the fast lane of the tail
 * counts as due one poll interval earlier than it is and wins ties. Live calls so stay fresh
 * during a backfill, yet a fast lane whose passes take longer than the poll interval cannot
 * starve the long-call lane and the history.
 */
final class PassScheduler {

    private final List<SliceState> slices;
    private final LaneSchedule schedule;

    PassScheduler(Collection<SliceState> slices, LaneSchedule schedule) {
        this.slices = new ArrayList<>(slices);
        this.schedule = schedule;
    }

    /**
     * The slice to read now, other than those {@code busy} (passes over them are in progress), or
     * null when none is due.
     */
    SliceState nextDue(Instant now, Set<SliceState> busy) {
        SliceState best = null;
        for (SliceState state : slices) {
            if (state.nextDue.isAfter(now) || busy.contains(state)) {
                continue;
            }
            if (best == null || urgency(state).isBefore(urgency(best))
                    || (urgency(state).equals(urgency(best)) && state.slice.kind() == SliceKind.TAIL_FAST)) {
                best = state;
            }
        }
        return best;
    }

    private Instant urgency(SliceState state) {
        return state.slice.kind() == SliceKind.TAIL_FAST ? state.nextDue.minus(schedule.pollInterval()) : state.nextDue;
    }

    /** How long until some slice is due; null when the task has nothing left to read. */
    Duration untilNextDue(Instant now) {
        Instant next = null;
        for (SliceState state : slices) {
            if (next == null || state.nextDue.isBefore(next)) {
                next = state.nextDue;
            }
        }
        if (next == null) {
            return null;
        }
        return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
    }

    /**
     * Records a pass over {@code state} that began at {@code started}; a finished slice is
     * dropped, and one that is {@code behind} stays due.
     */
    void passed(SliceState state, Instant started, boolean finished, boolean behind) {
        if (finished) {
            slices.remove(state);
            return;
        }
        state.nextDue = behind ? started : started.plus(schedule.interval(state.slice.kind()));
    }
}

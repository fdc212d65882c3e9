package io.github.kafkaconnecttrtc.source;

import java.time.Duration;

/**
 * How often the slices of each kind are read.
 *
 * @param pollInterval between passes over the fast lane of the tail
 * @param sweepInterval between passes over the long-call lane and over a history slice
 * @param overlongSweepInterval between passes over the overlong lane
 */
public record LaneSchedule(Duration pollInterval, Duration sweepInterval, Duration overlongSweepInterval) {

    /** The time between two passes over a slice of {@code kind}. */
    Duration interval(SliceKind kind) {
        return switch (kind) {
            case TAIL_FAST -> pollInterval;
            case TAIL_OVERLONG -> overlongSweepInterval;
            case TAIL_LONG, HISTORY -> sweepInterval;
        };
    }
}

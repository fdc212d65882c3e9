package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.CallRecord;

/**
 * A position on the end-time axis: every call of a slice up to here has been emitted.
 *
 * @param endTs end time in Unix seconds
 * @param callId the last call emitted at {@code endTs}, or null when the whole second is done
 */
public record Cursor(long endTs, String callId) {

    /** The position right after {@code record}. */
    public static Cursor after(CallRecord record) {
        return new Cursor(record.endTs(), record.callId());
    }

    /** The position after every call that ended at or before {@code second}. */
    public static Cursor throughSecond(long second) {
        return new Cursor(second, null);
    }

    /** Whether {@code record} lies after this position, i.e. has not been emitted yet. */
    public boolean precedes(CallRecord record) {
        if (record.endTs() != endTs) {
            return record.endTs() > endTs;
        }
        return callId != null && record.callId().compareTo(callId) > 0;
    }

    /**
     * The earliest start of a call that ended after this position and lasted at most {@code seconds}; it cannot
     * overflow, whatever the position.
     */
    long lookBack(long seconds) {
        return EpochSeconds.minus(endTs, seconds);
    }

    /** Whether this position is at or past the end of second {@code second}. */
    public boolean covers(long second) {
        return endTs > second || (endTs == second && callId == null);
    }
}

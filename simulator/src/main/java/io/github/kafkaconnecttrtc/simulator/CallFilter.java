package io.github.kafkaconnecttrtc.simulator;

/**
 * Which records a query matches, with the configured reading of {@code endTimestamp} already
 * applied: the model's rules (section 2, points 3 and 10) live here and nowhere else.
 *
 * @param minStart lowest {@code startCallTs}, inclusive
 * @param maxStart highest {@code startCallTs}, inclusive; the store stops scanning beyond it
 * @param maxEnd highest {@code endTs}, inclusive
 * @param callType the type to keep, or {@code null} for all
 * @param callResult the result to keep, or {@code null} for all
 * @param singleOnly whether only single calls show, as for an application without the group-call package
 */
record CallFilter(long minStart, long maxStart, long maxEnd, String callType, String callResult, boolean singleOnly) {

    private static final long SEVEN_DAYS = 7 * 86_400L;

    static CallFilter of(RecordQuery query, EndTimestampReading reading, boolean groupPackage) {
        Long end = query.endTimestamp();
        long maxStart;
        long maxEnd;
        if (reading == EndTimestampReading.END) {
            // endTs >= startCallTs, so a bound on the end is also one on the start.
            maxStart = end == null ? Long.MAX_VALUE : end;
            maxEnd = maxStart;
        } else {
            maxStart = end == null ? saturatedAdd(query.startTimestamp(), SEVEN_DAYS) : end;
            maxEnd = Long.MAX_VALUE;
        }
        return new CallFilter(query.startTimestamp(), maxStart, maxEnd, query.callType(), query.callResult(),
                !groupPackage);
    }

    /** Whether {@code call} matches, visibility aside. */
    boolean matches(SimulatedCall call) {
        var record = call.call();
        return record.startCallTs() >= minStart
                && record.startCallTs() <= maxStart
                && record.endTs() <= maxEnd
                && (callType == null || callType.equals(record.callType()))
                && (callResult == null || callResult.equals(record.callResult()))
                && (!singleOnly || CallGenerator.SINGLE.equals(record.callType()));
    }

    /** Whether only start, end and visibility decide a match: no type, result or package filter. */
    boolean timeBoundsOnly() {
        return callType == null && callResult == null && !singleOnly;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}

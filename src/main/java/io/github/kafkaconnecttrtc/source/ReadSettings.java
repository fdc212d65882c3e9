package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.ApiLimits;
import io.github.kafkaconnecttrtc.client.CallTexts;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a pass needs from the configuration, in the API's units (seconds).
 *
 * @param settleSeconds how long after its end a call is final
 * @param maxCallSeconds the longest call the connector promises to capture
 * @param fastLaneSeconds the longest call of the fast lane
 * @param pageSize numberPerPage
 * @param callTypes call types to read, as v1 spells them; both means no filter
 * @param callResults results to keep, as v1 spells them; empty means all
 */
public record ReadSettings(
        long settleSeconds,
        long maxCallSeconds,
        long fastLaneSeconds,
        int pageSize,
        Set<String> callTypes,
        Set<String> callResults) {

    /**
     * Distance kept from the horizon, so that our clock running a little behind the server's, or
     * a pass taking a while, never sends a start the API has already dropped.
     */
    public static final long HORIZON_MARGIN_SECONDS = 600;
    /**
     * The least end time one pass of a tail lane covers when the lane is behind (its first start
     * reads the hours before it; a stop of days leaves days to read). A lane catches up in passes
     * of this span or its look-back, whichever is longer, the last taking what is left (so up to
     * twice that), so that a pass holds the calls of about that span rather than of the whole gap,
     * and each start is read at most twice on the way.
     */
    static final long CATCH_UP_SPAN_SECONDS = 3600;

    public ReadSettings {
        callTypes = v1Texts(callTypes);
        callResults = v1Texts(callResults);
    }

    /** As v1 spells them, so that either dialect's spelling, in any case, is one value. */
    private static Set<String> v1Texts(Set<String> values) {
        Set<String> texts = new LinkedHashSet<>();
        values.forEach(v -> texts.add(CallTexts.v1Text(v)));
        return Collections.unmodifiableSet(texts);
    }

    /** The earliest call start the API still answers for, with the margin. */
    public static long horizonFloor(long nowSeconds) {
        return nowSeconds - ApiLimits.HORIZON.toSeconds() + HORIZON_MARGIN_SECONDS;
    }

    /** The most end time one pass over a slice of {@code kind} covers; unbounded where one pass covers all. */
    long passSpanSeconds(SliceKind kind) {
        return switch (kind) {
            case TAIL_FAST -> Math.max(CATCH_UP_SPAN_SECONDS, fastLaneSeconds);
            case TAIL_LONG -> Math.max(CATCH_UP_SPAN_SECONDS, maxCallSeconds);
            // A history cell ends at its handover; the overlong lane keeps only the rare calls past the promise.
            case HISTORY, TAIL_OVERLONG -> Long.MAX_VALUE;
        };
    }

    /**
     * Whether a call of {@code slice}'s start range that started at {@code start} and lasted
     * {@code durationSeconds} is the slice's; the lanes are disjoint.
     */
    boolean inLane(Slice slice, long start, long durationSeconds) {
        return switch (slice.kind()) {
            case HISTORY -> true;
            case TAIL_FAST -> durationSeconds <= fastLaneSeconds;
            case TAIL_LONG -> durationSeconds <= maxCallSeconds
                    && (durationSeconds > fastLaneSeconds || start < slice.handover());
            case TAIL_OVERLONG -> durationSeconds > maxCallSeconds;
        };
    }

    /** The {@code callType} query parameter: null when every type is read. */
    String callTypeParameter() {
        return callTypes.size() == 1 ? callTypes.iterator().next() : null;
    }

    boolean keepsType(String callType) {
        return callTypes.size() != 1 || (callType != null && callTypes.contains(CallTexts.v1Text(callType)));
    }

    boolean keepsResult(String callResult) {
        return callResults.isEmpty()
                || (callResult != null && callResults.contains(CallTexts.v1Text(callResult)));
    }
}

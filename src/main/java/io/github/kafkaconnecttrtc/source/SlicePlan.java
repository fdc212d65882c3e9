package io.github.kafkaconnecttrtc.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The slices a connector hands to its tasks at one moment.
 *
 * @param tailStart the start of the tail, fixed for the life of the connector
 * @param fastStart the start of the fast lane, fixed likewise; the long lane reads the short calls before it
 * @param readFrom the earliest call start to read
 * @param history unfinished history slices, oldest first (closest to the horizon)
 */
public record SlicePlan(long tailStart, long fastStart, long readFrom, List<Slice> history) {

    public SlicePlan {
        history = List.copyOf(history);
    }

    /** Every slice to assign: the tail lanes first, then the history. */
    public List<String> sliceNames() {
        List<String> names = new ArrayList<>(history.size() + 3);
        names.add(Slice.TAIL_FAST);
        names.add(Slice.TAIL_LONG);
        names.add(Slice.TAIL_OVERLONG);
        history.forEach(slice -> names.add(slice.name()));
        return names;
    }
}

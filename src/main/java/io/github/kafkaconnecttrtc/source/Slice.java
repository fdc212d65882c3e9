package io.github.kafkaconnecttrtc.source;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A source partition: the calls whose START time lies in {@code [startFrom, startUntil)}, of one
 * duration class. Its offset is a {@link Cursor} on END time.
 *
 * <p>History slices are cells of a fixed grid (named by their bounds, so names survive restarts
 * and changes of {@code tasks.max}) that end before {@code tailStart}; the fast and long lanes of
 * the tail cover every call that starts from {@code tailStart} on and lasts at most the promised
 * maximum {@code L}, split by duration so that short calls can be read often with a short
 * look-back and long ones rarely with a long one.
 *
 * <p>The {@code handover} is {@code tailStart + L}. History cells read the calls that ended by
 * then, which is every call of theirs the first start of the connector could promise; the
 * overlong lane reads whatever ends after it and lasted longer than {@code L}: calls of the tail
 * that outgrew the promise, and calls of the history that were still running. Every call that
 * starts from the history's start on therefore has exactly one slice, however long it lasts, as
 * long as the API still holds it.
 *
 * @param handover {@code tailStart + L} for history cells and the overlong lane; unused by the
 *     fast and long lanes
 */
public record Slice(String name, SliceKind kind, long startFrom, long startUntil, long handover) {

    public static final String PARTITION_APP_KEY = "sdkappid";
    public static final String PARTITION_SLICE_KEY = "slice";
    public static final String TAIL_FAST = "tail/fast";
    public static final String TAIL_LONG = "tail/long";
    public static final String TAIL_OVERLONG = "tail/overlong";
    private static final String HISTORY_PREFIX = "history/";

    public Slice {
        if (startUntil <= startFrom && kind == SliceKind.HISTORY) {
            throw new IllegalArgumentException("slice " + name + " is empty");
        }
    }

    /** The history cell {@code [cellStart, cellEnd)}, read from {@code readFrom} on, up to calls ending by {@code handover}. */
    public static Slice history(long cellStart, long cellEnd, long readFrom, long handover) {
        return new Slice(historyName(cellStart, cellEnd), SliceKind.HISTORY, Math.max(cellStart, readFrom), cellEnd,
                handover);
    }

    public static String historyName(long cellStart, long cellEnd) {
        return HISTORY_PREFIX + cellStart + "/" + cellEnd;
    }

    /** The fast lane of the tail, reading calls that start from {@code from} on. */
    public static Slice tailFast(long from) {
        return new Slice(TAIL_FAST, SliceKind.TAIL_FAST, from, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** The long-call lane of the tail, reading calls that start from {@code from} on. */
    public static Slice tailLong(long from) {
        return new Slice(TAIL_LONG, SliceKind.TAIL_LONG, from, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** The overlong lane: calls that start from {@code readFrom} on and end after {@code handover}. */
    public static Slice tailOverlong(long readFrom, long handover) {
        return new Slice(TAIL_OVERLONG, SliceKind.TAIL_OVERLONG, readFrom, Long.MAX_VALUE, handover);
    }

    /**
     * Rebuilds a slice from its name, as task configurations and partitions carry it; nothing
     * that starts before {@code readFrom} is read.
     *
     * @throws IllegalArgumentException when the name is not one this connector writes
     */
    public static Slice parse(String name, long tailStart, long readFrom, long maxCallSeconds) {
        long handover = tailStart + maxCallSeconds;
        if (TAIL_FAST.equals(name)) {
            return tailFast(Math.max(tailStart, readFrom));
        }
        if (TAIL_LONG.equals(name)) {
            return tailLong(Math.max(tailStart, readFrom));
        }
        if (TAIL_OVERLONG.equals(name)) {
            return tailOverlong(readFrom, handover);
        }
        if (name != null && name.startsWith(HISTORY_PREFIX)) {
            String[] bounds = name.substring(HISTORY_PREFIX.length()).split("/");
            if (bounds.length == 2) {
                try {
                    long start = Long.parseLong(bounds[0]);
                    long end = Long.parseLong(bounds[1]);
                    if (start < end) {
                        return history(start, end, readFrom, handover);
                    }
                } catch (NumberFormatException e) {
                    // reported below with the name
                }
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a slice name of this connector (expected "
                + TAIL_FAST + ", " + TAIL_LONG + ", " + TAIL_OVERLONG + " or " + HISTORY_PREFIX + "<start>/<end> in epoch seconds)");
    }

    /** The Connect source partition of this slice for application {@code sdkAppId}. */
    public Map<String, String> partition(long sdkAppId) {
        return partition(sdkAppId, name);
    }

    /**
     * The partition as a {@link HashMap}: Connect finds stored offsets by the partition's
     * serialized bytes, and its JSON lists the keys in the map's iteration order. {@code Map.of}
     * iterates in an order salted per JVM, so a restarted worker looked its offsets up under other
     * bytes half the time, and {@code GET /connectors/<name>/offsets}, which reads keys back into a
     * HashMap, showed {@code null} offsets; a HashMap's order is the same in every JVM.
     */
    public static Map<String, String> partition(long sdkAppId, String sliceName) {
        Map<String, String> partition = new HashMap<>();
        partition.put(PARTITION_APP_KEY, Long.toString(sdkAppId));
        partition.put(PARTITION_SLICE_KEY, sliceName);
        return Collections.unmodifiableMap(partition);
    }

    public boolean isTail() {
        return kind != SliceKind.HISTORY;
    }

    /** Where a slice without a stored offset starts. */
    public Cursor initialCursor() {
        return kind == SliceKind.TAIL_OVERLONG ? Cursor.throughSecond(handover) : Cursor.throughSecond(startFrom - 1);
    }

    /**
     * Whether a history slice is complete at {@code cursor}: every call of it that ended by the
     * handover was emitted; the overlong lane reads the others.
     */
    public boolean finishedAt(Cursor cursor) {
        return kind == SliceKind.HISTORY && cursor != null && cursor.covers(handover);
    }
}

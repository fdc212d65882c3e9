package io.github.kafkaconnecttrtc.source;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A source partition: the calls whose START time lies in {@code [startFrom, startUntil)}, of one
 * duration class, with a {@link Cursor} on END time as its offset. History slices are cells of a
 * fixed grid before {@code tailStart}, named by their bounds so that names survive restarts and
 * changes of {@code tasks.max}; the tail is split by call duration into a fast lane, a long lane
 * and an overlong lane, so that short calls can be read often with a short look-back and long ones
 * rarely with a long one. Why every call the API still holds belongs to exactly one slice is in
 * docs/how-it-reads.md, section "Every call has exactly one slice".
 *
 * @param handover {@code tailStart + call.max.duration.ms} for history cells (they read the calls
 *     that ended by then) and the overlong lane (it reads those that end after it); for the long
 *     lane, the fast lane's start: the long lane reads the short calls that start before it too;
 *     unused by the fast lane
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

    /**
     * The long-call lane of the tail, reading calls that start from {@code from} on: the long ones,
     * and the short ones that start before {@code fastStart}, where the fast lane begins.
     */
    public static Slice tailLong(long from, long fastStart) {
        return new Slice(TAIL_LONG, SliceKind.TAIL_LONG, from, Long.MAX_VALUE, fastStart);
    }

    /** The overlong lane: calls that start from {@code readFrom} on and end after {@code handover}. */
    public static Slice tailOverlong(long readFrom, long handover) {
        return new Slice(TAIL_OVERLONG, SliceKind.TAIL_OVERLONG, readFrom, Long.MAX_VALUE, handover);
    }

    /**
     * Rebuilds a slice from its name, as task configurations and partitions carry it; nothing
     * that starts before {@code readFrom} is read.
     *
     * @param fastStart where the fast lane begins, from {@code tailStart} on: the long lane reads the
     *     short calls that start before it
     * @throws IllegalArgumentException when the name is not one this connector writes
     */
    public static Slice parse(String name, long tailStart, long fastStart, long readFrom, long maxCallSeconds) {
        long handover = EpochSeconds.plus(tailStart, maxCallSeconds);
        if (TAIL_FAST.equals(name)) {
            return tailFast(Math.max(fastStart, readFrom));
        }
        if (TAIL_LONG.equals(name)) {
            return tailLong(Math.max(tailStart, readFrom), fastStart);
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
        return kind == SliceKind.TAIL_OVERLONG ? Cursor.throughSecond(handover)
                : Cursor.throughSecond(EpochSeconds.minus(startFrom, 1));
    }

    /**
     * Whether a history slice is complete at {@code cursor}: every call of it that ended by the
     * handover was emitted; the overlong lane reads the others.
     */
    public boolean finishedAt(Cursor cursor) {
        return kind == SliceKind.HISTORY && cursor != null && cursor.covers(handover);
    }
}

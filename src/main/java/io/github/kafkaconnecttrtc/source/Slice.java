package io.github.kafkaconnecttrtc.source;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A source partition: the calls whose START time lies in {@code [startFrom, startUntil)}, of one
 * duration class. Its offset is a {@link Cursor} on END time.
 *
 * <p>History slices are cells of a fixed grid (named by their bounds, so names survive restarts
 * and changes of {@code tasks.max}) that end before {@code tailStart}; the two tail slices cover
 * every call that starts from {@code tailStart} on, split by duration so that short calls can be
 * read often with a short look-back and long ones rarely with a long one.
 */
public record Slice(String name, SliceKind kind, long startFrom, long startUntil) {

    public static final String PARTITION_APP_KEY = "sdkappid";
    public static final String PARTITION_SLICE_KEY = "slice";
    public static final String TAIL_FAST = "tail/fast";
    public static final String TAIL_LONG = "tail/long";
    private static final String HISTORY_PREFIX = "history/";

    public Slice {
        if (startUntil <= startFrom && kind == SliceKind.HISTORY) {
            throw new IllegalArgumentException("slice " + name + " is empty");
        }
    }

    /** The history cell {@code [cellStart, cellEnd)}, read from {@code readFrom} on. */
    public static Slice history(long cellStart, long cellEnd, long readFrom) {
        return new Slice(historyName(cellStart, cellEnd), SliceKind.HISTORY, Math.max(cellStart, readFrom), cellEnd);
    }

    public static String historyName(long cellStart, long cellEnd) {
        return HISTORY_PREFIX + cellStart + "/" + cellEnd;
    }

    /** The fast lane of the tail, reading calls that start from {@code from} on. */
    public static Slice tailFast(long from) {
        return new Slice(TAIL_FAST, SliceKind.TAIL_FAST, from, Long.MAX_VALUE);
    }

    /** The long-call lane of the tail, reading calls that start from {@code from} on. */
    public static Slice tailLong(long from) {
        return new Slice(TAIL_LONG, SliceKind.TAIL_LONG, from, Long.MAX_VALUE);
    }

    /**
     * Rebuilds a slice from its name, as task configurations and partitions carry it; nothing
     * before {@code readFrom} is read.
     *
     * @throws IllegalArgumentException when the name is not one this connector writes
     */
    public static Slice parse(String name, long tailStart, long readFrom) {
        if (TAIL_FAST.equals(name)) {
            return tailFast(Math.max(tailStart, readFrom));
        }
        if (TAIL_LONG.equals(name)) {
            return tailLong(Math.max(tailStart, readFrom));
        }
        if (name != null && name.startsWith(HISTORY_PREFIX)) {
            String[] bounds = name.substring(HISTORY_PREFIX.length()).split("/");
            if (bounds.length == 2) {
                try {
                    long start = Long.parseLong(bounds[0]);
                    long end = Long.parseLong(bounds[1]);
                    if (start < end) {
                        return history(start, end, readFrom);
                    }
                } catch (NumberFormatException e) {
                    // reported below with the name
                }
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a slice name of this connector (expected "
                + TAIL_FAST + ", " + TAIL_LONG + " or " + HISTORY_PREFIX + "<start>/<end> in epoch seconds)");
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

    /**
     * Whether a history slice is complete at {@code cursor}: every call that started in it and
     * lasted at most {@code maxCallSeconds} has ended by then and was emitted.
     */
    public boolean finishedAt(Cursor cursor, long maxCallSeconds) {
        return kind == SliceKind.HISTORY && cursor != null && cursor.covers(startUntil + maxCallSeconds);
    }
}

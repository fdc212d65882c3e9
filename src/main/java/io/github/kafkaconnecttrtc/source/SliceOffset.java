package io.github.kafkaconnecttrtc.source;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored offset of a slice: its {@link Cursor}, and for the tail slices the start of the
 * tail, of the history and of the fast lane, which must stay fixed for the life of the connector.
 * Offsets written before the fast lane had a start of its own lack it: their fast lane starts
 * with the tail.
 *
 * <p>Format version {@value #VERSION}. {@link #fromMap} reads what this and earlier versions
 * wrote, accepts numbers as any numeric type or as text (a hand-written offset through the REST
 * API may have either), and rejects anything else with a message that says what is wrong: times
 * outside the range {@link EpochSeconds} allows, milliseconds among them, and call ids longer
 * than any the API makes.
 */
public record SliceOffset(Cursor cursor, Long tailStart, Long readFrom, Long fastStart) {

    public static final int VERSION = 1;
    static final String VERSION_KEY = "v";
    static final String END_TS_KEY = "endTs";
    static final String CALL_ID_KEY = "callId";
    static final String TAIL_START_KEY = "tailStart";
    static final String READ_FROM_KEY = "readFrom";
    static final String FAST_START_KEY = "fastStart";
    /** Far longer than the API's call ids, which are UUIDs or shorter. */
    static final int MAX_CALL_ID_LENGTH = 256;

    /** An offset without the history and fast-lane starts, as history slices store it. */
    public SliceOffset(Cursor cursor, Long tailStart) {
        this(cursor, tailStart, null, null);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(VERSION_KEY, VERSION);
        map.put(END_TS_KEY, cursor.endTs());
        if (cursor.callId() != null) {
            map.put(CALL_ID_KEY, cursor.callId());
        }
        if (tailStart != null) {
            map.put(TAIL_START_KEY, tailStart);
        }
        if (readFrom != null) {
            map.put(READ_FROM_KEY, readFrom);
        }
        if (fastStart != null) {
            map.put(FAST_START_KEY, fastStart);
        }
        return map;
    }

    /**
     * Reads a stored offset; null stays null (no offset yet).
     *
     * @param nowSeconds the worker's clock, which no time in the offset may lie more than a day past
     * @throws IllegalArgumentException for an offset this version cannot read or that is out of range, naming the
     *     field
     */
    public static SliceOffset fromMap(Map<String, ?> map, long nowSeconds) {
        if (map == null) {
            return null;
        }
        Long version = number(map, VERSION_KEY, false);
        if (version != null && (version < 1 || version > VERSION)) {
            throw new IllegalArgumentException("offset format version " + version + " is not supported by this "
                    + "version of the connector (it reads 1.." + VERSION + "): was it written by a newer release?");
        }
        Long endTs = time(map, END_TS_KEY, true, nowSeconds);
        Object callId = map.get(CALL_ID_KEY);
        if (callId != null && !(callId instanceof String)) {
            throw new IllegalArgumentException("offset field '" + CALL_ID_KEY + "' must be text, got "
                    + abbreviate(String.valueOf(callId)));
        }
        if (callId instanceof String id && (id.isEmpty() || id.length() > MAX_CALL_ID_LENGTH)) {
            throw new IllegalArgumentException("offset field '" + CALL_ID_KEY + "' must be 1 to " + MAX_CALL_ID_LENGTH
                    + " characters long, got " + id.length());
        }
        return new SliceOffset(new Cursor(endTs, (String) callId), time(map, TAIL_START_KEY, false, nowSeconds),
                time(map, READ_FROM_KEY, false, nowSeconds), time(map, FAST_START_KEY, false, nowSeconds));
    }

    private static Long time(Map<String, ?> map, String key, boolean required, long nowSeconds) {
        Long value = number(map, key, required);
        if (value != null) {
            EpochSeconds.check("offset field '" + key + "'", value, nowSeconds);
        }
        return value;
    }

    private static Long number(Map<String, ?> map, String key, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("offset has no '" + key + "' field (it has " + map.keySet() + ")");
            }
            return null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        // JSON may bring a whole number as a floating-point one; a fraction or an infinity is not a position.
        if (value instanceof Number n && Math.rint(n.doubleValue()) == n.doubleValue()
                && Math.abs(n.doubleValue()) < 0x1p63) {
            return n.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("offset field '" + key + "' must be a whole number, got '"
                + abbreviate(String.valueOf(value)) + "'");
    }

    /** Offsets written by hand may hold anything; a message quotes the start of it, control characters escaped. */
    private static String abbreviate(String text) {
        StringBuilder quoted = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 40 ? quoted + "..." : quoted.toString();
    }
}

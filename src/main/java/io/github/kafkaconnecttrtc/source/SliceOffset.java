package io.github.kafkaconnecttrtc.source;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored offset of a slice: its {@link Cursor}, and for the tail slices the start of the
 * tail and of the history, which must stay fixed for the life of the connector.
 *
 * <p>Format version {@value #VERSION}. {@link #fromMap} reads what this and earlier versions
 * wrote, accepts numbers as any numeric type or as text (a hand-written offset through the REST
 * API may have either), and rejects anything else with a message that says what is wrong.
 */
public record SliceOffset(Cursor cursor, Long tailStart, Long readFrom) {

    public static final int VERSION = 1;
    static final String VERSION_KEY = "v";
    static final String END_TS_KEY = "endTs";
    static final String CALL_ID_KEY = "callId";
    static final String TAIL_START_KEY = "tailStart";
    static final String READ_FROM_KEY = "readFrom";

    /** An offset without the history start, as history slices store it. */
    public SliceOffset(Cursor cursor, Long tailStart) {
        this(cursor, tailStart, null);
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
        return map;
    }

    /**
     * Reads a stored offset; null stays null (no offset yet).
     *
     * @throws IllegalArgumentException for an offset this version cannot read, naming the field
     */
    public static SliceOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        Long version = number(map, VERSION_KEY, false);
        if (version != null && (version < 1 || version > VERSION)) {
            throw new IllegalArgumentException("offset format version " + version + " is not supported by this "
                    + "version of the connector (it reads 1.." + VERSION + "): was it written by a newer release?");
        }
        Long endTs = number(map, END_TS_KEY, true);
        Object callId = map.get(CALL_ID_KEY);
        if (callId != null && !(callId instanceof String)) {
            throw new IllegalArgumentException("offset field '" + CALL_ID_KEY + "' must be text, got " + callId);
        }
        return new SliceOffset(new Cursor(endTs, (String) callId), number(map, TAIL_START_KEY, false),
                number(map, READ_FROM_KEY, false));
    }

    private static Long number(Map<String, ?> map, String key, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("offset " + map + " has no '" + key + "' field");
            }
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("offset field '" + key + "' must be a whole number, got '" + value + "'");
    }
}

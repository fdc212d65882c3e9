package io.github.kafkaconnecttrtc.simulator;

import java.util.List;
import java.util.Objects;

/**
 * One call record as the simulated API sends it: the fields of the vendor's records API, named as
 * its v1 JSON names them, plus the v4 API's {@code roomIdType}. Times are Unix seconds; {@code
 * acceptTs} is 0 for a call never connected. Each endpoint writes the fields it knows under its
 * own names.
 *
 * <p>This is the simulator's own model of the wire, kept apart from the connector's classes so
 * that the two are written independently and a test comparing them can catch either one's mistake.
 *
 * @param roomIdType {@value #NUMERIC_ROOM} for a numeric room id, {@value #STRING_ROOM} for a string one
 */
public record ApiRecord(
        String callId,
        long sdkAppId,
        String mediaType,
        String roomId,
        int roomIdType,
        long startCallTs,
        long acceptTs,
        long endTs,
        String caller,
        int totalUserNumber,
        String callType,
        String callResult,
        List<String> callees) {

    public static final int NUMERIC_ROOM = 1;
    public static final int STRING_ROOM = 2;

    private static final long MAX_UNSIGNED_32 = 0xFFFF_FFFFL;

    public ApiRecord {
        Objects.requireNonNull(callId, "callId");
        if (roomIdType != NUMERIC_ROOM && roomIdType != STRING_ROOM) {
            throw new IllegalArgumentException("roomIdType must be 1 or 2, was " + roomIdType);
        }
        callees = callees == null ? List.of() : List.copyOf(callees);
    }

    /** A record whose {@code roomIdType} follows from its {@code roomId}, as {@link #roomIdTypeOf} says. */
    public ApiRecord(String callId, long sdkAppId, String mediaType, String roomId, long startCallTs, long acceptTs,
            long endTs, String caller, int totalUserNumber, String callType, String callResult, List<String> callees) {
        this(callId, sdkAppId, mediaType, roomId, roomIdTypeOf(roomId), startCallTs, acceptTs, endTs, caller,
                totalUserNumber, callType, callResult, callees);
    }

    /**
     * {@value #NUMERIC_ROOM} when {@code roomId} is a decimal number that fits in an unsigned
     * 32-bit int, as TRTC's numeric room ids do; {@value #STRING_ROOM} otherwise.
     */
    public static int roomIdTypeOf(String roomId) {
        boolean numeric = roomId != null && !roomId.isEmpty() && roomId.length() <= 10
                && roomId.chars().allMatch(c -> c >= '0' && c <= '9')
                && Long.parseLong(roomId) <= MAX_UNSIGNED_32;
        return numeric ? NUMERIC_ROOM : STRING_ROOM;
    }

    /** Seconds from the call's start to its end. */
    public long durationSeconds() {
        return endTs - startCallTs;
    }
}

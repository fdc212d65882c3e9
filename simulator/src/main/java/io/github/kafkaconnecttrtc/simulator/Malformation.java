package io.github.kafkaconnecttrtc.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A way the API can send one call's record so that it cannot be read faithfully. Which calls are
 * sent malformed, and how, depends only on the seed and the call id, so asking again never fixes
 * one: the fault is not transient.
 *
 * <p>The record stays where its true times put it (order, filters, {@code totalNum}); only the
 * JSON written for it is wrong.
 */
public enum Malformation {

    /** The {@code callId} field is missing. */
    NO_CALL_ID,

    /** The {@code endTs} field is missing. */
    NO_END_TS,

    /** The {@code startCallTs} field is missing. */
    NO_START_CALL_TS,

    /** {@code startCallTs} is a date as text, e.g. {@code "2025-06-15 10:15:00"}, not a number. */
    START_CALL_TS_AS_TEXT,

    /** {@code callees} is an object of index to callee instead of a list. */
    CALLEES_AS_OBJECT,

    /** {@code totalUserNumber} is the true number plus 2^32: beyond an int, and the true one if truncated. */
    TOTAL_USER_NUMBER_BEYOND_INT,

    /** {@code caller} holds bytes that are not UTF-8 after the true name. */
    INVALID_UTF8_CALLER,

    /** {@code acceptTs} is {@value #HUGE_ACCEPT_TS}, whose milliseconds do not fit in a long. */
    ACCEPT_TS_HUGE,

    /** {@code endTs} is a hundred years after the call's true end. */
    END_TS_FAR_FUTURE,

    /** {@code sdkAppId} is a number of {@value #LONG_NUMBER_DIGITS} digits. */
    SDK_APP_ID_LONG_NUMBER;

    /** The smallest number of seconds whose milliseconds overflow a long. */
    public static final long HUGE_ACCEPT_TS = Long.MAX_VALUE / 1000 + 1;

    /** How far {@link #END_TS_FAR_FUTURE} moves the end: a hundred years of 365.25 days. */
    public static final long FAR_FUTURE_SECONDS = 3_155_760_000L;

    /** Beyond the 100 digits that the issue names as absurd, and below Jackson's default limit of 1000. */
    public static final int LONG_NUMBER_DIGITS = 120;

    /** Not UTF-8: a lead byte followed by no continuation byte, then a byte UTF-8 never uses. */
    static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};

    /** Kept apart from the call data's and the faults' streams so that the choice changes neither. */
    private static final long MALFORMATION_STREAM = 0x6A09E667F3BCC909L;

    /**
     * The malformation of call {@code callId} when records are sent malformed at {@code rate}:
     * each call is chosen with that probability, and then one kind, all from a hash of the seed
     * and the call id.
     */
    static Optional<Malformation> of(long seed, String callId, double rate) {
        if (rate <= 0) {
            return Optional.empty();
        }
        long hash = mix(seed ^ MALFORMATION_STREAM);
        for (byte b : callId.getBytes(StandardCharsets.UTF_8)) {
            hash = mix(hash ^ (b & 0xFF));
        }
        // The upper 53 bits as a uniform double, the lower bits for the kind.
        double draw = (hash >>> 11) * 0x1.0p-53;
        if (draw >= rate) {
            return Optional.empty();
        }
        Malformation[] kinds = values();
        return Optional.of(kinds[(int) Long.remainderUnsigned(mix(hash), kinds.length)]);
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A way the API can send one call's record so that it cannot be read faithfully. Which calls are
 * sent malformed, and how, depends only on the seed and the call id, so asking again never fixes
 * one: the fault is not transient.
 *
 * <p>The record stays where its true times put it (order, filters, {@code totalNum}); only the
 * JSON written for it is wrong. Each kind names the v1 field it breaks; the v4 endpoint breaks
 * its counterpart (this module's README lists them).
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

    private static final DateTimeFormatter START_AS_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final BigInteger TWO_TO_THE_32 = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger LONG_NUMBER_BASE = BigInteger.TEN.pow(LONG_NUMBER_DIGITS - 1);

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

    /** A number of {@value #LONG_NUMBER_DIGITS} digits that ends in {@code value}. */
    static BigInteger longNumber(long value) {
        return LONG_NUMBER_BASE.add(BigInteger.valueOf(value));
    }

    /** {@code value} plus 2^32: beyond an int, and {@code value} again when truncated to one. */
    static BigInteger beyondInt(long value) {
        return TWO_TO_THE_32.add(BigInteger.valueOf(value));
    }

    /** {@code seconds} as a date in text, e.g. {@code "2025-06-15 10:15:00"}. */
    static String asText(long seconds) {
        return START_AS_TEXT.format(Instant.ofEpochSecond(seconds));
    }

    /** {@code text} followed by {@link #INVALID_UTF8}, as a string value. */
    static void writeInvalidUtf8(JsonGenerator json, String text) throws IOException {
        byte[] name = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[name.length + INVALID_UTF8.length];
        System.arraycopy(name, 0, broken, 0, name.length);
        System.arraycopy(INVALID_UTF8, 0, broken, name.length, INVALID_UTF8.length);
        json.writeRawUTF8String(broken, 0, broken.length);
    }

    /** {@code values} as an object of index to value: {@code {"0":"user1001"}}. */
    static void writeIndexed(JsonGenerator json, List<String> values) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < values.size(); i++) {
            json.writeStringField(Integer.toString(i), values.get(i));
        }
        json.writeEndObject();
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

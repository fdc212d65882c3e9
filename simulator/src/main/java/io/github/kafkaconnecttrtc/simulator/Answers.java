package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the records endpoint's JSON bodies: {@code errorCode}, {@code errorMessage} and a
 * {@code requestId} always, {@code data} only on success. Written token by token, so that a
 * record can be sent malformed in ways a JSON tree cannot hold (bytes that are not UTF-8).
 */
final class Answers {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DateTimeFormatter START_AS_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final BigInteger TWO_TO_THE_32 = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger LONG_NUMBER_BASE = BigInteger.TEN.pow(Malformation.LONG_NUMBER_DIGITS - 1);

    private final long seed;
    private final AtomicLong requests = new AtomicLong();

    /** Request ids derive from {@code seed} and a counter, so that runs can be compared. */
    Answers(long seed) {
        this.seed = seed;
    }

    /** A number of {@value Malformation#LONG_NUMBER_DIGITS} digits that ends in {@code value}. */
    static BigInteger longNumber(long value) {
        return LONG_NUMBER_BASE.add(BigInteger.valueOf(value));
    }

    ApiAnswer error(int errorCode) {
        return error(errorCode, ApiCodes.message(errorCode));
    }

    ApiAnswer error(int errorCode, String message) {
        String requestId = nextRequestId();
        return new ApiAnswer(errorCode, write(json -> envelope(json, errorCode, message, requestId)), false);
    }

    /**
     * A page of records with {@code data} as given: the caller decides what {@code totalNum} and
     * {@code page} say, true or not. Each record is written as its malformation says.
     *
     * @param distorted whether a fault made {@code data} untrue, for the fault counters
     */
    ApiAnswer success(BigInteger totalNum, int page, List<SimulatedCall> records, boolean distorted) {
        String requestId = nextRequestId();
        byte[] body = write(json -> {
            envelope(json, ApiCodes.SUCCESS, ApiCodes.message(ApiCodes.SUCCESS), requestId);
            json.writeObjectFieldStart("data");
            json.writeFieldName("totalNum");
            json.writeNumber(totalNum);
            json.writeNumberField("page", page);
            json.writeArrayFieldStart("callRecordList");
            for (SimulatedCall record : records) {
                write(json, record);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
        return new ApiAnswer(ApiCodes.SUCCESS, body, distorted);
    }

    /** The record's fields under the names the vendor's API uses, written one by one. */
    private static void write(JsonGenerator json, SimulatedCall served) throws IOException {
        ApiRecord record = served.call();
        Malformation malformation = served.malformation().orElse(null);
        json.writeStartObject();
        if (malformation != Malformation.NO_CALL_ID) {
            json.writeStringField("callId", record.callId());
        }
        json.writeFieldName("sdkAppId");
        if (malformation == Malformation.SDK_APP_ID_LONG_NUMBER) {
            json.writeNumber(longNumber(record.sdkAppId()));
        } else {
            json.writeNumber(record.sdkAppId());
        }
        json.writeStringField("mediaType", record.mediaType());
        json.writeStringField("roomId", record.roomId());
        if (malformation == Malformation.START_CALL_TS_AS_TEXT) {
            json.writeStringField("startCallTs", START_AS_TEXT.format(Instant.ofEpochSecond(record.startCallTs())));
        } else if (malformation != Malformation.NO_START_CALL_TS) {
            json.writeNumberField("startCallTs", record.startCallTs());
        }
        json.writeNumberField("acceptTs",
                malformation == Malformation.ACCEPT_TS_HUGE ? Malformation.HUGE_ACCEPT_TS : record.acceptTs());
        if (malformation == Malformation.END_TS_FAR_FUTURE) {
            json.writeNumberField("endTs", record.endTs() + Malformation.FAR_FUTURE_SECONDS);
        } else if (malformation != Malformation.NO_END_TS) {
            json.writeNumberField("endTs", record.endTs());
        }
        json.writeFieldName("caller");
        if (malformation == Malformation.INVALID_UTF8_CALLER) {
            byte[] name = record.caller() == null ? new byte[0] : record.caller().getBytes(StandardCharsets.UTF_8);
            byte[] broken = new byte[name.length + Malformation.INVALID_UTF8.length];
            System.arraycopy(name, 0, broken, 0, name.length);
            System.arraycopy(Malformation.INVALID_UTF8, 0, broken, name.length, Malformation.INVALID_UTF8.length);
            json.writeRawUTF8String(broken, 0, broken.length);
        } else {
            json.writeString(record.caller());
        }
        json.writeFieldName("totalUserNumber");
        if (malformation == Malformation.TOTAL_USER_NUMBER_BEYOND_INT) {
            json.writeNumber(TWO_TO_THE_32.add(BigInteger.valueOf(record.totalUserNumber())));
        } else {
            json.writeNumber(record.totalUserNumber());
        }
        json.writeStringField("callType", record.callType());
        json.writeStringField("callResult", record.callResult());
        if (malformation == Malformation.CALLEES_AS_OBJECT) {
            json.writeObjectFieldStart("callees");
            for (int i = 0; i < record.callees().size(); i++) {
                json.writeStringField(Integer.toString(i), record.callees().get(i));
            }
            json.writeEndObject();
        } else {
            json.writeArrayFieldStart("callees");
            for (String callee : record.callees()) {
                json.writeString(callee);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** The envelope's fields, inside the answer's object, which {@link #write(Body)} closes. */
    private static void envelope(JsonGenerator json, int errorCode, String message, String requestId)
            throws IOException {
        json.writeNumberField("errorCode", errorCode);
        json.writeStringField("errorMessage", message);
        json.writeStringField("requestId", requestId);
    }

    /** What goes inside the answer's object. */
    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write an answer into memory", e);
        }
        return out.toByteArray();
    }

    private String nextRequestId() {
        long n = requests.incrementAndGet();
        return String.format("%016x%016x", mix(seed ^ n), mix(n * 0x9E3779B97F4A7C15L));
    }

    private static long mix(long value) {
        long z = (value ^ (value >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}

package io.github.kafkaconnecttrtc.client;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads an answer of the records API, in either dialect, with Jackson's streaming parser. The names below
 * are v1's; v4 sends the same facts under its own ({@link WireFormat}), with an {@code ActionStatus} that
 * must not contradict the code.
 *
 * <p>Each call record stands alone: one that cannot be mapped faithfully (a missing or unusable
 * {@code callId}, {@code startCallTs} or {@code endTs}, a number with a fraction or out of range, times out
 * of order, {@code callees} that is not a list of values, bytes that are not UTF-8) becomes an
 * {@link InvalidRecord} with its JSON text and the reason, and the records around it are read as usual.
 * Lenient only where nothing is lost: unknown fields are skipped, whole numbers may come as numbers, as
 * numeric strings or as floats without a fraction, and text fields as strings or numbers.
 *
 * <p>The answer as a whole is a {@link MalformedResponseException}, so that the caller asks again, only
 * when its envelope is broken: not JSON, cut off, without {@code errorCode}, a success without {@code data},
 * {@code data} or {@code callRecordList} of the wrong type, a {@code totalNum} or {@code page} that is not a
 * count, or more records than the page size asked for. Stream limits (nesting depth, and string and
 * number lengths within the body's) and a bound on the numbers converted keep what one answer can cost
 * linear in its size. Thread-safe.
 */
public final class ResponseParser {

    /** The latest time a record may name: 2^32 - 1 s (in 2106), so that milliseconds never overflow. */
    public static final long MAX_TIMESTAMP = 0xFFFF_FFFFL;
    /** How far past the worker's clock an end time may lie: clocks differ, but no call ends in the future. */
    public static final Duration END_TOLERANCE = Duration.ofDays(1);
    /** The longest record, in characters, that is mapped: real ones are about 500; Kafka takes about 1 MB. */
    public static final int MAX_RECORD_CHARS = 64 * 1024;

    /**
     * A timestamp has 10 digits; a longer number than this is not one the API sends, and is never
     * converted, since converting costs more than linear time in its length. The parser checks it
     * value by value rather than leaving it to Jackson, which would fail the whole answer: a long
     * number sets aside its record only.
     */
    private static final int MAX_NUMBER_LENGTH = 100;
    /** An answer is four levels deep; unknown fields may add a few. */
    private static final int MAX_NESTING_DEPTH = 20;
    private static final int MAX_QUOTED_CHARS = 40;
    /** How much of the envelope's errorMessage and requestId is kept. */
    private static final int MAX_ENVELOPE_TEXT = 256;
    private static final char REPLACEMENT = '\uFFFD';

    private final JsonFactory factory;
    private final WireFormat wire;
    private final long sdkAppId;

    /**
     * @param dialect the dialect of the answers, which names their fields
     * @param sdkAppId the application the answers are for: a record that names none (v4's never do) is its
     * @param maxBodyBytes the largest body the client accepts, which bounds every string in it
     */
    public ResponseParser(ApiDialect dialect, long sdkAppId, int maxBodyBytes) {
        this.wire = dialect.wire();
        this.sdkAppId = sdkAppId;
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(maxBodyBytes)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(maxBodyBytes)
                        .build())
                // Jackson quotes tokens of a broken body in its messages: keep that short.
                .errorReportConfiguration(ErrorReportConfiguration.builder()
                        .maxErrorTokenLength(MAX_QUOTED_CHARS)
                        .maxRawContentLength(0)
                        .build())
                .build();
    }

    /**
     * Parses one answer.
     *
     * @param body the answer's bytes, UTF-8 by the API's promise
     * @param pageSize the {@code numberPerPage} that was asked for: more records than that is a broken answer
     * @param now the worker's clock, to recognise an end time in the future
     * @throws MalformedResponseException when the envelope is broken
     */
    public ApiResponse parse(byte[] body, int pageSize, Instant now) {
        if (body == null || body.length == 0) {
            throw new MalformedResponseException("empty answer body");
        }
        Text text = Text.decode(body);
        Reader reader = new Reader(text, pageSize, now.getEpochSecond() + END_TOLERANCE.toSeconds());
        try (JsonParser p = factory.createParser(text.chars)) {
            ApiResponse response = reader.readEnvelope(p);
            if (p.nextToken() != null) {
                throw new MalformedResponseException("trailing content after the JSON document");
            }
            return response;
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("answer is not valid JSON (" + body.length + " bytes): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedResponseException("answer could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The body as characters, with the places where bytes that are not UTF-8 were replaced by U+FFFD: a
     * record that holds one is not what was sent, but the records around it are.
     */
    private static final class Text {

        final String chars;
        private final int[] replaced;

        private Text(String chars, int[] replaced) {
            this.chars = chars;
            this.replaced = replaced;
        }

        static Text decode(byte[] body) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(body);
            // UTF-8 never gives more chars than bytes, and a replaced sequence is at least one byte.
            CharBuffer out = CharBuffer.allocate(body.length);
            int[] replaced = new int[0];
            int count = 0;
            while (true) {
                CoderResult result = decoder.decode(in, out, true);
                if (result.isError()) {
                    if (count == replaced.length) {
                        replaced = Arrays.copyOf(replaced, Math.max(8, count * 2));
                    }
                    replaced[count++] = out.position();
                    out.put(REPLACEMENT);
                    in.position(in.position() + result.length());
                } else {
                    decoder.flush(out);
                    break;
                }
            }
            out.flip();
            return new Text(out.toString(), Arrays.copyOf(replaced, count));
        }

        /** Whether a byte was replaced in chars {@code [from, to)}. */
        boolean replacedIn(long from, long to) {
            int i = Arrays.binarySearch(replaced, (int) from);
            int insertion = i >= 0 ? i : -i - 1;
            return insertion < replaced.length && replaced[insertion] < to;
        }

        String slice(long from, long to) {
            return chars.substring((int) from, (int) to);
        }
    }

    /** The parse of one answer. */
    private final class Reader {

        private final Text text;
        private final int pageSize;
        private final long latestEnd;

        Reader(Text text, int pageSize, long latestEnd) {
            this.text = text;
            this.pageSize = pageSize;
            this.latestEnd = latestEnd;
        }

        ApiResponse readEnvelope(JsonParser p) throws IOException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "the answer");
            Long errorCode = null;
            String errorMessage = null;
            String requestId = null;
            String status = null;
            Page data = null;
            boolean dataSeen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(wire.errorCode)) {
                    once(errorCode != null, field);
                    errorCode = envelopeNumber(p, value, field);
                } else if (field.equals(wire.errorMessage)) {
                    errorMessage = envelopeText(p, value);
                } else if (field.equals(wire.requestId)) {
                    requestId = envelopeText(p, value);
                } else if (field.equals(wire.status)) {
                    status = envelopeText(p, value);
                } else if (field.equals(wire.data)) {
                    once(dataSeen, field);
                    dataSeen = true;
                    if (value == JsonToken.START_OBJECT) {
                        data = readData(p);
                    } else if (value != JsonToken.VALUE_NULL) {
                        throw new MalformedResponseException("'" + field + "' is not an object but " + describe(value));
                    }
                } else {
                    p.skipChildren();
                }
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "the answer");
            if (errorCode == null) {
                throw new MalformedResponseException("answer has no " + wire.errorCode);
            }
            if (errorCode < Integer.MIN_VALUE || errorCode > Integer.MAX_VALUE) {
                throw new MalformedResponseException("'" + wire.errorCode + "' is out of range: " + errorCode);
            }
            if (errorCode == ErrorCodes.SUCCESS && data == null) {
                throw new MalformedResponseException("successful answer without '" + wire.data + "'");
            }
            // An answer that says both success and failure is believed in neither.
            if (errorCode == ErrorCodes.SUCCESS && status != null && !status.equals("OK")) {
                throw new MalformedResponseException("'" + wire.status + "' is '" + status + "' with "
                        + wire.errorCode + " 0");
            }
            return data == null
                    ? new ApiResponse(errorCode.intValue(), errorMessage, requestId, false, 0, 0, List.of(), List.of())
                    : new ApiResponse(errorCode.intValue(), errorMessage, requestId, true, data.totalNum, data.page,
                            data.records, data.invalid);
        }

        private static final class Page {
            long totalNum;
            int page;
            boolean totalNumSeen;
            boolean pageSeen;
            boolean listSeen;
            List<CallRecord> records = List.of();
            List<InvalidRecord> invalid = List.of();
        }

        private Page readData(JsonParser p) throws IOException {
            Page data = new Page();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(wire.totalNum)) {
                    once(data.totalNumSeen, field);
                    data.totalNumSeen = true;
                    data.totalNum = count(envelopeNumber(p, value, field), Long.MAX_VALUE, field);
                } else if (field.equals(wire.page)) {
                    once(data.pageSeen, field);
                    data.pageSeen = true;
                    data.page = (int) count(envelopeNumber(p, value, field), Integer.MAX_VALUE, field);
                } else if (field.equals(wire.records)) {
                    once(data.listSeen, field);
                    data.listSeen = true;
                    readRecords(p, value, data);
                } else {
                    p.skipChildren();
                }
            }
            return data;
        }

        private void readRecords(JsonParser p, JsonToken start, Page data) throws IOException {
            if (start == JsonToken.VALUE_NULL) {
                return;
            }
            if (start != JsonToken.START_ARRAY) {
                throw new MalformedResponseException("'" + wire.records + "' is not a list but " + describe(start));
            }
            List<CallRecord> records = new ArrayList<>(Math.min(pageSize, ApiLimits.MAX_PAGE_SIZE));
            List<InvalidRecord> invalid = new ArrayList<>(0);
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                if (records.size() + invalid.size() == pageSize) {
                    throw new MalformedResponseException("the answer holds more than the " + pageSize
                            + " records a page was asked for");
                }
                if (token == JsonToken.START_OBJECT) {
                    readRecord(p, records, invalid);
                } else {
                    long from = p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    p.finishToken();
                    invalid.add(new InvalidRecord(text.slice(from, p.currentLocation().getCharOffset()),
                            "a call record must be an object, not " + describe(token), null));
                }
            }
            data.records = records;
            data.invalid = invalid;
        }

        private void readRecord(JsonParser p, List<CallRecord> records, List<InvalidRecord> invalid)
                throws IOException {
            long from = p.currentTokenLocation().getCharOffset();
            RecordFields fields = new RecordFields(wire);
            String problem = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                long fieldFrom = p.currentTokenLocation().getCharOffset();
                String fieldProblem = fields.read(p, field, p.nextToken());
                boolean damaged = text.replacedIn(fieldFrom, p.currentLocation().getCharOffset());
                if (damaged && wire.field(field) == WireFormat.Field.CALL_ID) {
                    // Not the id the API holds: the invalid record must not name it as one.
                    fields.forgetCallId();
                }
                if (problem == null) {
                    problem = fieldProblem != null ? fieldProblem
                            : damaged ? "invalid UTF-8 in field '" + printable(field, MAX_QUOTED_CHARS) + "'" : null;
                }
            }
            long to = p.currentTokenLocation().getCharOffset() + 1;
            if (problem == null && text.replacedIn(from, to)) {
                problem = "invalid UTF-8 in the record";
            }
            if (problem == null) {
                problem = fields.check(latestEnd);
            }
            long length = to - from;
            if (length > MAX_RECORD_CHARS) {
                String cut = "the record is " + length + " characters long, more than the " + MAX_RECORD_CHARS
                        + " one may take, and is cut to that";
                invalid.add(new InvalidRecord(text.slice(from, from + MAX_RECORD_CHARS),
                        problem == null ? cut : problem + "; " + cut, fields.usableCallId()));
            } else if (problem != null) {
                invalid.add(new InvalidRecord(text.slice(from, to), problem, fields.usableCallId()));
            } else {
                records.add(fields.toRecord(sdkAppId));
            }
        }

        /** A field of the envelope may appear once: a second one would silently replace the first. */
        private static void once(boolean seen, String field) {
            if (seen) {
                throw new MalformedResponseException("'" + field + "' appears twice in the answer");
            }
        }

        private static Long envelopeNumber(JsonParser p, JsonToken token, String field) throws IOException {
            WholeNumber number = WholeNumber.read(p, token);
            if (number.problem != null) {
                throw new MalformedResponseException("'" + field + "' " + number.problem);
            }
            return number.value;
        }

        /**
         * A text of the envelope, which only people read: any value is taken, cut short and with control
         * characters escaped, since it ends up in messages and logs.
         */
        private static String envelopeText(JsonParser p, JsonToken token) throws IOException {
            if (token.isScalarValue()) {
                return token == JsonToken.VALUE_NULL ? null : printable(p.getText(), MAX_ENVELOPE_TEXT);
            }
            p.skipChildren();
            return describe(token);
        }

        private static long count(Long value, long max, String field) {
            if (value == null) {
                return 0;
            }
            if (value < 0 || value > max) {
                throw new MalformedResponseException("'" + field + "' is not a count from 0 to " + max + ": "
                        + value);
            }
            return value;
        }
    }

    /** The fields of one call record as read so far, and what is wrong with them. */
    private static final class RecordFields {

        private final WireFormat wire;
        private final Set<WireFormat.Field> seen = EnumSet.noneOf(WireFormat.Field.class);
        private String callId;
        private Long sdkAppId;
        private String mediaType;
        private String roomId;
        private Long roomIdType;
        private Long startCallTs;
        private Long acceptTs;
        private Long endTs;
        private String caller;
        private Long totalUserNumber;
        private String callType;
        private String callResult;
        private List<String> callees = List.of();

        RecordFields(WireFormat wire) {
            this.wire = wire;
        }

        /**
         * Reads the value of one field, children included, whatever it is.
         *
         * @return what is wrong with it, or null
         */
        String read(JsonParser p, String field, JsonToken value) throws IOException {
            WireFormat.Field known = wire.field(field);
            if (known == null) {
                p.skipChildren();
                // A string is read lazily: finish it, so that the parser's position is past it.
                p.finishToken();
                return null;
            }
            String again = !seen.add(known) ? "'" + field + "' appears twice" : null;
            String problem = switch (known) {
                case CALL_ID -> {
                    if (value == JsonToken.VALUE_STRING || value.isNumeric()) {
                        callId = p.getText();
                        yield null;
                    }
                    yield notA(p, value, field, "string");
                }
                case SDK_APP_ID -> number(p, value, field, n -> sdkAppId = n);
                case START -> number(p, value, field, n -> startCallTs = n);
                case ACCEPT -> number(p, value, field, n -> acceptTs = n);
                case END -> number(p, value, field, n -> endTs = n);
                case TOTAL_USER_NUMBER -> number(p, value, field, n -> totalUserNumber = n);
                case ROOM_ID_TYPE -> number(p, value, field, n -> roomIdType = n);
                case MEDIA_TYPE -> text(p, value, field, s -> mediaType = s);
                case ROOM_ID -> text(p, value, field, s -> roomId = s);
                case CALLER -> text(p, value, field, s -> caller = s);
                case CALL_TYPE -> text(p, value, field, s -> callType = s);
                case CALL_RESULT -> text(p, value, field, s -> callResult = s);
                case CALLEES -> callees(p, value, field);
            };
            return again != null ? again : problem;
        }

        private static String number(JsonParser p, JsonToken value, String field,
                LongConsumer sink) throws IOException {
            WholeNumber number = WholeNumber.read(p, value);
            if (number.problem != null) {
                return "'" + field + "' " + number.problem;
            }
            if (number.value != null) {
                sink.accept(number.value);
            }
            return null;
        }

        private static String text(JsonParser p, JsonToken value, String field,
                Consumer<String> sink) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value.isScalarValue()) {
                sink.accept(p.getText());
                return null;
            }
            return notA(p, value, field, "text");
        }

        private String callees(JsonParser p, JsonToken value, String field) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value.isScalarValue()) {
                // One callee sent as a bare value rather than a list of one.
                callees = List.of(p.getText());
                return null;
            }
            if (value != JsonToken.START_ARRAY) {
                return notA(p, value, field, "list");
            }
            List<String> ids = new ArrayList<>(4);
            String problem = null;
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                if (item == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (item.isScalarValue()) {
                    ids.add(p.getText());
                } else {
                    if (problem == null) {
                        problem = "'" + field + "' holds " + describe(item) + " where a user id belongs";
                    }
                    p.skipChildren();
                }
            }
            callees = ids;
            return problem;
        }

        private static String notA(JsonParser p, JsonToken value, String field, String expected) throws IOException {
            p.skipChildren();
            return "'" + field + "' is not a " + expected + " but " + describe(value);
        }

        /** What is wrong with the record as a whole, or null when it maps faithfully. */
        String check(long latestEnd) {
            String id = wire.name(WireFormat.Field.CALL_ID);
            String start = wire.name(WireFormat.Field.START);
            String end = wire.name(WireFormat.Field.END);
            String accept = wire.name(WireFormat.Field.ACCEPT);
            if (callId == null) {
                return "no " + id;
            }
            if (callId.isEmpty()) {
                return "'" + id + "' is empty";
            }
            if (startCallTs == null) {
                return "no " + start;
            }
            if (endTs == null) {
                return "no " + end;
            }
            String problem = firstNonNull(
                    time(start, startCallTs, 1),
                    time(end, endTs, 1),
                    acceptTs == null ? null : time(accept, acceptTs, 0),
                    sdkAppId != null && sdkAppId < 0
                            ? "'" + wire.name(WireFormat.Field.SDK_APP_ID) + "' is negative: " + sdkAppId : null,
                    notAnInt(WireFormat.Field.TOTAL_USER_NUMBER, totalUserNumber),
                    notAnInt(WireFormat.Field.ROOM_ID_TYPE, roomIdType));
            if (problem != null) {
                return problem;
            }
            if (startCallTs > endTs) {
                return "'" + start + "' " + startCallTs + " is after '" + end + "' " + endTs;
            }
            long accepted = acceptTs == null ? 0 : acceptTs;
            if (accepted != 0 && (accepted < startCallTs || accepted > endTs)) {
                return "'" + accept + "' " + accepted + " is outside the call, " + startCallTs + " to " + endTs;
            }
            if (endTs > latestEnd) {
                return "'" + end + "' " + endTs + " lies more than " + END_TOLERANCE.toHours()
                        + " hours after the worker's clock: no call ends in the future";
            }
            return null;
        }

        private String notAnInt(WireFormat.Field field, Long value) {
            return value != null && (value < 0 || value > Integer.MAX_VALUE)
                    ? "'" + wire.name(field) + "' is not a count from 0 to " + Integer.MAX_VALUE + ": " + value : null;
        }

        private static String time(String field, long value, long min) {
            if (value >= min && value <= MAX_TIMESTAMP) {
                return null;
            }
            String hint = value > MAX_TIMESTAMP && value / 1000 <= MAX_TIMESTAMP ? " (milliseconds?)" : "";
            return "'" + field + "' " + value + " is not a time in Unix seconds from " + min + " to "
                    + MAX_TIMESTAMP + hint;
        }

        private static String firstNonNull(String... problems) {
            for (String problem : problems) {
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        void forgetCallId() {
            callId = null;
        }

        String usableCallId() {
            return callId == null || callId.isEmpty() ? null : callId;
        }

        CallRecord toRecord(long configuredSdkAppId) {
            return new CallRecord(callId, sdkAppId == null ? configuredSdkAppId : sdkAppId, mediaType, roomId,
                    roomIdType == null ? null : roomIdType.intValue(), startCallTs, acceptTs == null ? 0 : acceptTs,
                    endTs, caller, totalUserNumber == null ? null : totalUserNumber.intValue(), callType, callResult,
                    callees);
        }
    }

    /**
     * A whole number as the API may send it: a JSON integer, a float without a fraction (1.7E9), or either
     * as a string; null for a JSON null. Anything else is a problem, never a guess.
     */
    private record WholeNumber(Long value, String problem) {

        private static final WholeNumber NULL = new WholeNumber(null, null);

        static WholeNumber read(JsonParser p, JsonToken token) throws IOException {
            switch (token) {
                case VALUE_NULL:
                    return NULL;
                case VALUE_NUMBER_INT:
                    if (p.getTextLength() > MAX_NUMBER_LENGTH) {
                        return tooLong(p);
                    }
                    JsonParser.NumberType type = p.getNumberType();
                    if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                        return new WholeNumber(p.getLongValue(), null);
                    }
                    return of(p.getDecimalValue(), p.getText());
                case VALUE_NUMBER_FLOAT:
                    return p.getTextLength() > MAX_NUMBER_LENGTH ? tooLong(p) : of(p.getDecimalValue(), p.getText());
                case VALUE_STRING:
                    String text = p.getText().trim();
                    if (text.isEmpty() || text.length() > MAX_NUMBER_LENGTH) {
                        return problem("is not a whole number: '" + quote(text) + "'");
                    }
                    try {
                        return of(new BigDecimal(text), text);
                    } catch (NumberFormatException e) {
                        return problem("is not a whole number: '" + quote(text) + "'");
                    }
                default:
                    p.skipChildren();
                    return problem("is not a whole number but " + describe(token));
            }
        }

        private static WholeNumber of(BigDecimal number, String text) {
            if (number.signum() == 0) {
                return new WholeNumber(0L, null);
            }
            int integerDigits = number.precision() - number.scale();
            if (integerDigits > 19) {
                return problem("is out of range: " + quote(text));
            }
            if (number.stripTrailingZeros().scale() > 0) {
                return problem("is not a whole number: " + quote(text));
            }
            try {
                return new WholeNumber(number.longValueExact(), null);
            } catch (ArithmeticException e) {
                return problem("is out of range: " + quote(text));
            }
        }

        private static WholeNumber tooLong(JsonParser p) throws IOException {
            return problem("is a number of " + p.getTextLength() + " characters, longer than any the API sends: "
                    + quote(p.getText()));
        }

        private static WholeNumber problem(String problem) {
            return new WholeNumber(null, problem);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new MalformedResponseException("expected " + expected + " for " + what + ", got "
                    + (actual == null ? "the end of the body" : actual));
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** A value from the answer for a message: short, so that an answer cannot fill a log line. */
    private static String quote(String text) {
        return printable(text, MAX_QUOTED_CHARS);
    }

    /** At most {@code max} characters of {@code text}, control characters escaped: it cannot forge log lines. */
    private static String printable(String text, int max) {
        boolean cut = text.length() > max;
        String kept = cut ? text.substring(0, max) : text;
        StringBuilder out = null;
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(kept.length() + 8).append(kept, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        String result = out == null ? kept : out.toString();
        return cut ? result + "..." : result;
    }
}

package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseParserTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String BEFORE = "{\"callId\":\"c1\",\"startCallTs\":1700000000,\"endTs\":1700000060}";
    private static final String AFTER = "{\"callId\":\"c3\",\"startCallTs\":1700000100,\"endTs\":1700000160}";

    private final ResponseParser parser = new ResponseParser(ApiDialect.V1, 1_400_000_000L,
            RequestPolicy.DEFAULT_MAX_RESPONSE_BYTES);

    private ApiResponse parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8), ApiLimits.MAX_PAGE_SIZE);
    }

    private ApiResponse parse(byte[] json, int pageSize) {
        return parser.parse(json, pageSize, NOW);
    }

    private static String page(String... records) {
        return "{\"errorCode\":0,\"requestId\":\"r1\",\"data\":{\"totalNum\":" + records.length
                + ",\"page\":0,\"callRecordList\":[" + String.join(",", records) + "]}}";
    }

    /** One record between two good ones, as the API would page it. */
    private ApiResponse parseBetweenGoodOnes(String record) {
        return parse(page(BEFORE, record, AFTER));
    }

    private static String record(String fields) {
        return "{" + fields + "}";
    }

    @Test
    void readsTheVendorsOwnExample() {
        ApiResponse response = parse("""
                {"errorCode":0,"errorMessage":"Success","requestId":"8ba14f64a1d92d38705eec775e1f3deb",
                 "data":{"totalNum":3,"page":2,"callRecordList":[
                  {"callId":"2ae7d549-c441-4a9b-87c0-61810fe19581","sdkAppId":88888888,"mediaType":"video",
                   "roomId":"456","startCallTs":1688709003,"acceptTs":1688709003,"endTs":1689150030,
                   "caller":"123","totalUserNumber":0,"callType":"single","callResult":"offline",
                   "callees":["111","123"]}]}}
                """);

        assertThat(response.errorCode()).isZero();
        assertThat(response.requestId()).isEqualTo("8ba14f64a1d92d38705eec775e1f3deb");
        assertThat(response.totalNum()).isEqualTo(3);
        assertThat(response.page()).isEqualTo(2);
        assertThat(response.records()).containsExactly(new CallRecord("2ae7d549-c441-4a9b-87c0-61810fe19581",
                88888888L, "video", "456", null, 1688709003L, 1688709003L, 1689150030L, "123", 0, "single", "offline",
                java.util.List.of("111", "123")));
        assertThat(response.invalid()).isEmpty();
    }

    @Test
    void acceptsNumbersAsStringsStringsAsNumbersAndUnknownFields() {
        ApiResponse response = parse("""
                {"errorCode":"0","newEnvelopeField":{"x":[1,2]},"data":{"page":"0","totalNum":"1","extra":true,
                 "callRecordList":[{"callId":"c1","roomId":456,"startCallTs":"100","acceptTs":null,"endTs":"160",
                   "totalUserNumber":"2","callees":"u2","future":{"a":1}}]}}
                """);

        CallRecord record = response.records().get(0);
        assertThat(response.errorCode()).isZero();
        assertThat(record.roomId()).isEqualTo("456");
        assertThat(record.startCallTs()).isEqualTo(100);
        assertThat(record.acceptTs()).isZero();
        assertThat(record.endTs()).isEqualTo(160);
        assertThat(record.totalUserNumber()).isEqualTo(2);
        assertThat(record.callees()).containsExactly("u2");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.7E9", "1.7e9", "1700000000.0", "1700000000.000", "\"1700000000.0\"", "\" 1700000000 \"",
        "\"1.7E9\"", "\"+1700000000\""})
    void acceptsAWholeNumberInAnyFormThatLosesNothing(String startCallTs) {
        ApiResponse response = parse(page(record("\"callId\":\"c2\",\"startCallTs\":" + startCallTs
                + ",\"endTs\":1700000060")));

        assertThat(response.invalid()).isEmpty();
        assertThat(response.records()).singleElement()
                .satisfies(r -> assertThat(r.startCallTs()).isEqualTo(1_700_000_000L));
    }

    @Test
    void takesANumericCallIdAsItsTextAndDefaultsTheOptionalFieldsWithoutInventingACount() {
        ApiResponse response = parse(page(record("\"callId\":12345,\"startCallTs\":100,\"endTs\":160,"
                + "\"acceptTs\":-0,\"callees\":[\"u1\",null,7]")));

        assertThat(response.records()).containsExactly(new CallRecord("12345", 1_400_000_000L, null, null, null, 100, 0,
                160, null, null, null, null, List.of("u1", "7")));
    }

    @Test
    void readsAnErrorAnswerWithoutData() {
        ApiResponse response = parse("{\"errorCode\":70011,\"errorMessage\":\"no records\",\"requestId\":\"r\"}");

        assertThat(response.errorCode()).isEqualTo(70011);
        assertThat(response.hasData()).isFalse();
        assertThat(response.records()).isEmpty();
    }

    static Stream<Arguments> recordsThatCannotBeMappedFaithfully() {
        return Stream.of(
                Arguments.of("no callId", "{\"startCallTs\":100,\"endTs\":160}", "no callId", null),
                Arguments.of("empty callId", "{\"callId\":\"\",\"startCallTs\":100,\"endTs\":160}",
                        "'callId' is empty", null),
                Arguments.of("callId an object", "{\"callId\":{\"nested\":1},\"endTs\":1}",
                        "'callId' is not a string but an object", null),
                Arguments.of("callId a boolean", "{\"callId\":true,\"startCallTs\":100,\"endTs\":160}",
                        "'callId' is not a string but a boolean", null),
                Arguments.of("no startCallTs", "{\"callId\":\"bad\",\"endTs\":160}", "no startCallTs", "bad"),
                Arguments.of("no endTs", "{\"callId\":\"bad\",\"startCallTs\":100}", "no endTs", "bad"),
                Arguments.of("null endTs", "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":null}", "no endTs",
                        "bad"),
                Arguments.of("start time as text",
                        "{\"callId\":\"bad\",\"startCallTs\":\"yesterday\",\"endTs\":160}",
                        "'startCallTs' is not a whole number: 'yesterday'", "bad"),
                Arguments.of("start time with a fraction", "{\"callId\":\"bad\",\"startCallTs\":100.5,\"endTs\":160}",
                        "'startCallTs' is not a whole number: 100.5", "bad"),
                Arguments.of("start time with a fraction, as text",
                        "{\"callId\":\"bad\",\"startCallTs\":\"100.5\",\"endTs\":160}",
                        "'startCallTs' is not a whole number: 100.5", "bad"),
                Arguments.of("end time a boolean", "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":true}",
                        "'endTs' is not a whole number but a boolean", "bad"),
                Arguments.of("end time a list", "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":[160]}",
                        "'endTs' is not a whole number but a list", "bad"),
                Arguments.of("acceptTs that overflows milliseconds",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"acceptTs\":9200000000000000,\"endTs\":160}",
                        "'acceptTs' 9200000000000000 is not a time in Unix seconds", "bad"),
                Arguments.of("end time in milliseconds",
                        "{\"callId\":\"bad\",\"startCallTs\":1700000000,\"endTs\":1700000060000}",
                        "(milliseconds?)", "bad"),
                Arguments.of("start time 0", "{\"callId\":\"bad\",\"startCallTs\":0,\"endTs\":160}",
                        "'startCallTs' 0 is not a time", "bad"),
                Arguments.of("negative start time", "{\"callId\":\"bad\",\"startCallTs\":-5,\"endTs\":160}",
                        "'startCallTs' -5 is not a time", "bad"),
                Arguments.of("end time beyond a long",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":99999999999999999999}",
                        "'endTs' is out of range", "bad"),
                Arguments.of("sdkAppId of 120 digits",
                        "{\"callId\":\"bad\",\"sdkAppId\":1" + "0".repeat(119) + ",\"startCallTs\":100,\"endTs\":160}",
                        "'sdkAppId' is a number of 120 characters, longer than any the API sends", "bad"),
                Arguments.of("end time of 150 characters",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160." + "0".repeat(146) + "}",
                        "'endTs' is a number of 150 characters", "bad"),
                Arguments.of("end time with an absurd exponent",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":1e999999}",
                        "'endTs' is out of range", "bad"),
                Arguments.of("end before start", "{\"callId\":\"bad\",\"startCallTs\":200,\"endTs\":160}",
                        "'startCallTs' 200 is after 'endTs' 160", "bad"),
                Arguments.of("accepted before the start",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"acceptTs\":99,\"endTs\":160}",
                        "'acceptTs' 99 is outside the call", "bad"),
                Arguments.of("accepted after the end",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"acceptTs\":161,\"endTs\":160}",
                        "'acceptTs' 161 is outside the call", "bad"),
                Arguments.of("ended in the future",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":" + (NOW.getEpochSecond() + 2 * 86_400)
                                + "}", "no call ends in the future", "bad"),
                Arguments.of("totalUserNumber beyond an int",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160,\"totalUserNumber\":3000000000}",
                        "'totalUserNumber' is not a count", "bad"),
                Arguments.of("negative totalUserNumber",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160,\"totalUserNumber\":-1}",
                        "'totalUserNumber' is not a count", "bad"),
                Arguments.of("negative sdkAppId",
                        "{\"callId\":\"bad\",\"sdkAppId\":-1,\"startCallTs\":100,\"endTs\":160}",
                        "'sdkAppId' is negative", "bad"),
                Arguments.of("callees an object",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160,\"callees\":{\"u1\":true}}",
                        "'callees' is not a list but an object", "bad"),
                Arguments.of("callees holding an object",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160,\"callees\":[\"u1\",{\"id\":\"u2\"}]}",
                        "'callees' holds an object", "bad"),
                Arguments.of("caller an object",
                        "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160,\"caller\":{\"id\":\"u0\"}}",
                        "'caller' is not a text but an object", "bad"),
                Arguments.of("roomId a list", "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160,\"roomId\":[1]}",
                        "'roomId' is not a text but a list", "bad"),
                Arguments.of("a field twice", "{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160,\"endTs\":170}",
                        "'endTs' appears twice", "bad"),
                Arguments.of("a number instead of a record", "42", "a call record must be an object, not a number",
                        null),
                Arguments.of("a string instead of a record", "\"c2\"",
                        "a call record must be an object, not a string", null),
                Arguments.of("null instead of a record", "null", "a call record must be an object, not null", null),
                Arguments.of("a list instead of a record", "[{\"callId\":\"c2\"}]",
                        "a call record must be an object, not a list", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsThatCannotBeMappedFaithfully")
    void setsAsideARecordThatCannotBeMappedFaithfullyAndReadsTheOthers(String name, String record, String reason,
            String callId) {
        ApiResponse response = parseBetweenGoodOnes(record);

        assertThat(response.records()).extracting(CallRecord::callId).containsExactly("c1", "c3");
        assertThat(response.invalid()).singleElement().satisfies(invalid -> {
            assertThat(invalid.raw()).isEqualTo(record);
            assertThat(invalid.reason()).contains(reason);
            assertThat(invalid.callId()).isEqualTo(callId);
        });
    }

    @Test
    void keepsTheRawTextOfABadRecordExactlyAsSentWithItsWhitespace() {
        String record = "{ \"callId\" : \"bad\",\n  \"startCallTs\" : \"soon\", \"endTs\" : 160 }";

        ApiResponse response = parse(page(BEFORE, record, AFTER).replace("[", "[ \n").replace("]", " \n]"));

        assertThat(response.invalid()).singleElement().extracting(InvalidRecord::raw).isEqualTo(record);
    }

    private static byte[] bytes(String before, byte[] bad, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A page whose middle record has {@code bad} bytes right after {@code prefix}, before {@code suffix}. */
    private ApiResponse pageWithBytes(String prefix, byte[] bad, String suffix) {
        String head = "{\"errorCode\":0,\"data\":{\"totalNum\":3,\"page\":0,\"callRecordList\":[" + BEFORE + ",";
        String tail = "," + AFTER + "]}}";
        return parse(bytes(head + prefix, bad, suffix + tail), ApiLimits.MAX_PAGE_SIZE);
    }

    @Test
    void setsAsideARecordWithInvalidUtf8InAFieldAndNamesTheField() {
        ApiResponse response = pageWithBytes("{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160,\"caller\":\"u",
                new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}");

        assertThat(response.records()).extracting(CallRecord::callId).containsExactly("c1", "c3");
        assertThat(response.invalid()).singleElement().satisfies(invalid -> {
            assertThat(invalid.reason()).isEqualTo("invalid UTF-8 in field 'caller'");
            assertThat(invalid.raw()).isEqualTo("{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160,\"caller\":\"u"
                    + "\uFFFD(\"}");
            assertThat(invalid.callId()).isEqualTo("bad");
        });
    }

    @Test
    void doesNotNameACallIdThatHeldInvalidUtf8() {
        ApiResponse response = pageWithBytes("{\"callId\":\"b", new byte[] {(byte) 0xFF},
                "d\",\"startCallTs\":100,\"endTs\":160}");

        assertThat(response.records()).extracting(CallRecord::callId).containsExactly("c1", "c3");
        assertThat(response.invalid()).singleElement().satisfies(invalid -> {
            assertThat(invalid.reason()).isEqualTo("invalid UTF-8 in field 'callId'");
            assertThat(invalid.callId()).isNull();
        });
    }

    @Test
    void setsAsideARecordWithInvalidUtf8InAFieldItDoesNotRead() {
        // A UTF-8 sequence cut short: the lead byte of a three-byte character followed by a quote.
        ApiResponse response = pageWithBytes("{\"callId\":\"bad\",\"startCallTs\":100,\"endTs\":160,\"note\":\"",
                new byte[] {(byte) 0xE2, (byte) 0x82}, "\"}");

        assertThat(response.records()).hasSize(2);
        assertThat(response.invalid()).singleElement().extracting(InvalidRecord::reason)
                .isEqualTo("invalid UTF-8 in field 'note'");
    }

    @Test
    void toleratesInvalidUtf8OutsideTheRecords() {
        String head = "{\"errorCode\":0,\"errorMessage\":\"ok";
        String tail = "\",\"data\":{\"totalNum\":2,\"page\":0,\"callRecordList\":[" + BEFORE + "," + AFTER + "]}}";

        ApiResponse response = parse(bytes(head, new byte[] {(byte) 0x80}, tail), ApiLimits.MAX_PAGE_SIZE);

        assertThat(response.records()).extracting(CallRecord::callId).containsExactly("c1", "c3");
        assertThat(response.invalid()).isEmpty();
        assertThat(response.errorMessage()).isEqualTo("ok\uFFFD");
    }

    @Test
    void cutsARecordTooLongToMapAndSaysSo() {
        String record = "{\"callId\":\"big\",\"startCallTs\":100,\"endTs\":160,\"caller\":\""
                + "x".repeat(ResponseParser.MAX_RECORD_CHARS) + "\"}";

        ApiResponse response = parseBetweenGoodOnes(record);

        assertThat(response.records()).extracting(CallRecord::callId).containsExactly("c1", "c3");
        assertThat(response.invalid()).singleElement().satisfies(invalid -> {
            assertThat(invalid.raw()).isEqualTo(record.substring(0, ResponseParser.MAX_RECORD_CHARS));
            assertThat(invalid.reason()).contains(record.length() + " characters long", "cut");
            assertThat(invalid.callId()).isEqualTo("big");
        });
    }

    @Test
    void keepsEveryReasonShortAndFreeOfControlCharacters() {
        String junk = "a\\n\\u0000" + "z".repeat(500);
        ApiResponse response = parseBetweenGoodOnes(record("\"callId\":\"bad\",\"startCallTs\":\"" + junk
                + "\",\"endTs\":160"));

        assertThat(response.invalid()).singleElement().extracting(InvalidRecord::reason).asString()
                .hasSizeLessThan(100)
                .doesNotContain("\n", "\u0000")
                .contains("\\u000a");
    }

    @Test
    void escapesControlCharactersInTheEnvelopesTextsAndCutsThemShort() {
        ApiResponse response = parse("{\"errorCode\":70001,\"errorMessage\":\"bad\\nINFO forged line\","
                + "\"requestId\":\"" + "r".repeat(1000) + "\"}");

        assertThat(response.errorMessage()).isEqualTo("bad\\u000aINFO forged line");
        assertThat(response.requestId()).hasSizeLessThan(300);
    }

    @Test
    void rejectsAPageWithMoreRecordsThanWereAskedFor() {
        byte[] body = page(BEFORE, "{\"broken\":true}", AFTER).getBytes(StandardCharsets.UTF_8);

        assertThat(parse(body, 3).records()).hasSize(2);
        assertThatThrownBy(() -> parse(body, 2))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("more than the 2 records");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "<html><body>502 Bad Gateway</body></html>",
        "{\"errorCode\":0,\"data\":{\"page\":0,\"callRecordList\":[{\"callId\":\"c1\",\"endTs\":16",
        "{\"errorMessage\":\"no code\"}",
        "{\"errorCode\":0}",
        "{\"errorCode\":\"zero\"}",
        "{\"errorCode\":99999999999}",
        "{\"errorCode\":0,\"data\":[]}",
        "{\"errorCode\":0,\"data\":\"none\"}",
        "{\"errorCode\":0,\"data\":null}",
        "{\"errorCode\":0,\"data\":{}} trailing",
        "{\"errorCode\":0,\"data\":{\"callRecordList\":{}}}",
        "{\"errorCode\":0,\"data\":{\"callRecordList\":\"c1\"}}",
        "{\"errorCode\":0,\"data\":{\"callRecordList\":[],\"callRecordList\":[]}}",
        "{\"errorCode\":0,\"data\":{\"totalNum\":-1,\"callRecordList\":[]}}",
        "{\"errorCode\":0,\"data\":{\"totalNum\":99999999999999999999,\"callRecordList\":[]}}",
        "{\"errorCode\":0,\"data\":{\"totalNum\":1e400,\"callRecordList\":[]}}",
        "{\"errorCode\":0,\"data\":{\"totalNum\":1" + "0000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000" + "0000000000000000000000000000000000000000"
            + ",\"callRecordList\":[]}}",
        "{\"errorCode\":0,\"data\":{\"totalNum\":2.5,\"callRecordList\":[]}}",
        "{\"errorCode\":0,\"data\":{\"totalNum\":\"many\",\"callRecordList\":[]}}",
        "{\"errorCode\":0,\"data\":{\"page\":-1,\"callRecordList\":[]}}",
        "{\"errorCode\":0,\"data\":{\"page\":3000000000,\"callRecordList\":[]}}",
        "{\"errorCode\":0,\"errorCode\":0,\"data\":{}}"
    })
    void rejectsAnswersWhoseEnvelopeIsBroken(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void skipsANumberOfAnyLengthInAFieldItDoesNotRead() {
        ApiResponse response = parse(page(record("\"callId\":\"c1\",\"startCallTs\":100,\"endTs\":160,"
                + "\"x\":1" + "0".repeat(5000))));

        assertThat(response.records()).extracting(CallRecord::callId).containsExactly("c1");
    }

    @Test
    void rejectsNestingDeeperThanAnAnswerNeeds() {
        String body = page(record("\"callId\":\"c1\",\"startCallTs\":100,\"endTs\":160,\"x\":" + "[".repeat(50)
                + "]".repeat(50)));

        assertThatThrownBy(() -> parse(body)).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("nesting depth");
    }
}

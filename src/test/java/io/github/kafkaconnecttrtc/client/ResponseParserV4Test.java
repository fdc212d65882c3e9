package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The v4 answer: other names, CamelCase texts, no sdkAppId and no totalUserNumber, a RoomIdType. */
class ResponseParserV4Test {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final long CONFIGURED_APP = 1_400_000_123L;

    private final ResponseParser parser =
            new ResponseParser(ApiDialect.V4, CONFIGURED_APP, RequestPolicy.DEFAULT_MAX_RESPONSE_BYTES);

    private ApiResponse parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), ApiLimits.MAX_PAGE_SIZE, NOW);
    }

    private static String page(String... records) {
        return "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"RequestId\":\"r-4\",\"Response\":"
                + "{\"TotalNum\":" + records.length + ",\"Page\":0,\"CallRecordList\":[" + String.join(",", records)
                + "]}}";
    }

    @Test
    void readsARecordInV4NamesWithTheConfiguredApplication() {
        ApiResponse response = parse("""
                {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","RequestId":"Id-70e3","Response":{
                 "TotalNum":7,"Page":1,"CallRecordList":[
                  {"CallId":"0d6b6a6f-1c0c-4f34-8f0e-111","Caller_Account":"user0","MediaType":"Audio",
                   "CallType":"SingleCall","StartTime":1688709003,"EndTime":1688709093,"AcceptTime":1688709010,
                   "CallResult":"NormalEnd","CalleeList_Account":["user0","user1"],"RoomId":"12345","RoomIdType":1}]}}
                """);

        assertThat(response.errorCode()).isZero();
        assertThat(response.requestId()).isEqualTo("Id-70e3");
        assertThat(response.totalNum()).isEqualTo(7);
        assertThat(response.page()).isEqualTo(1);
        assertThat(response.invalid()).isEmpty();
        assertThat(response.records()).containsExactly(new CallRecord("0d6b6a6f-1c0c-4f34-8f0e-111", CONFIGURED_APP,
                "Audio", "12345", 1, 1688709003L, 1688709010L, 1688709093L, "user0", null, "SingleCall", "NormalEnd",
                List.of("user0", "user1")));
    }

    @Test
    void readsAnEmptyMatchAsAPageWithoutRecords() {
        ApiResponse response = parse(page());

        assertThat(response.hasData()).isTrue();
        assertThat(response.records()).isEmpty();
        assertThat(response.totalNum()).isZero();
    }

    @Test
    void readsAFailureWithoutResponse() {
        ApiResponse response = parse("""
                {"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"usersig expired","RequestId":"r-9"}
                """);

        assertThat(response.errorCode()).isEqualTo(70001);
        assertThat(response.errorMessage()).isEqualTo("usersig expired");
        assertThat(response.hasData()).isFalse();
    }

    @Test
    void refusesAnAnswerThatSaysFailWithErrorCodeZero() {
        assertThatThrownBy(() -> parse("""
                {"ActionStatus":"FAIL","ErrorCode":0,"RequestId":"r","Response":{"TotalNum":0,"Page":0,"CallRecordList":[]}}
                """)).isInstanceOf(MalformedResponseException.class).hasMessageContaining("ActionStatus");
    }

    @Test
    void refusesASuccessWithoutResponse() {
        assertThatThrownBy(() -> parse("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"RequestId\":\"r\"}"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("'Response'");
    }

    @Test
    void doesNotReadV1NamesInAV4Answer() {
        assertThatThrownBy(() -> parse("{\"errorCode\":0,\"data\":{\"totalNum\":0,\"page\":0,\"callRecordList\":[]}}"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no ErrorCode");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no CallId|\"StartTime\":1688709003,\"EndTime\":1688709093|no CallId",
        "no EndTime|\"CallId\":\"c\",\"StartTime\":1688709003|no EndTime",
        "StartTime as text|\"CallId\":\"c\",\"StartTime\":\"2023-07-07 05:50:03\",\"EndTime\":1688709093|'StartTime'",
        "callees as object|\"CallId\":\"c\",\"StartTime\":1688709003,\"EndTime\":1688709093,\"CalleeList_Account\":{\"0\":\"u\"}|'CalleeList_Account'",
        "RoomIdType beyond an int|\"CallId\":\"c\",\"StartTime\":1688709003,\"EndTime\":1688709093,\"RoomIdType\":4294967297|'RoomIdType'",
        "AcceptTime outside the call|\"CallId\":\"c\",\"StartTime\":1688709003,\"EndTime\":1688709093,\"AcceptTime\":1688709999|'AcceptTime'"
    })
    void setsAsideARecordThatCannotBeReadFaithfullyNamingTheV4Field(String name, String fields, String reason) {
        String good = "{\"CallId\":\"ok\",\"StartTime\":1688709003,\"EndTime\":1688709093}";
        ApiResponse response = parse(page(good, "{" + fields + "}"));

        assertThat(response.records()).extracting(CallRecord::callId).containsExactly("ok");
        assertThat(response.invalid()).singleElement()
                .satisfies(invalid -> assertThat(invalid.reason()).contains(reason))
                .satisfies(invalid -> assertThat(invalid.raw()).isEqualTo("{" + fields + "}"));
    }

    @Test
    void takesAV1RecordsApplicationOverTheConfiguredOne() {
        ResponseParser v1 = new ResponseParser(ApiDialect.V1, CONFIGURED_APP, RequestPolicy.DEFAULT_MAX_RESPONSE_BYTES);
        String answer = "{\"errorCode\":0,\"data\":{\"totalNum\":2,\"page\":0,\"callRecordList\":["
                + "{\"callId\":\"a\",\"sdkAppId\":88888888,\"startCallTs\":100,\"endTs\":160},"
                + "{\"callId\":\"b\",\"startCallTs\":100,\"endTs\":160}]}}";

        ApiResponse response = v1.parse(answer.getBytes(StandardCharsets.UTF_8), 100, NOW);

        assertThat(response.records()).extracting(CallRecord::sdkAppId).containsExactly(88888888L, CONFIGURED_APP);
        assertThat(response.records()).extracting(CallRecord::totalUserNumber).containsOnlyNulls();
        assertThat(response.records()).extracting(CallRecord::roomIdType).containsOnlyNulls();
    }
}

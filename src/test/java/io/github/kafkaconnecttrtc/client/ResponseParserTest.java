package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseParserTest {

    private final ResponseParser parser = new ResponseParser();

    private ApiResponse parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
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
                88888888L, "video", "456", 1688709003L, 1688709003L, 1689150030L, "123", 0, "single", "offline",
                java.util.List.of("111", "123")));
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

    @Test
    void readsAnErrorAnswerWithoutData() {
        ApiResponse response = parse("{\"errorCode\":70011,\"errorMessage\":\"no records\",\"requestId\":\"r\"}");

        assertThat(response.errorCode()).isEqualTo(70011);
        assertThat(response.hasData()).isFalse();
        assertThat(response.records()).isEmpty();
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
        "{\"errorCode\":0,\"data\":{\"callRecordList\":[{\"endTs\":1}]}}",
        "{\"errorCode\":0,\"data\":{\"callRecordList\":[{\"callId\":\"c1\"}]}}",
        "{\"errorCode\":0,\"data\":{\"callRecordList\":[{\"callId\":{\"nested\":1},\"endTs\":1}]}}",
        "{\"errorCode\":0,\"data\":[]}",
        "{\"errorCode\":0,\"data\":{}} trailing"
    })
    void rejectsAnswersThatWouldLoseOrInventData(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(MalformedResponseException.class);
    }
}

package io.github.kafkaconnecttrtc.simulator;

import static io.github.kafkaconnecttrtc.simulator.ApiCaller.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks of a request's body and parameters on both endpoints, the code each endpoint answers
 * for them, and the order of all checks; paths that are no endpoint.
 */
class RequestChecksTest extends RequestCheckFixture {

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aValidRequestSucceeds(ApiDialect dialect) {
        assertThat(api(dialect).post(LAST_HOUR).errorCode()).isZero();
    }

    static Stream<Arguments> bodiesThatAreNotOneJsonObject() {
        return crossed(Stream.of(Arguments.of(ApiDialect.V1, 70009), Arguments.of(ApiDialect.V4, 60003)),
                List.of("", "   ", "[]", "42", "\"text\"", "not json", "{", "{\"startTimestamp\":1} {}"));
    }

    @ParameterizedTest
    @MethodSource("bodiesThatAreNotOneJsonObject")
    void aBodyThatIsNotOneJsonObjectIsRefused(ApiDialect dialect, int code, String body) {
        assertError(api(dialect).post(body), code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}",
        "{\"startTimestamp\":null}",
        "{\"startTimestamp\":\"1749996400\"}",
        "{\"startTimestamp\":1749996400.5}",
        "{\"startTimestamp\":1749996400,\"endTimestamp\":\"soon\"}",
        "{\"startTimestamp\":1749996400,\"endTimestamp\":1.5}",
        "{\"startTimestamp\":1749996400,\"numberPerPage\":0}",
        "{\"startTimestamp\":1749996400,\"numberPerPage\":101}",
        "{\"startTimestamp\":1749996400,\"numberPerPage\":\"10\"}",
        "{\"startTimestamp\":1749996400,\"page\":0}",
        "{\"startTimestamp\":1749996400,\"page\":-1}",
        "{\"startTimestamp\":1749996400,\"page\":2.0}",
        "{\"startTimestamp\":1749996400,\"callType\":\"all\"}",
        "{\"startTimestamp\":1749996400,\"callType\":1}",
        "{\"startTimestamp\":1749996400,\"callResult\":[\"cancel\"]}",
        "{\"startTimestamp\":1749395199}",
    })
    void anInvalidV1BodyFieldIs70001(String body) {
        assertError(api(ApiDialect.V1).post(body), 70001);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"StartTime\":\"1749996400\"}",
        "{\"StartTime\":1749996400.5}",
        "{\"StartTime\":-1}",
        "{\"StartTime\":99999999999999999999}",
        "{\"EndTime\":\"soon\"}",
        "{\"EndTime\":-5}",
        "{\"NumberPerPage\":0}",
        "{\"NumberPerPage\":-10}",
        "{\"NumberPerPage\":\"10\"}",
        "{\"Page\":0}",
        "{\"Page\":-1}",
        "{\"Page\":2.0}",
        "{\"Page\":2147483648}",
        "{\"CallType\":\"single\"}",
        "{\"CallType\":\"GroupCall\"}",
        "{\"CallType\":1}",
        "{\"CallResult\":\"normal_end\"}",
        "{\"CallResult\":\"Busy\"}",
        "{\"CallResult\":[\"Cancel\"]}",
    })
    void anInvalidV4BodyFieldIs60003(String body) {
        assertError(api(ApiDialect.V4).post(body), 60003);
    }

    @Test
    void boundaryValuesOfTheV1BodyFieldsAreAccepted() {
        ApiCaller api = api(ApiDialect.V1);

        assertThat(api.post("{\"startTimestamp\":" + (NOW - 7 * 86_400) + ",\"numberPerPage\":1,\"page\":1}")
                .errorCode()).isZero();
        assertThat(api.post("{\"startTimestamp\":" + (NOW - 3600) + ",\"numberPerPage\":100,\"endTimestamp\":null,"
                + "\"callType\":\"single\",\"unknownField\":true}").errorCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"StartTime\":0,\"EndTime\":0}",
        "{\"StartTime\":null,\"EndTime\":null,\"Page\":null,\"NumberPerPage\":null,\"CallType\":null}",
        "{\"NumberPerPage\":1,\"Page\":2147483647}",
        "{\"NumberPerPage\":1000000000000}",
        "{\"CallType\":\"SingleCall\",\"CallResult\":\"Offline\",\"unknownField\":true}",
        "{\"CallType\":\"MultiCall\",\"CallResult\":\"NormalEnd\"}",
    })
    void everyV4BodyFieldIsOptionalAndItsBoundaryValuesAreAccepted(String body) {
        assertThat(api(ApiDialect.V4).post(body).errorCode()).isZero();
    }

    static Stream<Arguments> invalidTransportParameters() {
        return crossed(Stream.of(Arguments.of(ApiDialect.V1, 70001), Arguments.of(ApiDialect.V4, 60003)),
                List.of("random=", "random=-1", "random=4294967296", "random=12ab", "contenttype=",
                        "contenttype=xml", "contenttype=JSON", "random", "contenttype"));
    }

    /** {@code name=value} sends that value; a bare name leaves the parameter out. */
    @ParameterizedTest
    @MethodSource("invalidTransportParameters")
    void aMissingOrInvalidRandomOrContentTypeIsRefused(ApiDialect dialect, int code, String parameter) {
        String[] nameAndValue = parameter.split("=", -1);
        String value = nameAndValue.length == 2 ? nameAndValue[1] : null;

        assertError(postWith(dialect, nameAndValue[0], value, LAST_HOUR.json(dialect)), code);
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void randomAcceptsTheWholeUnsigned32BitRange(ApiDialect dialect) {
        assertThat(postWith(dialect, "random", "0", LAST_HOUR.json(dialect)).errorCode()).isZero();
        assertThat(postWith(dialect, "random", "4294967295", LAST_HOUR.json(dialect)).errorCode()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"V1, 70009", "V4, 60003"})
    void theBodyIsCheckedBeforeTheParameters(ApiDialect dialect, int code) {
        assertError(postWith(dialect, "random", null, ""), code);
    }

    @ParameterizedTest
    @CsvSource({"V1, 70002", "V4, 70003"})
    void theUserSigIsCheckedBeforeTheBody(ApiDialect dialect, int code) {
        assertError(postWith(dialect, "usersig", "garbage", ""), code);
    }

    @Test
    void unknownPathsAndMethodsAre404WithAnHtmlPage() {
        ApiCaller api = api(ApiDialect.V1);
        List<HttpRequest> requests = new ArrayList<>(List.of(
                HttpRequest.newBuilder(simulator.endpoint().resolve("v1/records/get_record_by_callId"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpRequest.newBuilder(simulator.endpoint().resolve("v4/call_record_http_srv/get_record_by_callid"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
        for (ApiDialect dialect : ApiDialect.values()) {
            ApiCaller caller = api(dialect);
            requests.add(HttpRequest.newBuilder(caller.recordsUri(caller.validParameters())).GET().build());
            requests.add(HttpRequest.newBuilder(simulator.endpoint().resolve(caller.path() + "/more"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        }

        for (HttpRequest request : requests) {
            ApiCaller.Answer answer = api.send(request);
            assertThat(answer.status()).as(request.method() + " " + request.uri()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("text/html");
            assertThat(answer.body()).contains("<html>").contains("404 Not Found");
        }
        assertThat(simulator.stats().totalRequests()).isZero();
    }
}

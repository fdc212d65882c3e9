package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

/** The checks before a query runs: rate limit, UserSig, body and parameters, and their order. */
class RequestChecksTest {

    private static final long NOW = 1_750_000_000L;
    private static final String KEY = SimulatorSettings.DEMO_SECRET_KEY;
    private static final long APP = SimulatorSettings.DEFAULT_SDK_APP_ID;
    private static final String VALID_BODY = "{\"startTimestamp\":" + (NOW - 3600) + "}";

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private TrtcSimulator simulator;
    private ApiCaller api;

    @BeforeEach
    void start() {
        simulator = TrtcSimulator.start(SimulatorSettings.builder()
                .callsPerSecond(0)
                .historyDays(0)
                .rateLimitPerSecond(5)
                .administrators(Set.of("administrator", "ops"))
                .build(), clock);
        api = new ApiCaller(simulator, clock);
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 50), NOW - 40);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private JsonNode postWith(String parameter, String value, String body) {
        Map<String, String> parameters = api.validParameters();
        if (value == null) {
            parameters.remove(parameter);
        } else {
            parameters.put(parameter, value);
        }
        return api.post(parameters, body).json();
    }

    private JsonNode postWithUserSig(String userSig) {
        return postWith("usersig", userSig, VALID_BODY);
    }

    private static void assertError(JsonNode answer, int errorCode) {
        assertThat(answer.get("errorCode").asInt()).isEqualTo(errorCode);
        assertThat(answer.get("errorMessage").asText()).isNotBlank();
        assertThat(answer.get("requestId").asText()).matches("[0-9a-f]{32}");
        assertThat(answer.has("data")).isFalse();
    }

    @Test
    void aValidRequestSucceeds() {
        assertThat(api.post(VALID_BODY).errorCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "42", "\"text\"", "not json", "{", "{\"startTimestamp\":1} {}"})
    void aBodyThatIsNotOneJsonObjectIs70009(String body) {
        assertError(api.post(body).json(), 70009);
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
    void anInvalidBodyFieldIs70001(String body) {
        assertError(api.post(body).json(), 70001);
    }

    @Test
    void boundaryValuesOfTheBodyFieldsAreAccepted() {
        assertThat(api.post("{\"startTimestamp\":" + (NOW - 7 * 86_400) + ",\"numberPerPage\":1,\"page\":1}")
                .errorCode()).isZero();
        assertThat(api.post("{\"startTimestamp\":" + (NOW - 3600) + ",\"numberPerPage\":100,\"endTimestamp\":null,"
                + "\"callType\":\"single\",\"unknownField\":true}").errorCode()).isZero();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "random, NULL",
        "random, ''",
        "random, -1",
        "random, 4294967296",
        "random, 12ab",
        "contenttype, NULL",
        "contenttype, xml",
        "contenttype, JSON",
    })
    void aMissingOrInvalidRandomOrContentTypeIs70001(String parameter, String value) {
        assertError(postWith(parameter, value, VALID_BODY), 70001);
    }

    @Test
    void randomAcceptsTheWholeUnsigned32BitRange() {
        assertThat(postWith("random", "0", VALID_BODY).get("errorCode").asInt()).isZero();
        assertThat(postWith("random", "4294967295", VALID_BODY).get("errorCode").asInt()).isZero();
    }

    @Test
    void theBodyIsCheckedBeforeTheParameters() {
        assertError(postWith("random", null, ""), 70009);
    }

    @Test
    void theUserSigIsCheckedBeforeTheBody() {
        assertError(postWith("usersig", "garbage", ""), 70002);
    }

    @Test
    void aMissingOrUndecodableUserSigIs70002() {
        assertError(postWithUserSig(null), 70002);
        assertError(postWithUserSig(""), 70002);
        assertError(postWithUserSig("not-a-usersig"), 70002);
    }

    @Test
    void aUserSigSignedWithAnotherKeyIs70002() {
        String otherKey = "0000000000000000000000000000000000000000000000000000000000000000";
        assertError(postWithUserSig(UserSigs.sign(otherKey, APP, "administrator", NOW, 86_400)), 70002);
    }

    @Test
    void aUserSigForAnotherIdentifierOrAppThanTheQueryIs70002() {
        assertError(postWithUserSig(UserSigs.sign(KEY, APP, "ops", NOW, 86_400)), 70002);
        assertError(postWithUserSig(UserSigs.sign(KEY, APP + 1, "administrator", NOW, 86_400)), 70002);
    }

    @Test
    void aQueryForAnotherAppIs70002EvenWithAMatchingUserSig() {
        Map<String, String> parameters = api.validParameters();
        parameters.put("sdkappid", Long.toString(APP + 1));
        parameters.put("usersig", UserSigs.sign(KEY, APP + 1, "administrator", NOW, 86_400));

        assertError(api.post(parameters, VALID_BODY).json(), 70002);
        assertError(postWith("sdkappid", null, VALID_BODY), 70002);
    }

    @Test
    void aUserSigIsValidUntilTimePlusExpireAndThen70003() {
        String userSig = UserSigs.sign(KEY, APP, "administrator", NOW - 100, 100);

        assertThat(postWithUserSig(userSig).get("errorCode").asInt()).isZero();
        clock.advanceSeconds(1);
        assertError(postWithUserSig(userSig), 70003);
    }

    @Test
    void aValidUserSigOfAnIdentifierThatIsNotAnAdministratorIs70004() {
        Map<String, String> parameters = api.validParameters();
        parameters.put("identifier", "user1000");
        parameters.put("usersig", UserSigs.sign(KEY, APP, "user1000", NOW, 86_400));

        assertError(api.post(parameters, VALID_BODY).json(), 70004);
    }

    @Test
    void anyConfiguredAdministratorMayQuery() {
        Map<String, String> parameters = api.validParameters();
        parameters.put("identifier", "ops");
        parameters.put("usersig", UserSigs.sign(KEY, APP, "ops", NOW, 86_400));

        assertThat(api.post(parameters, VALID_BODY).errorCode()).isZero();
    }

    @Test
    void noAnswerRepeatsTheUserSig() {
        String bad = UserSigs.sign("another-key", APP, "administrator", NOW, 86_400);
        String answer = api.post(Map.of("usersig", bad), VALID_BODY).body()
                + postWithUserSig(bad).toString()
                + postWithUserSig(UserSigs.sign(KEY, APP, "administrator", NOW - 100, 10)).toString();

        assertThat(simulator.lastUserSig()).isNotNull();
        assertThat(answer).doesNotContain(bad).doesNotContain(simulator.lastUserSig());
    }

    @Test
    void requestsBeyondTheRateInOneSecondAre70005AndTheNextSecondRecovers() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.post(VALID_BODY).errorCode()).as("request %d", i + 1).isZero();
        }
        assertError(api.post(VALID_BODY).json(), 70005);
        assertError(api.post("").json(), 70005);

        clock.advanceSeconds(1);

        assertThat(api.post(VALID_BODY).errorCode()).isZero();
        assertThat(simulator.stats().maxRequestsInAnySecond()).isEqualTo(7);
        assertThat(simulator.stats().requestsPerSecond()).containsEntry(NOW, 7L).containsEntry(NOW + 1, 1L);
    }

    @Test
    void theRateLimitIsCheckedBeforeTheUserSig() {
        for (int i = 0; i < 5; i++) {
            api.post(VALID_BODY);
        }
        assertError(postWithUserSig("garbage"), 70005);
    }

    @ParameterizedTest
    @ValueSource(ints = {50001, 70001, 70002, 70003, 70004, 70005, 70009, 70011, 90001, -1})
    void respondNextAnswersTheGivenCodeThenReturnsToNormal(int errorCode) {
        simulator.respondNext(errorCode, 2);

        assertError(api.post(VALID_BODY).json(), errorCode);
        assertError(api.post(VALID_BODY).json(), errorCode);
        assertThat(api.post(VALID_BODY).errorCode()).isZero();
        assertThat(simulator.stats().totalRequests()).isEqualTo(3);
        assertThat(simulator.stats().answersByErrorCode()).containsEntry(errorCode, 2L).containsEntry(0, 1L);
    }

    @Test
    void aScriptedZeroIsANormalAnswerBetweenScriptedErrors() {
        simulator.respondNext(70005, 1);
        simulator.respondNext(0, 1);
        simulator.respondNext(70003, 1);

        assertThat(api.post(VALID_BODY).errorCode()).isEqualTo(70005);
        assertThat(api.post(VALID_BODY).json().at("/data/totalNum").asInt()).isEqualTo(1);
        assertThat(api.post(VALID_BODY).errorCode()).isEqualTo(70003);
        assertThat(api.post(VALID_BODY).errorCode()).isZero();
    }

    @Test
    void unknownPathsAndMethodsAre404WithAnHtmlPage() throws Exception {
        HttpRequest get = HttpRequest.newBuilder(api.recordsUri(api.validParameters())).GET().build();
        HttpRequest unknown = HttpRequest.newBuilder(simulator.endpoint().resolve("v1/records/get_record_by_callId"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpRequest longer = HttpRequest.newBuilder(simulator.endpoint().resolve(ApiCaller.PATH + "/more"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        for (HttpRequest request : new HttpRequest[] {get, unknown, longer}) {
            ApiCaller.Answer answer = api.send(request);
            assertThat(answer.status()).as(request.uri().toString()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("text/html");
            assertThat(answer.body()).contains("<html>").contains("404 Not Found");
        }
        assertThat(simulator.stats().totalRequests()).isZero();
    }
}

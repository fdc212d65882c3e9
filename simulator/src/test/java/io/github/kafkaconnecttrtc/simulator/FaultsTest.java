package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Injected faults as a client of either endpoint sees them at the HTTP level, each in the
 * endpoint's dialect, and the controls that inject them.
 */
class FaultsTest {

    private static final long NOW = 1_750_000_000L;
    private static final Query LAST_HOUR = Query.from(NOW - 3600);
    private static final Map<ApiDialect, Set<Integer>> CONTRACT_CODES = Map.of(
            ApiDialect.V1, Set.of(0, 50001, 70001, 70002, 70003, 70004, 70005, 70009, 70011),
            ApiDialect.V4, Set.of(0, 70001, 70003, 70009, 70013, 70014, 70016, 60003, 60007, 60010, 60011, 60018,
                    60019, 101001));

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private TrtcSimulator simulator;
    private ApiCaller api;

    private ApiCaller api(ApiDialect dialect) {
        return new ApiCaller(simulator, clock, dialect);
    }

    @BeforeEach
    void start() {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().callsPerSecond(0).historyDays(0).build(), clock);
        api = api(ApiDialect.V1);
        for (int i = 0; i < 20; i++) {
            simulator.addCall(Calls.single("call-%02d".formatted(i), NOW - 100 + i, NOW - 50), NOW - 40);
        }
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    static Stream<Arguments> gatewayFaults() {
        return Stream.of(ApiDialect.values()).flatMap(dialect -> Stream.of(
                Arguments.of(dialect, Fault.GATEWAY_502, 502, "Bad Gateway"),
                Arguments.of(dialect, Fault.GATEWAY_503, 503, "Service Temporarily Unavailable"),
                Arguments.of(dialect, Fault.GATEWAY_504, 504, "Gateway Time-out")));
    }

    @ParameterizedTest
    @MethodSource("gatewayFaults")
    void gatewayFaultsAnswerTheirStatusWithAnHtmlPage(ApiDialect dialect, Fault fault, int status, String reason) {
        ApiCaller api = api(dialect);
        simulator.faults().injectNext(fault, 1);

        ApiCaller.Answer answer = api.post(LAST_HOUR);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).startsWith("<html>").contains(status + " " + reason).contains("nginx");
        assertThat(api.post(LAST_HOUR).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aTruncatedAnswerBreaksOffBeforeItsAnnouncedLength(ApiDialect dialect) {
        ApiCaller api = api(dialect);
        simulator.faults().injectNext(Fault.TRUNCATED, 1);

        assertThatThrownBy(() -> api.sendRaw(api.request(api.validParameters(), LAST_HOUR.json(dialect)).build()))
                .isInstanceOf(IOException.class);
        assertThat(api.post(LAST_HOUR).errorCode()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"V1 | {\"errorCode\":0", "V4 | {\"ActionStatus\":\"OK\",\"ErrorCode\":0"})
    void aMalformedAnswerIsHttp200WithInvalidJson(ApiDialect dialect, String start) {
        simulator.faults().injectNext(Fault.MALFORMED_JSON, 1);

        ApiCaller.Answer answer = api(dialect).post(LAST_HOUR);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body()).startsWith(start);
        assertThatThrownBy(() -> new ObjectMapper().readTree(answer.body()))
                .isInstanceOf(JsonProcessingException.class);
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void anUnknownCodeFaultAnswersInternalCodesOutsideTheEndpointsTable(ApiDialect dialect) {
        ApiCaller api = api(dialect);
        simulator.faults().injectNext(Fault.UNKNOWN_CODE, 2);

        ApiCaller.Answer first = api.post(LAST_HOUR);
        ApiCaller.Answer second = api.post(LAST_HOUR);

        for (ApiCaller.Answer answer : List.of(first, second)) {
            assertThat(answer.status()).isEqualTo(200);
            ApiCaller.assertError(answer, answer.errorCode());
            assertThat(CONTRACT_CODES.get(dialect)).doesNotContain(answer.errorCode());
        }
        assertThat(first.errorCode()).isNotEqualTo(second.errorCode());
    }

    static Stream<Arguments> rateLimitedAndExpiredCodes() {
        return Stream.of(Arguments.of(ApiDialect.V1, List.of(70005, 70005, 70005, 70005, 70005), 70003),
                Arguments.of(ApiDialect.V4, List.of(60007, 60011, 60018, 60019, 60007), 70001));
    }

    @ParameterizedTest
    @MethodSource("rateLimitedAndExpiredCodes")
    void rateLimitedAndUserSigExpiredFaultsAnswerTheEndpointsCodes(ApiDialect dialect, List<Integer> rateLimited,
            int expired) {
        ApiCaller api = api(dialect);
        simulator.faults().injectNext(Fault.RATE_LIMITED, rateLimited.size());
        simulator.faults().injectNext(Fault.USERSIG_EXPIRED, 1);

        for (int code : rateLimited) {
            ApiCaller.assertError(api.post(LAST_HOUR), code);
        }
        ApiCaller.assertError(api.post(LAST_HOUR), expired);
        assertThat(api.post(LAST_HOUR).errorCode()).isZero();
        assertThat(simulator.stats().rateLimitedAnswers()).isEqualTo(rateLimited.size());
    }

    @Test
    void aSlowAnswerOutlastsAShortClientTimeout() {
        simulator.faults().setSlowAnswerDelay(Duration.ofSeconds(1));
        simulator.faults().injectNext(Fault.SLOW, 1);
        HttpRequest request = api.request(api.validParameters(), LAST_HOUR.json(ApiDialect.V1))
                .timeout(Duration.ofMillis(200)).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> api.sendRaw(request)).isInstanceOf(HttpTimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void aSlowAnswerArrivesWhole() {
        simulator.faults().setSlowAnswerDelay(Duration.ofMillis(300));
        simulator.faults().injectNext(Fault.SLOW, 1);

        long started = System.nanoTime();
        ApiCaller.Answer answer = api.post(LAST_HOUR);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(answer.errorCode()).isZero();
        assertThat(answer.json().at("/data/totalNum").asInt()).isEqualTo(20);
    }

    @Test
    void queuedFaultsComeBeforeRandomRatesAndClearStopsBoth() {
        simulator.faults().setRate(Fault.GATEWAY_503, 1.0);
        simulator.faults().injectNext(Fault.GATEWAY_502, 1);

        assertThat(api.post(LAST_HOUR).status()).isEqualTo(502);
        assertThat(api.post(LAST_HOUR).status()).isEqualTo(503);
        assertThat(api.post(LAST_HOUR).status()).isEqualTo(503);

        simulator.faults().injectNext(Fault.GATEWAY_504, 3);
        simulator.faults().clear();

        assertThat(api.post(LAST_HOUR).status()).isEqualTo(200);
        assertThat(simulator.stats().answersByFault())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Fault.GATEWAY_502, 1L, Fault.GATEWAY_503, 2L));
    }

    @Test
    void randomFaultsFollowTheirRates() {
        simulator.faults().setRate(Fault.GATEWAY_502, 0.5);
        int failures = 0;
        for (int i = 0; i < 60; i++) {
            if (api.post(LAST_HOUR).status() == 502) {
                failures++;
            }
        }
        assertThat(failures).isBetween(15, 45);
    }

    @Test
    void ratesMustBeProbabilitiesThatAddUpToAtMostOne() {
        simulator.faults().setRate(Fault.SLOW, 0.6);

        assertThatThrownBy(() -> simulator.faults().setRate(Fault.TRUNCATED, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1");
        assertThatThrownBy(() -> simulator.faults().setRate(Fault.TRUNCATED, -0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRUNCATED");
        assertThat(simulator.faults().rates()).containsExactly(Map.entry(Fault.SLOW, 0.6));
    }

    @Test
    void replacingTheRatesWithNoneTurnsRandomFaultsOff() {
        simulator.faults().setRate(Fault.GATEWAY_502, 0.5);

        simulator.faults().setRates(Map.of());

        assertThat(simulator.faults().rates()).isEmpty();
    }

    @Test
    void theAdminApiSetsFaultRatesAndShowsTheCounters() throws Exception {
        ApiCaller.Answer put = api.send(HttpRequest.newBuilder(simulator.endpoint().resolve("simulator/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"gateway_504\":1.0}")).build());

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().at("/rates/GATEWAY_504").asDouble()).isEqualTo(1.0);
        assertThat(api.post(LAST_HOUR).status()).isEqualTo(504);

        ApiCaller.Answer rejected = api.send(HttpRequest.newBuilder(simulator.endpoint().resolve("simulator/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"NO_SUCH_FAULT\":0.1}")).build());
        ApiCaller.Answer cleared = api.send(HttpRequest.newBuilder(simulator.endpoint().resolve("simulator/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(api.post(LAST_HOUR).errorCode()).isZero();
        ApiCaller.Answer stats = api.send(HttpRequest.newBuilder(simulator.endpoint().resolve("simulator/stats"))
                .GET().build());

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("error").asText()).contains("NO_SUCH_FAULT");
        assertThat(cleared.json().get("rates")).isEmpty();
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("totalRequests").asLong()).isEqualTo(2);
        assertThat(stats.json().at("/answersByFault/GATEWAY_504").asLong()).isEqualTo(1);
        assertThat(stats.json().at("/answersByErrorCode/0").asLong()).isEqualTo(1);
        assertThat(stats.json().at("/answersByEndpoint/v1/0").asLong()).isEqualTo(1);
        assertThat(stats.json().at("/answersByEndpoint/v4").isEmpty()).isTrue();
        assertThat(stats.json().get("rateLimitedAnswers").asLong()).isZero();
        assertThat(stats.json().get("maxRequestsInAnySecond").asLong()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"V1, 70009", "V4, 60003"})
    void statsRecordEveryRequestAndItsPagingFieldsInOrder(ApiDialect dialect, int notParsed) {
        ApiCaller api = api(dialect);
        simulator.faults().injectNext(Fault.GATEWAY_502, 1);
        api.post(Query.from(NOW - 100).to(NOW).perPage(5));
        api.post(Query.from(NOW - 100).page(2).perPage(5));
        clock.advanceSeconds(1);
        api.post("not json");

        assertThat(simulator.stats().totalRequests()).isEqualTo(3);
        assertThat(simulator.stats().queries()).containsExactly(
                new QuerySnapshot(NOW - 100, NOW, null, 5L),
                new QuerySnapshot(NOW - 100, null, 2L, 5L),
                new QuerySnapshot(null, null, null, null));
        assertThat(simulator.stats().requestsPerSecond()).containsExactly(Map.entry(NOW, 2L), Map.entry(NOW + 1, 1L));
        assertThat(simulator.stats().answersByErrorCode())
                .containsExactlyInAnyOrderEntriesOf(Map.of(0, 1L, notParsed, 1L));
        assertThat(simulator.stats().answersByErrorCode(dialect)).isEqualTo(simulator.stats().answersByErrorCode());
        assertThat(simulator.stats().answersByFault()).containsExactly(Map.entry(Fault.GATEWAY_502, 1L));
    }
}

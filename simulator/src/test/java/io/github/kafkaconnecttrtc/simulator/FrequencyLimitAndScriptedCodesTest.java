package io.github.kafkaconnecttrtc.simulator;

import static io.github.kafkaconnecttrtc.simulator.ApiCaller.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each endpoint's frequency limit and the codes it answers for it, how the stats count them, and
 * scripted codes, answered in the dialect of the endpoint asked.
 */
class FrequencyLimitAndScriptedCodesTest extends RequestCheckFixture {

    static Stream<Arguments> frequencyLimitedCodes() {
        return Stream.of(Arguments.of(ApiDialect.V1, List.of(70005, 70005, 70005, 70005, 70005)),
                Arguments.of(ApiDialect.V4, List.of(60007, 60011, 60018, 60019, 60007)));
    }

    @ParameterizedTest
    @MethodSource("frequencyLimitedCodes")
    void requestsBeyondTheRateInOneSecondAreFrequencyLimitedAndTheNextSecondRecovers(ApiDialect dialect,
            List<Integer> codes) {
        ApiCaller api = api(dialect);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post(LAST_HOUR).errorCode()).as("request %d", i + 1).isZero();
        }
        for (int code : codes.subList(0, 4)) {
            assertError(api.post(LAST_HOUR), code);
        }
        assertError(api.post(""), codes.get(4));

        clock.advanceSeconds(1);

        assertThat(api.post(LAST_HOUR).errorCode()).isZero();
        assertThat(simulator.stats().maxRequestsInAnySecond()).isEqualTo(10);
        assertThat(simulator.stats().requestsPerSecond()).containsEntry(NOW, 10L).containsEntry(NOW + 1, 1L);
        assertThat(simulator.stats().rateLimitedAnswers()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({"V1, 70005", "V4, 60007"})
    void theRateLimitIsCheckedBeforeTheUserSig(ApiDialect dialect, int code) {
        for (int i = 0; i < 5; i++) {
            api(dialect).post(LAST_HOUR);
        }
        assertError(postWithUserSig(dialect, "garbage"), code);
    }

    @Test
    void eachEndpointHasARateLimitOfItsOwn() {
        for (int i = 0; i < 5; i++) {
            api(ApiDialect.V1).post(LAST_HOUR);
        }

        assertThat(api(ApiDialect.V1).post(LAST_HOUR).errorCode()).isEqualTo(70005);
        for (int i = 0; i < 5; i++) {
            assertThat(api(ApiDialect.V4).post(LAST_HOUR).errorCode()).as("v4 request %d", i + 1).isZero();
        }
        assertThat(api(ApiDialect.V4).post(LAST_HOUR).errorCode()).isEqualTo(60007);
    }

    @Test
    void statsCountTheFrequencyCodesOfEachEndpointAsRateLimitedAndKeepEachEndpointsCodesApart() {
        simulator.respondNext(60007, 1);
        api(ApiDialect.V1).post(LAST_HOUR);
        simulator.respondNext(60007, 1);
        api(ApiDialect.V4).post(LAST_HOUR);
        simulator.respondNext(70005, 1);
        api(ApiDialect.V1).post(LAST_HOUR);
        simulator.respondNext(70001, 1);
        api(ApiDialect.V4).post(LAST_HOUR);

        assertThat(simulator.stats().rateLimitedAnswers()).as("60007 means nothing to v1").isEqualTo(2);
        assertThat(simulator.stats().answersByErrorCode())
                .containsExactlyInAnyOrderEntriesOf(Map.of(60007, 2L, 70005, 1L, 70001, 1L));
        assertThat(simulator.stats().answersByErrorCode(ApiDialect.V1))
                .containsExactlyInAnyOrderEntriesOf(Map.of(60007, 1L, 70005, 1L));
        assertThat(simulator.stats().answersByErrorCode(ApiDialect.V4))
                .containsExactlyInAnyOrderEntriesOf(Map.of(60007, 1L, 70001, 1L));
    }

    static Stream<Arguments> scriptedCodes() {
        return Stream.concat(
                Stream.of(50001, 70001, 70002, 70003, 70004, 70005, 70009, 70011, 90001, -1)
                        .map(code -> Arguments.of(ApiDialect.V1, code)),
                Stream.of(70001, 70003, 70009, 70013, 70014, 70016, 60003, 60007, 60010, 60011, 60018, 60019,
                        101001, 90001, -1).map(code -> Arguments.of(ApiDialect.V4, code)));
    }

    @ParameterizedTest
    @MethodSource("scriptedCodes")
    void respondNextAnswersTheGivenCodeThenReturnsToNormal(ApiDialect dialect, int errorCode) {
        ApiCaller api = api(dialect);
        simulator.respondNext(errorCode, 2);

        assertError(api.post(LAST_HOUR), errorCode);
        assertError(api.post(LAST_HOUR), errorCode);
        assertThat(api.post(LAST_HOUR).errorCode()).isZero();
        assertThat(simulator.stats().totalRequests()).isEqualTo(3);
        assertThat(simulator.stats().answersByErrorCode()).containsEntry(errorCode, 2L).containsEntry(0, 1L);
    }

    @Test
    void aScriptedCodeIsAnsweredInTheDialectOfTheEndpointAsked() {
        simulator.respondNext(70001, 2);

        ApiCaller.Answer v1 = api(ApiDialect.V1).post(LAST_HOUR);
        ApiCaller.Answer v4 = api(ApiDialect.V4).post(LAST_HOUR);

        assertError(v1, 70001);
        assertThat(v1.message()).startsWith("Invalid parameters");
        assertError(v4, 70001);
        assertThat(v4.message()).containsIgnoringCase("UserSig").containsIgnoringCase("expired");
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aScriptedZeroIsANormalAnswerBetweenScriptedErrors(ApiDialect dialect) {
        ApiCaller api = api(dialect);
        simulator.respondNext(70005, 1);
        simulator.respondNext(0, 1);
        simulator.respondNext(70003, 1);

        assertThat(api.post(LAST_HOUR).errorCode()).isEqualTo(70005);
        assertThat(api.post(LAST_HOUR).totalNum().asInt()).isEqualTo(1);
        assertThat(api.post(LAST_HOUR).errorCode()).isEqualTo(70003);
        assertThat(api.post(LAST_HOUR).errorCode()).isZero();
    }
}

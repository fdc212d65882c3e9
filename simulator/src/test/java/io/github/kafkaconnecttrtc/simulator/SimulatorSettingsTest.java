package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimulatorSettingsTest {

    @Test
    void defaultsDescribeTheDocumentedDemoApplication() {
        SimulatorSettings settings = SimulatorSettings.defaults();

        assertThat(settings.sdkAppId()).isEqualTo(1_400_000_000L);
        assertThat(settings.secretKey()).isEqualTo(SimulatorSettings.DEMO_SECRET_KEY);
        assertThat(settings.administrators()).containsExactly("administrator");
        assertThat(settings.historyDays()).isEqualTo(7);
        assertThat(settings.callsPerSecond()).isEqualTo(0.5);
        assertThat(settings.endTimestampReading()).isEqualTo(EndTimestampReading.END);
        assertThat(settings.visibilityDelaySeconds()).isEqualTo(5);
        assertThat(settings.maxCallDurationSeconds()).isEqualTo(6 * 3600);
        assertThat(settings.longCallFraction()).isEqualTo(0.01);
        assertThat(settings.groupPackage()).isTrue();
        assertThat(settings.rateLimitPerSecond()).isEqualTo(200);
        assertThat(settings.port()).isZero();
        assertThat(settings.slowAnswerDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.malformedRecordRate()).isZero();
        assertThat(settings.v4MaxPageSize()).isEqualTo(100);
        assertThat(settings.latencyMillis()).isZero();
        assertThat(settings.latencyJitterMillis()).isZero();
        assertThat(settings.slowAnswerRate()).isZero();
        assertThat(settings.slowAnswerMillis()).isEqualTo(2800);
    }

    @Test
    void toBuilderKeepsEveryValue() {
        SimulatorSettings settings = SimulatorSettings.builder().seed(9).groupPackage(false)
                .endTimestampReading(EndTimestampReading.START).administrators(Set.of("a", "b"))
                .malformedRecordRate(0.01).v4MaxPageSize(7).latencyMillis(80).latencyJitterMillis(20)
                .slowAnswerRate(0.001).slowAnswerMillis(2500).build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void toStringHidesTheSecretKey() {
        assertThat(SimulatorSettings.defaults().toString())
                .doesNotContain(SimulatorSettings.DEMO_SECRET_KEY)
                .contains("secretKey=<redacted>");
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid(b -> b.sdkAppId(0), "sdkAppId"),
                invalid(b -> b.secretKey(" "), "secretKey"),
                invalid(b -> b.administrators(Set.of()), "administrators"),
                invalid(b -> b.historyDays(8), "historyDays"),
                invalid(b -> b.callsPerSecond(-1), "callsPerSecond"),
                invalid(b -> b.callsPerSecond(Double.NaN), "callsPerSecond"),
                invalid(b -> b.visibilityDelaySeconds(-1), "visibilityDelaySeconds"),
                invalid(b -> b.maxCallDurationSeconds(59), "maxCallDurationSeconds"),
                invalid(b -> b.maxCallDurationSeconds(8 * 86_400), "maxCallDurationSeconds"),
                invalid(b -> b.longCallFraction(1.5), "longCallFraction"),
                invalid(b -> b.rateLimitPerSecond(-1), "rateLimitPerSecond"),
                invalid(b -> b.port(70_000), "port"),
                invalid(b -> b.slowAnswerDelay(Duration.ofSeconds(-1)), "slowAnswerDelay"),
                invalid(b -> b.malformedRecordRate(1.5), "malformedRecordRate"),
                invalid(b -> b.malformedRecordRate(Double.NaN), "malformedRecordRate"),
                invalid(b -> b.v4MaxPageSize(0), "v4MaxPageSize"),
                invalid(b -> b.latencyMillis(-1), "latencyMillis"),
                invalid(b -> b.latencyMillis(10_001), "latencyMillis"),
                invalid(b -> b.latencyJitterMillis(-1), "latencyJitterMillis"),
                invalid(b -> b.latencyJitterMillis(10_001), "latencyJitterMillis"),
                invalid(b -> b.slowAnswerRate(-0.1), "slowAnswerRate"),
                invalid(b -> b.slowAnswerRate(1.5), "slowAnswerRate"),
                invalid(b -> b.slowAnswerRate(Double.NaN), "slowAnswerRate"),
                invalid(b -> b.slowAnswerMillis(-1), "slowAnswerMillis"),
                invalid(b -> b.slowAnswerMillis(10_001), "slowAnswerMillis"));
    }

    private static Arguments invalid(UnaryOperator<SimulatorSettings.Builder> change, String field) {
        return Arguments.of(change, field);
    }

    @Test
    void latencyAcceptsTheWholeRangeFromNothingToTenSeconds() {
        SimulatorSettings settings = SimulatorSettings.builder().latencyMillis(10_000).latencyJitterMillis(10_000)
                .slowAnswerRate(1).slowAnswerMillis(0).build();

        assertThat(settings.latencyMillis()).isEqualTo(10_000);
        assertThat(settings.latencyJitterMillis()).isEqualTo(10_000);
        assertThat(settings.slowAnswerRate()).isEqualTo(1);
        assertThat(settings.slowAnswerMillis()).isZero();
    }

    @Test
    void anOutOfRangeLatencySaysTheRangeAndTheUnit() {
        assertThatThrownBy(() -> SimulatorSettings.builder().latencyMillis(20_000).build())
                .hasMessage("latencyMillis must be within 0..10000 (ms), was 20000");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidSettings")
    void invalidValuesAreRefusedNamingTheSetting(UnaryOperator<SimulatorSettings.Builder> change, String field) {
        assertThatThrownBy(() -> change.apply(SimulatorSettings.builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field);
    }
}

package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorCommandLineTest {

    @Test
    void everyFlagReachesTheSettings() {
        SimulatorCommandLine commandLine = SimulatorCommandLine.parse(
                "--port", "18080", "--bind", "0.0.0.0", "--seed", "5", "--sdkappid", "1400000001", "--identifier", "admin",
                "--identifier", "ops", "--secret-key", "k", "--history-days", "2", "--calls-per-second", "3.5",
                "--end-timestamp-reading", "start", "--visibility-delay", "30", "--max-call-duration", "2h",
                "--long-call-fraction", "0.05", "--no-group-package", "--rate-limit", "0",
                "--slow-answer-delay", "1m", "--fault", "gateway_502=0.1", "--fault", "SLOW=0.2",
                "--malformed-record-rate", "0.01", "--fault", "page_loop=0.3", "--v4-max-page-size", "25",
                "--latency-ms", "80", "--latency-jitter-ms", "20", "--slow-answer-rate", "0.001",
                "--slow-answer-ms", "2500");
        SimulatorSettings settings = commandLine.settings();

        assertThat(commandLine.help()).isFalse();
        assertThat(settings.port()).isEqualTo(18080);
        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.seed()).isEqualTo(5);
        assertThat(settings.sdkAppId()).isEqualTo(1_400_000_001L);
        assertThat(settings.administrators()).containsExactlyInAnyOrder("admin", "ops");
        assertThat(settings.secretKey()).isEqualTo("k");
        assertThat(settings.historyDays()).isEqualTo(2);
        assertThat(settings.callsPerSecond()).isEqualTo(3.5);
        assertThat(settings.endTimestampReading()).isEqualTo(EndTimestampReading.START);
        assertThat(settings.visibilityDelaySeconds()).isEqualTo(30);
        assertThat(settings.maxCallDurationSeconds()).isEqualTo(7200);
        assertThat(settings.longCallFraction()).isEqualTo(0.05);
        assertThat(settings.groupPackage()).isFalse();
        assertThat(settings.rateLimitPerSecond()).isZero();
        assertThat(settings.slowAnswerDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.malformedRecordRate()).isEqualTo(0.01);
        assertThat(settings.v4MaxPageSize()).isEqualTo(25);
        assertThat(settings.latencyMillis()).isEqualTo(80);
        assertThat(settings.latencyJitterMillis()).isEqualTo(20);
        assertThat(settings.slowAnswerRate()).isEqualTo(0.001);
        assertThat(settings.slowAnswerMillis()).isEqualTo(2500);
        assertThat(commandLine.faultRates())
                .isEqualTo(Map.of(Fault.GATEWAY_502, 0.1, Fault.SLOW, 0.2, Fault.PAGE_LOOP, 0.3));
    }

    @Test
    void noFlagsMeanTheDefaults() {
        assertThat(SimulatorCommandLine.parse().settings()).isEqualTo(SimulatorSettings.defaults());
    }

    @Test
    void helpIsRecognisedAndTheUsageListsTheFlags() {
        assertThat(SimulatorCommandLine.parse("--port", "1", "--help").help()).isTrue();
        assertThat(SimulatorCommandLine.USAGE).contains("--fault NAME=RATE", "--no-group-package", "GATEWAY_502",
                "--malformed-record-rate", "ENDLESS_BODY", "--v4-max-page-size", "--latency-ms N",
                "--latency-jitter-ms", "--slow-answer-rate", "--slow-answer-ms N", "(default 2800)",
                "v4/call_record_http_srv/get_record_by_filter", "v1/records/get_records_by_filter");
    }

    @Test
    void badFlagsAreReportedWithoutEchoingTheSecretKey() {
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--bogus")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--port", "x")).hasMessageContaining("integer");
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--fault", "NOPE=1")).hasMessageContaining("NOPE");
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--fault", "SLOW")).hasMessageContaining("NAME=RATE");
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--end-timestamp-reading", "both"))
                .hasMessageContaining("end or start");
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--max-call-duration", "3w")).hasMessageContaining("3w");
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--secret-key", "s3cr3t-value", "--history-days", "9"))
                .hasMessageContaining("historyDays").hasMessageNotContaining("s3cr3t-value");
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--latency-ms", "80ms")).hasMessageContaining("integer");
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--latency-jitter-ms", "-5"))
                .hasMessageContaining("latencyJitterMillis must be within 0..10000");
        assertThatThrownBy(() -> SimulatorCommandLine.parse("--slow-answer-rate", "2"))
                .hasMessageContaining("slowAnswerRate must be within 0..1");
    }
}

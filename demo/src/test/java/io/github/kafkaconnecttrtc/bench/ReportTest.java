package io.github.kafkaconnecttrtc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.simulator.AppliedLatency;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final AppliedLatency NONE = new AppliedLatency(0, Duration.ZERO, Duration.ZERO, 0);

    private static Mark mark(Map<Integer, Long> answers, long rateLimited) {
        return mark(answers, rateLimited, NONE);
    }

    static Mark mark(Map<Integer, Long> answers, long rateLimited, AppliedLatency latency) {
        return new Mark(0, 0, 0, 0, 0, 0, 0, null, 0, answers, rateLimited, latency);
    }

    @Test
    void v1AnswersShowRateLimitedEmptyPagesAndOtherErrorsSinceTheFirstMark() {
        Mark from = mark(Map.of(0, 10L, 70005, 1L, 70011, 2L), 1);
        Mark to = mark(Map.of(0, 500L, 70005, 4L, 70011, 9L, 70001, 1L, 90001, 2L), 4);

        assertThat(Report.answers(ApiDialect.V1, from, to))
                .isEqualTo("rate-limited answers (70005 / 600xx): 3; 70011 (no records): 7; other errors: 3");
    }

    @Test
    void v4AnswersCountItsFourRateLimitCodesAndHaveNoEmptyPageCode() {
        Mark from = mark(Map.of(), 0);
        Mark to = mark(Map.of(0, 1_200L, 60007, 2L, 60011, 1L, 60018, 1L, 60019, 1L, 60008, 1L), 5);

        assertThat(Report.answers(ApiDialect.V4, from, to))
                .isEqualTo("rate-limited answers (70005 / 600xx): 5; other errors: 1");
    }

    @Test
    void theLatencyBetweenTwoMarksIsTheMeanOfTheAnswersInBetween() {
        // 100 answers at a mean of 50 ms, then 300 more at 90 ms: 400 at 80 ms.
        Mark from = mark(Map.of(), 0, new AppliedLatency(100, Duration.ofMillis(50), Duration.ofMillis(70), 0));
        Mark to = mark(Map.of(), 0, new AppliedLatency(400, Duration.ofMillis(80), Duration.ofMillis(2800), 2));

        assertThat(Report.latency(from, to))
                .isEqualTo("latency: 300 answers crossed the simulated network, mean 90.0 ms, 2 slow");
    }

    @Test
    void theHeaderStatesTheLatencyModelAsked() {
        assertThat(Report.latencyModel(BenchmarkOptions.parse())).isEqualTo("80 ms + 0..20 ms per answer, in real"
                + " time, half each way; 0.1% of the answers take 2,800 ms instead");
        assertThat(Report.latencyModel(BenchmarkOptions.parse("--latencies 0,80,200 --latency-jitter-ms 10")))
                .isEqualTo("0 / 80 / 200 ms (a simulator each) + 0..10 ms per answer, in real time, half each way;"
                        + " 0.1% of the answers take 2,800 ms instead; 0 ms: none at all");
        assertThat(Report.latencyModel(BenchmarkOptions.parse("--latency-ms 0")))
                .isEqualTo("0 ms: none, the simulator answers in-process");
    }

    @Test
    void aSimulatorsStartLineStatesItsOwnSettings() {
        assertThat(Report.latencyModel(SimulatorSettings.defaults())).isEqualTo("none");
        assertThat(Report.latencyModel(SimulatorSettings.builder().latencyMillis(200).latencyJitterMillis(20)
                .slowAnswerRate(0.0025).build())).isEqualTo("200 ms + 0..20 ms per answer, in real time, half each"
                        + " way; 0.25% of the answers take 2,800 ms instead");
    }

    @Test
    void theEndStatesTheLatencyEachSimulatorApplied() {
        assertThat(Report.applied(80, new AppliedLatency(24_410, Duration.ofNanos(92_345_678),
                Duration.ofMillis(2_800), 23)))
                .isEqualTo("80 ms: 24,410 answers, mean 92.3 ms, max 2,800 ms, 23 slow answers");
    }
}

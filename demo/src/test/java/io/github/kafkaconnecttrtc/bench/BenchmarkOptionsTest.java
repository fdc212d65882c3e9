package io.github.kafkaconnecttrtc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void withoutApiTheConfigurationsVersionIsRead() {
        assertThat(BenchmarkOptions.parse().api()).isNull();
    }

    @Test
    void apiChoosesTheVersionInOneQuotedArgumentToo() {
        assertThat(BenchmarkOptions.parse("--api", "v4").api()).isEqualTo(ApiDialect.V4);
        // exec:java passes -Dbenchmark.args as one string.
        assertThat(BenchmarkOptions.parse("--calls 1000 --api V1 --modes alo").api()).isEqualTo(ApiDialect.V1);
    }

    @Test
    void refusesAnApiVersionOtherThanV1OrV4() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--api", "v3")).hasMessage("--api takes v1 or v4, got v3");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--api")).hasMessage("--api needs a value");
    }

    @Test
    void theUsageTextNamesTheApiOption() {
        assertThat(BenchmarkOptions.USAGE).contains("--api v1|v4");
    }

    @Test
    void byDefaultTheApiIsARealisticDistanceAwayAndOneRunMeasuresBothModes() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.latencyMillis()).isEqualTo(80);
        assertThat(options.latencyJitterMillis()).isEqualTo(20);
        assertThat(options.slowAnswerRate()).isEqualTo(0.001);
        assertThat(options.requestsInFlight()).as("the connector's default").isNull();
        assertThat(options.matrix()).isFalse();
        assertThat(options.cellLatencies()).containsExactly(80L);
        assertThat(options.cellTasks()).containsExactly((Integer) null);
        assertThat(options.modes()).containsExactly(BenchmarkOptions.Mode.ALO, BenchmarkOptions.Mode.EOS);
    }

    @Test
    void theNetworkOptionsSetDelayJitterAndSlowAnswers() {
        BenchmarkOptions options = BenchmarkOptions.parse("--latency-ms 200 --latency-jitter-ms 50"
                + " --slow-answer-rate 0.01 --requests-in-flight 4");

        assertThat(options.latencyMillis()).isEqualTo(200);
        assertThat(options.jitterAt(200)).isEqualTo(50);
        assertThat(options.slowAnswerRateAt(200)).isEqualTo(0.01);
        assertThat(options.requestsInFlight()).isEqualTo(4);
    }

    @Test
    void noLatencyMeansNoJitterAndNoSlowAnswersEither() {
        BenchmarkOptions options = BenchmarkOptions.parse("--latency-ms", "0");

        assertThat(options.latencyMillis()).isZero();
        assertThat(options.jitterAt(0)).isZero();
        assertThat(options.slowAnswerRateAt(0)).isZero();
    }

    @Test
    void latenciesAndTasksListMakeAMatrixOfBackfillsInAtLeastOnce() {
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--latencies 0,80,200 --tasks-list 1,4,8 --calls 288000 --history-days 4");

        assertThat(options.matrix()).isTrue();
        assertThat(options.cellLatencies()).containsExactly(0L, 80L, 200L);
        assertThat(options.cellTasks()).containsExactly(1, 4, 8);
        assertThat(options.modes()).containsExactly(BenchmarkOptions.Mode.ALO);
        assertThat(options.calls()).isEqualTo(288_000);
    }

    @Test
    void eitherMatrixListAloneTakesTheOtherAxisFromTheSingleOption() {
        BenchmarkOptions latencies = BenchmarkOptions.parse("--latencies 50,100 --tasks 2");
        assertThat(latencies.cellLatencies()).containsExactly(50L, 100L);
        assertThat(latencies.cellTasks()).containsExactly(2);

        BenchmarkOptions tasks = BenchmarkOptions.parse("--tasks-list 2,4 --latency-ms 150");
        assertThat(tasks.matrix()).isTrue();
        assertThat(tasks.cellLatencies()).containsExactly(150L);
        assertThat(tasks.cellTasks()).containsExactly(2, 4);

        assertThat(BenchmarkOptions.parse("--tasks-list 4").cellTasks()).containsExactly(4);
        assertThat(BenchmarkOptions.parse("--latencies 0").cellTasks()).isEqualTo(Arrays.asList((Integer) null));
    }

    @Test
    void modesChooseTheMatrixsModesToo() {
        assertThat(BenchmarkOptions.parse("--tasks-list 1,2 --modes eos,alo").modes())
                .containsExactly(BenchmarkOptions.Mode.EOS, BenchmarkOptions.Mode.ALO);
    }

    @Test
    void refusesAMatrixListBesideTheSingleOptionItReplaces() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--latencies 0,80 --latency-ms 80"))
                .hasMessageContaining("--latencies replaces --latency-ms");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--tasks-list 1,4 --tasks 8"))
                .hasMessageContaining("--tasks-list replaces --tasks");
    }

    @Test
    void refusesWrongNetworkAndMatrixValues() {
        for (List<String> args : List.of(
                List.of("--latency-ms", "-1"), List.of("--latency-ms", "10001"), List.of("--latency-ms", "0.5"),
                List.of("--latency-jitter-ms", "x"), List.of("--slow-answer-rate", "1.5"),
                List.of("--latencies", "0,80,80"), List.of("--latencies", "0,,80"), List.of("--tasks-list", "0,4"),
                List.of("--tasks-list", "4,4"), List.of("--requests-in-flight", "0"),
                List.of("--requests-in-flight", "65"))) {
            assertThatThrownBy(() -> BenchmarkOptions.parse(args.toArray(String[]::new)))
                    .as(String.join(" ", args)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(args.get(0));
        }
        assertThatThrownBy(() -> BenchmarkOptions.parse("--latencies", "0,80,80"))
                .hasMessage("--latencies names 80 twice");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--requests-in-flight", "65"))
                .hasMessage("--requests-in-flight must be within 1..64, was 65");
    }

    @Test
    void theUsageTextNamesTheNetworkAndMatrixOptions() {
        assertThat(BenchmarkOptions.USAGE).contains("--latency-ms N", "--latency-jitter-ms N", "--slow-answer-rate X",
                "--latencies L1,L2,...", "--tasks-list T1,T2,...", "--requests-in-flight N");
    }
}

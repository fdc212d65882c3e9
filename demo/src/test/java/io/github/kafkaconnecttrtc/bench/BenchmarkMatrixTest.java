package io.github.kafkaconnecttrtc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.simulator.AppliedLatency;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkMatrixTest {

    private static final AppliedLatency NONE = new AppliedLatency(0, Duration.ZERO, Duration.ZERO, 0);

    /** A cell that backfilled {@code records} in {@code seconds} with {@code requests}. */
    private static ModeResult cell(BenchmarkOptions.Mode mode, long latency, int tasks, long records, double seconds,
            long requests, long maxInSecond, long rateLimited) {
        ModeResult cell = ModeResult.cell(mode, latency, tasks);
        cell.tasksMax = tasks;
        cell.requestsInFlight = 16;
        cell.pageSize = 100;
        cell.backfillRecords = records;
        cell.lastRecordSeconds = seconds;
        cell.backfillRequests = requests;
        cell.maxRequestsInSecond = maxInSecond;
        cell.backfillStart = ReportTest.mark(Map.of(), 3, NONE);
        cell.backfillEnd = ReportTest.mark(Map.of(), 3 + rateLimited, NONE);
        cell.topicRecords = records;
        return cell;
    }

    @Test
    void aCellIsNamedByItsModeLatencyAndTasksSoThatNoConnectorResumesAnothersOffsets() {
        ModeResult cell = ModeResult.cell(BenchmarkOptions.Mode.ALO, 80, 4);

        assertThat(cell.id).isEqualTo("alo-80ms-4t");
        assertThat(cell.connector).isEqualTo("trtc-bench-alo-80ms-4t");
        assertThat(cell.topic).isEqualTo("trtc.bench.alo-80ms-4t");
        assertThat(cell.title()).isEqualTo("at-least-once, 80 ms, tasks.max=4");
        ModeResult configurations = ModeResult.cell(BenchmarkOptions.Mode.EOS, 0, null);
        assertThat(configurations.id).isEqualTo("eos-0ms");
        assertThat(configurations.title()).isEqualTo("exactly-once, 0 ms, tasks.max of the configuration");
        configurations.tasksMax = 8;
        assertThat(configurations.title()).as("once deployed").isEqualTo("exactly-once, 0 ms, tasks.max=8");
        assertThat(ModeResult.full(BenchmarkOptions.Mode.ALO, 80, null).connector)
                .as("a full run's names as before").isEqualTo("trtc-bench-alo");
    }

    @Test
    void aCellIsCompleteWithoutASteadyState() {
        ModeResult cell = cell(BenchmarkOptions.Mode.ALO, 0, 1, 1_000, 1, 10, 10, 0);
        ModeResult full = ModeResult.full(BenchmarkOptions.Mode.ALO, 0, null);
        full.backfillEnd = cell.backfillEnd;
        full.topicRecords = 1_000;

        assertThat(cell.complete()).isTrue();
        assertThat(full.complete()).as("a full run needs its steady state").isFalse();
    }

    @Test
    void theTableHasARowPerCellAgainstTheCeilingAndOneRequestPerPage() {
        BenchmarkOptions options = BenchmarkOptions.parse("--latencies 0,200 --tasks-list 1,8 --history-days 4");
        ModeResult failed = ModeResult.cell(BenchmarkOptions.Mode.ALO, 200, 1);
        failed.tasksMax = 1;
        failed.requestsInFlight = 16;
        failed.problem = "the backfill did not finish within 30 minutes | see\nthe worker's log";

        List<String> table = BenchmarkMatrix.table(options, List.of(
                cell(BenchmarkOptions.Mode.ALO, 0, 1, 288_000, 24.0, 2_916, 196, 0),
                cell(BenchmarkOptions.Mode.ALO, 0, 8, 288_000, 18.0, 2_900, 191, 2),
                failed,
                cell(BenchmarkOptions.Mode.ALO, 200, 8, 288_000, 19.2, 3_024, 190, 1_234)));

        assertThat(table).containsExactly(
                "== matrix: backfills of 4 days of calls, at-least-once; latency 0 / 200 ms (a simulator each)"
                        + " + 0..20 ms per answer, in real time, half each way; 0.1% of the answers take 2,800 ms"
                        + " instead; 0 ms: none at all ==",
                "| latency | tasks.max | requests in flight/task | backfill records/s | share of the 20,000/s ceiling"
                        + " | requests per record vs minimum (1 per 100) | most requests in one second"
                        + " | rate-limited answers |",
                "|---|---|---|---|---|---|---|---|",
                "| 0 ms | 1 | 16 | 12,000 | 60.0% | 0.0101 (1.01x) | 196 | 0 |",
                "| 0 ms | 8 | 16 | 16,000 | 80.0% | 0.0101 (1.01x) | 191 | 2 |",
                "| 200 ms | 1 | 16 | incomplete (the backfill did not finish within 30 minutes / see) | | | | |",
                "| 200 ms | 8 | 16 | 15,000 | 75.0% | 0.0105 (1.05x) | 190 | 1,234 |");
    }

    @Test
    void withBothModesEachRowNamesItsMode() {
        BenchmarkOptions options = BenchmarkOptions.parse("--tasks-list 4 --latency-ms 80 --modes alo,eos");

        List<String> table = BenchmarkMatrix.table(options, List.of(
                cell(BenchmarkOptions.Mode.ALO, 80, 4, 100_000, 10, 1_000, 150, 0),
                cell(BenchmarkOptions.Mode.EOS, 80, 4, 100_000, 12.5, 1_000, 140, 0)));

        assertThat(table.get(0)).startsWith("== matrix: backfills of 6.5 days of calls, each mode; latency 80 ms");
        assertThat(table.get(1)).startsWith("| mode | latency | tasks.max |");
        assertThat(table.get(2)).isEqualTo("|---|---|---|---|---|---|---|---|---|");
        assertThat(table.subList(3, 5)).containsExactly(
                "| alo | 80 ms | 4 | 16 | 10,000 | 50.0% | 0.0100 (1.00x) | 150 | 0 |",
                "| eos | 80 ms | 4 | 16 | 8,000 | 40.0% | 0.0100 (1.00x) | 140 | 0 |");
    }
}

package io.github.kafkaconnecttrtc.bench;

import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A matrix run ({@code --latencies}, {@code --tasks-list}): on one broker and registry, a
 * simulator per latency and, per {@code tasks.max} and mode, a backfill on a fresh worker,
 * connector and topic, without the steady state; then one table of what each cell reached.
 */
final class BenchmarkMatrix {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkMatrix.class);

    private final Benchmark benchmark;
    private final BenchmarkOptions options;
    private final Output out;

    BenchmarkMatrix(Benchmark benchmark, BenchmarkOptions options, Output out) {
        this.benchmark = benchmark;
        this.options = options;
        this.out = out;
    }

    /** Latency by latency, since each needs a simulator of its own; within one, tasks.max then mode. */
    void run() throws Exception {
        List<Long> latencies = options.cellLatencies();
        benchmark.startStack(latencies.get(0));
        for (int i = 0; i < latencies.size(); i++) {
            long latency = latencies.get(i);
            if (i > 0) {
                benchmark.startSimulator(latency);
            }
            for (Integer tasks : options.cellTasks()) {
                for (BenchmarkOptions.Mode mode : options.modes()) {
                    ModeResult cell = ModeResult.cell(mode, latency, tasks);
                    benchmark.results().add(cell);
                    runCell(cell);
                }
            }
        }
    }

    private void runCell(ModeResult cell) throws Exception {
        try {
            benchmark.runMode(cell);
        } catch (Benchmark.Aborted e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (!benchmark.stackAlive()) {
                throw e;
            }
            // One cell that cannot finish (one task, one request in flight, far away) must not cost the others.
            cell.problem = String.valueOf(e.getMessage());
            out.say("  [" + cell.id + "] failed, on to the next cell: " + e.getMessage());
            LOG.warn("Matrix cell {} failed", cell.id, e);
            benchmark.abandonCell();
        }
    }

    /**
     * The matrix's table, in Markdown: a row per cell, in the order run. Rates are from the deploy
     * to the last backfill record (LogAppendTime); requests are the simulator's per-second counts
     * over the same seconds, as in a full run's backfill.
     */
    static List<String> table(BenchmarkOptions options, List<ModeResult> cells) {
        int pageSize = cells.stream().mapToInt(c -> c.pageSize).filter(n -> n > 0).findFirst()
                .orElse(TrtcSourceConfig.PAGE_SIZE_DEFAULT);
        long ceiling = (long) options.rateLimit() * pageSize;
        boolean modes = options.modes().size() > 1;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "== matrix: backfills of %s day%s of calls, %s; latency %s ==",
                Report.number(options.historyDays()), options.historyDays() == 1 ? "" : "s",
                modes ? "each mode" : options.modes().get(0).title,
                Report.latencyModel(options)));
        lines.add((modes ? "| mode " : "") + String.format(Locale.ROOT, "| latency | tasks.max"
                + " | requests in flight/task | backfill records/s | share of the %,d/s ceiling | requests per record vs minimum (1 per %d)"
                + " | most requests in one second | rate-limited answers |", ceiling, pageSize));
        lines.add((modes ? "|---" : "") + "|---|---|---|---|---|---|---|---|");
        for (ModeResult cell : cells) {
            lines.add((modes ? "| " + cell.mode.id + " " : "") + row(cell, ceiling));
        }
        return lines;
    }

    private static String row(ModeResult cell, long ceiling) {
        String tasks = cell.tasksMax > 0 ? Integer.toString(cell.tasksMax)
                : cell.askedTasks != null ? Integer.toString(cell.askedTasks) : "?";
        String inFlight = cell.requestsInFlight > 0 ? Integer.toString(cell.requestsInFlight) : "?";
        String start = String.format(Locale.ROOT, "| %d ms | %s | %s |", cell.latencyMillis, tasks, inFlight);
        if (!cell.complete()) {
            String why = cell.problem == null ? "" : " (" + cell.problem.lines().findFirst().orElse("")
                    .replace('|', '/') + ")";
            return start + " incomplete" + why + " | | | | |";
        }
        double rate = cell.backfillRate();
        double perRecord = (double) cell.backfillRequests / cell.backfillRecords;
        return start + String.format(Locale.ROOT, " %,.0f | %.1f%% | %.4f (%.2fx) | %,d | %,d |", rate,
                100 * rate / ceiling, perRecord, perRecord * cell.pageSize, cell.maxRequestsInSecond,
                cell.backfillEnd.rateLimitedSince(cell.backfillStart));
    }
}

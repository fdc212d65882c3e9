package io.github.kafkaconnecttrtc.bench;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.client.ApiLimits;
import io.github.kafkaconnecttrtc.client.ErrorCodes;
import io.github.kafkaconnecttrtc.launcher.ApiVersions;
import io.github.kafkaconnecttrtc.simulator.AppliedLatency;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the measured {@link ModeResult}s into the lines the benchmark prints: per mode the
 * backfill and the steady state with what each cost, then how exactly-once compares with
 * at-least-once, and the latency the simulator added. Every figure says what it is measured from.
 */
final class Report {

    private static final String INDENT = "                   ";

    private Report() {
    }

    static List<String> lines(BenchmarkOptions options, Benchmark run, List<ModeResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("==================== results ====================");
        lines.add("machine          " + MachineStats.size() + "; at start: " + run.machineAtStart());
        lines.add(String.format(Locale.ROOT, "simulator        %,d calls started in the %s days before the start"
                + " (%,d generated over %d days), %.2f calls/s mean with a daily swing of +-30%%; live %.2f calls/s;"
                + " limit %d requests/s per endpoint (%s above it)", run.historyCalls(), number(options.historyDays()),
                run.generatedCalls(), options.generatedHistoryDays(), options.historyCallsPerSecond(),
                options.liveRate(), options.rateLimit(), ApiVersions.RATE_LIMITED_CODES));
        lines.add("latency          " + latencyModel(options));
        if (!results.isEmpty()) {
            ModeResult any = results.get(0);
            lines.add(String.format(Locale.ROOT, "connector        trtc.api.version=%s (/%s), tasks.max=%s,"
                    + " trtc.requests.in.flight=%d%s, trtc.requests.per.second=%s, page.size=%d,"
                    + " poll.interval.ms=%d, long.call.sweep.interval.ms=%d, settle.delay.ms=%d,"
                    + " call.fast.lane.max.duration.ms=%d, call.max.duration.ms=%d; %d partitions;"
                    + " Apicurio AvroConverter in the Confluent wire format, %s (from %s%s)", any.api.configName(),
                    any.api.path(),
                    String.join(", ", results.stream().map(r -> Integer.toString(r.tasksMax)).distinct().toList()),
                    any.requestsInFlight, any.requestsInFlightDefault ? " (the connector's default)" : "",
                    number(any.budget), any.pageSize, any.pollMillis, any.sweepMillis, any.settleMillis,
                    any.fastLaneMillis, any.maxCallMillis, any.partitions,
                    any.schemaRegisteredOnce ? "the value schema registered before the deploy and looked up by the"
                            + " converters (find-latest)" : "the value schema as the configuration registers it",
                    options.connectorConfig(),
                    options.connector().isEmpty() ? "" : ", with " + options.connector()));
            lines.add("worker           child JVM, -Xmx" + options.workerHeap() + ", "
                    + (options.workerJvm().isEmpty() ? "ParallelGC" : "ParallelGC then " + String.join(" ", options.workerJvm()))
                    + "; "
                    + options.describeOverrides());
            lines.add(String.format(Locale.ROOT, "ceiling          %d requests/s x %d records per request = %,d records/s",
                    options.rateLimit(), any.pageSize, ceiling(options, any)));
        }
        for (ModeResult result : results) {
            if (result.complete()) {
                mode(lines, options, result);
            } else {
                lines.add("");
                lines.add("== " + result.title() + ": incomplete" + (result.problem == null ? "" : " (" + result.problem
                        + ")"));
            }
        }
        compare(lines, results);
        lines.add("");
        for (Benchmark.SimulatorLatency latency : run.appliedLatencies()) {
            lines.add("latency applied  " + applied(latency.latencyMillis(), latency.applied()));
        }
        return lines;
    }

    /** The network the options ask for: "80 ms + 0..20 ms each answer, ..." or a matrix's latencies. */
    static String latencyModel(BenchmarkOptions options) {
        List<Long> latencies = options.cellLatencies();
        long above = latencies.stream().filter(l -> l > 0).findFirst().orElse(0L);
        String first = String.join(" / ", latencies.stream().map(l -> Long.toString(l)).toList()) + " ms"
                + (latencies.size() > 1 ? " (a simulator each)" : "");
        if (above == 0) {
            return first + ": none, the simulator answers in-process";
        }
        return first + model(options.jitterAt(above), options.slowAnswerRateAt(above),
                SimulatorSettings.DEFAULT_SLOW_ANSWER_MILLIS) + (latencies.contains(0L) ? "; 0 ms: none at all" : "");
    }

    /** A simulator's network, for its start-up line. */
    static String latencyModel(SimulatorSettings settings) {
        if (settings.latencyMillis() == 0 && settings.latencyJitterMillis() == 0 && settings.slowAnswerRate() == 0) {
            return "none";
        }
        return settings.latencyMillis() + " ms" + model(settings.latencyJitterMillis(), settings.slowAnswerRate(),
                settings.slowAnswerMillis());
    }

    private static String model(long jitter, double slowRate, long slowMillis) {
        return String.format(Locale.ROOT, " + 0..%d ms per answer, in real time, half each way; %s%% of the answers"
                + " take %,d ms instead", jitter, BigDecimal.valueOf(slowRate).movePointRight(2).stripTrailingZeros()
                .toPlainString(), slowMillis);
    }

    /** What one simulator added: "80 ms: 12,345 answers, mean 90.1 ms, max 2,800 ms, 12 slow". */
    static String applied(long latencyMillis, AppliedLatency applied) {
        return String.format(Locale.ROOT, "%d ms: %,d answers, mean %.1f ms, max %,d ms, %,d slow answers",
                latencyMillis, applied.answers(), applied.mean().toNanos() / 1e6, applied.max().toMillis(),
                applied.slowAnswers());
    }

    private static long ceiling(BenchmarkOptions options, ModeResult result) {
        return (long) options.rateLimit() * result.pageSize;
    }

    private static void mode(List<String> lines, BenchmarkOptions options, ModeResult r) {
        lines.add("");
        lines.add("== " + r.title() + " (worker exactly.once.source.support="
                + (r.mode == BenchmarkOptions.Mode.EOS ? "enabled, connector exactly.once.support=required"
                        : "disabled") + "; topic " + r.topic + ") ==");
        lines.add("backfill");
        long missing = r.expectedCalls - r.backfillDistinct;
        lines.add(String.format(Locale.ROOT, "  calls          %,d started from start.time on and ended by the deploy"
                + " less the settle delay (%s): %,d records delivered, %,d distinct, %,d missing, %,d duplicates",
                r.expectedCalls, clock(r.settleMillis / 1e3), r.backfillRecords, r.backfillDistinct, missing,
                r.backfillRecords - r.backfillDistinct));
        lines.add(String.format(Locale.ROOT, "  time           first record %.1f s after the deploy, last %.1f s after"
                + " (LogAppendTime); the offsets showed it complete at %.1f s", r.firstRecordSeconds,
                r.lastRecordSeconds, r.detectedSeconds));
        double rate = r.backfillRate();
        lines.add(String.format(Locale.ROOT, "  throughput     %,.0f records/s from the deploy = %.1f%% of the ceiling"
                + " (%,d/s); %,.0f records/s from the first record", rate, 100 * rate / ceiling(options, r),
                ceiling(options, r), r.backfillRecords / (r.lastRecordSeconds - r.firstRecordSeconds)));
        lines.add(String.format(Locale.ROOT, "%sthe middle 80%% of the records (by append time, without the ramps at"
                + " either end): %,.0f records/s = %.1f%% of the ceiling", INDENT, r.middleRate,
                100 * r.middleRate / ceiling(options, r)));
        double apiRate = r.backfillRequests / r.lastRecordSeconds;
        lines.add(String.format(Locale.ROOT, "  API            %,d requests, %.1f/s (%.1f%% of the limit); per second: median"
                + " %d, at most %d, %d s at the limit; %.4f requests per record delivered (%.4f at best)",
                r.backfillRequests, apiRate, 100 * apiRate / options.rateLimit(), r.medianRequestsInSecond,
                r.maxRequestsInSecond, r.secondsAtLimit, (double) r.backfillRequests / r.backfillRecords,
                1.0 / r.pageSize));
        lines.add(INDENT + "each second from the deploy's: requests " + series(r.requestsBySecond, 1));
        lines.add(INDENT + "                               records (thousands) " + series(r.appendsBySecond, 1000));
        lines.add(INDENT + answers(r.api, r.backfillStart, r.backfillEnd));
        lines.add(INDENT + latency(r.backfillStart, r.backfillEnd));
        WorkerUsage b = r.backfillUsage;
        double taskSeconds = r.tasksMax * r.detectedSeconds;
        double waited = b.taskCounter("rate-limit-wait-seconds-total", null);
        // A task's requests in flight wait for permits side by side: their waits add up to request-seconds,
        // which exceed the task's own seconds; over those seconds they are the requests waiting at once.
        lines.add(String.format(Locale.ROOT, "  tasks          %,.0f requests counted by the tasks (%,.0f retries);"
                + " waiting for the request budget: %.0f request-seconds over %.0f task-seconds (tasks.max x %.1f s),"
                + " %.1f requests per task waiting at once on average; rebalances asked for by the connector: %s",
                b.taskCounter("requests-total", null), b.taskCounter("retries-total", null), waited, taskSeconds,
                r.detectedSeconds, waited / taskSeconds,
                gauge(b.connectorGaugeChange("reconfigurations-requested-total"))));
        for (String task : b.tasks()) {
            List<String> one = List.of(task);
            double requests = b.taskCounter("requests-total", one);
            double wait = b.taskCounter("rate-limit-wait-seconds-total", one);
            double cpu = b.taskThreadCpu().getOrDefault(task, 0.0);
            lines.add(String.format(Locale.ROOT, "%s task %s: %,.0f requests (%.1f/s) in %.1f s: %.1f of its requests"
                    + " waiting for the budget at once on average (%.1f request-seconds), its own thread's CPU %.1f s",
                    INDENT, task, requests, requests / r.detectedSeconds, r.detectedSeconds,
                    wait / r.detectedSeconds, wait, cpu));
        }
        lines.add(producers(b));
        lines.add(cpu(r.backfillStart, r.backfillEnd, b));
        lines.add(heap(r.backfillUsage, r.backfillHeapPeaks, r.heapMax));
        lines.add("  load after     " + r.loadAfterBackfill);
        if (r.steadyEnd != null) {
            steady(lines, r);
        }
        lines.add(String.format(Locale.ROOT, "worker             %.1f CPU seconds from its start to its stop (%.1f of"
                + " them in the %.1f s before the deploy: JVM start, plugin scan, joining the group)",
                r.workerTotalCpu, r.workerStartupCpu, r.workerStartupSeconds));
        lines.add(String.format(Locale.ROOT, "topic              %,d records, %,d distinct calls (read back in %.1f s)",
                r.topicRecords, r.topicDistinct, r.scanSeconds));
    }

    private static void steady(List<String> lines, ModeResult r) {
        double steady = r.steadySeconds();
        lines.add(String.format(Locale.ROOT, "steady state       %s of live traffic, from %.0f s after the deploy",
                clock(steady), r.steadyStart.secondsSince(r.backfillStart)));
        double liveRate = r.liveRecords / steady;
        lines.add(String.format(Locale.ROOT, "  live calls     %,d records appended (%.2f/s)", r.liveRecords, liveRate));
        lines.add(String.format(Locale.ROOT, "  freshness      call's endTs -> its record's LogAppendTime: %s",
                distribution(r.freshnessAppend)));
        lines.add(String.format(Locale.ROOT, "%s  calls up to %s (fast lane): %s", INDENT, clock(r.fastLaneMillis / 1e3),
                distribution(r.freshnessAppendFast)));
        lines.add(String.format(Locale.ROOT, "%s  longer calls (long-call sweeps): %s", INDENT,
                distribution(r.freshnessAppendLong)));
        lines.add(String.format(Locale.ROOT, "%scall's endTs -> received by a read_committed consumer: %s", INDENT,
                distribution(r.freshnessReceive)));
        lines.add(INDENT + "(endTs is in whole seconds, so each figure may be up to 1 s high)");
        double perMinute = (r.steadyEnd.requests() - r.steadyStart.requests()) / steady * 60;
        double pollSeconds = r.pollMillis / 1e3;
        double pollsPerMinute = 60 / pollSeconds;
        double callsPerPoll = liveRate * pollSeconds;
        long pagesPerPoll = Math.max(1, (long) Math.ceil(callsPerPoll / r.pageSize));
        double minimum = pollsPerMinute * pagesPerPoll;
        lines.add(String.format(Locale.ROOT, "  requests       %,.0f/min; the minimum: one request per poll interval"
                + " (%s s) = %.0f/min, and ceil(%.1f calls per poll / %d) = %d per poll = %.0f/min; %.1fx the"
                + " minimum", perMinute, number(pollSeconds), pollsPerMinute, callsPerPoll, r.pageSize,
                pagesPerPoll, minimum, perMinute / minimum));
        lines.add(lookBackBound(r, liveRate, perMinute));
        lines.add(sweeps(r));
        if (r.steadyLists > 0) {
            long beyond = r.steadyListRequests - r.steadyListPagesNeeded;
            lines.add(String.format(Locale.ROOT, "  by list        %,d requests paged through %,d lists (start and end"
                    + " bounds) whose calls fill %,d pages: %,d more (%.1f%%), of which %,d pages asked again; the rest"
                    + " are pages past a list's calls (ground truth, endTimestamp read as an end bound)",
                    r.steadyListRequests, r.steadyLists, r.steadyListPagesNeeded, beyond,
                    100.0 * beyond / r.steadyListPagesNeeded, r.steadyPagesAskedAgain));
        }
        lines.add(String.format(Locale.ROOT, "  rate-limited answers (%s): %,d", ApiVersions.RATE_LIMITED_CODES,
                r.steadyEnd.rateLimitedSince(r.steadyStart)));
        lines.add(cpu(r.steadyStart, r.steadyEnd, r.steadyUsage)
                + String.format(Locale.ROOT, "; worker %.1f s per minute",
                        (r.steadyEnd.workerCpu() - r.steadyStart.workerCpu()) / steady * 60));
        lines.add(heap(r.steadyUsage, r.steadyHeapPeaks, r.heapMax));
        lines.add("  load after     " + r.loadAfterSteady);
    }

    /** The latency the simulator added between two marks. */
    static String latency(Mark from, Mark to) {
        return String.format(Locale.ROOT, "latency: %,d answers crossed the simulated network, mean %.1f ms, %,d slow",
                to.networkAnswersSince(from), to.meanLatencyMillisSince(from), to.slowAnswersSince(from));
    }

    /** What the API answered between two marks besides records; v4 answers "no match" with a success. */
    static String answers(ApiDialect api, Mark from, Mark to) {
        String noRecords = api == ApiDialect.V1
                ? String.format(Locale.ROOT, "70011 (no records): %,d; ", to.answersSince(from, ErrorCodes.NO_RECORDS))
                : "";
        return String.format(Locale.ROOT, "rate-limited answers (%s): %,d; %sother errors: %,d",
                ApiVersions.RATE_LIMITED_CODES, to.rateLimitedSince(from), noRecords, to.errorsSince(from, api));
    }

    private static String producers(WorkerUsage usage) {
        return String.format(Locale.ROOT, "  producers      %,.0f records sent; blocked for buffer space %.1f s;"
                + " transactions: begin %.1f s, offsets %.1f s, commit %.1f s; flushes %.1f s",
                usage.producerCounter("record-send-total"), usage.producerCounter("bufferpool-wait-time-ns-total") / 1e9,
                usage.producerCounter("txn-begin-time-ns-total") / 1e9,
                usage.producerCounter("txn-send-offsets-time-ns-total") / 1e9,
                usage.producerCounter("txn-commit-time-ns-total") / 1e9,
                usage.producerCounter("flush-time-ns-total") / 1e9);
    }

    private static String cpu(Mark from, Mark to, WorkerUsage usage) {
        double seconds = to.secondsSince(from);
        double worker = to.workerCpu() - from.workerCpu();
        double broker = to.brokerCpu() - from.brokerCpu();
        double registry = to.registryCpu() - from.registryCpu();
        double simulator = to.simulatorCpu() - from.simulatorCpu();
        double launcher = to.launcherCpu() - from.launcherCpu();
        MachineStats.CpuTimes machine = to.machine().minus(from.machine());
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "  CPU seconds    worker %.1f (%.2f cores):",
                worker, worker / seconds));
        List<String> parts = new ArrayList<>();
        usage.cpuSeconds().forEach((kind, cpu) -> parts.add(String.format(Locale.ROOT, " %s %.1f", kind, cpu)));
        parts.add(String.format(Locale.ROOT, " GC, JIT and the JVM %.1f", worker - usage.threadCpuSeconds()));
        text.append(String.join(",", parts));
        text.append(String.format(Locale.ROOT, ";%n%sbroker %.1f, registry %.1f, simulator %.1f (its HTTP threads),"
                + " the launcher's other work %.1f (readers, sampling, its JVM)", INDENT, broker, registry, simulator,
                launcher - simulator));
        if (!Double.isNaN(machine.totalSeconds()) && machine.totalSeconds() > 0) {
            double ours = worker + broker + registry + launcher;
            text.append(String.format(Locale.ROOT, ";%n%smachine busy %.0f%% of %d cores over %.1f s, of which"
                    + " other processes on the machine %.0f%%", INDENT, 100 * machine.busySeconds()
                    / machine.totalSeconds(), Runtime.getRuntime().availableProcessors(), seconds,
                    100 * Math.max(0, machine.busySeconds() - ours) / machine.totalSeconds()));
        }
        return text.toString();
    }

    private static String heap(WorkerUsage usage, Map<String, Long> peaks, long max) {
        String oldGen = peaks.entrySet().stream()
                .filter(e -> e.getKey().contains("Old") || e.getKey().contains("Tenured"))
                .map(e -> String.format(Locale.ROOT, "%s peak %s", e.getKey(), mib(e.getValue())))
                .findFirst().orElse("no old generation pool");
        return String.format(Locale.ROOT, "  heap           worker peak %s used (sampled every second); %s; max %s;"
                + " GC %.1f s", mib(usage.maxHeapUsed()), oldGen, mib(max), usage.gcSeconds());
    }

    /**
     * What any reader of this API spends for the promises of the configured lanes, from the pages
     * the benchmark counted in the simulator's ground truth ({@code Benchmark.lookBackPages}).
     */
    private static String lookBackBound(ModeResult r, double liveRate, double perMinute) {
        double bound = r.fastLookBackPages * 60_000.0 / r.pollMillis + r.longLookBackPages * 60_000.0 / r.sweepMillis;
        double weekPages = liveRate * ApiLimits.HORIZON.toSeconds() / r.pageSize;
        return String.format(Locale.ROOT, "%sfor the same promises, any reader must read every visible call that"
                + " started within each look-back since the previous bound, as the API filters by start time only:"
                + " %.1f pages per poll (calls up to %s) + %.1f per %s sweep (up to %s), counted in the simulator's"
                + " calls at each of the window's %d poll intervals = %,.0f/min; %.2fx that. Besides, one read of the API's week per %s (about %,.0f pages,"
                + " %.0f/min), not inside this window", INDENT, r.fastLookBackPages, clock(r.fastLaneMillis / 1e3),
                r.longLookBackPages, clock(r.sweepMillis / 1e3), clock(r.maxCallMillis / 1e3), r.lookBackMoments, bound,
                perMinute / bound, clock(r.overlongMillis / 1e3), weekPages, weekPages * 60_000.0 / r.overlongMillis);
    }

    private static String sweeps(ModeResult r) {
        WorkerUsage usage = r.steadyUsage;
        double all = usage.taskCounter("requests-total", null);
        StringBuilder text = new StringBuilder("  long-call sweeps ");
        boolean separate = !r.longLaneTasks.isEmpty() && r.longLaneTasks.stream().noneMatch(r.fastLaneTasks::contains);
        if (separate && all > 0) {
            double sweeps = usage.taskCounter("requests-total", r.longLaneTasks);
            text.append(String.format(Locale.ROOT, "%.0f%% of requests by the tasks' JMX counters (task %s holds"
                    + " tail/long: %,.0f/min, task %s tail/fast: %,.0f/min)", 100 * sweeps / all,
                    String.join(",", r.longLaneTasks), sweeps / r.steadySeconds() * 60, String.join(",",
                            r.fastLaneTasks), usage.taskCounter("requests-total", r.fastLaneTasks) / r.steadySeconds()
                            * 60));
        } else {
            // Either one task holds both lanes (tasks.max=1), or a lane's MBean was missing at the end.
            text.append(String.format(Locale.ROOT, "not separable by the tasks' JMX counters (slice MBeans at the end:"
                    + " tail/long on task %s, tail/fast on task %s)", r.longLaneTasks.isEmpty() ? "none"
                    : String.join(",", r.longLaneTasks), r.fastLaneTasks.isEmpty() ? "none"
                    : String.join(",", r.fastLaneTasks)));
        }
        if (r.sweepQueries >= 0 && r.classifiedQueries > 0) {
            text.append(String.format(Locale.ROOT, ";%n%s%.0f%% by the simulator's query log (%,d of %,d queries start"
                    + " more than the fast lane's %s plus %s before their endTimestamp)", INDENT,
                    100.0 * r.sweepQueries / r.classifiedQueries, r.sweepQueries, r.classifiedQueries,
                    clock(r.fastLaneMillis / 1e3), clock(Math.max(3 * r.pollMillis / 1000, 30))));
        }
        return text.toString();
    }

    private static void compare(List<String> lines, List<ModeResult> results) {
        ModeResult alo = find(results, BenchmarkOptions.Mode.ALO);
        ModeResult eos = find(results, BenchmarkOptions.Mode.EOS);
        if (alo == null || eos == null) {
            return;
        }
        lines.add("");
        lines.add("== exactly-once / at-least-once ==");
        lines.add(String.format(Locale.ROOT, "backfill throughput  %,.0f / %,.0f records/s = %.2f", eos.backfillRate(),
                alo.backfillRate(), eos.backfillRate() / alo.backfillRate()));
        double eosCpu = (eos.backfillEnd.workerCpu() - eos.backfillStart.workerCpu()) / eos.backfillRecords * 1000;
        double aloCpu = (alo.backfillEnd.workerCpu() - alo.backfillStart.workerCpu()) / alo.backfillRecords * 1000;
        lines.add(String.format(Locale.ROOT, "worker CPU, backfill %.3f / %.3f s per 1,000 records = %.2f", eosCpu, aloCpu,
                eosCpu / aloCpu));
        lines.add(String.format(Locale.ROOT, "freshness p50 / p99  %.1f / %.1f s (exactly-once), %.1f / %.1f s"
                + " (at-least-once), by LogAppendTime; by a read_committed consumer: %.1f / %.1f s and %.1f / %.1f s",
                percentile(eos.freshnessAppend, 50), percentile(eos.freshnessAppend, 99),
                percentile(alo.freshnessAppend, 50), percentile(alo.freshnessAppend, 99),
                percentile(eos.freshnessReceive, 50), percentile(eos.freshnessReceive, 99),
                percentile(alo.freshnessReceive, 50), percentile(alo.freshnessReceive, 99)));
    }

    private static ModeResult find(List<ModeResult> results, BenchmarkOptions.Mode mode) {
        return results.stream().filter(r -> r.mode == mode && r.topicRecords > 0 && r.steadyEnd != null).findFirst()
                .orElse(null);
    }

    static String distribution(double[] sorted) {
        if (sorted.length == 0) {
            return "no records";
        }
        return String.format(Locale.ROOT, "p50 %.1f s, p99 %.1f s, max %.1f s (n=%,d)", percentile(sorted, 50),
                percentile(sorted, 99), sorted[sorted.length - 1], sorted.length);
    }

    /** Nearest-rank percentile of ascending values; NaN when there are none. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    /** "2m 05s", "45s". */
    static String clock(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 60 ? String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60) : whole + "s";
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }

    /** A number without a needless ".0". */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    static String gauge(Double value) {
        return value == null || value.isNaN() ? "?" : number(value);
    }

    /** Counts divided by {@code unit}, rounded, space separated. */
    private static String series(long[] counts, long unit) {
        StringBuilder text = new StringBuilder();
        for (long count : counts) {
            text.append(text.length() == 0 ? "" : " ").append(Math.round((double) count / unit));
        }
        return text.toString();
    }
}

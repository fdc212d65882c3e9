package io.github.kafkaconnecttrtc.bench;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import java.util.List;
import java.util.Map;

/**
 * What one delivery mode's run measured; filled in by {@link Benchmark} as the run goes, read by
 * {@link Report}. Times in seconds unless named otherwise.
 */
final class ModeResult {

    final BenchmarkOptions.Mode mode;
    /** Names this run's connector, topic, worker and progress lines: the mode's id, and a matrix cell's values. */
    final String id;
    final String connector;
    final String topic;
    /** The simulator's latency, as asked. */
    final long latencyMillis;
    /** The {@code tasks.max} asked for; null for the options' or the configuration's. */
    final Integer askedTasks;
    /** A matrix cell: the backfill only, no warm-up and no steady state. */
    final boolean matrixCell;

    /** The connector's reading settings, as deployed. */
    ApiDialect api;
    long pollMillis;
    long sweepMillis;
    long settleMillis;
    long fastLaneMillis;
    long maxCallMillis;
    int pageSize;
    double budget;
    int partitions;
    int tasksMax;
    int requestsInFlight;
    /** Whether {@code trtc.requests.in.flight} was left to the connector's default. */
    boolean requestsInFlightDefault;
    long overlongMillis;
    /** Pages of the fast lane's look-back per poll, and of the long lane's per sweep, for any reader. */
    /** The poll intervals of the steady window at which {@code Analysis.lookBackPages} counted. */
    int lookBackMoments;
    double fastLookBackPages;
    double longLookBackPages;

    /** Worker CPU from its start to the deploy (JVM start, plugin scan, joining the group). */
    double workerStartupCpu;
    double workerStartupSeconds;
    long heapMax;

    // The backfill: calls that started from start.time on and ended by historyUntilSecond.
    long deployEpochMillis;
    long readFromSecond;
    /** The deploy less the settle delay: calls that ended by then are history, the connector may read them at once. */
    long historyUntilSecond;
    long expectedCalls;
    long backfillRecords;
    long backfillDistinct;
    double firstRecordSeconds = Double.NaN;
    double lastRecordSeconds = Double.NaN;
    /** Records per second over the middle 80% of the backfill's records. */
    double middleRate = Double.NaN;
    double detectedSeconds;
    long backfillRequests;
    long maxRequestsInSecond;
    long medianRequestsInSecond;
    long secondsAtLimit;
    /** Seconds from the deploy to the last record: the API's requests, and the backfill's records appended, in each. */
    long[] requestsBySecond = new long[0];
    /** Whether the value schema was registered before the deploy, so that the converters only looked it up. */
    boolean schemaRegisteredOnce;
    long[] appendsBySecond = new long[0];
    Mark backfillStart;
    Mark backfillEnd;
    WorkerUsage backfillUsage;
    Map<String, Long> backfillHeapPeaks = Map.of();
    String loadAfterBackfill = "";

    // The steady state.
    Mark steadyStart;
    Mark steadyEnd;
    WorkerUsage steadyUsage;
    Map<String, Long> steadyHeapPeaks = Map.of();
    long liveRecords;
    double[] freshnessAppend = new double[0];
    double[] freshnessAppendFast = new double[0];
    double[] freshnessAppendLong = new double[0];
    double[] freshnessReceive = new double[0];
    long liveReceived;
    long liveDuplicates;
    /** Requests of the steady state that the query log puts in a sweep, and how many it classified. */
    long sweepQueries = -1;
    long classifiedQueries;
    /** The steady state's requests by list (start and end bound): lists, their requests, the pages their matches fill, pages asked again. */
    long steadyLists;
    long steadyListRequests;
    long steadyListPagesNeeded;
    long steadyPagesAskedAgain;
    List<String> longLaneTasks = List.of();
    List<String> fastLaneTasks = List.of();
    String loadAfterSteady = "";

    // The whole run of this mode.
    double workerTotalCpu;
    long topicRecords;
    long topicDistinct;
    double scanSeconds;
    String problem;

    private ModeResult(BenchmarkOptions.Mode mode, String id, long latencyMillis, Integer askedTasks,
            boolean matrixCell) {
        this.mode = mode;
        this.id = id;
        // A name of its own per run: a stopped connector keeps its offsets, which one of the same name would resume.
        this.connector = "trtc-bench-" + id;
        this.topic = "trtc.bench." + id;
        this.latencyMillis = latencyMillis;
        this.askedTasks = askedTasks;
        this.matrixCell = matrixCell;
    }

    /** One delivery mode of a full run: backfill, warm-up and steady state. */
    static ModeResult full(BenchmarkOptions.Mode mode, long latencyMillis, Integer tasks) {
        return new ModeResult(mode, mode.id, latencyMillis, tasks, false);
    }

    /** One cell of a matrix: a backfill at this latency and {@code tasks.max} (null: the configuration's). */
    static ModeResult cell(BenchmarkOptions.Mode mode, long latencyMillis, Integer tasks) {
        return new ModeResult(mode, mode.id + "-" + latencyMillis + "ms" + (tasks == null ? "" : "-" + tasks + "t"),
                latencyMillis, tasks, true);
    }

    /** "at-least-once", or for a matrix cell "at-least-once, 80 ms, tasks.max=4". */
    String title() {
        if (!matrixCell) {
            return mode.title;
        }
        // Before the deploy, a cell without tasks of its own knows only that the configuration's apply.
        String tasks = askedTasks != null ? "=" + askedTasks : tasksMax > 0 ? "=" + tasksMax : " of the configuration";
        return mode.title + ", " + latencyMillis + " ms, tasks.max" + tasks;
    }

    /** Whether every phase this run has ran to its end and the topic was read. */
    boolean complete() {
        return backfillEnd != null && (matrixCell || steadyEnd != null) && topicRecords > 0;
    }

    /** Seconds from the deploy to the last record of the backfill: what a user waits for the history. */
    double backfillSeconds() {
        return lastRecordSeconds;
    }

    /** Backfill records per second from the deploy, the figure the modes are compared by. */
    double backfillRate() {
        return backfillRecords / backfillSeconds();
    }

    double steadySeconds() {
        return steadyEnd.secondsSince(steadyStart);
    }
}

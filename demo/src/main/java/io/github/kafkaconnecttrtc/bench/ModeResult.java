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
    final String connector;
    final String topic;

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
    long overlongMillis;
    /** Pages of the fast lane's look-back per poll, and of the long lane's per sweep, for any reader. */
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
    List<String> longLaneTasks = List.of();
    List<String> fastLaneTasks = List.of();
    String loadAfterSteady = "";

    // The whole run of this mode.
    double workerTotalCpu;
    long topicRecords;
    long topicDistinct;
    double scanSeconds;
    String problem;

    ModeResult(BenchmarkOptions.Mode mode, String connector, String topic) {
        this.mode = mode;
        this.connector = connector;
        this.topic = topic;
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

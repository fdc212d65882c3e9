package io.github.kafkaconnecttrtc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.simulator.SimulatorStats;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers one {@link ProgressSnapshot}: the connector's status and offsets from the Connect REST
 * API, the topic's size and newest records from Kafka, and the simulator's request counters.
 * Rates are per second since the previous snapshot.
 */
final class ProgressProbe {

    static final int EVENTS_SHOWN = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ProgressProbe.class);

    private final ConnectRest connect;
    private final String connector;
    private final String topic;
    private final TopicWatcher watcher;
    private final EventDecoder decoder;
    private final ApiDialect apiVersion;
    private final SimulatorStats simulatorStats;
    private final DemoConnectorConfig.SliceGeometry geometry;
    private final long startNanos;
    private long previousNanos;
    private long previousRecords = -1;
    private long previousRequests;
    private String lastProblem;

    ProgressProbe(ConnectRest connect, String connector, String topic, TopicWatcher watcher, EventDecoder decoder,
            ApiDialect apiVersion, SimulatorStats simulatorStats, DemoConnectorConfig.SliceGeometry geometry,
            long startNanos) {
        this.connect = connect;
        this.connector = connector;
        this.topic = topic;
        this.watcher = watcher;
        this.decoder = decoder;
        this.apiVersion = apiVersion;
        this.simulatorStats = simulatorStats;
        this.geometry = geometry;
        this.startNanos = startNanos;
        this.previousNanos = System.nanoTime();
        this.previousRequests = simulatorStats == null ? 0 : simulatorStats.totalRequests();
    }

    ProgressSnapshot next() throws InterruptedException {
        long nanos = System.nanoTime();
        // No rate from an interval too short to mean anything (the first frame comes right after start).
        double seconds = (nanos - previousNanos) / 1e9;
        boolean rates = seconds >= 0.5;
        previousNanos = nanos;
        long now = System.currentTimeMillis() / 1000;

        String state;
        int running = 0;
        int total = 0;
        String failure = null;
        try {
            JsonNode status = connect.status(connector);
            state = status.path("connector").path("state").asText("UNKNOWN");
            for (JsonNode task : status.path("tasks")) {
                total++;
                String taskState = task.path("state").asText();
                if ("RUNNING".equals(taskState)) {
                    running++;
                } else if ("FAILED".equals(taskState) && failure == null) {
                    failure = "task " + task.path("id").asText() + ": "
                            + task.path("trace").asText("").lines().findFirst().orElse("");
                }
            }
        } catch (IOException e) {
            state = "status unavailable (" + e.getMessage() + ")";
        }

        SliceProgress slices;
        try {
            slices = SliceProgress.of(connect.offsets(connector), now, geometry);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the connector's offsets", e);
            slices = SliceProgress.NONE;
        }

        long records;
        List<ProgressSnapshot.CallEvent> events = List.of();
        try {
            records = watcher.records();
            if (records > 0) {
                events = watcher.newest(EVENTS_SHOWN, decoder);
            }
            lastProblem = null;
        } catch (WakeupException e) {
            throw new InterruptedException("stopping");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the topic", e);
            records = previousRecords;
            lastProblem = e.getMessage();
        }
        double recordsPerSecond = !rates || previousRecords < 0 || records < 0 ? 0 : (records - previousRecords) / seconds;
        previousRecords = records;

        ProgressSnapshot.ApiCounters api = null;
        if (simulatorStats != null) {
            long requests = simulatorStats.totalRequests();
            Map<String, Long> faults = new TreeMap<>();
            simulatorStats.answersByFault().forEach((fault, n) -> faults.put(fault.name(), n));
            // The codes of the endpoint read only: the two versions give some numbers different meanings.
            api = counters(apiVersion, requests, rates ? (requests - previousRequests) / seconds : 0,
                    simulatorStats.answersByErrorCode(ApiVersions.simulatorEndpoint(apiVersion)),
                    simulatorStats.rateLimitedAnswers(), faults);
            previousRequests = requests;
        }
        long up = (nanos - startNanos) / 1_000_000_000L;
        return new ProgressSnapshot(now, up, connector, state, running, total, failure, topic, records,
                recordsPerSecond, apiVersion, api, slices, events);
    }

    /**
     * The view's counters from the simulator's: {@code byCode} read through {@code api}'s table, empty
     * pages and "frequency limited" apart from the errors, injected faults among the errors.
     */
    static ProgressSnapshot.ApiCounters counters(ApiDialect api, long requests, double requestsPerSecond,
            Map<Integer, Long> byCode, long rateLimited, Map<String, Long> faults) {
        Map<String, Long> errors = new TreeMap<>(faults);
        byCode.forEach((code, n) -> {
            if (ApiVersions.isError(api, code)) {
                errors.put(Integer.toString(code), n);
            }
        });
        return new ProgressSnapshot.ApiCounters(requests, requestsPerSecond,
                byCode.getOrDefault(ApiVersions.noRecordsCode(api), 0L), rateLimited, ProgressView.errorKinds(errors));
    }

    /** What went wrong reading the topic in the latest snapshot, or null. */
    String lastProblem() {
        return lastProblem;
    }
}

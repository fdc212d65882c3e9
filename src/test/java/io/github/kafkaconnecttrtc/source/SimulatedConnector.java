package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.ApiLimits;
import io.github.kafkaconnecttrtc.client.HttpTrtcRecordsClient;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.SimulatorClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The connector's planning and its tasks' poll loops run against the simulator on a fake clock,
 * with Connect's offset storage played by a map: what a worker would do, minus Kafka.
 */
final class SimulatedConnector implements AutoCloseable {

    static final String TOPIC = "calls";
    static final String PROGRESS_TOPIC = "calls.progress";
    static final String INVALID_TOPIC = "calls.invalid";
    /** Short enough that a simulated day sweeps for overlong calls several times. */
    static final Duration OVERLONG_SWEEP = Duration.ofHours(2);

    /** Hears every task's passes; for tests that count requests by lane. */
    PassObserver observer = new PassObserver() {
    };

    final MutableClock clock;
    final ReadSettings read;
    final LaneSchedule schedule;
    final RecordOutput output;
    final SlicePlanner planner;
    final int maxTasks;
    private final int longLaneCells;
    private final HttpTrtcRecordsClient client;
    /** The offsets Connect would have stored: the last offset of every record handed over. */
    final Map<String, SliceOffset> committed = new HashMap<>();
    final List<SourceRecord> emitted = new ArrayList<>();
    /** What went to the invalid-records topic. */
    final List<SourceRecord> invalid = new ArrayList<>();
    private List<TaskEngine> engines = List.of();
    SlicePlan plan;

    SimulatedConnector(TrtcSimulator simulator, MutableClock clock, ReadSettings read, Duration pollInterval,
            Duration sweepInterval, Duration overlongSweepInterval, Duration sliceDuration, OptionalLong start,
            int maxTasks) {
        this.clock = clock;
        this.read = read;
        this.maxTasks = maxTasks;
        this.schedule = new LaneSchedule(pollInterval, sweepInterval, overlongSweepInterval);
        this.output = new RecordOutput(simulator.settings().sdkAppId(), TOPIC, PROGRESS_TOPIC, INVALID_TOPIC,
                Duration.ofMinutes(10),
                RecordTimestamp.READ);
        this.longLaneCells = TaskAssignment.longLaneCells(Duration.ofSeconds(read.maxCallSeconds()), sliceDuration);
        this.planner = new SlicePlanner(sliceDuration, Duration.ofSeconds(read.settleSeconds()),
                Duration.ofSeconds(read.maxCallSeconds()), Duration.ofSeconds(read.fastLaneSeconds()), start);
        // The fake clock drives everything but the rate limiter, which would only slow the test.
        this.client = SimulatorClients.quickClient(simulator, clock);
    }

    static ReadSettings readSettings(long settleSeconds, long maxCallSeconds, long fastLaneSeconds) {
        return new ReadSettings(settleSeconds, maxCallSeconds, fastLaneSeconds, ApiLimits.MAX_PAGE_SIZE,
                Set.of("single", "group"), Set.of());
    }

    /** Plans and (re)starts the tasks from the committed offsets, as after a restart or rebalance. */
    void startTasks() {
        long now = clock.epochSecond();
        plan = planner.plan(now, lookup(committed));
        List<List<String>> assignment = TaskAssignment.assign(plan.sliceNames(), maxTasks,
                longLaneCells);
        List<TaskEngine> started = new ArrayList<>();
        for (int task = 0; task < assignment.size(); task++) {
            TaskSettings settings = new TaskSettings(assignment.get(task), plan.tailStart(), plan.fastStart(), plan.readFrom(),
                    assignment.size(), task);
            SliceReader reader = new SliceReader(client, PageRequests.concurrent(Runnable::run),
                    read, clock, () -> false, SliceReader.MAX_HELD_RECORDS);
            started.add(TaskEngine.create(settings, Map.copyOf(committed), schedule, output, reader, clock,
                    clock::advance, observer, Runnable::run, 1));
        }
        engines = started;
    }

    /** Connect's offset storage for the planner, played by the map of committed offsets. */
    static SlicePlanner.OffsetLookup lookup(Map<String, SliceOffset> committed) {
        return names -> {
            Map<String, SliceOffset> found = new HashMap<>();
            names.forEach(name -> {
                if (committed.containsKey(name)) {
                    found.put(name, committed.get(name));
                }
            });
            return found;
        };
    }

    /** Polls every task in turn until the clock reaches {@code end}; returns the requests made. */
    void runUntil(Instant end) throws InterruptedException {
        while (clock.instant().isBefore(end)) {
            for (TaskEngine engine : engines) {
                List<SourceRecord> records = engine.poll();
                if (records != null) {
                    hand(records);
                }
            }
        }
    }

    private void hand(List<SourceRecord> records) {
        for (SourceRecord record : records) {
            committed.put((String) record.sourcePartition().get(Slice.PARTITION_SLICE_KEY),
                    SliceOffset.fromMap(record.sourceOffset(), clock.epochSecond()));
            if (TOPIC.equals(record.topic())) {
                emitted.add(record);
            } else if (INVALID_TOPIC.equals(record.topic())) {
                invalid.add(record);
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.client.HttpTrtcRecordsClient;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.SimulatorClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A sibling of {@link SimulatedConnector} for the model test: every restart builds a new planner
 * (as a worker restart builds a new connector instance) and new tasks with any {@code tasks.max},
 * and a restart may go back to an OLDER committed state, as a crash before Connect's offset flush
 * does. Connect's offset storage is a map; each task's offsets of the current run are kept per
 * record, so that any suffix of a task's records can be "unflushed" again.
 */
final class RestartableConnector implements AutoCloseable {

    static final String TOPIC = "calls";
    static final String PROGRESS_TOPIC = "calls.progress";
    static final String INVALID_TOPIC = "calls.invalid";

    /** One record handed over to Connect. */
    static final class Emission {
        final SourceRecord record;
        final String callId;
        final int run;
        /** Whether its offset was lost in a crash: a later re-read of the call is then allowed. */
        boolean rolledBack;

        Emission(SourceRecord record, int run) {
            this.record = record;
            this.callId = (String) record.key();
            this.run = run;
        }
    }

    /**
     * Sums what passes report, as the task metrics do, and notes the calls a pass emitted behind its
     * slice's cursor: those the pass before it did not see.
     */
    static final class Counts implements PassObserver {
        long overlong;
        long late;
        final Set<String> behindCursor = new HashSet<>();
        private final Map<String, Cursor> cursors = new HashMap<>();

        @Override
        public void assigned(Slice slice, Cursor cursor) {
            cursors.put(slice.name(), cursor);
        }

        @Override
        public void passed(Slice slice, PassResult result, Instant started) {
            overlong += result.overlong();
            late += result.late();
            Cursor before = cursors.get(slice.name());
            result.records().stream().filter(record -> !before.precedes(record))
                    .forEach(record -> behindCursor.add(record.callId()));
            cursors.put(slice.name(), result.cursor());
        }
    }

    /** A record of the current run of a task, with what its offset replaced, for a roll-back. */
    private record Applied(String partition, SliceOffset previous, int batch, Emission emission) {
    }

    final MutableClock clock;
    final ReadSettings read;
    final LaneSchedule schedule;
    final RecordOutput output;
    private final Duration sliceDuration;
    private final OptionalLong start;
    private final HttpTrtcRecordsClient client;
    /** The offsets Connect has stored. */
    final Map<String, SliceOffset> committed = new HashMap<>();
    /** Every record of the calls topic ever handed over, in order. */
    final List<Emission> emitted = new ArrayList<>();
    /** What the passes reported, summed over every task and run. */
    final Counts counts = new Counts();
    SlicePlan plan;
    int run;
    int batches;
    private List<TaskEngine> engines = List.of();
    private List<List<Applied>> applied = List.of();
    private boolean[] idle = new boolean[0];
    private boolean draining;
    /** How far the clock moves at most between the answers of one step, on top of each request's move. */
    long secondsBetweenAnswers = 60;

    RestartableConnector(TrtcSimulator simulator, ApiDialect dialect, MutableClock clock, ReadSettings read,
            Duration pollInterval, Duration sweepInterval, Duration sliceDuration, OptionalLong start) {
        this.clock = clock;
        this.read = read;
        this.sliceDuration = sliceDuration;
        this.start = start;
        this.schedule = new LaneSchedule(pollInterval, sweepInterval, SimulatedConnector.OVERLONG_SWEEP);
        this.output = new RecordOutput(simulator.settings().sdkAppId(), TOPIC, PROGRESS_TOPIC, INVALID_TOPIC,
                Duration.ofMinutes(10),
                RecordTimestamp.READ);
        this.client = SimulatorClients.quickClient(simulator, dialect, clock);
    }

    /**
     * Plans with a new planner and starts {@code maxTasks} tasks from the committed offsets, each with
     * up to {@code passes} requests in flight: passes over that many slices, which take turns step
     * by step, or pages of one list, answered in a shuffled order.
     */
    void start(int maxTasks, int passes) {
        SlicePlanner planner = new SlicePlanner(sliceDuration, Duration.ofSeconds(read.settleSeconds()),
                Duration.ofSeconds(read.maxCallSeconds()), Duration.ofSeconds(read.fastLaneSeconds()), start);
        plan = planner.plan(clock.epochSecond(), SimulatedConnector.lookup(committed));
        List<List<String>> assignment = TaskAssignment.assign(plan.sliceNames(), maxTasks,
                TaskAssignment.longLaneCells(Duration.ofSeconds(read.maxCallSeconds()), sliceDuration));
        List<TaskEngine> started = new ArrayList<>();
        List<List<Applied>> log = new ArrayList<>();
        idle = new boolean[assignment.size()];
        for (int i = 0; i < assignment.size(); i++) {
            int task = i;
            TaskSettings settings = new TaskSettings(assignment.get(i), plan.tailStart(), plan.fastStart(), plan.readFrom(),
                    assignment.size(), i);
            // Each task's pages asked at once are answered in an order of the run's and task's own.
            SliceReader reader = new SliceReader(client, new ShuffledPageRequests(31L * run + i, clock, secondsBetweenAnswers), read,
                    clock, () -> false, SliceReader.heldPerPass(passes));
            started.add(TaskEngine.create(settings, Map.copyOf(committed), schedule, output, reader, clock, wait -> {
                idle[task] = true;
                if (!draining) {
                    clock.advance(wait);
                }
            }, counts, Runnable::run, passes));
            log.add(new ArrayList<>());
        }
        engines = started;
        applied = log;
        run++;
    }

    int taskCount() {
        return engines.size();
    }

    /** The number of records of task {@code task} in the current run's last {@code batchCount} batches. */
    int recordsInLastBatches(int task, int batchCount) {
        List<Applied> log = applied.get(task);
        int count = 0;
        int seen = 0;
        Integer current = null;
        for (int i = log.size() - 1; i >= 0; i--) {
            if (current == null || log.get(i).batch() != current) {
                current = log.get(i).batch();
                seen++;
                if (seen > batchCount) {
                    break;
                }
            }
            count++;
        }
        return count;
    }

    int recordsThisRun(int task) {
        return applied.get(task).size();
    }

    /**
     * A crash: the last {@code unflushed.applyAsInt(task)} records of each task of this run lose
     * their offsets, as if Connect never flushed them. The records themselves stay in the topic.
     *
     * @return the number of call records whose offsets were lost
     */
    int crash(IntUnaryOperator unflushed) {
        int lost = 0;
        for (int task = 0; task < applied.size(); task++) {
            List<Applied> log = applied.get(task);
            int drop = Math.min(log.size(), unflushed.applyAsInt(task));
            for (int i = 0; i < drop; i++) {
                Applied entry = log.remove(log.size() - 1);
                if (entry.previous() == null) {
                    committed.remove(entry.partition());
                } else {
                    committed.put(entry.partition(), entry.previous());
                }
                if (entry.emission() != null) {
                    entry.emission().rolledBack = true;
                    lost++;
                }
            }
        }
        engines = List.of();
        return lost;
    }

    /** Polls every task in turn until the clock reaches {@code end}. */
    void runUntil(Instant end) throws InterruptedException {
        while (clock.instant().isBefore(end)) {
            pollRound();
        }
    }

    /**
     * Polls, without letting idle tasks move the clock, until no task has a slice due: then every
     * fast-lane pass began less than a poll interval ago, and every other pass less than a sweep.
     */
    void drain() throws InterruptedException {
        draining = true;
        try {
            for (int round = 0; round < 1_000_000; round++) {
                java.util.Arrays.fill(idle, false);
                pollRound();
                boolean allIdle = true;
                for (boolean b : idle) {
                    allIdle &= b;
                }
                if (allIdle) {
                    return;
                }
            }
            throw new AssertionError("tasks never became idle");
        } finally {
            draining = false;
        }
    }

    private void pollRound() throws InterruptedException {
        for (int task = 0; task < engines.size(); task++) {
            List<SourceRecord> records = engines.get(task).poll();
            if (records != null) {
                hand(task, records);
            }
        }
    }

    private void hand(int task, List<SourceRecord> records) {
        int batch = batches++;
        for (SourceRecord record : records) {
            String partition = (String) record.sourcePartition().get(Slice.PARTITION_SLICE_KEY);
            SliceOffset previous = committed.put(partition,
                    SliceOffset.fromMap(record.sourceOffset(), clock.epochSecond()));
            Emission emission = null;
            if (TOPIC.equals(record.topic())) {
                emission = new Emission(record, run);
                emitted.add(emission);
            }
            applied.get(task).add(new Applied(partition, previous, batch, emission));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.testing.SimulatorCalls;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.HttpTrtcRecordsClient;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.LogCapture;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.SimulatorClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The poll loop against the simulator, on a fake clock and with a waiter that only records. */
// A poll loop that never returns must fail the test, not hang the build.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskEngineTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z, a whole hour
    private static final long HOUR = 3600;
    private static final long SETTLE = 30;
    private static final long MAX_CALL = HOUR;
    private static final long FAST_LANE = 600;
    private static final Duration POLL = Duration.ofSeconds(60);
    private static final Duration SWEEP = Duration.ofMinutes(15);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final List<Duration> waits = new ArrayList<>();
    /** The slices the engine still reads: assigned and not finished. */
    private final Set<String> unfinished = new HashSet<>();
    private TrtcSimulator simulator;
    private HttpTrtcRecordsClient client;

    @BeforeEach
    void startSimulator() {
        // No generated calls: these tests are about what the loop does when there is nothing to read.
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(0).callsPerSecond(0)
                .rateLimitPerSecond(0).build(), clock);
        client = SimulatorClients.quickClient(simulator, clock);
    }

    @AfterEach
    void close() {
        client.close();
        simulator.close();
    }

    private TaskEngine engine(List<String> slices, long tailStart, long readFrom, Map<String, SliceOffset> stored) {
        ReadSettings read = SimulatedConnector.readSettings(SETTLE, MAX_CALL, FAST_LANE);
        LaneSchedule schedule = new LaneSchedule(POLL, SWEEP, Duration.ofHours(24));
        RecordOutput output = new RecordOutput(simulator.settings().sdkAppId(), SimulatedConnector.TOPIC,
                SimulatedConnector.PROGRESS_TOPIC, SimulatedConnector.INVALID_TOPIC, Duration.ofMinutes(10),
                RecordTimestamp.READ);
        PassObserver tracker = new PassObserver() {
            @Override
            public void assigned(Slice slice, Cursor cursor) {
                unfinished.add(slice.name());
            }

            @Override
            public void finished(Slice slice) {
                unfinished.remove(slice.name());
            }
        };
        return TaskEngine.create(new TaskSettings(slices, tailStart, tailStart, readFrom, 1, 0), stored, schedule, output,
                new SliceReader(client, PageRequests.concurrent(Runnable::run),
                        read, clock, () -> false, SliceReader.MAX_HELD_RECORDS), clock, waits::add,
                tracker, Runnable::run, 1);
    }

    @Test
    void waitsAtMostASecondWithoutAnyRequestWhenNoSliceIsDue() throws InterruptedException {
        TaskEngine engine = engine(List.of(Slice.TAIL_FAST, Slice.TAIL_LONG), NOW - HOUR / 2, NOW - HOUR / 2,
                Map.of());
        // The first poll reads both lanes, the first request alone, and finds nothing, without waiting.
        assertThat(engine.poll()).isNull();
        long requests = simulator.stats().totalRequests();
        assertThat(requests).isEqualTo(2);
        assertThat(waits).isEmpty();

        assertThat(engine.poll()).isNull();
        clock.advance(POLL.minusMillis(300));
        assertThat(engine.poll()).isNull();

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(300));
        assertThat(simulator.stats().totalRequests()).isEqualTo(requests);
    }

    @Test
    void waitsASecondWhenEverySliceIsFinished() throws InterruptedException {
        Slice slice = Slice.history(NOW - 5 * HOUR, NOW - 4 * HOUR, NOW - 5 * HOUR, NOW - 4 * HOUR + HOUR);
        TaskEngine engine = engine(List.of(slice.name()), NOW - 4 * HOUR, NOW - 5 * HOUR,
                Map.of(slice.name(), new SliceOffset(Cursor.throughSecond(slice.handover()), null)));

        assertThat(unfinished).isEmpty();
        assertThat(engine.poll()).isNull();

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(simulator.stats().totalRequests()).isZero();
    }

    @Test
    void aLaneCatchingUpBehindTheHorizonWarnsOnceForItsGapThoughEachPassLosesTheSecondsTheHorizonMoved()
            throws InterruptedException {
        long tailStart = NOW - Duration.ofDays(8).toSeconds();
        Map<String, SliceOffset> stored = Map.of(Slice.TAIL_LONG,
                new SliceOffset(Cursor.throughSecond(tailStart + HOUR), tailStart, tailStart, null));
        TaskEngine engine = engine(List.of(Slice.TAIL_LONG), tailStart, tailStart, stored);

        for (int poll = 0; poll < 5; poll++) {
            engine.poll();
            clock.advanceSeconds(1);
        }

        assertThat(logs.lines()).filteredOn(line -> line.contains("7-day horizon")).hasSize(1);
    }

    @Test
    void anEmptyHistorySliceIsFinishedAfterOnePassAndSavesThatInOneProgressRecord() throws InterruptedException {
        SlicePlanner planner = new SlicePlanner(Duration.ofHours(1), Duration.ofSeconds(SETTLE),
                Duration.ofSeconds(MAX_CALL), Duration.ofSeconds(FAST_LANE), OptionalLong.of(NOW - 6 * HOUR));
        Map<String, SliceOffset> committed = new HashMap<>();
        SlicePlan plan = planner.plan(NOW, names -> committed);
        Slice slice = plan.history().get(0);
        TaskEngine engine = engine(List.of(slice.name()), plan.tailStart(), plan.readFrom(), Map.of());

        List<SourceRecord> records = engine.poll();

        assertThat(records).hasSize(1);
        SourceRecord progress = records.get(0);
        assertThat(progress.topic()).isEqualTo(SimulatedConnector.PROGRESS_TOPIC);
        assertThat(progress.key()).isEqualTo(slice.name());
        assertThat(progress.value()).isNull();
        assertThat(progress.sourcePartition()).isEqualTo(slice.partition(simulator.settings().sdkAppId()));
        SliceOffset offset = SliceOffset.fromMap(progress.sourceOffset(), clock.epochSecond());
        assertThat(slice.finishedAt(offset.cursor())).isTrue();
        assertThat(unfinished).isEmpty();

        long requests = simulator.stats().totalRequests();
        assertThat(engine.poll()).isNull();
        assertThat(simulator.stats().totalRequests()).isEqualTo(requests);

        committed.put(slice.name(), offset);
        assertThat(planner.plan(NOW, names -> committed).history()).extracting(Slice::name)
                .doesNotContain(slice.name())
                .hasSize(plan.history().size() - 1);
    }

    /**
     * With one task, task 0 holds both tail lanes and history. When each fast-lane pass takes
     * longer than the poll interval (a busy application, a slow API, back-offs), the fast lane is
     * due again as soon as it finishes; the other slices must still get their turn.
     */
    @Test
    void theLongLaneAndHistoryAreStillReadWhileFastLanePassesTakeLongerThanThePollInterval()
            throws InterruptedException {
        simulator.close();
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(1).callsPerSecond(0.05)
                .longCallFraction(0.2).maxCallDurationSeconds(MAX_CALL).rateLimitPerSecond(0).build(), clock);
        client.close();
        client = new HttpTrtcRecordsClient(SimulatorClients.access(simulator), SimulatorClients.defaultPolicy(), clock,
                SimulatorClients.unlimited());
        Slice history = Slice.history(NOW - 5 * HOUR, NOW - 4 * HOUR, NOW - 5 * HOUR, NOW - 4 * HOUR + HOUR);
        TaskEngine engine = engine(List.of(Slice.TAIL_FAST, Slice.TAIL_LONG, history.name()), NOW - 2 * HOUR,
                NOW - 5 * HOUR, Map.of());
        // Every request takes a little more than the poll interval.
        simulator.beforeEachRequest(() -> clock.advance(POLL.plusSeconds(1)));

        Set<Object> slicesRead = new HashSet<>();
        for (int i = 0; i < 30 && slicesRead.size() < 3; i++) {
            List<SourceRecord> records = engine.poll();
            if (records != null) {
                records.forEach(record -> slicesRead.add(record.sourcePartition().get(Slice.PARTITION_SLICE_KEY)));
            }
        }

        assertThat(slicesRead).contains(Slice.TAIL_FAST, Slice.TAIL_LONG, history.name());
    }

    @Test
    void readsTheTailAgainOnlyOnceThePollIntervalHasPassed() throws InterruptedException {
        TaskEngine engine = engine(List.of(Slice.TAIL_FAST), NOW - HOUR / 2, NOW - HOUR / 2, Map.of());
        engine.poll();
        long afterFirst = simulator.stats().totalRequests();

        clock.advance(POLL.minusSeconds(1));
        engine.poll();
        long beforeDue = simulator.stats().totalRequests();
        clock.advanceSeconds(1);
        engine.poll();

        assertThat(beforeDue).isEqualTo(afterFirst);
        assertThat(simulator.stats().totalRequests()).isGreaterThan(beforeDue);
        assertThat(waits).isNotEmpty().allMatch(wait -> wait.compareTo(Duration.ofSeconds(1)) <= 0);
    }

    /**
     * A first start, or a stop of hours, leaves the tail far behind: it catches up an hour per
     * pass, the last taking the rest, each due at once, instead of holding every call of the gap in
     * one pass.
     */
    @Test
    void aTailLaneHoursBehindCatchesUpAnHourPerPollWithoutWaitingForThePollInterval() throws InterruptedException {
        Slice fast = Slice.tailFast(NOW - 3 * HOUR);
        addMinuteCalls(fast, 1500);
        TaskEngine engine = engine(List.of(Slice.TAIL_FAST), fast.startFrom(), fast.startFrom(), Map.of());

        List<List<SourceRecord>> polls = new ArrayList<>();
        for (List<SourceRecord> records = engine.poll(); records != null; records = engine.poll()) {
            polls.add(records);
        }

        List<Cursor> cursors = polls.stream().flatMap(List::stream)
                .map(record -> SliceOffset.fromMap(record.sourceOffset(), clock.epochSecond()).cursor())
                .toList();
        // The last record of each pass carries the pass's end rather than its call: a pass of an hour,
        // and one of the two hours less the settle delay left, since a third would be shorter than an hour.
        List<Integer> passEnds = new ArrayList<>();
        for (int i = 0; i < cursors.size(); i++) {
            if (cursors.get(i).callId() == null) {
                passEnds.add(i);
            }
        }
        assertThat(passEnds).hasSize(2);
        assertThat(passEnds.get(0)).isLessThan(515);
        assertThat(passEnds.get(1) - passEnds.get(0)).isBetween(900, 1030);
        List<Long> ends = cursors.stream().map(Cursor::endTs).toList();
        assertThat(ends).hasSize(1500).isSorted();
        // The last record of a pass carries the pass's end: the present less the settle delay.
        assertThat(ends.get(ends.size() - 1)).isEqualTo(NOW - SETTLE);
        // The only wait is the last poll's, when the lane has caught up and is due a poll interval later.
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    /**
     * Connect stops a task only between polls, so a pass of many pages must not hold one poll: each
     * poll works on it for about a second and the records come with the poll that completes it.
     */
    @Test
    void aLongPassIsSpreadOverPollsOfAboutASecondAndItsRecordsComeTogether() throws InterruptedException {
        Slice history = Slice.history(NOW - 5 * HOUR, NOW - 4 * HOUR, NOW - 5 * HOUR, NOW - 4 * HOUR + HOUR);
        addMinuteCalls(history, 450);
        TaskEngine engine = engine(List.of(history.name()), NOW - 4 * HOUR, NOW - 5 * HOUR, Map.of());
        simulator.beforeEachRequest(() -> clock.advance(Duration.ofMillis(400)));

        List<List<SourceRecord>> polls = new ArrayList<>();
        for (int i = 0; i < 10 && !unfinished.isEmpty(); i++) {
            polls.add(engine.poll());
        }

        assertThat(polls).hasSizeGreaterThan(1);
        assertThat(polls.subList(0, polls.size() - 1)).containsOnlyNulls();
        assertThat(polls.get(polls.size() - 1)).hasSize(450);
        assertThat(simulator.stats().totalRequests()).isEqualTo(5);
        assertThat(waits).isEmpty();
    }

    @Test
    void aRequestThatFailsAfterItsRetriesIsMadeAgainAfterTheSlicesBackOffWithoutReadingTheEarlierPagesAgain()
            throws InterruptedException {
        Slice history = Slice.history(NOW - 5 * HOUR, NOW - 4 * HOUR, NOW - 5 * HOUR, NOW - 4 * HOUR + HOUR);
        addMinuteCalls(history, 250);
        TaskEngine engine = engine(List.of(history.name()), NOW - 4 * HOUR, NOW - 5 * HOUR, Map.of());
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        simulator.beforeEachRequest(() -> {
            clock.advance(Duration.ofMillis(300));
            if (requests.incrementAndGet() == 2) {
                // The second page fails on every attempt the client makes (one try and three retries).
                simulator.faults().injectNext(io.github.kafkaconnecttrtc.simulator.Fault.GATEWAY_502, 4);
            }
        });

        // The failure parks the slice instead of failing the poll.
        assertThat(engine.poll()).isNull();
        assertThat(engine.poll()).as("still backing off").isNull();
        assertThat(engine.poll()).as("still backing off").isNull();
        assertThat(waits).as("the parked pass is waited for, not spun on").isNotEmpty();
        clock.advance(TaskEngine.FIRST_BACKOFF);
        List<SourceRecord> records = engine.poll();

        assertThat(records).hasSize(250);
        // page 1, four failed attempts at page 2, then pages 2 and 3
        assertThat(simulator.stats().totalRequests()).isEqualTo(1 + 4 + 2);
    }

    /** {@code count} one-minute calls starting every 7 s from the start of {@code slice}. */
    private void addMinuteCalls(Slice slice, int count) {
        for (int i = 0; i < count; i++) {
            long start = slice.startFrom() + i * 7L;
            simulator.addCall(SimulatorCalls.served(new CallRecord("c-" + i, simulator.settings().sdkAppId(),
                    "audio", "r", null, start, start, start + 60, "u", 2, "single", "normal_end", List.of("v"))), start + 60);
        }
    }
}

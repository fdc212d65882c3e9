package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.ClientStats;
import io.github.kafkaconnecttrtc.client.RecordsPage;
import io.github.kafkaconnecttrtc.client.RecordsQuery;
import io.github.kafkaconnecttrtc.client.TrtcRecordsClient;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.ScriptedRecordsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The poll loop with passes on threads of their own, against an API a round trip away. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskEngineConcurrencyTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long HOUR = 3600;
    private static final int CELLS = 6;
    private static final int CALLS_PER_CELL = 250;

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * Answers as the model says, each after a round trip, outside the scripted client's lock so that
     * requests overlap; counts how many are in flight, in all and per query start (per slice).
     */
    private static final class RoundTrips implements TrtcRecordsClient {
        final ScriptedRecordsClient api;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final Map<Long, AtomicInteger> perStart = new ConcurrentHashMap<>();
        final AtomicInteger mostPerStart = new AtomicInteger();
        /** The most lists (query starts, so slices) with a request in flight at once. */
        final AtomicInteger mostStarts = new AtomicInteger();

        RoundTrips(List<CallRecord> calls) {
            this.api = new ScriptedRecordsClient(calls, true);
        }

        @Override
        public RecordsPage fetchPage(RecordsQuery query, int page) {
            AtomicInteger sameStart = perStart.computeIfAbsent(query.startTimestamp(), start -> new AtomicInteger());
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            mostPerStart.accumulateAndGet(sameStart.incrementAndGet(), Math::max);
            mostStarts.accumulateAndGet((int) perStart.values().stream().filter(n -> n.get() > 0).count(), Math::max);
            try {
                Thread.sleep(20);
                return api.fetchPage(query, page);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                sameStart.decrementAndGet();
                inFlight.decrementAndGet();
            }
        }

        @Override
        public ClientStats stats() {
            return new ClientStats();
        }

        @Override
        public void close() {
        }
    }

    private static List<String> cells(int count) {
        return cells(count, HOUR);
    }

    /** {@code count} history cells of {@code length} seconds one after the other from ten hours ago. */
    private static List<String> cells(int count, long length) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long from = NOW - 10 * HOUR + i * length;
            names.add(Slice.history(from, from + length, NOW - 10 * HOUR, NOW - 3 * HOUR).name());
        }
        return names;
    }

    private static List<CallRecord> calls(int cells, int perCell) {
        return calls(cells, perCell, HOUR);
    }

    private static List<CallRecord> calls(int cells, int perCell, long length) {
        List<CallRecord> calls = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            long from = NOW - 10 * HOUR + cell * length;
            for (int i = 0; i < perCell; i++) {
                long start = from + (length - 100) * i / perCell;
                calls.add(new CallRecord(String.format("c-%d-%04d", cell, i), SimulatorSettings.DEFAULT_SDK_APP_ID,
                        "audio", "r", null, start, start, start + 60, "u", 2, "single", "normal_end", List.of("v")));
            }
        }
        return calls;
    }

    private TaskEngine engine(TrtcRecordsClient client, int passes, List<String> cells) {
        return engine(client, passes, cells, threads);
    }

    private TaskEngine engine(TrtcRecordsClient client, int passes, List<String> cells, ExecutorService threads) {
        ReadSettings read = SimulatedConnector.readSettings(30, HOUR, 600);
        LaneSchedule schedule = new LaneSchedule(Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofHours(24));
        RecordOutput output = new RecordOutput(SimulatorSettings.DEFAULT_SDK_APP_ID, SimulatedConnector.TOPIC,
                SimulatedConnector.PROGRESS_TOPIC, SimulatedConnector.INVALID_TOPIC, Duration.ofMinutes(10),
                RecordTimestamp.READ);
        SliceReader reader = new SliceReader(client, PageRequests.concurrent(threads), read, clock, () -> false,
                SliceReader.heldPerPass(TaskEngine.passesAtOnce(passes)));
        return TaskEngine.create(new TaskSettings(cells, NOW - 3 * HOUR, NOW - 3 * HOUR, NOW - 10 * HOUR, 1, 0), Map.of(), schedule,
                output, reader, clock, wait -> { }, new PassObserver() { }, threads, passes);
    }

    private static Map<Object, Integer> readAll(TaskEngine engine, int calls) throws InterruptedException {
        Map<Object, Integer> copies = new HashMap<>();
        for (int poll = 0; poll < 200 && copies.size() < calls; poll++) {
            List<SourceRecord> records = engine.poll();
            if (records != null) {
                records.stream().filter(record -> record.topic().equals(SimulatedConnector.TOPIC))
                        .forEach(record -> copies.merge(record.key(), 1, Integer::sum));
            }
        }
        return copies;
    }

    @Test
    void keepsRequestsInFlightOverSeveralSlicesAndReadsNoPageTwice() throws InterruptedException {
        RoundTrips api = new RoundTrips(calls(CELLS, CALLS_PER_CELL));

        Map<Object, Integer> copies = readAll(engine(api, 4, cells(CELLS)), CELLS * CALLS_PER_CELL);

        assertThat(copies).hasSize(CELLS * CALLS_PER_CELL);
        assertThat(copies.values()).containsOnly(1);
        assertThat(api.mostInFlight).hasValueBetween(2, 4);
        // Three pages a cell, none read twice.
        assertThat(api.api.requestCount()).isEqualTo(CELLS * 3);
    }

    /** A slice alone gets every request in flight: pages of its list at once, on the task's threads. */
    @Test
    void readsSeveralPagesOfOneListAtOnceWhenOneSliceIsLeft() throws InterruptedException {
        RoundTrips api = new RoundTrips(calls(1, 2_000));

        Map<Object, Integer> copies = readAll(engine(api, 4, cells(1)), 2_000);

        assertThat(copies).hasSize(2_000);
        assertThat(copies.values()).containsOnly(1);
        assertThat(api.mostPerStart).hasValueBetween(2, 4);
        // The list does not change: twenty pages, each asked once.
        assertThat(api.api.requestCount()).isEqualTo(20);
    }

    /**
     * More requests in flight than {@link TaskEngine#MAX_PASSES} go to pages of the passes in
     * progress, not to more passes, each of which would hold a share of the records.
     */
    @Test
    void keepsAtMostSixteenPassesWhateverTheRequestsInFlight() throws InterruptedException {
        ExecutorService many = Executors.newFixedThreadPool(32);
        try {
            long tenMinutes = 600;
            RoundTrips api = new RoundTrips(calls(24, 1_000, tenMinutes));

            Map<Object, Integer> copies = readAll(engine(api, 32, cells(24, tenMinutes), many), 24_000);

            assertThat(copies).hasSize(24_000);
            assertThat(copies.values()).containsOnly(1);
            assertThat(api.mostStarts).hasValueBetween(2, TaskEngine.MAX_PASSES);
            assertThat(api.mostInFlight).hasValueGreaterThan(TaskEngine.MAX_PASSES);
        } finally {
            many.shutdownNow();
        }
    }

    @Test
    void oneRequestAtATimeWithOneRequestInFlight() throws InterruptedException {
        RoundTrips api = new RoundTrips(calls(CELLS, CALLS_PER_CELL));

        Map<Object, Integer> copies = readAll(engine(api, 1, cells(CELLS)), CELLS * CALLS_PER_CELL);

        assertThat(copies).hasSize(CELLS * CALLS_PER_CELL);
        assertThat(api.mostInFlight).hasValue(1);
    }
}

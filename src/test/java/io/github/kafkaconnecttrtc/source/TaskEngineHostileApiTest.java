package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.InvalidRecord;
import io.github.kafkaconnecttrtc.client.RecordsPage;
import io.github.kafkaconnecttrtc.client.TrtcRecordsClient;
import io.github.kafkaconnecttrtc.client.TrtcRetriableException;
import io.github.kafkaconnecttrtc.schema.InvalidCallRecordSchema;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.testing.LogCapture;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.ScriptedRecordsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The poll loop against an API that misbehaves for good, not for a moment, on a fake clock. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskEngineHostileApiTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long HOUR = 3600;
    private static final long SETTLE = 30;
    private static final Duration POLL = Duration.ofSeconds(60);
    private static final long SDK_APP_ID = SimulatorSettings.DEFAULT_SDK_APP_ID;
    private static final long TAIL_START = NOW - HOUR / 2;
    private static final Slice CELL = Slice.history(NOW - 5 * HOUR, NOW - 4 * HOUR, NOW - 5 * HOUR,
            TAIL_START + HOUR);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final List<SourceRecord> emitted = new ArrayList<>();
    private final Events events = new Events();

    /** What the engine told its observer. */
    private static final class Events implements PassObserver {
        final List<String> failed = new ArrayList<>();
        final List<String> stalled = new ArrayList<>();
        final List<String> recovered = new ArrayList<>();
        final List<PassResult> results = new ArrayList<>();

        @Override
        public void passed(Slice slice, PassResult result, Instant started) {
            results.add(result);
        }

        @Override
        public void failed(Slice slice) {
            failed.add(slice.name());
        }

        @Override
        public void stalled(Slice slice) {
            stalled.add(slice.name());
        }

        @Override
        public void recovered(Slice slice) {
            recovered.add(slice.name());
        }
    }

    private TaskEngine engine(TrtcRecordsClient client, String... slices) {
        ReadSettings read = SimulatedConnector.readSettings(SETTLE, HOUR, 600);
        LaneSchedule schedule = new LaneSchedule(POLL, Duration.ofMinutes(15), Duration.ofHours(24));
        RecordOutput output = new RecordOutput(SDK_APP_ID, SimulatedConnector.TOPIC, SimulatedConnector.PROGRESS_TOPIC,
                SimulatedConnector.INVALID_TOPIC, Duration.ofMinutes(10),
                RecordTimestamp.READ);
        return TaskEngine.create(new TaskSettings(List.of(slices), TAIL_START, TAIL_START, NOW - 5 * HOUR, 1, 0), Map.of(),
                schedule, output, new SliceReader(client, PageRequests.concurrent(Runnable::run),
                        read, clock, () -> false, SliceReader.MAX_HELD_RECORDS),
                clock, wait -> { }, events, Runnable::run, 1);
    }

    private static CallRecord call(String id, long start, long duration) {
        return new CallRecord(id, SDK_APP_ID, "audio", "room-" + id, null, start, start, start + duration, "caller", 2,
                "single", "normal_end", List.of("callee"));
    }

    /** {@code count} calls of a minute, one every 10 s from {@code from}. */
    private static List<CallRecord> minuteCalls(String prefix, long from, int count) {
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(call(String.format("%s-%04d", prefix, i), from + 10L * i, 60));
        }
        return calls;
    }

    /** Polls twice a second of fake time, as often as a worker would, until {@code seconds} have passed. */
    private void run(TaskEngine engine, long seconds) throws InterruptedException {
        Instant end = clock.instant().plusSeconds(seconds);
        while (clock.instant().isBefore(end)) {
            for (int i = 0; i < 2; i++) {
                List<SourceRecord> records = engine.poll();
                if (records != null) {
                    emitted.addAll(records);
                }
            }
            clock.advanceSeconds(1);
        }
    }

    private Set<Object> keys(String topic) {
        Set<Object> keys = new HashSet<>();
        emitted.stream().filter(record -> record.topic().equals(topic)).forEach(record -> keys.add(record.key()));
        return keys;
    }

    private static List<String> ids(List<CallRecord> calls) {
        return calls.stream().map(CallRecord::callId).toList();
    }

    @Test
    void aSliceWhosePassesFailBacksOffAloneIsReportedStalledOnceAndRecoversWhileTheFastLaneGoesOn()
            throws InterruptedException {
        List<CallRecord> history = minuteCalls("h", CELL.startFrom(), 250);
        // Calls of the tail that end over the next half hour, each to be read within a poll or two.
        List<CallRecord> live = minuteCalls("live", NOW - 60, 180);
        List<CallRecord> all = new ArrayList<>(history);
        all.addAll(live);
        AtomicBoolean historyFails = new AtomicBoolean(true);
        List<Long> historyAttempts = new ArrayList<>();
        ScriptedRecordsClient client = new ScriptedRecordsClient(all, true).script((query, page, honest) -> {
            if (query.startTimestamp() == CELL.startFrom()) {
                historyAttempts.add(clock.epochSecond());
                if (historyFails.get()) {
                    throw new TrtcRetriableException("HTTP 502 from the gateway after 9 attempts", null, null, null);
                }
            }
            return honest;
        });
        TaskEngine engine = engine(client, Slice.TAIL_FAST, CELL.name());

        run(engine, 20 * 60);

        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < historyAttempts.size(); i++) {
            gaps.add(historyAttempts.get(i) - historyAttempts.get(i - 1));
        }
        assertThat(gaps).startsWith(10L, 20L, 40L, 80L, 160L, 300L).allMatch(gap -> gap <= 301);
        assertThat(events.failed).hasSize(historyAttempts.size()).containsOnly(CELL.name());
        assertThat(events.stalled).containsExactly(CELL.name());
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN") && line.contains("stalled"))
                .singleElement().asString().contains(CELL.name(), "HTTP 502 from the gateway");
        // The fast lane went on: every live call that ended a poll interval before now is out.
        long readable = clock.epochSecond() - SETTLE - POLL.toSeconds();
        assertThat(keys(SimulatedConnector.TOPIC)).containsAll(
                ids(live.stream().filter(c -> c.endTs() <= readable).toList())).doesNotContainAnyElementsOf(ids(history));

        historyFails.set(false);
        run(engine, 6 * 60);

        assertThat(keys(SimulatedConnector.TOPIC)).containsAll(ids(history));
        assertThat(events.recovered).containsExactly(CELL.name());
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("INFO") && line.contains("is read again"))
                .singleElement().asString().contains(CELL.name());
    }

    @Test
    void aServerThatRepeatsItsPagesFailsOnlyItsSliceAtABoundedRequestCost() throws InterruptedException {
        List<CallRecord> history = minuteCalls("h", CELL.startFrom(), 250);
        List<CallRecord> live = minuteCalls("live", NOW - 60, 180);
        List<CallRecord> all = new ArrayList<>(history);
        all.addAll(live);
        List<Long> historyRequests = new ArrayList<>();
        ScriptedRecordsClient client = new ScriptedRecordsClient(all, true);
        client.script((query, page, honest) -> {
            if (query.startTimestamp() != CELL.startFrom()) {
                return honest;
            }
            historyRequests.add(clock.epochSecond());
            RecordsPage first = client.honest(query, 1);
            return new RecordsPage(page, page, first.totalNum(), first.records(), List.of(), honest.requestId());
        });
        TaskEngine engine = engine(client, Slice.TAIL_FAST, CELL.name());

        run(engine, 30 * 60);

        // Each attempt: page 1 and three repeats of it; attempts 10 s, 20 s ... 5 min apart.
        assertThat(historyRequests).hasSizeBetween(4 * 8, 4 * 12);
        assertThat(events.stalled).containsExactly(CELL.name());
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN") && line.contains("stalled"))
                .singleElement().asString().contains("same 100 records");
        long readable = clock.epochSecond() - SETTLE - POLL.toSeconds();
        assertThat(keys(SimulatedConnector.TOPIC)).containsAll(
                ids(live.stream().filter(c -> c.endTs() <= readable).toList())).doesNotContainAnyElementsOf(ids(history));
    }

    @Test
    void anInvalidRecordTheFastLaneMeetsOnEveryPassReachesTheInvalidTopicAndTheLogOnce() throws InterruptedException {
        List<CallRecord> live = minuteCalls("live", NOW - 300, 60);
        String raw = "{\"callId\":\"bad\",\"endTs\":\"soon\n2026-01-01 00:00:00 INFO forged line\"}";
        InvalidRecord bad = new InvalidRecord(raw, "'endTs' is not a whole number", "bad");
        ScriptedRecordsClient client = new ScriptedRecordsClient(live, true).script((query, page, honest) ->
                new RecordsPage(page, honest.nextIndicator(), honest.totalNum() + 1, honest.records(), List.of(bad),
                        honest.requestId()));
        TaskEngine engine = engine(client, Slice.TAIL_FAST);

        run(engine, 10 * 60);

        assertThat(client.requestCount()).isGreaterThan(5);
        List<SourceRecord> invalid = emitted.stream()
                .filter(record -> record.topic().equals(SimulatedConnector.INVALID_TOPIC)).toList();
        assertThat(invalid).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("bad");
            assertThat(record.keySchema()).isEqualTo(InvalidCallRecordSchema.KEY_SCHEMA);
            Struct value = (Struct) record.value();
            assertThat(value.getString("raw")).isEqualTo(raw);
            assertThat(value.getString("reason")).isEqualTo("'endTs' is not a whole number");
            assertThat(value.getString("callId")).isEqualTo("bad");
            assertThat(value.getString("requestId")).isEqualTo("req-1");
            assertThat(value.getString("slice")).isEqualTo(Slice.TAIL_FAST);
            assertThat(value.getInt64("sdkAppId")).isEqualTo(SDK_APP_ID);
            // Behind every call of its pass: a restart after it reads the pass again.
            assertThat(SliceOffset.fromMap(record.sourceOffset(), clock.epochSecond()).cursor())
                    .isEqualTo(Slice.parse(Slice.TAIL_FAST, TAIL_START, TAIL_START, NOW - 5 * HOUR, HOUR).initialCursor());
        });
        assertThat(keys(SimulatedConnector.TOPIC)).containsAll(
                ids(live.stream().filter(c -> c.endTs() <= clock.epochSecond() - SETTLE - POLL.toSeconds()).toList()));
        assertThat(logs.events()).filteredOn(event -> event.message().contains("cannot be read"))
                .singleElement().satisfies(event -> {
                    assertThat(event.level().name()).isEqualTo("WARN");
                    assertThat(event.message()).contains(Slice.TAIL_FAST, "req-1", "bad", SimulatedConnector.INVALID_TOPIC,
                            "'endTs' is not a whole number", "soon\\n2026").doesNotContain("\n");
                });
        assertThat(events.results.stream().mapToInt(result -> result.invalid().size()).sum()).isEqualTo(1);
    }

    @Test
    void aCallThatCannotBeMappedGoesToTheInvalidTopicAndTheTaskReadsOn() throws InterruptedException {
        List<CallRecord> live = new ArrayList<>(minuteCalls("live", NOW - 300, 20));
        long start = NOW - 250;
        live.add(new CallRecord("unmappable", SDK_APP_ID, "audio", "r", null, start, 9_300_000_000_000_000L, start + 60, "u",
                2, "single", "normal_end", List.of("v")));
        TaskEngine engine = engine(new ScriptedRecordsClient(live, true), Slice.TAIL_FAST);

        run(engine, 3 * 60);

        assertThat(keys(SimulatedConnector.INVALID_TOPIC)).containsExactly("unmappable");
        assertThat(keys(SimulatedConnector.TOPIC)).hasSize(20).doesNotContain("unmappable");
    }

    /**
     * A pass that holds too many calls hands them over in batches of their own, each ending with
     * the offset up to which the slice is out, and goes on where it stood.
     */
    @Test
    void aPassOfMoreCallsThanItMayHoldReachesTheWorkerInBatchesThatGoOnWhereTheyStood() throws InterruptedException {
        int count = 2 * SliceReader.MAX_HELD_RECORDS + 1234;
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(call(String.format("c-%06d", i), CELL.startFrom() + (long) i * HOUR / count, 1 + i % 120));
        }
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true);
        TaskEngine engine = engine(client, CELL.name());

        List<List<SourceRecord>> batches = new ArrayList<>();
        for (int i = 0; i < 20 && batches.stream().mapToInt(List::size).sum() < count; i++) {
            List<SourceRecord> batch = engine.poll();
            if (batch != null) {
                batches.add(batch);
            }
        }

        assertThat(batches).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(SliceReader.MAX_HELD_RECORDS + 100));
        assertThat(client.requestCount()).isEqualTo((count + 99) / 100);
        Set<Object> keys = new HashSet<>();
        long previousEnd = Long.MIN_VALUE;
        for (List<SourceRecord> batch : batches) {
            batch.forEach(record -> assertThat(keys.add(record.key())).isTrue());
            Cursor last = SliceOffset.fromMap(batch.get(batch.size() - 1).sourceOffset(), clock.epochSecond())
                    .cursor();
            assertThat(last.callId()).as("a batch ends with a whole second").isNull();
            assertThat(last.endTs()).isGreaterThan(previousEnd);
            Struct lastCall = (Struct) batch.get(batch.size() - 1).value();
            assertThat(((java.util.Date) lastCall.get("endTs")).getTime() / 1000).isLessThanOrEqualTo(last.endTs());
            previousEnd = last.endTs();
        }
        assertThat(keys).hasSize(count);
    }
}

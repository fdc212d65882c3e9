package io.github.kafkaconnecttrtc;

import io.github.kafkaconnecttrtc.testing.SimulatorCalls;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.RequestPolicy;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import io.github.kafkaconnecttrtc.simulator.Fault;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.source.Cursor;
import io.github.kafkaconnecttrtc.source.Slice;
import io.github.kafkaconnecttrtc.source.SliceOffset;
import io.github.kafkaconnecttrtc.source.TaskSettings;
import io.github.kafkaconnecttrtc.testing.LogCapture;
import io.github.kafkaconnecttrtc.testing.MapOffsetStorageReader;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The task's life cycle around the poll loop: stored offsets it cannot read, and a stop while a
 * request hangs. (In the root package because the clock-taking constructor is package-private.)
 */
// A poll loop that never returns must fail the test, not hang the build.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TrtcSourceTaskTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long HOUR = 3600;
    private static final long APP = SimulatorSettings.DEFAULT_SDK_APP_ID;
    private static final String TOPIC = "trtc.calls";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final Map<Map<String, String>, Map<String, Object>> stored = new HashMap<>();
    private TrtcSimulator simulator;
    private TrtcSourceTask task;

    @AfterEach
    void stopAll() {
        if (task != null) {
            task.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private TrtcSourceTask startTask(List<String> slices, long tailStart, long readFrom) {
        return startTask(slices, tailStart, readFrom, Map.of(TrtcSourceConfig.RETRY_BACKOFF_INITIAL_MS_CONFIG, "1",
                TrtcSourceConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "5"));
    }

    private TrtcSourceTask startTask(List<String> slices, long tailStart, long readFrom,
            Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put(TrtcSourceConfig.ENDPOINT_CONFIG, simulator.endpoint().toString());
        props.put(TrtcSourceConfig.SDKAPPID_CONFIG, Long.toString(APP));
        props.put(TrtcSourceConfig.SECRET_KEY_CONFIG, simulator.settings().secretKey());
        props.put(TrtcSourceConfig.TOPIC_CONFIG, TOPIC);
        props.put(TrtcSourceConfig.CALL_MAX_DURATION_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()));
        props.putAll(overrides);
        Map<String, String> config = new TaskSettings(slices, tailStart, tailStart, readFrom, 1, 0).toTaskConfig(props);
        task = new TrtcSourceTask(clock);
        task.initialize(new FakeContext(config));
        task.start(config);
        return task;
    }

    private static CallRecord call(String id, long start, long duration) {
        return new CallRecord(id, APP, "video", "room-" + id, null, start, start, start + duration, "caller", 2, "single",
                "normal_end", List.of("callee"));
    }

    private void add(CallRecord call) {
        simulator.addCall(SimulatorCalls.served(call), call.endTs());
    }

    private static List<Object> keys(List<SourceRecord> records) {
        return records.stream().map(SourceRecord::key).toList();
    }

    @Test
    void aStoredOffsetItCannotReadIsLoggedAsAnErrorAndTheSliceIsReadAgainFromItsStart()
            throws InterruptedException {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(0).callsPerSecond(0)
                .rateLimitPerSecond(0).build(), clock);
        Slice broken = Slice.history(NOW - 6 * HOUR, NOW - 5 * HOUR, NOW - 6 * HOUR, NOW - 5 * HOUR + HOUR);
        Slice readable = Slice.history(NOW - 5 * HOUR, NOW - 4 * HOUR, NOW - 6 * HOUR, NOW - 4 * HOUR + HOUR);
        CallRecord first = call("a-first", broken.startFrom(), 30);
        CallRecord middle = call("a-middle", broken.startFrom() + 1800, 60);
        CallRecord last = call("a-last", broken.startUntil() - 1, 10);
        CallRecord done = call("b-done", readable.startFrom() + 10, 20);
        CallRecord next = call("b-next", readable.startFrom() + 100, 20);
        List.of(first, middle, last, done, next).forEach(this::add);
        stored.put(broken.partition(APP), Map.of("endTs", "yesterday"));
        stored.put(readable.partition(APP), new HashMap<>(new SliceOffset(Cursor.after(done), null).toMap()));

        TrtcSourceTask task = startTask(List.of(broken.name(), readable.name()), NOW - 4 * HOUR, NOW - 6 * HOUR);
        // The two slices are read at once, so their records come in one poll or two.
        List<SourceRecord> records = new ArrayList<>();
        for (int poll = 0; poll < 10 && records.size() < 4; poll++) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
        }

        assertThat(logs.lines().stream().filter(line -> line.startsWith("ERROR")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("ERROR " + TrtcSourceTask.class.getName())
                .contains(broken.name(), "reading the slice again from its start");
        assertThat(keys(records)).containsExactlyInAnyOrder("a-first", "a-middle", "a-last", "b-next")
                .containsSubsequence("a-first", "a-middle", "a-last");
        assertThat(records).allSatisfy(record -> assertThat(record.topic()).isEqualTo(TOPIC));
    }

    @Test
    void aStoredOffsetOutOfRangeIsLoggedOnceWithTheRestCallAndTheSliceIsReadAgainFromItsStart()
            throws InterruptedException {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(0).callsPerSecond(0)
                .rateLimitPerSecond(0).build(), clock);
        Slice slice = Slice.history(NOW - 6 * HOUR, NOW - 5 * HOUR, NOW - 6 * HOUR, NOW - 5 * HOUR + HOUR);
        CallRecord first = call("e-first", slice.startFrom(), 30);
        CallRecord last = call("e-last", slice.startUntil() - 1, 10);
        List.of(first, last).forEach(this::add);
        // Milliseconds, as a hand-written PATCH may have them: read as seconds, the slice would be finished.
        long endTsMillis = Cursor.after(first).endTs() * 1000;
        stored.put(slice.partition(APP), Map.of("v", 1, "endTs", endTsMillis));

        TrtcSourceTask task = startTask(List.of(slice.name()), NOW - 5 * HOUR, NOW - 6 * HOUR,
                Map.of("name", "trtc-calls"));
        List<SourceRecord> records = task.poll();

        assertThat(logs.lines().stream().filter(line -> line.startsWith("ERROR")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(slice.name(), "'endTs' (" + endTsMillis + ") looks like milliseconds",
                        "here " + first.endTs(), "reading the slice again from its start",
                        "PATCH /connectors/trtc-calls/offsets");
        assertThat(keys(records)).containsExactly("e-first", "e-last");
    }

    @Test
    void stopFromAnotherThreadEndsAPollWaitingInASlowRequestAtOnceAndLeavesNoInterrupt() throws Exception {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(0).callsPerSecond(0)
                .rateLimitPerSecond(0).slowAnswerDelay(Duration.ofSeconds(5)).build(), clock);
        Slice slice = Slice.history(NOW - 6 * HOUR, NOW - 5 * HOUR, NOW - 6 * HOUR, NOW - 5 * HOUR + HOUR);
        add(call("c-1", slice.startFrom() + 10, 30));
        CountDownLatch inRequest = new CountDownLatch(1);
        simulator.beforeEachRequest(inRequest::countDown);
        simulator.faults().injectNext(Fault.SLOW, 5);
        TrtcSourceTask task = startTask(List.of(slice.name()), NOW - 5 * HOUR, NOW - 6 * HOUR);

        AtomicBoolean returned = new AtomicBoolean();
        AtomicReference<List<SourceRecord>> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean(true);
        AtomicLong returnedAt = new AtomicLong();
        Thread poller = new Thread(() -> {
            try {
                result.set(task.poll());
                returned.set(true);
            } catch (Throwable t) {
                failure.set(t);
            }
            returnedAt.set(System.nanoTime());
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        }, "test-poll-thread");
        poller.start();
        assertThat(inRequest.await(5, TimeUnit.SECONDS)).as("the poll reached the API").isTrue();

        long stoppedAt = System.nanoTime();
        task.stop();
        poller.join(Duration.ofSeconds(4).toMillis());

        assertThat(poller.isAlive()).as("poll still running").isFalse();
        assertThat(failure.get()).isNull();
        assertThat(returned.get()).isTrue();
        assertThat(result.get()).isNull();
        assertThat(Duration.ofNanos(returnedAt.get() - stoppedAt)).isLessThan(Duration.ofMillis(1200));
        assertThat(interruptedAfter.get()).as("interrupt flag of the poll thread").isFalse();
    }

    @Test
    void aPollDuringAnOutageReturnsWithinSecondsSoThatTheWorkerCanStopTheTask() throws Exception {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(0).callsPerSecond(0)
                .rateLimitPerSecond(0).build(), clock);
        Slice slice = Slice.history(NOW - 6 * HOUR, NOW - 5 * HOUR, NOW - 6 * HOUR, NOW - 5 * HOUR + HOUR);
        add(call("d-1", slice.startFrom() + 10, 30));
        // The most patient retries the settings allow: without a time budget they would hold the poll for minutes.
        TrtcSourceTask task = startTask(List.of(slice.name()), NOW - 5 * HOUR, NOW - 6 * HOUR, Map.of(
                TrtcSourceConfig.RETRY_MAX_CONFIG, "20",
                TrtcSourceConfig.RETRY_BACKOFF_INITIAL_MS_CONFIG, "2000",
                TrtcSourceConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "300000"));
        simulator.suspend();

        // Connect 4 calls stop() on the poll thread, once poll() has returned.
        long pollStarted = System.nanoTime();
        try {
            assertThat(task.poll()).isNull();
        } catch (RetriableException e) {
            assertThat(e).hasMessageContaining("Could not read page 1");
        }
        Duration pollTook = Duration.ofNanos(System.nanoTime() - pollStarted);
        task.stop();

        assertThat(pollTook).isLessThan(RequestPolicy.RETRY_BUDGET.plusSeconds(3));
        assertThat(task.poll()).isNull();
        assertThat(simulator.stats().totalRequests()).isZero();
    }

    /** Connect's task context: the task's config, and stored offsets from a map. */
    private final class FakeContext implements SourceTaskContext {

        private final Map<String, String> config;

        FakeContext(Map<String, String> config) {
            this.config = config;
        }

        @Override
        public Map<String, String> configs() {
            return config;
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new MapOffsetStorageReader(stored);
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}

package io.github.kafkaconnecttrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import io.github.kafkaconnecttrtc.source.Cursor;
import io.github.kafkaconnecttrtc.source.Slice;
import io.github.kafkaconnecttrtc.source.SliceOffset;
import io.github.kafkaconnecttrtc.source.TaskSettings;
import io.github.kafkaconnecttrtc.testing.LogCapture;
import io.github.kafkaconnecttrtc.testing.MapOffsetStorageReader;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The connector's planning, rebalancing, validation and offset checks, with Connect's context
 * played by a fake that serves stored offsets from a map.
 */
class TrtcSourceConnectorTest {

    private static final long HOUR = 3600;
    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z, a whole hour
    private static final long MAX_CALL = 6 * HOUR;
    /** now - settle (30 s) - maximum call (6 h), floored to the hour. */
    private static final long TAIL_START = NOW - 7 * HOUR;
    private static final String APP = "1400000000";
    private static final String SECRET = "5bd2850fff3ecb11d7c805251c51ee46-connector-test-secret";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final FakeContext context = new FakeContext();
    private final List<TrtcSourceConnector> started = new ArrayList<>();

    @AfterEach
    void stopConnectors() {
        started.forEach(TrtcSourceConnector::stop);
    }

    private static Map<String, String> props(long startTime) {
        Map<String, String> props = new HashMap<>();
        props.put(TrtcSourceConfig.SDKAPPID_CONFIG, APP);
        props.put(TrtcSourceConfig.SECRET_KEY_CONFIG, SECRET);
        props.put(TrtcSourceConfig.TOPIC_CONFIG, "trtc.calls");
        props.put(TrtcSourceConfig.START_TIME_CONFIG, Instant.ofEpochSecond(startTime).toString());
        props.put(TrtcSourceConfig.SLICE_DURATION_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()));
        props.put(TrtcSourceConfig.CALL_MAX_DURATION_MS_CONFIG, Long.toString(Duration.ofSeconds(MAX_CALL).toMillis()));
        props.put(TrtcSourceConfig.SETTLE_DELAY_MS_CONFIG, "30000");
        return props;
    }

    private TrtcSourceConnector connector(Map<String, String> props) {
        TrtcSourceConnector connector = new TrtcSourceConnector(clock);
        connector.initialize(context);
        connector.start(props);
        started.add(connector);
        return connector;
    }

    private static String history(long from) {
        return Slice.historyName(from, from + HOUR);
    }

    /** The history cells from {@code from} up to {@code until}, oldest first. */
    private static List<String> historyNames(long from, long until) {
        List<String> names = new ArrayList<>();
        for (long cell = from; cell < until; cell += HOUR) {
            names.add(history(cell));
        }
        return names;
    }

    private static List<String> slicesOf(Map<String, String> taskConfig) {
        return TaskSettings.fromTaskConfig(taskConfig).sliceNames();
    }

    private void store(String slice, SliceOffset offset) {
        context.stored.put(Slice.partition(Long.parseLong(APP), slice), new HashMap<>(offset.toMap()));
    }

    // --- taskConfigs -------------------------------------------------------------------------

    /**
     * The long lane counts as the six cells its look-back spans, so its task gets six fewer: 17
     * cells and the tail on three tasks come to 8 cells' worth each.
     */
    @Test
    void givesTheTailToTaskZeroAndSpreadsTheHistoryByLoadWithTheConnectorPropsInEveryConfig() {
        Map<String, String> props = props(NOW - 24 * HOUR);
        TrtcSourceConnector connector = connector(props);
        List<String> cells = historyNames(NOW - 24 * HOUR, TAIL_START);

        List<Map<String, String>> configs = connector.taskConfigs(3);

        assertThat(configs).hasSize(3);
        assertThat(slicesOf(configs.get(0)).get(0)).isEqualTo(Slice.TAIL_FAST);
        assertThat(slicesOf(configs.get(1)).get(0)).isEqualTo(Slice.TAIL_LONG);
        assertThat(slicesOf(configs.get(1))).endsWith(Slice.TAIL_OVERLONG);
        List<String> assigned = new ArrayList<>();
        List<Integer> cellsPerTask = new ArrayList<>();
        for (Map<String, String> config : configs) {
            List<String> history = slicesOf(config).stream().filter(name -> !name.startsWith("tail/")).toList();
            assigned.addAll(history);
            cellsPerTask.add(history.size());
            assertThat(config).containsAllEntriesOf(props);
            assertThat(config).containsEntry(TaskSettings.TAIL_START_CONFIG, Long.toString(TAIL_START))
                    .containsEntry(TaskSettings.READ_FROM_CONFIG, Long.toString(NOW - 24 * HOUR))
                    .containsEntry(TaskSettings.TASK_COUNT_CONFIG, "3")
                    .containsKey(TaskSettings.SLICES_CONFIG);
        }
        assertThat(assigned).containsExactlyInAnyOrderElementsOf(cells);
        assertThat(cellsPerTask).containsExactly(7, 2, 8);
    }

    @Test
    void neverReturnsMoreTaskConfigsThanSlices() {
        TrtcSourceConnector connector = connector(props(NOW - 9 * HOUR));

        List<Map<String, String>> configs = connector.taskConfigs(8);

        // Two tail lanes and two history cells; the overlong lane rides with the long lane.
        assertThat(configs).hasSize(4);
        assertThat(configs).allSatisfy(config ->
                assertThat(config).containsEntry(TaskSettings.TASK_COUNT_CONFIG, "4"));
        assertThat(slicesOf(configs.get(1))).containsExactly(Slice.TAIL_LONG, Slice.TAIL_OVERLONG);
        assertThat(configs).extracting(config -> slicesOf(config).size()).containsExactly(1, 2, 1, 1);
    }

    @Test
    void namesTheSameSlicesWhateverTheNumberOfTasks() {
        TrtcSourceConnector connector = connector(props(NOW - 24 * HOUR));
        List<Set<String>> namesPerRun = new ArrayList<>();

        for (int maxTasks : new int[] {1, 3, 8}) {
            List<String> names = new ArrayList<>();
            connector.taskConfigs(maxTasks).forEach(config -> names.addAll(slicesOf(config)));
            assertThat(names).doesNotHaveDuplicates();
            namesPerRun.add(new HashSet<>(names));
        }

        assertThat(namesPerRun.get(0)).hasSize(20);
        assertThat(namesPerRun.get(1)).isEqualTo(namesPerRun.get(0));
        assertThat(namesPerRun.get(2)).isEqualTo(namesPerRun.get(0));
    }

    @Test
    void leavesOutAHistorySliceWhoseStoredOffsetSaysItIsFinished() {
        long finishedCell = NOW - 20 * HOUR;
        long almostCell = NOW - 19 * HOUR;
        // History cells read what ended by the handover, tailStart + maximum call.
        store(history(finishedCell), new SliceOffset(Cursor.throughSecond(TAIL_START + MAX_CALL), null));
        store(history(almostCell), new SliceOffset(Cursor.throughSecond(TAIL_START + MAX_CALL - 1), null));
        TrtcSourceConnector connector = connector(props(NOW - 24 * HOUR));

        List<String> names = new ArrayList<>();
        connector.taskConfigs(2).forEach(config -> names.addAll(slicesOf(config)));

        assertThat(names).doesNotContain(history(finishedCell)).contains(history(almostCell)).hasSize(19);
    }

    @Test
    void reusesTheTailStartStoredInTheTailsOffset() {
        long storedTailStart = NOW - 10 * HOUR;
        store(Slice.TAIL_LONG, new SliceOffset(Cursor.throughSecond(NOW - 60), storedTailStart));
        TrtcSourceConnector connector = connector(props(NOW - 24 * HOUR));

        List<Map<String, String>> configs = connector.taskConfigs(2);

        List<String> names = new ArrayList<>();
        configs.forEach(config -> names.addAll(slicesOf(config)));
        assertThat(configs).allSatisfy(config ->
                assertThat(config).containsEntry(TaskSettings.TAIL_START_CONFIG, Long.toString(storedTailStart)));
        assertThat(names).containsAll(historyNames(NOW - 24 * HOUR, storedTailStart))
                .doesNotContain(history(storedTailStart)).hasSize(3 + 14);
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, (NOW - 10 * HOUR) * 1000})
    // An overflowing tail start once made the planner loop for ever.
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void ignoresAStoredTailStartOutOfRangeAndPlansAFreshTail(long storedTailStart) {
        context.stored.put(Slice.partition(Long.parseLong(APP), Slice.TAIL_LONG),
                new HashMap<>(Map.of("v", 1, "endTs", NOW - 60, "tailStart", storedTailStart)));
        TrtcSourceConnector connector = connector(props(NOW - 24 * HOUR));

        List<Map<String, String>> configs = connector.taskConfigs(2);

        assertThat(configs).allSatisfy(config ->
                assertThat(config).containsEntry(TaskSettings.TAIL_START_CONFIG, Long.toString(TAIL_START)));
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN")).singleElement().asString()
                .contains(Slice.TAIL_LONG, "'tailStart' (" + storedTailStart + ")");
    }

    // --- checkBalance ------------------------------------------------------------------------

    /** Four history cells over two tasks: task 0 gets cells 0 and 2, task 1 gets cells 1 and 3. */
    /** Task 1 reads the long lane, worth six cells: the four cells go to tasks 0 and 2. */
    private TrtcSourceConnector connectorWithFourCellsOnTwoTasks() {
        TrtcSourceConnector connector = connector(props(TAIL_START - 4 * HOUR));
        List<Map<String, String>> configs = connector.taskConfigs(3);
        assertThat(slicesOf(configs.get(0))).containsExactly(Slice.TAIL_FAST, cell(1), cell(3));
        assertThat(slicesOf(configs.get(1))).containsExactly(Slice.TAIL_LONG, Slice.TAIL_OVERLONG);
        assertThat(slicesOf(configs.get(2))).containsExactly(cell(0), cell(2));
        return connector;
    }

    private static String cell(int index) {
        return history(TAIL_START - (4 - index) * HOUR);
    }

    private void finish(int index) {
        store(cell(index), new SliceOffset(Cursor.throughSecond(TAIL_START + MAX_CALL), null));
    }

    @Test
    void asksForAReconfigurationWhenOneTaskRanOutOfHistoryWhileAnotherHasTwoSlicesLeft() {
        TrtcSourceConnector connector = connectorWithFourCellsOnTwoTasks();
        finish(0);
        finish(2);

        connector.checkBalance();

        assertThat(context.reconfigurations).isEqualTo(1);
    }

    @Test
    void doesNotAskForAReconfigurationWhileTheRemainingHistoryIsBalanced() {
        TrtcSourceConnector connector = connectorWithFourCellsOnTwoTasks();

        connector.checkBalance();
        finish(0);
        finish(1);
        connector.checkBalance();

        assertThat(context.reconfigurations).isZero();
    }

    @Test
    void doesNotAskForAReconfigurationWhenTheIdleTasksPeerHasOnlyOneSliceLeft() {
        TrtcSourceConnector connector = connectorWithFourCellsOnTwoTasks();
        finish(0);
        finish(2);
        finish(1);

        connector.checkBalance();

        assertThat(context.reconfigurations).isZero();
    }

    // --- validate ----------------------------------------------------------------------------

    private Map<String, ConfigValue> validate(Map<String, String> props) {
        TrtcSourceConnector connector = new TrtcSourceConnector(clock);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        connector.validate(props).configValues().forEach(value -> values.put(value.name(), value));
        assertNoSecretIn(values.values());
        return values;
    }

    private static void assertNoSecretIn(Collection<ConfigValue> values) {
        for (ConfigValue value : values) {
            assertThat(String.valueOf(value.value())).as("value of %s", value.name()).doesNotContain(SECRET);
            assertThat(value.errorMessages()).as("errors of %s", value.name())
                    .noneMatch(message -> message.contains(SECRET));
            assertThat(value.toString()).as("%s", value.name()).doesNotContain(SECRET);
        }
    }

    private static List<String> allErrors(Map<String, ConfigValue> values) {
        return values.values().stream().flatMap(value -> value.errorMessages().stream()).toList();
    }

    @Test
    void validateShowsNoErrorForAValidConfig() {
        Map<String, ConfigValue> values = validate(props(NOW - 24 * HOUR));

        assertThat(allErrors(values)).isEmpty();
        assertThat(values).containsKey(TrtcSourceConfig.SECRET_KEY_CONFIG);
        assertThat(values.get(TrtcSourceConfig.SECRET_KEY_CONFIG).value()).hasToString("[hidden]");
    }

    @Test
    void validateShowsAFastLaneNotShorterThanTheMaximumOnBothKeys() {
        Map<String, String> props = props(NOW - 24 * HOUR);
        props.put(TrtcSourceConfig.CALL_MAX_DURATION_MS_CONFIG, "3600000");
        props.put(TrtcSourceConfig.CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "3600000");

        Map<String, ConfigValue> values = validate(props);

        assertThat(values.get(TrtcSourceConfig.CALL_FAST_LANE_MAX_DURATION_MS_CONFIG).errorMessages())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(TrtcSourceConfig.CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "must be shorter than");
        assertThat(values.get(TrtcSourceConfig.CALL_MAX_DURATION_MS_CONFIG).errorMessages())
                .anyMatch(message -> message.contains("must be shorter than"));
        assertThat(values.get(TrtcSourceConfig.START_TIME_CONFIG).errorMessages()).isEmpty();
    }

    @Test
    void validateShowsAStartTimeInTheFutureOnStartTime() {
        Map<String, ConfigValue> values = validate(props(NOW + HOUR));

        assertThat(values.get(TrtcSourceConfig.START_TIME_CONFIG).errorMessages())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("must not be after the current time");
        assertThat(allErrors(values)).hasSize(1);
    }

    @Test
    void validateShowsPlainHttpToAnotherHostOnTheEndpoint() {
        Map<String, String> props = props(NOW - 24 * HOUR);
        props.put(TrtcSourceConfig.ENDPOINT_CONFIG, "http://callkit-intl.trtc.tencent-cloud.com/");

        Map<String, ConfigValue> values = validate(props);

        assertThat(values.get(TrtcSourceConfig.ENDPOINT_CONFIG).errorMessages())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("plain http", TrtcSourceConfig.ALLOW_PLAIN_HTTP_CONFIG);
        assertThat(allErrors(values)).hasSize(1);
    }

    @Test
    void validateNeverShowsTheSecretKeyAmongOtherErrors() {
        Map<String, String> props = props(NOW + HOUR);
        props.put(TrtcSourceConfig.SECRET_KEY_CONFIG, " " + SECRET + " ");
        props.put(TrtcSourceConfig.IDENTIFIER_CONFIG, "");
        props.put(TrtcSourceConfig.CALL_RESULTS_CONFIG, "normal_end,,");

        Map<String, ConfigValue> values = validate(props);

        assertThat(allErrors(values)).isNotEmpty();
        assertThat(values.get(TrtcSourceConfig.SECRET_KEY_CONFIG).value()).hasToString("[hidden]");
    }

    @Test
    void validateShowsAMissingOrUnparsableValueOnceWithoutARepeatedNullError() {
        Map<String, String> props = props(NOW - 24 * HOUR);
        props.remove(TrtcSourceConfig.TOPIC_CONFIG);
        props.put(TrtcSourceConfig.PAGE_SIZE_CONFIG, "ten");
        props.put(TrtcSourceConfig.POLL_INTERVAL_MS_CONFIG, "5s");

        Map<String, ConfigValue> values = validate(props);

        assertThat(values.get(TrtcSourceConfig.TOPIC_CONFIG).errorMessages())
                .containsExactly("Missing required configuration \"topic\" which has no default value.");
        assertThat(values.get(TrtcSourceConfig.PAGE_SIZE_CONFIG).errorMessages()).singleElement()
                .asString().contains("Invalid value ten for configuration page.size", "INT");
        assertThat(values.get(TrtcSourceConfig.POLL_INTERVAL_MS_CONFIG).errorMessages()).singleElement()
                .asString().contains("Invalid value 5s for configuration poll.interval.ms");
    }

    @Test
    void validateKeepsTheNullErrorOfAKeyExplicitlySetToNull() {
        Map<String, String> props = props(NOW - 24 * HOUR);
        props.put(TrtcSourceConfig.TOPIC_CONFIG, null);

        Map<String, ConfigValue> values = validate(props);

        assertThat(values.get(TrtcSourceConfig.TOPIC_CONFIG).errorMessages()).singleElement()
                .asString().contains("Invalid value null for configuration topic");
    }

    // --- alterOffsets ------------------------------------------------------------------------

    private static Map<String, ?> partition(String slice) {
        return Map.of(Slice.PARTITION_APP_KEY, APP, Slice.PARTITION_SLICE_KEY, slice);
    }

    private static boolean alter(Map<String, ?> partition, Map<String, ?> offset) {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(partition, offset);
        return new TrtcSourceConnector(MutableClock.atEpochSecond(NOW)).alterOffsets(props(NOW - 24 * HOUR), offsets);
    }

    @Test
    void alterOffsetsAcceptsAValidOffsetOrADeletionForTheTailAndAHistorySlice() {
        String historySlice = history(NOW - 20 * HOUR);

        assertThat(alter(partition(Slice.TAIL_FAST), Map.of("v", 1, "endTs", NOW - 60, "tailStart", TAIL_START)))
                .isTrue();
        assertThat(alter(partition(Slice.TAIL_FAST), Map.of("endTs", "1767225000", "callId", "c-1"))).isTrue();
        assertThat(alter(partition(Slice.TAIL_FAST), null)).isTrue();
        assertThat(alter(partition(historySlice), Map.of("v", 1, "endTs", NOW - 19 * HOUR))).isTrue();
        assertThat(alter(partition(historySlice), null)).isTrue();
    }

    @Test
    void alterOffsetsRejectsAPartitionWithoutTheSliceKey() {
        assertThatThrownBy(() -> alter(Map.of(Slice.PARTITION_APP_KEY, APP), Map.of("endTs", NOW)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'" + Slice.PARTITION_SLICE_KEY + "'");
    }

    @Test
    void alterOffsetsRejectsAnUnknownSliceName() {
        assertThatThrownBy(() -> alter(partition("history/yesterday"), Map.of("endTs", NOW)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'history/yesterday' is not a slice name");
        assertThatThrownBy(() -> alter(partition("tail/slow"), null))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'tail/slow' is not a slice name");
    }

    @Test
    void alterOffsetsRejectsAnOffsetWithoutEndTs() {
        assertThatThrownBy(() -> alter(partition(Slice.TAIL_LONG), Map.of("v", 1, "callId", "c-1")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("no 'endTs' field");
    }

    @Test
    void alterOffsetsRejectsAnOffsetOfAFutureFormatVersion() {
        assertThatThrownBy(() -> alter(partition(Slice.TAIL_FAST), Map.of("v", 2, "endTs", NOW)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("format version 2 is not supported");
    }

    @Test
    void alterOffsetsRefusesAnEndInMillisecondsSayingSoInsteadOfFinishingEverySlice() {
        assertThatThrownBy(() -> alter(partition(Slice.TAIL_FAST), Map.of("v", 1, "endTs", NOW * 1000,
                "tailStart", TAIL_START)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'endTs' (" + NOW * 1000 + ") looks like milliseconds")
                .hasMessageContaining("here " + NOW + " (2026-01-01T00:00:00Z)");
        assertThatThrownBy(() -> alter(partition(history(NOW - 20 * HOUR)), Map.of("endTs", "1767225600000")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("looks like milliseconds");
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, 0, NOW + 2 * 24 * HOUR})
    void alterOffsetsRefusesTimesOutsideThePlausibleRange(long value) {
        String range = "must be seconds since the epoch from 1420070400 (2015-01-01T00:00:00Z) to " + (NOW + 24 * HOUR);
        assertThatThrownBy(() -> alter(partition(Slice.TAIL_FAST), Map.of("endTs", value)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'endTs' (" + value + ") " + range);
        assertThatThrownBy(() -> alter(partition(Slice.TAIL_LONG), Map.of("endTs", NOW, "tailStart", value)))
                .hasMessageContaining("'tailStart' (" + value + ") " + range);
        assertThatThrownBy(() -> alter(partition(Slice.TAIL_OVERLONG), Map.of("endTs", NOW, "readFrom", value)))
                .hasMessageContaining("'readFrom' (" + value + ") " + range);
    }

    @Test
    void alterOffsetsRefusesAHistorySliceNoPlanMakes() {
        assertThatThrownBy(() -> alter(partition(history(NOW * 1000)), Map.of("endTs", NOW)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("the start of slice " + history(NOW * 1000))
                .hasMessageContaining("looks like milliseconds");
        assertThatThrownBy(() -> alter(partition("history/" + Long.MIN_VALUE + "/0"), null))
                .hasMessageContaining("must be seconds since the epoch");
    }

    // --- the rest ----------------------------------------------------------------------------

    @Test
    void supportsExactlyOnce() {
        assertThat(new TrtcSourceConnector().exactlyOnceSupport(props(NOW - 24 * HOUR)))
                .isEqualTo(ExactlyOnceSupport.SUPPORTED);
    }

    @Test
    void reportsTheBuildsVersion() {
        assertThat(new TrtcSourceConnector().version()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
    }

    /** Connect's connector context: stored offsets from a map, reconfiguration requests counted. */
    private static final class FakeContext implements SourceConnectorContext {

        final Map<Map<String, String>, Map<String, Object>> stored = new HashMap<>();
        volatile int reconfigurations;

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new MapOffsetStorageReader(stored);
        }

        @Override
        public void requestTaskReconfiguration() {
            reconfigurations++;
        }

        @Override
        public void raiseError(Exception e) {
            throw new AssertionError("the connector raised an error", e);
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}

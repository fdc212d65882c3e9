package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import io.github.kafkaconnecttrtc.client.ApiLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlicePlannerTest {

    private static final long HOUR = 3600;
    private static final long NOW = 1_767_225_600L; // a whole hour
    @org.junit.jupiter.api.extension.RegisterExtension
    final io.github.kafkaconnecttrtc.testing.LogCapture logs = new io.github.kafkaconnecttrtc.testing.LogCapture();
    private final Map<String, SliceOffset> stored = new HashMap<>();
    private final SlicePlanner.OffsetLookup lookup = names -> {
        Map<String, SliceOffset> found = new HashMap<>();
        names.forEach(name -> {
            if (stored.containsKey(name)) {
                found.put(name, stored.get(name));
            }
        });
        return found;
    };

    private SlicePlanner planner(OptionalLong start) {
        return new SlicePlanner(Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofMinutes(10),
                start);
    }

    @Test
    void startsTheTailOneMaximumCallBeforeNowOnTheGridAndCutsTheRestIntoCells() {
        SlicePlan plan = planner(OptionalLong.of(NOW - 24 * HOUR)).plan(NOW, lookup);

        assertThat(plan.tailStart()).isEqualTo(NOW - 7 * HOUR);
        assertThat(plan.history()).hasSize(17);
        assertThat(plan.history().get(0).name()).isEqualTo(Slice.historyName(NOW - 24 * HOUR, NOW - 23 * HOUR));
        assertThat(plan.history().get(16).startUntil()).isEqualTo(plan.tailStart());
        assertThat(plan.sliceNames()).startsWith(Slice.TAIL_FAST, Slice.TAIL_LONG);
    }

    @Test
    void keepsTheTailStartItStoredSoTheGridNeverMoves() {
        stored.put(Slice.TAIL_LONG, new SliceOffset(Cursor.throughSecond(NOW), NOW - 30 * HOUR));

        SlicePlan plan = planner(OptionalLong.of(NOW - 48 * HOUR)).plan(NOW + 5 * HOUR, lookup);

        assertThat(plan.tailStart()).isEqualTo(NOW - 30 * HOUR);
        assertThat(plan.history()).hasSize(18);
    }

    @Test
    void keepsItsFirstTailStartUntilTheTailStoresOne() {
        SlicePlanner planner = planner(OptionalLong.of(NOW - 24 * HOUR));
        long first = planner.plan(NOW, lookup).tailStart();

        assertThat(planner.plan(NOW + 3 * HOUR, lookup).tailStart()).isEqualTo(first);
    }

    @Test
    void leavesOutFinishedCells() {
        SlicePlanner planner = planner(OptionalLong.of(NOW - 24 * HOUR));
        Slice first = planner.plan(NOW, lookup).history().get(0);
        stored.put(first.name(), new SliceOffset(Cursor.throughSecond(first.handover()), null));
        Slice second = planner.plan(NOW, lookup).history().get(0);
        stored.put(second.name(), new SliceOffset(Cursor.throughSecond(second.startUntil()), null));

        List<Slice> history = planner.plan(NOW, lookup).history();

        assertThat(history).extracting(Slice::name).doesNotContain(first.name()).contains(second.name());
    }

    @Test
    void startsAsFarBackAsTheHorizonAllowsLessAGraceByDefault() {
        SlicePlan plan = planner(OptionalLong.empty()).plan(NOW, lookup);

        assertThat(plan.readFrom()).isEqualTo(ReadSettings.horizonFloor(NOW) + SlicePlanner.DEFAULT_START_GRACE_SECONDS);
        assertThat(plan.history().get(0).startFrom()).isEqualTo(plan.readFrom());
    }

    @Test
    void aStartBeyondTheHorizonPlansOnlyReadableCellsAndReportsTheRestOnce() {
        SlicePlanner planner = planner(OptionalLong.of(NOW - 10 * 24 * HOUR));

        SlicePlan plan = planner.plan(NOW, lookup);
        planner.plan(NOW + 60, lookup);

        long floor = ReadSettings.horizonFloor(NOW);
        assertThat(plan.history()).allSatisfy(slice -> assertThat(slice.startUntil()).isGreaterThan(floor));
        assertThat(plan.history().get(0).startFrom()).isLessThan(floor);
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN")).singleElement()
                .asString().contains("beyond the records API's 7-day horizon").contains("lost");
    }

    @Test
    void keepsTheHistoryStartItStoredSoTheDefaultStartDoesNotDrift() {
        long firstStart = planner(OptionalLong.empty()).plan(NOW, lookup).readFrom();
        stored.put(Slice.TAIL_FAST, new SliceOffset(Cursor.throughSecond(NOW), NOW - 7 * HOUR, firstStart, null));

        SlicePlan later = planner(OptionalLong.empty()).plan(NOW + 2 * 24 * HOUR, lookup);

        assertThat(later.readFrom()).isEqualTo(firstStart);
        assertThat(later.tailStart()).isEqualTo(NOW - 7 * HOUR);
    }

    /**
     * On a first start the fast lane begins a maximum call duration less a fast-lane duration after
     * the tail, so that the hours before the start are read once, by the long lane; the start is
     * kept in the offsets, and offsets written before it existed keep the fast lane at the tail's start.
     */
    @Test
    void startsTheFastLaneWhereItsCallsBeginToEndAndKeepsThatStart() {
        SlicePlan first = planner(OptionalLong.empty()).plan(NOW, lookup);
        assertThat(first.fastStart()).isEqualTo(first.tailStart() + 6 * HOUR - 10 * 60);

        stored.put(Slice.TAIL_FAST, new SliceOffset(Cursor.throughSecond(NOW), first.tailStart(), first.readFrom(),
                first.fastStart() - 100));
        assertThat(planner(OptionalLong.empty()).plan(NOW + HOUR, lookup).fastStart())
                .isEqualTo(first.fastStart() - 100);

        stored.put(Slice.TAIL_FAST, new SliceOffset(Cursor.throughSecond(NOW), first.tailStart(), first.readFrom(),
                null));
        assertThat(planner(OptionalLong.empty()).plan(NOW + HOUR, lookup).fastStart()).isEqualTo(first.tailStart());
    }

    @Test
    void dropsAnUnfinishedCellThatFellBehindTheHorizonWithOneWarningNamingTheRange() {
        long historyStart = NOW - 6 * 24 * HOUR;
        stored.put(Slice.TAIL_FAST, new SliceOffset(Cursor.throughSecond(NOW), NOW - 7 * HOUR, historyStart, null));
        SlicePlanner planner = planner(OptionalLong.empty());
        long later = NOW + 2 * 24 * HOUR;

        SlicePlan plan = planner.plan(later, lookup);
        planner.plan(later + 30, lookup);

        long floor = ReadSettings.horizonFloor(later);
        assertThat(plan.history()).allSatisfy(slice -> assertThat(slice.startUntil()).isGreaterThan(floor));
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN")).singleElement().asString()
                .contains(java.time.Instant.ofEpochSecond(historyStart).toString()).contains("lost");
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE, Long.MIN_VALUE + 1})
    // An overflowing step would loop for ever on the planning thread.
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void planningEndsWhateverStartOfTheTailItFinds(long tailStart) {
        stored.put(Slice.TAIL_FAST, new SliceOffset(Cursor.throughSecond(NOW), tailStart, NOW - 24 * HOUR, null));

        SlicePlan plan = planner(OptionalLong.empty()).plan(NOW, lookup);

        assertThat(plan.tailStart()).isEqualTo(tailStart);
        // The history between the tail and the horizon at most, as for any start of the tail.
        assertThat(plan.history()).hasSizeLessThanOrEqualTo((int) (ApiLimits.HORIZON.plusDays(1).toHours() + 1));
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -31_557_014_167_219_200L, 0, 946_684_800})
    void holdsAStartFarInThePastToWhatTheTailCanStillReachSoThatTheTailsOffsetsStayInRange(long start) {
        SlicePlan plan = planner(OptionalLong.of(start)).plan(NOW, lookup);

        long reach = plan.tailStart() - ApiLimits.HORIZON.plusDays(1).toSeconds();
        assertThat(plan.readFrom()).isEqualTo(reach);
        SliceOffset tailOffset = new SliceOffset(Cursor.throughSecond(NOW - 30), plan.tailStart(), plan.readFrom(),
                plan.fastStart());
        assertThat(SliceOffset.fromMap(tailOffset.toMap(), NOW)).isEqualTo(tailOffset);
    }
}

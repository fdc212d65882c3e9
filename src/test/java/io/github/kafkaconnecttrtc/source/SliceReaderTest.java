package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.testing.SimulatorCalls;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.ApiLimits;
import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.ErrorCodes;
import io.github.kafkaconnecttrtc.client.HttpTrtcRecordsClient;
import io.github.kafkaconnecttrtc.simulator.EndTimestampReading;
import io.github.kafkaconnecttrtc.simulator.QuerySnapshot;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.SimulatorClients;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One pass over a slice against the simulator, on a fake clock. */
class SliceReaderTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static final long SETTLE = 30;
    private static final long FAST_LANE = 600;
    private static final Comparator<CallRecord> END_ORDER =
            Comparator.comparingLong(CallRecord::endTs).thenComparing(CallRecord::callId);

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private static SimulatorSettings.Builder settings() {
        return SimulatorSettings.builder().seed(5).rateLimitPerSecond(0);
    }

    /** A simulator without generated calls, for tests that add their own. */
    private static SimulatorSettings.Builder empty() {
        return settings().historyDays(0).callsPerSecond(0);
    }

    private TrtcSimulator simulator(SimulatorSettings.Builder settings) {
        TrtcSimulator simulator = TrtcSimulator.start(settings.build(), clock);
        toClose.add(simulator);
        return simulator;
    }

    private SliceReader reader(TrtcSimulator simulator, long maxCallSeconds, int pageSize) {
        HttpTrtcRecordsClient http = SimulatorClients.quickClient(simulator, clock);
        toClose.add(http);
        ReadSettings read = new ReadSettings(SETTLE, maxCallSeconds, FAST_LANE, pageSize, Set.of("single", "group"),
                Set.of());
        return new SliceReader(http, PageRequests.concurrent(Runnable::run),
                read, clock, () -> false, SliceReader.MAX_HELD_RECORDS);
    }

    /** Runs a pass to its end through the reader's step API, as the engine does over several polls. */
    private static PassResult pass(SliceReader reader, Slice slice, Cursor cursor, PassResult.SeenWindow previous) {
        SliceReader.Pass pass = reader.begin(slice, cursor, previous);
        while (!pass.step(1)) {
            // one request per step
        }
        return pass.result();
    }

    private static CallRecord call(String id, long start, long duration) {
        return new CallRecord(id, SimulatorSettings.DEFAULT_SDK_APP_ID, "audio", "room-" + id, null, start, start,
                start + duration, "caller", 2, "single", "normal_end", List.of("callee"));
    }

    private static void add(TrtcSimulator simulator, CallRecord call) {
        simulator.addCall(SimulatorCalls.served(call), call.endTs());
    }

    private static Cursor fresh(Slice slice) {
        return Cursor.throughSecond(slice.startFrom() - 1);
    }

    /** The calls visible at {@code now} that started in {@code [from, until)} and ended by {@code hi}. */
    private static List<CallRecord> visible(TrtcSimulator simulator, long now, long from, long until, long hi) {
        return simulator.groundTruth().stream()
                .filter(c -> c.visibleAt() <= now)
                .map(SimulatorCalls::expected)
                .filter(c -> c.startCallTs() >= from && c.startCallTs() < until && c.endTs() <= hi)
                .sorted(END_ORDER)
                .toList();
    }

    private static List<String> ids(List<CallRecord> calls) {
        return calls.stream().map(CallRecord::callId).toList();
    }

    @Test
    void aSlicePartlyBeyondTheSevenDayHorizonReadsOnlyWhatTheApiHoldsAndReportsTheRestAsLost() {
        TrtcSimulator simulator = simulator(settings().historyDays(7).callsPerSecond(0.02));
        SliceReader reader = reader(simulator, HOUR, ApiLimits.MAX_PAGE_SIZE);
        long horizon = NOW - ApiLimits.HORIZON.toSeconds();
        Slice slice = Slice.history(horizon - HOUR, horizon + 2 * HOUR, horizon - HOUR, horizon + 2 * HOUR + HOUR);
        long floor = ReadSettings.horizonFloor(NOW);
        long hi = slice.startUntil() + HOUR;

        PassResult result = pass(reader, slice, fresh(slice), null);

        assertThat(simulator.stats().queries()).isNotEmpty()
                .allSatisfy(query -> assertThat(query.startTimestamp()).isGreaterThanOrEqualTo(horizon));
        assertThat(simulator.stats().answersByErrorCode()).doesNotContainKey(ErrorCodes.INVALID_PARAMETERS);
        assertThat(result.lost()).isEqualTo(new PassResult.LostRange(slice.startFrom(), floor));
        List<CallRecord> readable = visible(simulator, NOW, floor, slice.startUntil(), hi);
        assertThat(readable).hasSizeGreaterThan(100);
        assertThat(result.records()).containsExactlyElementsOf(readable);
        assertThat(result.cursor()).isEqualTo(Cursor.throughSecond(hi));
    }

    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void returnsEveryCallVisibleAtTheStartOnceAndInEndOrderWhileCallsAppearInFrontOfThePosition(
            EndTimestampReading reading) {
        TrtcSimulator simulator = simulator(settings().historyDays(1).callsPerSecond(0.2)
                .endTimestampReading(reading));
        SliceReader reader = reader(simulator, HOUR, 50);
        Slice slice = Slice.history(NOW - 3 * HOUR, NOW - 2 * HOUR, NOW - 3 * HOUR, NOW - 2 * HOUR + HOUR);
        long hi = NOW - HOUR;
        List<CallRecord> expected = visible(simulator, NOW, slice.startFrom(), slice.startUntil(), hi);
        Set<String> appeared = new HashSet<>();
        AtomicInteger requests = new AtomicInteger();
        simulator.beforeEachRequest(() -> {
            clock.advanceSeconds(2);
            if (requests.incrementAndGet() < 2) {
                return;
            }
            // Calls that start in front of the page now asked for become visible: they push records
            // already returned onto the next page.
            List<QuerySnapshot> queries = simulator.stats().queries();
            long previousStart = queries.get(queries.size() - 1).startTimestamp();
            for (long start : new long[] {previousStart, Math.max(slice.startFrom(), previousStart - 1)}) {
                CallRecord late = call("late-" + requests.get() + "-" + start, start, 60);
                simulator.addCall(SimulatorCalls.served(late), clock.epochSecond());
                appeared.add(late.callId());
            }
        });

        PassResult result = pass(reader, slice, fresh(slice), null);

        assertThat(requests.get()).isGreaterThan(10);
        assertThat(expected).hasSizeGreaterThan(500);
        // Pages 1, 2, 3... of one list, each read once: a shift repeats a record, it never skips one.
        List<QuerySnapshot> queries = simulator.stats().queries();
        assertThat(queries).extracting(QuerySnapshot::startTimestamp).containsOnly(slice.startFrom());
        assertThat(queries).extracting(QuerySnapshot::page)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, queries.size()).boxed().toList());
        List<String> read = ids(result.records());
        assertThat(read).doesNotHaveDuplicates();
        assertThat(result.records()).isSortedAccordingTo(END_ORDER);
        assertThat(read).containsAll(ids(expected));
        assertThat(read.stream().filter(id -> !appeared.contains(id)).toList()).containsExactlyElementsOf(ids(expected));
    }

    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void returnsEveryCallWhenMoreThanAPageOfThemStartedInTheSameSecond(EndTimestampReading reading) {
        TrtcSimulator simulator = simulator(empty().endTimestampReading(reading));
        SliceReader reader = reader(simulator, HOUR, ApiLimits.MAX_PAGE_SIZE);
        Slice slice = Slice.history(NOW - 3 * HOUR, NOW - 2 * HOUR, NOW - 3 * HOUR, NOW - 2 * HOUR + HOUR);
        List<CallRecord> calls = new ArrayList<>();
        for (long second : new long[] {slice.startFrom(), slice.startFrom() + 100}) {
            for (int i = 0; i < 250; i++) {
                calls.add(call(String.format("same-%d-%03d", second, i), second, 1 + (i * 7) % 300));
            }
        }
        calls.add(call("before", slice.startFrom() + 50, 30));
        calls.add(call("after", slice.startFrom() + 500, 30));
        calls.forEach(c -> add(simulator, c));

        PassResult result = pass(reader, slice, fresh(slice), null);

        assertThat(result.records()).containsExactlyElementsOf(calls.stream().sorted(END_ORDER).toList());
        assertThat(result.requests()).isGreaterThanOrEqualTo(6);
    }

    /** Calls of a few hours, 30% of them longer than the fast lane's. */
    private TrtcSimulator tailSimulator(EndTimestampReading reading) {
        return simulator(settings().historyDays(1).callsPerSecond(0.05).longCallFraction(0.3)
                .maxCallDurationSeconds(3 * HOUR).endTimestampReading(reading));
    }

    /** Together the two lanes' passes hold every visible call of the tail that ended by then, once. */
    private static void assertTheLanesSplitTheTail(TrtcSimulator simulator, long tailStart, PassResult fastPass,
            PassResult longPass) {
        List<CallRecord> union = new ArrayList<>(fastPass.records());
        union.addAll(longPass.records());
        assertThat(ids(union)).doesNotHaveDuplicates();
        assertThat(union).containsExactlyInAnyOrderElementsOf(
                visible(simulator, NOW, tailStart, Long.MAX_VALUE, NOW - SETTLE));
    }

    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void theFastLaneReadsTheShortCallsAndTheLongLaneTheRestOfTheTail(EndTimestampReading reading) {
        TrtcSimulator simulator = tailSimulator(reading);
        // Within one pass of each lane: neither has to catch up.
        long tailStart = NOW - 50 * 60;
        add(simulator, call("exactly-fast-lane", tailStart + 100, FAST_LANE));
        add(simulator, call("just-over-fast-lane", tailStart + 100, FAST_LANE + 1));
        add(simulator, call("instant", tailStart, 0));
        SliceReader reader = reader(simulator, 4 * HOUR, ApiLimits.MAX_PAGE_SIZE);
        Slice fast = Slice.tailFast(tailStart);
        Slice slow = Slice.tailLong(tailStart, tailStart);

        PassResult fastPass = pass(reader, fast, fresh(fast), null);
        PassResult longPass = pass(reader, slow, fresh(slow), null);

        assertThat(fastPass.records()).isNotEmpty().allMatch(c -> c.durationSeconds() <= FAST_LANE);
        assertThat(longPass.records()).isNotEmpty().allMatch(c -> c.durationSeconds() > FAST_LANE);
        assertThat(ids(fastPass.records())).contains("exactly-fast-lane", "instant");
        assertThat(ids(longPass.records())).contains("just-over-fast-lane");
        assertTheLanesSplitTheTail(simulator, tailStart, fastPass, longPass);
        assertThat(fastPass.cursor()).isEqualTo(Cursor.throughSecond(NOW - SETTLE));
        assertThat(longPass.cursor()).isEqualTo(Cursor.throughSecond(NOW - SETTLE));
    }

    /**
     * With the fast lane starting after the tail, as on a first start, the long lane reads the short
     * calls before that start too: the two lanes share no call and miss none, and the fast lane's
     * first pass reads only its own minutes.
     */
    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void theLongLaneReadsTheShortCallsBeforeTheFastLaneStarts(EndTimestampReading reading) {
        TrtcSimulator simulator = tailSimulator(reading);
        long tailStart = NOW - 50 * 60;
        long fastStart = NOW - 15 * 60;
        add(simulator, call("short-before-fast-start", fastStart - 1, 60));
        add(simulator, call("short-at-fast-start", fastStart, 60));
        add(simulator, call("long-before-fast-start", tailStart + 100, FAST_LANE + 1));
        SliceReader reader = reader(simulator, 4 * HOUR, ApiLimits.MAX_PAGE_SIZE);
        Slice fast = Slice.tailFast(fastStart);
        Slice slow = Slice.tailLong(tailStart, fastStart);

        PassResult fastPass = pass(reader, fast, fresh(fast), null);
        PassResult longPass = pass(reader, slow, fresh(slow), null);

        assertThat(ids(fastPass.records())).contains("short-at-fast-start").doesNotContain("short-before-fast-start");
        assertThat(ids(longPass.records())).contains("short-before-fast-start", "long-before-fast-start")
                .doesNotContain("short-at-fast-start");
        assertThat(fastPass.records()).allMatch(c -> c.startCallTs() >= fastStart);
        assertTheLanesSplitTheTail(simulator, tailStart, fastPass, longPass);
    }

    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void aTailLaneFarBehindCatchesUpInPassesOfOneToTwoHoursThatTogetherReadEveryCallOnce(EndTimestampReading reading) {
        TrtcSimulator simulator = simulator(settings().historyDays(1).callsPerSecond(0.05)
                .maxCallDurationSeconds(3 * HOUR).endTimestampReading(reading));
        SliceReader reader = reader(simulator, 4 * HOUR, ApiLimits.MAX_PAGE_SIZE);
        Slice fast = Slice.tailFast(NOW - 3 * HOUR - 100);

        List<CallRecord> emitted = new ArrayList<>();
        Cursor cursor = fresh(fast);
        boolean behind = true;
        int passes = 0;
        while (behind) {
            SliceReader.Pass pass = reader.begin(fast, cursor, null);
            while (!pass.step(1)) {
                // one request per step
            }
            PassResult result = pass.result();
            // An hour, or, for the last, what is left when less than another hour would be.
            assertThat(result.cursor().endTs() - cursor.endTs()).isBetween(HOUR, 2 * HOUR);
            emitted.addAll(result.records());
            cursor = result.cursor();
            behind = pass.behind();
            passes++;
        }

        // Three hours and 100 s less the settle delay: two passes of an hour, the last of the rest.
        assertThat(passes).isEqualTo(3);
        assertThat(cursor).isEqualTo(Cursor.throughSecond(NOW - SETTLE));
        assertThat(emitted).containsExactlyElementsOf(visible(simulator, NOW, fast.startFrom(), Long.MAX_VALUE,
                NOW - SETTLE).stream().filter(c -> c.durationSeconds() <= FAST_LANE).toList());
    }

    @Test
    void aTailLaneBehindTheHorizonStartsItsFirstSpanAtTheHorizonAndReportsTheRestLost() {
        TrtcSimulator simulator = simulator(settings().historyDays(7).callsPerSecond(0.01));
        SliceReader reader = reader(simulator, 4 * HOUR, ApiLimits.MAX_PAGE_SIZE);
        Slice fast = Slice.tailFast(NOW - 8 * DAY);
        long floor = ReadSettings.horizonFloor(NOW);

        SliceReader.Pass pass = reader.begin(fast, fresh(fast), null);
        while (!pass.step(1)) {
            // one request per step
        }
        PassResult result = pass.result();

        assertThat(pass.behind()).isTrue();
        assertThat(result.lost()).isEqualTo(new PassResult.LostRange(fast.startFrom(), floor));
        assertThat(result.cursor()).isEqualTo(Cursor.throughSecond(floor + HOUR));
        assertThat(result.records()).isNotEmpty().containsExactlyElementsOf(visible(simulator, NOW, floor,
                Long.MAX_VALUE, floor + HOUR).stream().filter(c -> c.durationSeconds() <= FAST_LANE).toList());
    }

    /**
     * The horizon moves on while a pass pages deeper into one start second: calls it overtook
     * are reported lost, but calls after it must still all be read.
     */
    @Test
    void aPassThatTheHorizonOvertakesWhilePagingThroughOneSecondSkipsNoCallAfterTheReportedLoss() {
        TrtcSimulator simulator = simulator(empty());
        long floor = ReadSettings.horizonFloor(NOW);
        Slice slice = Slice.history(floor - HOUR, floor + HOUR, floor - HOUR, floor + HOUR + HOUR);
        List<CallRecord> calls = new ArrayList<>();
        for (long second = floor; second < floor + 5; second++) {
            for (int i = 0; i < 25; i++) {
                calls.add(call(String.format("c-%d-%02d", second, i), second, 60 + i));
            }
        }
        calls.forEach(c -> add(simulator, c));
        AtomicInteger requests = new AtomicInteger();
        // One second passes during the first request: the horizon floor moves from floor to floor + 1.
        simulator.beforeEachRequest(() -> {
            if (requests.incrementAndGet() == 1) {
                clock.advanceSeconds(1);
            }
        });
        SliceReader reader = reader(simulator, HOUR, 10);

        PassResult result = pass(reader, slice, fresh(slice), null);

        assertThat(result.lost()).isEqualTo(new PassResult.LostRange(slice.startFrom(), floor + 1));
        List<CallRecord> afterTheLoss = calls.stream().filter(c -> c.startCallTs() >= result.lost().startUntil())
                .sorted(END_ORDER).toList();
        assertThat(ids(result.records())).containsAll(ids(afterTheLoss));
    }

    @Test
    void aHistoryPassReturnsAndCountsCallsLongerThanThePromisedMaximum() {
        TrtcSimulator simulator = simulator(empty());
        Slice slice = Slice.history(NOW - 5 * HOUR, NOW - 4 * HOUR, NOW - 5 * HOUR, NOW - 4 * HOUR + HOUR);
        CallRecord overlong = call("overlong", slice.startFrom() + 10, HOUR + HOUR / 2);
        CallRecord longest = call("exactly-the-maximum", slice.startFrom() + 20, HOUR);
        CallRecord shortCall = call("short", slice.startFrom() + 30, 60);
        List.of(overlong, longest, shortCall).forEach(c -> add(simulator, c));
        SliceReader reader = reader(simulator, HOUR, ApiLimits.MAX_PAGE_SIZE);

        PassResult result = pass(reader, slice, fresh(slice), null);

        assertThat(result.records()).containsExactly(shortCall, longest, overlong);
        assertThat(result.overlong()).isEqualTo(1);
        assertThat(result.lost()).isNull();
    }

    @Test
    void aTailPassDeliversACallThatShowedUpAfterThePreviousPassCoveredItsEndAndCountsItLate() {
        TrtcSimulator simulator = simulator(empty());
        SliceReader reader = reader(simulator, HOUR, ApiLimits.MAX_PAGE_SIZE);
        Slice fast = Slice.tailFast(NOW - HOUR);
        CallRecord onTime = call("on-time", NOW - 300, 60);
        add(simulator, onTime);
        PassResult first = pass(reader, fast, Cursor.throughSecond(NOW - 600), null);
        assertThat(first.records()).containsExactly(onTime);
        // Ended before the first pass's bound, but indexed only now: later than the settle delay.
        CallRecord late = call("late", NOW - 200, 60);
        simulator.addCall(SimulatorCalls.served(late), NOW + 5);
        CallRecord next = call("next", NOW - 35, 10);
        add(simulator, next);
        clock.advanceSeconds(10);

        PassResult second = pass(reader, fast, first.cursor(), first.seen());

        assertThat(second.records()).containsExactly(late, next);
        assertThat(second.late()).isEqualTo(1);
        assertThat(second.seen().callIds()).contains("on-time", "late", "next");
    }

    @Test
    void withoutThePreviousPassALateCallBehindTheCursorStaysThereAsAfterARestart() {
        TrtcSimulator simulator = simulator(empty());
        SliceReader reader = reader(simulator, HOUR, ApiLimits.MAX_PAGE_SIZE);
        Slice fast = Slice.tailFast(NOW - HOUR);
        add(simulator, call("emitted-before-the-restart", NOW - 300, 60));

        PassResult pass = pass(reader, fast, Cursor.throughSecond(NOW - SETTLE - 10), null);

        assertThat(pass.records()).isEmpty();
        assertThat(pass.late()).isZero();
    }

    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void theOverlongLaneReadsBackToTheHorizonForCallsLongerThanTheMaximumOnly(EndTimestampReading reading) {
        TrtcSimulator simulator = simulator(empty().endTimestampReading(reading));
        long tailStart = NOW - 2 * HOUR;
        long readFrom = NOW - 8 * DAY;
        CallRecord days = call("three-days", NOW - 3 * DAY, 3 * DAY - 2 * SETTLE);
        CallRecord hours = call("just-over", tailStart + 60, HOUR + 1);
        CallRecord promised = call("exactly-the-maximum", tailStart + 120, HOUR);
        CallRecord beyondHorizon = call("eight-days", NOW - 8 * DAY + HOUR, 8 * DAY - HOUR - 2 * SETTLE);
        List.of(days, hours, promised, beyondHorizon).forEach(c -> add(simulator, c));
        SliceReader reader = reader(simulator, HOUR, ApiLimits.MAX_PAGE_SIZE);
        Slice overlong = Slice.parse(Slice.TAIL_OVERLONG, tailStart, tailStart, readFrom, HOUR);
        Slice slow = Slice.tailLong(tailStart, tailStart);

        PassResult result = pass(reader, overlong, overlong.initialCursor(), null);
        // From an hour into the tail, so that one pass reaches the present and sees both calls end.
        PassResult longPass = pass(reader, slow, Cursor.throughSecond(tailStart + HOUR), null);

        assertThat(result.records()).containsExactly(hours, days);
        assertThat(result.overlong()).isEqualTo(2);
        assertThat(result.lost()).as("reading back to the horizon is this lane's normal work, not a loss").isNull();
        assertThat(simulator.stats().queries()).allSatisfy(query ->
                assertThat(query.startTimestamp()).isGreaterThanOrEqualTo(ReadSettings.horizonFloor(NOW)));
        assertThat(longPass.records()).as("the long lane leaves calls past the maximum to the overlong lane")
                .containsExactly(promised);
    }

    /**
     * A busy application: a third of an hour at 100 calls per second is 120,000 calls, most of them
     * a few minutes long. Every pass holds no more than its bound, and together they emit every
     * call once, in end order.
     */
    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void atOneHundredCallsPerSecondNoPassHoldsMoreThanItsBoundAndTogetherTheyEmitEveryCallOnce(
            EndTimestampReading reading) {
        // No history: the calls are generated from now on, as the clock moves.
        TrtcSimulator simulator = simulator(settings().historyDays(0).callsPerSecond(100)
                .endTimestampReading(reading));
        Slice slice = Slice.history(NOW, NOW + 20 * 60, NOW, NOW + 20 * 60 + HOUR);
        clock.advanceSeconds(HOUR);
        SliceReader reader = reader(simulator, HOUR, ApiLimits.MAX_PAGE_SIZE);
        List<CallRecord> expected = visible(simulator, clock.epochSecond(), slice.startFrom(), slice.startUntil(),
                clock.epochSecond() - SETTLE);

        List<PassResult> results = SliceReaderHostileApiTest.readToTheEnd(reader, slice);

        assertThat(expected).hasSizeGreaterThan(2 * SliceReader.MAX_HELD_RECORDS);
        assertThat(results).hasSizeGreaterThan(2);
        SliceReaderHostileApiTest.assertEveryCallOnceInEndOrder(results, expected);
        // Handed over in parts as it went: no page was read twice.
        assertThat(simulator.stats().totalRequests()).isLessThanOrEqualTo(expected.size() / 100 + 2);
        System.out.printf("[%s] %d calls of 20 minutes at 100 calls/s: %d results, %d requests%n", reading,
                expected.size(), results.size(), simulator.stats().totalRequests());
    }

    /**
     * Pages of one list asked at once may be answered in any order: here page 3 before page 2, and a
     * call joins the list in front of both in between. Page 2 then starts a record later than page 3
     * assumed, and the record between them is on neither: page 3 counts fewer records than page 2,
     * so it is asked again, and every call is read.
     */
    @Test
    void aPageThatCountsFewerRecordsThanAPageBeforeItIsAskedAgainAndNoCallIsSkipped() {
        TrtcSimulator simulator = simulator(empty());
        long cellStart = NOW - 3 * HOUR;
        Slice cell = Slice.history(cellStart, cellStart + HOUR, cellStart, NOW - 2 * HOUR);
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(call(String.format("c-%02d", i), cellStart + 90L * i, 30));
        }
        calls.forEach(call -> add(simulator, call));
        // Shows up in front of every page but the first while the pass reads.
        CallRecord joining = call("joins", cellStart + 5, 30);
        simulator.addCall(SimulatorCalls.served(joining), NOW + 10);
        HttpTrtcRecordsClient http = SimulatorClients.quickClient(simulator, clock);
        toClose.add(http);
        List<List<Integer>> steps = new ArrayList<>();
        PageRequests lastFirst = requests -> {
            steps.add(List.of(requests.size()));
            List<PageRequests.Fetched> fetched = new ArrayList<>(requests.size());
            for (int i = requests.size() - 1; i >= 0; i--) {
                if (i < requests.size() - 1) {
                    clock.advanceSeconds(20);
                }
                fetched.add(0, PageRequests.Fetched.of(requests.get(i)));
            }
            return fetched;
        };
        SliceReader reader = new SliceReader(http, lastFirst, new ReadSettings(SETTLE, HOUR, FAST_LANE, 10,
                Set.of("single", "group"), Set.of()), clock, () -> false, SliceReader.MAX_HELD_RECORDS);

        SliceReader.Pass pass = reader.begin(cell, fresh(cell), null);
        while (!pass.step(pass.wantedWidth())) {
            // as many pages at once as the pass can use
        }
        PassResult result = pass.result();

        assertThat(ids(result.records())).containsAll(ids(calls));
        // Page 1 alone, pages 2 and 3 at once, page 3 again with what follows.
        assertThat(steps.get(0)).containsExactly(1);
        assertThat(steps.get(1)).containsExactly(2);
        assertThat(simulator.stats().totalRequests()).isEqualTo(result.requests());
    }
}

package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.InvalidRecord;
import io.github.kafkaconnecttrtc.client.RecordsPage;
import io.github.kafkaconnecttrtc.client.RecordsQuery;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.testing.LogCapture;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.ScriptedRecordsClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One pass against an API that misbehaves in ways the simulator's model never does: records no
 * call can have, paging that contradicts itself, more calls than a pass may hold.
 */
// A reader that follows a lying paginator forever must fail the test, not hang the build.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SliceReaderHostileApiTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long HOUR = 3600;
    private static final long SETTLE = 30;
    private static final int PAGE = 100;
    private static final Comparator<CallRecord> END_ORDER =
            Comparator.comparingLong(CallRecord::endTs).thenComparing(CallRecord::callId);
    /** A history cell that settled long ago: one pass reads it, up to its handover. */
    private static final Slice CELL = Slice.history(NOW - 5 * HOUR, NOW - 4 * HOUR, NOW - 5 * HOUR, NOW - 3 * HOUR);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);

    private SliceReader reader(ScriptedRecordsClient client) {
        ReadSettings read = new ReadSettings(SETTLE, HOUR, 600, PAGE, Set.of("single", "group"), Set.of());
        return new SliceReader(client, PageRequests.concurrent(Runnable::run),
                read, clock, () -> false, SliceReader.MAX_HELD_RECORDS);
    }

    private static CallRecord call(String id, long start, long duration) {
        return new CallRecord(id, SimulatorSettings.DEFAULT_SDK_APP_ID, "audio", "room-" + id, null, start, start,
                start + duration, "caller", 2, "single", "normal_end", List.of("callee"));
    }

    /** {@code count} calls of a minute, one every 10 s from the cell's start. */
    private static List<CallRecord> minuteCalls(int count) {
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(call(String.format("c-%04d", i), CELL.startFrom() + 10L * i, 60));
        }
        return calls;
    }

    private static PassResult pass(SliceReader reader, Slice slice, Cursor cursor) {
        SliceReader.Pass pass = reader.begin(slice, cursor, null);
        while (!pass.step(1)) {
            assertThat(pass.takePart()).as("no part of a pass this small").isNull();
        }
        return pass.result();
    }

    private static Cursor fresh(Slice slice) {
        return Cursor.throughSecond(slice.startFrom() - 1);
    }

    private static RecordsPage withRecords(RecordsPage page, List<CallRecord> records) {
        return new RecordsPage(page.requested(), page.nextIndicator(), page.totalNum(), records, page.invalid(),
                page.requestId());
    }

    private static List<CallRecord> sorted(List<CallRecord> calls) {
        return calls.stream().sorted(END_ORDER).toList();
    }

    /** A service that pages with {@code cap} records however many were asked for, as v4 may. */
    private static ScriptedRecordsClient capped(List<CallRecord> calls, int cap) {
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true);
        return client.script((query, page, honest) -> client.honest(new RecordsQuery(query.startTimestamp(),
                query.endTimestamp(), query.callType(), query.callResult(), cap), page));
    }

    @Test
    void readsEveryPageWhenTheServicePagesWithFewerRecordsThanAsked() {
        List<CallRecord> calls = minuteCalls(350);
        ScriptedRecordsClient client = capped(calls, 30);

        PassResult result = pass(reader(client), CELL, fresh(CELL));

        assertThat(client.pages()).hasSize(12);
        assertThat(result.records()).containsExactlyElementsOf(sorted(calls));
        assertThat(result.pagingAnomalies()).isZero();
    }

    @Test
    void recognisesAnEarlyEndOfAListPagedWithFewerRecordsThanAsked() {
        List<CallRecord> calls = minuteCalls(350);
        ScriptedRecordsClient capped = capped(calls, 30);
        // Page 5 of 12 says it is the last, every time it is asked.
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true).script((query, page, honest) -> {
            RecordsPage answer = capped.fetchPage(query, page);
            return page == 5 ? new RecordsPage(page, 0, answer.totalNum(), answer.records(), answer.invalid(),
                    answer.requestId()) : answer;
        });

        PassResult result = pass(reader(client), CELL, fresh(CELL));

        assertThat(client.pages()).containsExactly(1, 2, 3, 4, 5, 5, 5, 5);
        assertThat(result.records()).hasSize(150);
        assertThat(result.pagingAnomalies()).isEqualTo(1);
        assertThat(logs.text()).contains("ended the list at page 5 after 150 records though its totalNum says 350");
    }

    @Test
    void invalidRecordsOfAPageTravelWithTheirRequestIdWhileTheCallsAroundThemAreAllRead() {
        List<CallRecord> calls = minuteCalls(250);
        InvalidRecord bad = new InvalidRecord("{\"callId\":\"c-0100\",\"endTs\":\"soon\"}",
                "'endTs' is not a whole number", "c-0100");
        // The first call of page 2 comes malformed.
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true).script((query, page, honest) ->
                page != 2 ? honest : new RecordsPage(page, honest.nextIndicator(), honest.totalNum(),
                        honest.records().subList(1, PAGE), List.of(bad), honest.requestId()));

        PassResult result = pass(reader(client), CELL, fresh(CELL));

        assertThat(client.pages()).containsExactly(1, 2, 3);
        List<CallRecord> wellFormed = new ArrayList<>(calls);
        wellFormed.remove(100);
        assertThat(result.records()).containsExactlyElementsOf(sorted(wellFormed));
        assertThat(result.invalid()).containsExactly(new PassResult.Rejected(bad, "req-2"));
        assertThat(result.pagingAnomalies()).isZero();
    }

    static Stream<Arguments> recordsNoCallCanHave() {
        long start = CELL.startFrom() + 505;
        return Stream.of(
                Arguments.of("startCallTs 0", new CallRecord("bad", 1L, "audio", "r", null, 0, 0, start + 60, "u", 2,
                        "single", "normal_end", List.of("v")), "startCallTs"),
                Arguments.of("acceptTs beyond what milliseconds hold", new CallRecord("bad", 1L, "audio", "r", null, start,
                        9_300_000_000_000_000L, start + 60, "u", 2, "single", "normal_end", List.of("v")), "acceptTs"),
                Arguments.of("endTs far in the future", new CallRecord("bad", 1L, "audio", "r", null, start, start,
                        NOW + 30 * 86_400, "u", 2, "single", "normal_end", List.of("v")), "future"),
                Arguments.of("endTs before startCallTs", new CallRecord("bad", 1L, "audio", "r", null, start, start,
                        start - 1, "u", 2, "single", "normal_end", List.of("v")), "before startCallTs"),
                Arguments.of("startCallTs in 1970", new CallRecord("bad", 1L, "audio", "r", null, 1000, 1000, start,
                        "u", 2, "single", "normal_end", List.of("v")), "horizon"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsNoCallCanHave")
    void aRecordWithTimesNoCallCanHaveIsSetAsideAsInvalidWithoutSteeringTheReader(String description,
            CallRecord bad, String reasonNames) {
        List<CallRecord> calls = minuteCalls(250);
        // In the middle of the first page, where a start of 0 used to look like an answer out of order.
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true).script((query, page, honest) -> {
            if (page != 1) {
                return honest;
            }
            List<CallRecord> records = new ArrayList<>(honest.records());
            records.add(50, bad);
            return withRecords(honest, records);
        });
        SliceReader reader = reader(client);

        PassResult result = pass(reader, CELL, fresh(CELL));

        assertThat(result.records()).containsExactlyElementsOf(sorted(calls));
        assertThat(result.invalid()).singleElement().satisfies(rejected -> {
            assertThat(rejected.requestId()).isEqualTo("req-1");
            assertThat(rejected.record().callId()).isEqualTo("bad");
            assertThat(rejected.record().reason()).contains(reasonNames);
            assertThat(rejected.record().raw()).startsWith("{\"callId\":\"bad\",\"sdkAppId\":1,");
        });
        assertThat(logs.text()).doesNotContain("out of start-time order");
        // Still reading in start order: the next pass pages one list from its start again.
        int before = client.requestCount();
        pass(reader, CELL, fresh(CELL));
        assertThat(client.queries().subList(before, client.requestCount()))
                .allSatisfy(query -> assertThat(query.startTimestamp()).isEqualTo(CELL.startFrom()));
    }

    @Test
    void recordsOutsideTheQueryAreNeitherReadNorTakenForAnAnswerOutOfOrder() {
        List<CallRecord> calls = minuteCalls(250);
        CallRecord before = call("before-the-query", CELL.startFrom() - 600, 60);
        CallRecord after = call("after-the-end", NOW - 20, 5);
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true).script((query, page, honest) -> {
            if (page != 1) {
                return honest;
            }
            List<CallRecord> records = new ArrayList<>(honest.records());
            records.add(10, before);
            records.add(20, after);
            return withRecords(honest, records);
        });

        PassResult result = pass(reader(client), CELL, fresh(CELL));

        assertThat(result.records()).containsExactlyElementsOf(sorted(calls));
        assertThat(result.invalid()).isEmpty();
        assertThat(logs.text()).doesNotContain("out of start-time order");
    }

    @Test
    void aPageOfInvalidRecordsOnlyDoesNotEndTheList() {
        List<CallRecord> calls = minuteCalls(250);
        List<InvalidRecord> bad = new ArrayList<>();
        for (int i = 0; i < PAGE; i++) {
            bad.add(new InvalidRecord("{\"callId\":\"bad-" + i + "\"}", "no endTs", "bad-" + i));
        }
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true).script((query, page, honest) ->
                page != 2 ? honest : new RecordsPage(page, page, honest.totalNum(), List.of(), bad,
                        honest.requestId()));

        PassResult result = pass(reader(client), CELL, fresh(CELL));

        assertThat(client.pages()).containsExactly(1, 2, 3);
        assertThat(result.records()).containsExactlyElementsOf(sorted(
                Stream.concat(calls.subList(0, 100).stream(), calls.subList(200, 250).stream()).toList()));
        assertThat(result.invalid()).hasSize(PAGE);
    }

    @ParameterizedTest(name = "early end by {0}")
    @ValueSource(strings = {"an empty page", "page 0"})
    void anAnswerEndingTheListInsideItsTotalNumIsAskedAgainAndTheNextAnswerIsRead(String how) {
        List<CallRecord> calls = minuteCalls(250);
        AtomicInteger secondPages = new AtomicInteger();
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true).script((query, page, honest) -> {
            if (page != 2 || secondPages.incrementAndGet() > 1) {
                return honest;
            }
            return how.equals("page 0")
                    ? new RecordsPage(page, 0, honest.totalNum(), honest.records(), List.of(), honest.requestId())
                    : RecordsPage.empty(page, honest.requestId());
        });

        PassResult result = pass(reader(client), CELL, fresh(CELL));

        assertThat(client.pages()).containsExactly(1, 2, 2, 3);
        assertThat(result.records()).containsExactlyElementsOf(sorted(calls));
        assertThat(result.pagingAnomalies()).isZero();
    }

    @Test
    void anEarlyEndThatPersistsIsBelievedAfterThreeMoreAsksCountedAndWarnedOncePerSlice() {
        List<CallRecord> calls = minuteCalls(250);
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true).script((query, page, honest) ->
                page != 2 ? honest
                        : new RecordsPage(page, 0, honest.totalNum(), honest.records(), List.of(), honest.requestId()));
        SliceReader reader = reader(client);

        PassResult first = pass(reader, CELL, fresh(CELL));
        PassResult second = pass(reader, CELL, fresh(CELL));

        assertThat(client.pages()).containsExactly(1, 2, 2, 2, 2, 1, 2, 2, 2, 2);
        assertThat(first.records()).containsExactlyElementsOf(sorted(calls.subList(0, 200)));
        assertThat(first.pagingAnomalies()).isEqualTo(1);
        assertThat(second.pagingAnomalies()).isEqualTo(1);
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN") && line.contains("ended the list"))
                .singleElement().asString().contains(CELL.name(), "250", "req-5");
    }

    @Test
    void aServerAnsweringTheSamePageOverAndOverFailsThePassAfterThreeRepeatsAndLeavesItIncomplete() {
        List<CallRecord> calls = minuteCalls(250);
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true);
        client.script((query, page, honest) -> {
            RecordsPage first = client.honest(query, 1);
            return new RecordsPage(page, page, first.totalNum(), first.records(), List.of(), honest.requestId());
        });
        SliceReader.Pass pass = reader(client).begin(CELL, fresh(CELL), null);

        assertThatThrownBy(() -> {
            while (!pass.step(1)) {
                // one request per step
            }
        }).isInstanceOf(PagingException.class).hasMessageContaining("same 100 records")
                .hasMessageContaining(CELL.name()).hasMessageContaining("150 of the 250 records");

        assertThat(client.pages()).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(pass::result).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noPageBeyondWhatTotalNumAllowsIsAskedForAndTheListEndsThereWithAWarning() {
        // Every page new records, every page "more follow", and a totalNum of 250 throughout.
        List<CallRecord> served = new ArrayList<>();
        ScriptedRecordsClient client = new ScriptedRecordsClient(List.of(), true).script((query, page, honest) -> {
            List<CallRecord> records = new ArrayList<>();
            for (int i = 0; i < PAGE; i++) {
                records.add(call(String.format("p%03d-%03d", page, i), CELL.startFrom() + page, 60));
            }
            served.addAll(records);
            return new RecordsPage(page, page, 250, records, List.of(), "req-" + page);
        });

        PassResult result = pass(reader(client), CELL, fresh(CELL));

        // ceil(250 / 100) pages and a margin of 2
        assertThat(client.pages()).containsExactly(1, 2, 3, 4, 5);
        assertThat(result.records()).containsExactlyElementsOf(sorted(served));
        assertThat(result.pagingAnomalies()).isEqualTo(1);
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN")).singleElement().asString()
                .contains(CELL.name(), "totalNum (250)", "at most 5 pages");
    }

    @Test
    void aServerThatRepeatsItsLastPageForeverIsBelievedOnceItsTotalNumIsRead() {
        // The last page says more follow, and every page after it is the last page again.
        List<CallRecord> calls = minuteCalls(250);
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true);
        client.script((query, page, honest) -> {
            RecordsPage last = client.honest(query, Math.min(page, 3));
            return new RecordsPage(page, page, last.totalNum(), last.records(), List.of(), honest.requestId());
        });

        PassResult result = pass(reader(client), CELL, fresh(CELL));

        assertThat(client.pages()).containsExactly(1, 2, 3, 4);
        assertThat(result.records()).containsExactlyElementsOf(sorted(calls));
        assertThat(result.pagingAnomalies()).isEqualTo(1);
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN")).singleElement().asString()
                .contains(CELL.name(), "page 4", "records of the page before", "all 250 records");
    }

    @Test
    void aRepeatedPageThatShiftingExplainsIsFollowed() {
        // Page size 1: one call appearing in front of the position before page 3 repeats the whole
        // previous page, and every later page is the one before it was.
        List<CallRecord> calls = minuteCalls(5);
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true);
        client.script((query, page, honest) -> {
            if (page < 3) {
                return honest;
            }
            RecordsPage shifted = client.honest(query, page - 1);
            return new RecordsPage(page, shifted.nextIndicator() > 0 ? page : 0, shifted.totalNum() + 1,
                    shifted.records(), List.of(), honest.requestId());
        });
        ReadSettings read = new ReadSettings(SETTLE, HOUR, 600, 1, Set.of("single", "group"), Set.of());
        SliceReader reader = new SliceReader(client, PageRequests.concurrent(Runnable::run),
                read, clock, () -> false, SliceReader.MAX_HELD_RECORDS);

        SliceReader.Pass pass = reader.begin(CELL, fresh(CELL), null);
        while (!pass.step(1)) {
            // one request per step
        }

        assertThat(pass.result().records()).containsExactlyElementsOf(sorted(calls));
    }

    /**
     * More calls than a pass may hold, each short: parts leave the pass as it reads, and together
     * with its end hold every call once, in end order, at no extra request.
     */
    @ParameterizedTest(name = "endTimestamp bounds the {0}")
    @ValueSource(strings = {"end", "start"})
    void aPassHoldingTooManyCallsHandsThemOverInPartsThatTogetherHoldEveryCallOnce(String reading) {
        List<CallRecord> calls = new ArrayList<>();
        int count = 2 * SliceReader.MAX_HELD_RECORDS + 1234;
        for (int i = 0; i < count; i++) {
            long start = CELL.startFrom() + (long) i * HOUR / count;
            calls.add(call(String.format("c-%06d", i), start, 1 + i % 120));
        }
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, reading.equals("end"));

        List<PassResult> results = readToTheEnd(reader(client), CELL);

        assertThat(results).hasSizeGreaterThanOrEqualTo(3);
        assertThat(client.requestCount()).isEqualTo((count + PAGE - 1) / PAGE);
        assertEveryCallOnceInEndOrder(results, calls);
    }

    /**
     * More calls in progress at one moment than half of what a pass may hold: the pass covers less
     * end time, and the passes after it, due at once, read the rest.
     */
    @ParameterizedTest(name = "endTimestamp bounds the {0}")
    @ValueSource(strings = {"end", "start"})
    void whenTheCallsInProgressFillHalfTheBoundPassesCoverLessEndTimeAndTogetherHoldEveryCallOnce(String reading) {
        List<CallRecord> calls = new ArrayList<>();
        int count = SliceReader.MAX_HELD_RECORDS + 5000;
        for (int i = 0; i < count; i++) {
            long start = CELL.startFrom() + (long) i * HOUR / count;
            // Every call lasts about 55 minutes: most of the cell's calls are in progress at once.
            calls.add(call(String.format("c-%06d", i), start, 3300 + i % 300));
        }
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, reading.equals("end"));

        List<PassResult> results = readToTheEnd(reader(client), CELL);

        assertEveryCallOnceInEndOrder(results, calls);
        System.out.printf("%d calls mostly in progress at once (%s reading): %d results, %d requests (%d for one pass"
                + " without a bound)%n", count, reading, results.size(), client.requestCount(), (count + PAGE - 1) / PAGE);
    }

    @Test
    void outOfStartOrderAPassHoldingTooMuchStartsAgainOverLessEndTimeAndLosesNoCall() {
        List<CallRecord> calls = new ArrayList<>();
        int count = SliceReader.MAX_HELD_RECORDS + 5000;
        for (int i = 0; i < count; i++) {
            long start = CELL.startFrom() + (long) i * HOUR / count;
            calls.add(call(String.format("c-%06d", i), start, 1 + i % 120));
        }
        // The very first page comes with its first two records swapped.
        AtomicInteger requests = new AtomicInteger();
        ScriptedRecordsClient client = new ScriptedRecordsClient(calls, true).script((query, page, honest) -> {
            if (requests.incrementAndGet() != 1) {
                return honest;
            }
            List<CallRecord> records = new ArrayList<>(honest.records());
            records.set(0, honest.records().get(1));
            records.set(1, honest.records().get(0));
            return withRecords(honest, records);
        });

        List<PassResult> results = readToTheEnd(reader(client), CELL);

        assertThat(logs.text()).contains("out of start-time order");
        assertThat(results).hasSizeGreaterThanOrEqualTo(2);
        assertEveryCallOnceInEndOrder(results, calls);
    }

    @Test
    void aTailPassThatSeesMoreCallsThanItMayRememberKeepsNoWindowForTheNextAndStillEmitsEveryCallOnce() {
        // Three hours behind: the first pass reads one, and two are left for passes after it.
        Slice fast = Slice.tailFast(NOW - 3 * HOUR);
        List<CallRecord> calls = new ArrayList<>();
        int count = SliceReader.MAX_SEEN_IDS + 10_000;
        for (int i = 0; i < count; i++) {
            calls.add(call(String.format("c-%06d", i), fast.startFrom() + (long) i * (HOUR - 400) / count,
                    1 + i % 300));
        }
        SliceReader.Pass pass = reader(new ScriptedRecordsClient(calls, true)).begin(fast, fresh(fast), null);
        List<PassResult> results = new ArrayList<>();
        while (!pass.step(1)) {
            PassResult part = pass.takePart();
            if (part != null) {
                results.add(part);
            }
        }
        PassResult last = pass.result();
        results.add(last);

        assertThat(pass.behind()).as("one hour of a lane three hours behind").isTrue();
        assertThat(last.seen()).isNull();
        assertEveryCallOnceInEndOrder(results, calls);
    }

    /**
     * Reads {@code slice} pass after pass, as the engine does, until it has caught up; checks after
     * every request that the pass holds no more than its bound.
     */
    static List<PassResult> readToTheEnd(SliceReader reader, Slice slice) {
        List<PassResult> results = new ArrayList<>();
        Cursor cursor = fresh(slice);
        boolean behind = true;
        while (behind) {
            SliceReader.Pass pass = reader.begin(slice, cursor, null);
            while (!pass.step(1)) {
                assertThat(pass.held()).isLessThanOrEqualTo(SliceReader.MAX_HELD_RECORDS + PAGE);
                PassResult part = pass.takePart();
                if (part != null) {
                    results.add(part);
                    cursor = part.cursor();
                }
            }
            PassResult result = pass.result();
            results.add(result);
            cursor = result.cursor();
            behind = pass.behind() && !slice.finishedAt(cursor);
        }
        return results;
    }

    /** The results, in order, emit each call once, each result in end order and after the one before. */
    static void assertEveryCallOnceInEndOrder(List<PassResult> results, List<CallRecord> calls) {
        Map<String, CallRecord> emitted = new HashMap<>();
        Cursor previous = null;
        for (PassResult result : results) {
            assertThat(result.records()).isSortedAccordingTo(END_ORDER);
            for (CallRecord record : result.records()) {
                assertThat(emitted.put(record.callId(), record)).as("emitted twice: %s", record.callId()).isNull();
                if (previous != null) {
                    assertThat(previous.precedes(record)).as("%s after %s", record.callId(), previous).isTrue();
                }
                assertThat(result.cursor().precedes(record)).isFalse();
            }
            previous = result.cursor();
        }
        Map<String, CallRecord> expected = new HashMap<>();
        calls.forEach(call -> expected.put(call.callId(), call));
        // Map equality rather than AssertJ's element matching, which is quadratic in a hundred thousand calls.
        assertThat(emitted.equals(expected)).as("every call once, as read: %d emitted, %d expected", emitted.size(),
                expected.size()).isTrue();
    }
}

package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The store's queries against a plain filter over every call: the counting by end time that
 * spares large stores a full scan must give the same pages and totals as looking at each call.
 */
class CallStoreTest {

    private static final long NOW = 1_750_000_000L;
    private static final long HOUR = 3600;

    @Test
    void generatedHistoryAnswersLikeAScanUnderBothReadingsForConnectorLikeQueries() {
        SimulatorSettings settings = SimulatorSettings.builder().callsPerSecond(0.5).maxCallDurationSeconds(6 * HOUR)
                .longCallFraction(0.05).visibilityDelaySeconds(20).build();
        CallStore store = new CallStore(new CallGenerator(settings), NOW - 24 * HOUR);
        store.generateThrough(NOW);
        List<SimulatedCall> all = store.startedBy(NOW);
        SplittableRandom random = new SplittableRandom(7);
        for (EndTimestampReading reading : EndTimestampReading.values()) {
            for (int i = 0; i < 300; i++) {
                long start = NOW - random.nextLong(24 * HOUR);
                // Ends near now (as a connector's passes ask), far back, or absent.
                Long end = switch (random.nextInt(3)) {
                    case 0 -> NOW - random.nextLong(60);
                    case 1 -> start + random.nextLong(3 * HOUR);
                    default -> null;
                };
                int perPage = 1 + random.nextInt(100);
                int page = 1 + random.nextInt(4);
                RecordQuery query = new RecordQuery(start, end, null, null, page, perPage);
                assertSameAnswer(store, all, CallFilter.of(query, reading, true), page, perPage);
            }
        }
    }

    @Test
    void typeResultAndPackageFiltersAnswerLikeAScan() {
        SimulatorSettings settings = SimulatorSettings.builder().callsPerSecond(0.2).build();
        CallStore store = new CallStore(new CallGenerator(settings), NOW - 6 * HOUR);
        store.generateThrough(NOW);
        List<SimulatedCall> all = store.startedBy(NOW);
        SplittableRandom random = new SplittableRandom(11);
        String[] types = {null, "single", "group"};
        String[] results = {null, "normal_end", "cancel"};
        for (int i = 0; i < 200; i++) {
            RecordQuery query = new RecordQuery(NOW - random.nextLong(6 * HOUR), NOW - random.nextLong(30),
                    types[random.nextInt(3)], results[random.nextInt(3)], 1 + random.nextInt(3), 50);
            assertSameAnswer(store, all, CallFilter.of(query, EndTimestampReading.END, random.nextBoolean()),
                    query.page(), query.numberPerPage());
        }
    }

    @Test
    void handMadeCallsWithLongIndexingDelaysAndOutOfOrderInsertsAreCountedRight() {
        SimulatorSettings settings = SimulatorSettings.builder().callsPerSecond(1).build();
        CallStore store = new CallStore(new CallGenerator(settings), NOW - HOUR);
        store.generateThrough(NOW);
        // Visible only an hour after its end, and inserted in the middle of the order.
        store.add(new SimulatedCall(Calls.single("late", NOW - 1800, NOW - 1700), NOW + 1900));
        store.add(new SimulatedCall(Calls.single("running", NOW - 1200, NOW + 600), NOW + 605));
        store.add(new SimulatedCall(Calls.single("done", NOW - 1500, NOW - 1400), NOW - 1399));
        List<SimulatedCall> all = store.startedBy(NOW);
        for (long at : new long[] {NOW, NOW + 700, NOW + 2000}) {
            store.generateThrough(at);
            List<SimulatedCall> now = store.startedBy(at);
            for (int page = 1; page <= 40; page++) {
                RecordQuery query = new RecordQuery(NOW - HOUR, at - 10, null, null, page, 100);
                assertSameAnswer(store, now, CallFilter.of(query, EndTimestampReading.END, true), page, 100, at);
            }
        }
        assertThat(all).extracting(call -> call.call().callId()).contains("late", "running", "done");
    }

    private static void assertSameAnswer(CallStore store, List<SimulatedCall> all, CallFilter filter, int page,
            int perPage) {
        assertSameAnswer(store, all, filter, page, perPage, NOW);
    }

    private static void assertSameAnswer(CallStore store, List<SimulatedCall> all, CallFilter filter, int page,
            int perPage, long now) {
        List<SimulatedCall> matches = all.stream().filter(call -> call.isVisible(now) && filter.matches(call))
                .sorted(Comparator.comparingLong((SimulatedCall call) -> call.call().startCallTs())
                        .thenComparing(call -> call.call().callId()))
                .toList();
        int first = (page - 1) * perPage;
        List<SimulatedCall> expected = new ArrayList<>(matches.subList(Math.min(first, matches.size()),
                Math.min(first + perPage, matches.size())));

        QueryPage answer = store.query(filter, now, page, perPage);

        assertThat(answer.totalNum()).as("%s page %d", filter, page).isEqualTo(matches.size());
        assertThat(answer.records()).as("%s page %d", filter, page).isEqualTo(expected);
        assertThat(answer.morePages()).isEqualTo(matches.size() > first + perPage);
    }
}

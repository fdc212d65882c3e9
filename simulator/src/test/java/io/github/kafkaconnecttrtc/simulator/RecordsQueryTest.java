package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Matching, ordering, paging and visibility as both endpoints share them (the behaviour model in
 * the README); what only one endpoint does is in {@link V1QueryTest} and {@link V4QueryTest}.
 */
class RecordsQueryTest {

    private static final long NOW = 1_750_000_000L;

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private TrtcSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private ApiCaller start(ApiDialect dialect, SimulatorSettings.Builder settings) {
        simulator = TrtcSimulator.start(settings.callsPerSecond(0).historyDays(0).build(), clock);
        return new ApiCaller(simulator, clock, dialect);
    }

    private ApiCaller start(ApiDialect dialect) {
        return start(dialect, SimulatorSettings.builder());
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void pagesHoldConsecutiveMatchesInStartThenCallIdOrderAndEchoThePageWhileMoreFollow(ApiDialect dialect) {
        ApiCaller api = start(dialect);
        simulator.addCall(Calls.single("e", NOW - 90, NOW - 50), NOW - 40);
        simulator.addCall(Calls.single("b", NOW - 100, NOW - 50), NOW - 40);
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 60), NOW - 40);
        simulator.addCall(Calls.single("d", NOW - 95, NOW - 50), NOW - 40);
        simulator.addCall(Calls.single("c", NOW - 99, NOW - 50), NOW - 40);
        Query query = Query.from(NOW - 200).perPage(2);

        ApiCaller.Answer first = api.post(query.page(1));
        ApiCaller.Answer second = api.post(query.page(2));
        ApiCaller.Answer third = api.post(query.page(3));

        assertThat(first.errorCode()).isZero();
        assertThat(first.requestId()).matches("[0-9a-f]{32}");
        assertThat(first.totalNum().asInt()).isEqualTo(5);
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.callIds()).containsExactly("a", "b");
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.callIds()).containsExactly("c", "d");
        assertThat(third.page()).isZero();
        assertThat(third.totalNum().asInt()).isEqualTo(5);
        assertThat(third.callIds()).containsExactly("e");
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aPageBeyondTheMatchesIsAnEmptySuccessWithTheTotal(ApiDialect dialect) {
        ApiCaller api = start(dialect);
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 50), NOW - 40);

        ApiCaller.Answer answer = api.post(Query.from(NOW - 200).page(3));

        assertThat(answer.errorCode()).isZero();
        assertThat(answer.totalNum().asInt()).isEqualTo(1);
        assertThat(answer.page()).isZero();
        assertThat(answer.records()).isEmpty();
    }

    /** Calls around the window [NOW-1000, NOW-500]; all visible. */
    private void addCallsStraddlingTheWindow() {
        simulator.addCall(Calls.single("starts-before", NOW - 1001, NOW - 900), NOW - 100);
        simulator.addCall(Calls.single("starts-on-lower-bound", NOW - 1000, NOW - 900), NOW - 100);
        simulator.addCall(Calls.single("ends-on-upper-bound", NOW - 800, NOW - 500), NOW - 100);
        simulator.addCall(Calls.single("ends-after", NOW - 700, NOW - 499), NOW - 100);
        simulator.addCall(Calls.single("starts-on-upper-bound", NOW - 500, NOW - 400), NOW - 100);
        simulator.addCall(Calls.single("starts-after", NOW - 499, NOW - 400), NOW - 100);
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void endReadingKeepsCallsThatStartAtOrAfterTheStartAndEndByTheEnd(ApiDialect dialect) {
        ApiCaller api = start(dialect, SimulatorSettings.builder().endTimestampReading(EndTimestampReading.END));
        addCallsStraddlingTheWindow();

        ApiCaller.Answer answer = api.post(Query.from(NOW - 1000).to(NOW - 500));

        assertThat(answer.callIds()).containsExactly("starts-on-lower-bound", "ends-on-upper-bound");
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void startReadingKeepsCallsThatStartWithinBothBoundsWhenEverTheyEnd(ApiDialect dialect) {
        ApiCaller api = start(dialect, SimulatorSettings.builder().endTimestampReading(EndTimestampReading.START));
        addCallsStraddlingTheWindow();

        ApiCaller.Answer answer = api.post(Query.from(NOW - 1000).to(NOW - 500));

        assertThat(answer.callIds()).containsExactly(
                "starts-on-lower-bound", "ends-on-upper-bound", "ends-after", "starts-on-upper-bound");
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aRecordBecomesVisibleOnlyAfterItsCallEndsPlusItsDelay(ApiDialect dialect) {
        ApiCaller api = start(dialect);
        simulator.addCall(Calls.single("ended", NOW - 100, NOW - 2), NOW + 1);
        simulator.addCall(Calls.single("still-ringing", NOW - 10, NOW + 20, "not_answer"), NOW + 20);
        Query query = Query.from(NOW - 200);

        assertThat(api.post(query).callIds()).isEmpty();
        clock.advanceSeconds(1);
        assertThat(api.post(query).callIds()).containsExactly("ended");
        clock.advanceSeconds(19);
        assertThat(api.post(query).callIds()).containsExactly("ended", "still-ringing");
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void aRecordBecomingVisibleBetweenPageRequestsShiftsTheLaterPages(ApiDialect dialect) {
        ApiCaller api = start(dialect);
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 90), NOW - 80);
        simulator.addCall(Calls.single("c", NOW - 80, NOW - 70), NOW - 60);
        simulator.addCall(Calls.single("d", NOW - 70, NOW - 60), NOW - 50);
        simulator.addCall(Calls.single("b-late", NOW - 95, NOW - 5), NOW + 15);
        simulator.beforeEachRequest(() -> clock.advanceSeconds(10));
        Query query = Query.from(NOW - 200).perPage(2);

        ApiCaller.Answer first = api.post(query.page(1));
        ApiCaller.Answer second = api.post(query.page(2));

        assertThat(first.callIds()).containsExactly("a", "c");
        assertThat(first.totalNum().asInt()).isEqualTo(3);
        assertThat(first.page()).isEqualTo(1);
        assertThat(second.callIds()).as("c moved to page 2 when b-late appeared before it").containsExactly("c", "d");
        assertThat(second.totalNum().asInt()).isEqualTo(4);
        assertThat(second.page()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void generatedHistoryIsServedPageByPage(ApiDialect dialect) {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(1).callsPerSecond(0.2).build(), clock);
        ApiCaller api = new ApiCaller(simulator, clock, dialect);
        long from = NOW - 3600;
        List<String> expected = simulator.groundTruth().stream()
                .filter(call -> call.call().startCallTs() >= from && call.isVisible(NOW))
                .map(call -> call.call().callId())
                .toList();

        List<String> served = new ArrayList<>();
        int page = 1;
        while (page > 0) {
            ApiCaller.Answer answer = api.post(Query.from(from).page(page));
            served.addAll(answer.callIds());
            assertThat(answer.totalNum().asInt()).isEqualTo(expected.size());
            page = answer.page() == 0 ? 0 : page + 1;
        }

        assertThat(expected).hasSizeGreaterThan(300);
        assertThat(served).isEqualTo(expected);
    }
}

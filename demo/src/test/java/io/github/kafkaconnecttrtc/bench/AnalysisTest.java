package io.github.kafkaconnecttrtc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.simulator.ApiRecord;
import io.github.kafkaconnecttrtc.simulator.QuerySnapshot;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    private static final long DEPLOY = 1_700_000_000_000L;

    @Test
    void aMatrixCellGetsItsBackfillFiguresAndNoSteadyOnes() {
        ModeResult cell = ModeResult.cell(BenchmarkOptions.Mode.ALO, 80, 2);
        cell.deployEpochMillis = DEPLOY;
        cell.readFromSecond = DEPLOY / 1000 - 86_400;
        cell.historyUntilSecond = DEPLOY / 1000 - 30;
        Deliveries topic = new Deliveries();
        for (int i = 0; i < 20; i++) {
            long end = DEPLOY - 3_600_000 + i * 1000L;
            topic.add(DEPLOY + 2_000 + i * 100L, 0, end - 60_000, end, i);
        }
        TreeMap<Long, Long> perSecond = new TreeMap<>();
        perSecond.put(DEPLOY / 1000 - 1, 50L); // before the deploy: another cell's
        perSecond.put(DEPLOY / 1000 + 2, 3L);
        perSecond.put(DEPLOY / 1000 + 3, 1L);
        perSecond.put(DEPLOY / 1000 + 9, 7L); // after the last record

        Analysis.topic(cell, topic, perSecond, 200);

        assertThat(cell.backfillRecords).isEqualTo(20);
        assertThat(cell.firstRecordSeconds).isEqualTo(2.0);
        assertThat(cell.lastRecordSeconds).isEqualTo(3.9);
        assertThat(cell.backfillRequests).isEqualTo(4);
        assertThat(cell.maxRequestsInSecond).isEqualTo(3);
        assertThat(cell.liveRecords).isZero();
        assertThat(cell.freshnessAppend).isEmpty();
    }

    @Test
    void aBackfillWithoutRecordsLeavesItsRequestsUncounted() {
        ModeResult cell = ModeResult.cell(BenchmarkOptions.Mode.ALO, 80, 2);
        cell.deployEpochMillis = DEPLOY;

        Analysis.topic(cell, new Deliveries(), new TreeMap<>(), 200);

        assertThat(cell.backfillRecords).isZero();
        assertThat(cell.backfillRequests).isZero();
        assertThat(cell.complete()).isFalse();
    }

    private static SimulatedCall call(int i, long start, long end) {
        return new SimulatedCall(new ApiRecord("c" + i, 1400000000L, "audio", "1", start, start, end, "a", 2, "single",
                "normal_end", List.of("b")), end);
    }

    private static Mark at(long epochSecond) {
        return new Mark(0, epochSecond * 1000, 0, 0, 0, 0, 0, null, 0, Map.of(), 0, null);
    }

    @Test
    void countsTheRequestsOfTheSteadyStateBeyondThePagesTheirListsFill() {
        ModeResult steady = ModeResult.cell(BenchmarkOptions.Mode.ALO, 80, 2);
        steady.pageSize = 100;
        List<SimulatedCall> calls = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            calls.add(call(i, 1_000 + i, 1_000 + i + 10));
        }
        calls.add(call(999, 1_250, 5_000)); // ends after the list's end bound: not one of its calls
        List<QuerySnapshot> window = List.of(new QuerySnapshot(1_000L, 1_300L, 1L, 100L),
                new QuerySnapshot(1_000L, 1_300L, 2L, 100L), new QuerySnapshot(1_000L, 1_300L, 3L, 100L),
                new QuerySnapshot(1_000L, 1_300L, 2L, 100L), new QuerySnapshot(2_000L, 2_100L, 1L, 100L));

        Analysis.listPages(steady, window, Analysis.ByStart.of(calls));

        assertThat(steady.steadyLists).isEqualTo(2);
        assertThat(steady.steadyListRequests).isEqualTo(5);
        // Three pages for the 250 calls, one for the empty list.
        assertThat(steady.steadyListPagesNeeded).isEqualTo(4);
        assertThat(steady.steadyPagesAskedAgain).isEqualTo(1);
    }

    @Test
    void countsTheLookBackOfEveryPollSinceThePreviousPollsBound() {
        ModeResult steady = ModeResult.cell(BenchmarkOptions.Mode.ALO, 80, 2);
        steady.pageSize = 100;
        steady.settleMillis = 30_000;
        steady.pollMillis = 5_000;
        steady.fastLaneMillis = 595_000;
        steady.maxCallMillis = 3_600_000;
        steady.sweepMillis = 900_000;
        long from = 100_000;
        steady.steadyStart = at(from);
        steady.steadyEnd = at(from + 60);
        List<SimulatedCall> calls = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long start = from - 9_000 + i;
            calls.add(call(i, start, start));
        }

        Analysis.lookBackPages(steady, Analysis.ByStart.of(calls));

        assertThat(steady.lookBackMoments).isEqualTo(12);
        // A call a second: 601 started within the fast lane's 595 s and the poll's 5 s, bounds included (596 without the poll's).
        assertThat(steady.fastLookBackPages).isEqualTo(7.0);
        // 4,501 within the long lane's hour and the sweep's 15 minutes.
        assertThat(steady.longLookBackPages).isEqualTo(46.0);
    }
}

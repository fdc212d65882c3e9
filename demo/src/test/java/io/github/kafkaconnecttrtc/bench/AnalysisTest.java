package io.github.kafkaconnecttrtc.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
}

package io.github.kafkaconnecttrtc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.ClientStats;
import io.github.kafkaconnecttrtc.source.Cursor;
import io.github.kafkaconnecttrtc.source.PassResult;
import io.github.kafkaconnecttrtc.source.Slice;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class TaskMetricsTest {

    private static final long NOW = 1_767_225_600L;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final MutableClock clock = MutableClock.atEpochSecond(NOW);

    private static CallRecord call(String id, long end, long duration) {
        return new CallRecord(id, 1, "audio", "r", null, end - duration, end - duration, end, "u", 2, "single",
                "normal_end", List.of());
    }

    @Test
    void withoutWorkerMetricsReportsPassesUnderThePluginsOwnDomainAndRemovesEverythingOnClose() throws Exception {
        ObjectName task = new ObjectName("io.github.kafkaconnecttrtc:type=plugins,connector=calls,task=3");
        // Values with characters JMX reserves, such as the slash of slice names, are quoted.
        ObjectName fast = new ObjectName("io.github.kafkaconnecttrtc:type=plugins,connector=calls,task=3,slice="
                + ObjectName.quote("tail/fast"));
        Slice slice = Slice.tailFast(NOW - 3600);
        try (TaskMetrics metrics = new TaskMetrics("calls", 3, Contexts.task(null), new ClientStats(), clock)) {
            metrics.assigned(slice, Cursor.throughSecond(NOW - 100));
            assertThat(server.getAttribute(fast, "seconds-behind")).isEqualTo(100L);

            metrics.passed(slice, new PassResult(List.of(call("a", NOW - 40, 60), call("b", NOW - 35, 9000)),
                    Cursor.throughSecond(NOW - 30), 4, new PassResult.LostRange(NOW - 700_000, NOW - 699_000), 1, 1,
                    null, List.of(), 0), Instant.ofEpochSecond(NOW));
            clock.advanceSeconds(5);

            assertThat(server.getAttribute(task, "records-emitted-total")).isEqualTo(2.0);
            assertThat(server.getAttribute(task, "passes-total")).isEqualTo(1.0);
            assertThat(server.getAttribute(task, "pages-per-pass-max")).isEqualTo(4.0);
            assertThat(server.getAttribute(task, "calls-overlong-total")).isEqualTo(1.0);
            assertThat(server.getAttribute(task, "calls-late-total")).isEqualTo(1.0);
            assertThat(server.getAttribute(task, "horizon-lost-seconds-total")).isEqualTo(1000.0);
            assertThat(server.getAttribute(task, "requests-total")).isEqualTo(0L);
            assertThat(server.getAttribute(fast, "seconds-behind")).isEqualTo(35L);
        }
        Set<ObjectName> left = server.queryNames(new ObjectName("io.github.kafkaconnecttrtc:connector=calls,*"), null);
        assertThat(left).isEmpty();
    }

    @Test
    void aPassEndingAfterTheTaskStoppedRegistersNothingAgain() throws Exception {
        TaskMetrics metrics = new TaskMetrics("late-pass", 0, Contexts.task(null), new ClientStats(), clock);
        metrics.close();

        metrics.assigned(Slice.tailFast(NOW), Cursor.throughSecond(NOW));
        metrics.passed(Slice.tailFast(NOW), new PassResult(List.of(), Cursor.throughSecond(NOW), 1, null, 0, 0, null,
                List.of(), 0),
                Instant.ofEpochSecond(NOW));

        assertThat(server.queryNames(new ObjectName("io.github.kafkaconnecttrtc:connector=late-pass,*"), null))
                .isEmpty();
    }

    @Test
    void countsInvalidRecordsPagingAnomaliesFailedPassesAndStalledSlices() throws Exception {
        ObjectName task = new ObjectName("io.github.kafkaconnecttrtc:type=plugins,connector=hostile,task=0");
        Slice fast = Slice.tailFast(NOW - 3600);
        Slice cell = Slice.history(NOW - 7200, NOW - 3600, 0, NOW);
        PassResult.Rejected rejected = new PassResult.Rejected(
                new io.github.kafkaconnecttrtc.client.InvalidRecord("{}", "no callId", null), "req-1");
        try (TaskMetrics metrics = new TaskMetrics("hostile", 0, Contexts.task(null), new ClientStats(), clock)) {
            metrics.passed(fast, new PassResult(List.of(), Cursor.throughSecond(NOW - 30), 3, null, 0, 0, null,
                    List.of(rejected, rejected), 1), Instant.ofEpochSecond(NOW));
            metrics.failed(cell);
            metrics.failed(cell);
            metrics.stalled(cell);
            metrics.stalled(fast);

            assertThat(server.getAttribute(task, "invalid-records-total")).isEqualTo(2.0);
            assertThat(server.getAttribute(task, "paging-anomalies-total")).isEqualTo(1.0);
            assertThat(server.getAttribute(task, "pass-failures-total")).isEqualTo(2.0);
            assertThat(server.getAttribute(task, "slices-stalled")).isEqualTo(2);

            metrics.recovered(cell);

            assertThat(server.getAttribute(task, "slices-stalled")).isEqualTo(1);
        }
    }

    @Test
    void aFinishedSliceLosesItsLagMetric() throws Exception {
        Slice cell = Slice.history(NOW - 7200, NOW - 3600, 0, NOW);
        ObjectName lag = new ObjectName("io.github.kafkaconnecttrtc:type=plugins,connector=cells,task=0,slice="
                + ObjectName.quote(cell.name()));
        try (TaskMetrics metrics = new TaskMetrics("cells", 0, Contexts.task(null), new ClientStats(), clock)) {
            metrics.assigned(cell, cell.initialCursor());
            assertThat(server.isRegistered(lag)).isTrue();

            metrics.finished(cell);

            assertThat(server.isRegistered(lag)).isFalse();
        }
    }

    @Test
    void theConnectorReportsItsPlanAndReconfigurations() throws Exception {
        ObjectName name = new ObjectName("io.github.kafkaconnecttrtc:type=plugins,connector=planned");
        try (ConnectorMetrics metrics = new ConnectorMetrics("planned", Contexts.connector(null), () -> 2)) {
            metrics.planned(17, NOW - 3600, 3);
            metrics.planned(12, NOW - 3600, 0);
            metrics.reconfigurationRequested();

            assertThat(server.getAttribute(name, "history-slices-remaining")).isEqualTo(12);
            assertThat(server.getAttribute(name, "tasks")).isEqualTo(3);
            assertThat(server.getAttribute(name, "horizon-lost-slices-total")).isEqualTo(2L);
            assertThat(server.getAttribute(name, "reconfigurations-requested-total")).isEqualTo(1.0);
        }
        assertThat(server.isRegistered(name)).isFalse();
    }

    /**
     * The worker gave up stopping a task and started its replacement; the old one closes its
     * metrics later, which unregisters the names the replacement uses. Its next pass puts them back.
     */
    @Test
    void aReplacementTaskGetsItsMbeansBackAfterTheTaskItReplacedClosesLate() throws Exception {
        ObjectName task = new ObjectName("io.github.kafkaconnecttrtc:type=plugins,connector=replaced,task=0");
        TaskMetrics old = new TaskMetrics("replaced", 0, Contexts.task(null), new ClientStats(), clock);
        try (TaskMetrics replacement = new TaskMetrics("replaced", 0, Contexts.task(null), new ClientStats(), clock)) {
            old.close();
            assertThat(server.isRegistered(task)).isFalse();

            replacement.passed(Slice.tailFast(NOW), new PassResult(List.of(call("x", NOW - 40, 60)),
                    Cursor.throughSecond(NOW - 30), 1, null, 0, 0, null, List.of(), 0), Instant.ofEpochSecond(NOW));

            assertThat(server.isRegistered(task)).isTrue();
            assertThat(server.getAttribute(task, "records-emitted-total")).isEqualTo(1.0);
        }
        assertThat(server.isRegistered(task)).isFalse();
    }
}

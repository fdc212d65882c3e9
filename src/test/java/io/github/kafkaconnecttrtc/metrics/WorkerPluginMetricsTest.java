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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The metrics on a worker with plugin metrics: the worker's own registry and plugin tags, as Connect 4.1 makes them. */
class WorkerPluginMetricsTest {

    private static final long NOW = 1_767_225_600L;
    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final Metrics worker = new Metrics();

    @AfterEach
    void closeWorker() {
        worker.close();
    }

    private PluginMetricsImpl taskPluginMetrics(String connector, int task) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", connector);
        tags.put("task", Integer.toString(task));
        return new PluginMetricsImpl(worker, tags);
    }

    private static MetricName name(String name, String connector, String... moreTags) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", connector);
        for (int i = 0; i < moreTags.length; i += 2) {
            tags.put(moreTags[i], moreTags[i + 1]);
        }
        return new MetricName(name, MetricsRegistry.GROUP, "", tags);
    }

    private Object value(MetricName name) {
        KafkaMetric metric = worker.metric(name);
        return metric == null ? null : metric.metricValue();
    }

    private static PassResult passOf(int calls) {
        List<CallRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < calls; i++) {
            records.add(new CallRecord("c" + i, 1, "audio", "r", null, NOW - 100, NOW - 100, NOW - 40, "u", 2,
                    "single", "normal_end", List.of()));
        }
        return new PassResult(records, Cursor.throughSecond(NOW - 30), 1, null, 0, 0, null, List.of(), 0);
    }

    @Test
    void reportsIntoTheWorkersMetricsWithItsPluginTagsAndNothingUnderThePluginsOwnDomain() throws Exception {
        ClientStats client = new ClientStats();
        Slice fast = Slice.tailFast(NOW - 3600);
        try (TaskMetrics metrics = new TaskMetrics("through-worker", 2, Contexts.task(taskPluginMetrics("through-worker", 2)),
                client, clock)) {
            metrics.assigned(fast, Cursor.throughSecond(NOW - 100));
            metrics.passed(fast, passOf(3), Instant.ofEpochSecond(NOW));

            assertThat(value(name("records-emitted-total", "through-worker", "task", "2"))).isEqualTo(3.0);
            assertThat(value(name("requests-total", "through-worker", "task", "2"))).isEqualTo(0L);
            assertThat(value(name("seconds-behind", "through-worker", "task", "2", "slice", "tail/fast")))
                    .isEqualTo(30L);
            assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(
                    new ObjectName(MetricsRegistry.JMX_DOMAIN + ":connector=through-worker,*"), null)).isEmpty();
        }
        assertThat(worker.metrics().keySet()).noneMatch(name -> "through-worker".equals(name.tags().get("connector")));
    }

    @Test
    void theConnectorReportsIntoTheWorkersMetricsUnderTheConnectorTagOnly() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", "planned");
        try (ConnectorMetrics metrics = new ConnectorMetrics("planned", Contexts.connector(new PluginMetricsImpl(worker, tags)),
                () -> 4)) {
            metrics.planned(9, NOW - 3600, 2);
            metrics.reconfigurationRequested();

            assertThat(value(name("history-slices-remaining", "planned"))).isEqualTo(9);
            assertThat(value(name("horizon-lost-slices-total", "planned"))).isEqualTo(4L);
            assertThat(value(name("reconfigurations-requested-total", "planned"))).isEqualTo(1.0);
        }
        assertThat(value(name("history-slices-remaining", "planned"))).isNull();
    }

    /**
     * The worker gave up stopping a task and started its replacement while the old instance still
     * held the names; the replacement's metrics wait, and are the ones reported once the old let go.
     */
    @Test
    void aReplacementReportsItsOwnCountsOnceTheInstanceItReplacedLetsTheNamesGo() {
        MetricName records = name("records-emitted-total", "replaced", "task", "0");
        Slice fast = Slice.tailFast(NOW - 3600);
        TaskMetrics old = new TaskMetrics("replaced", 0, Contexts.task(taskPluginMetrics("replaced", 0)), new ClientStats(),
                clock);
        old.passed(fast, passOf(5), Instant.ofEpochSecond(NOW));
        try (TaskMetrics replacement = new TaskMetrics("replaced", 0, Contexts.task(taskPluginMetrics("replaced", 0)),
                new ClientStats(), clock)) {
            replacement.passed(fast, passOf(1), Instant.ofEpochSecond(NOW));
            assertThat(value(records)).as("still the old instance's").isEqualTo(5.0);

            old.close();
            replacement.passed(fast, passOf(1), Instant.ofEpochSecond(NOW));

            assertThat(value(records)).isEqualTo(2.0);
        }
        assertThat(value(records)).isNull();
    }
}

package io.github.kafkaconnecttrtc.metrics;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.connect.connector.ConnectorContext;

/**
 * The metrics of one connector instance, tagged {@code connector=<name>} (over JMX
 * {@code <domain>:type=plugins,connector=<name>}, see {@link MetricsRegistry}): the history still to
 * read, the tasks it runs on, reconfigurations it asked for, and history slices lost to the
 * API's 7-day horizon. Only the worker that runs the connector instance reports them.
 */
public final class ConnectorMetrics implements AutoCloseable {

    private final MetricsRegistry metrics;
    private final Sensor reconfigurations;
    private volatile int historyRemaining;
    private volatile int tasks;
    private volatile long tailStart;

    /**
     * {@code context}: the connector's, whose plugin metrics take these where the worker has them;
     * {@code lostSlices}: history slices reported lost so far, as the planner counts them.
     */
    public ConnectorMetrics(String connector, ConnectorContext context, LongSupplier lostSlices) {
        Map<String, String> tags = Map.of("connector", connector);
        this.metrics = new MetricsRegistry(tags, WorkerMetricsMirror.forConnector(context, tags.keySet()));
        gauge("history-slices-remaining", "History slices not yet finished, at the last check",
                () -> historyRemaining);
        gauge("tasks", "Tasks the slices were last spread over", () -> tasks);
        gauge("tail-start-seconds", "Start of the live tail, in Unix seconds: the tail reads calls that start"
                + " from then on, the history those before", () -> tailStart);
        reconfigurations = metrics.registry().sensor("reconfigurations");
        reconfigurations.add(metrics.name("reconfigurations-requested-total",
                "Task reconfigurations requested to spread the remaining history"), new CumulativeCount());
        gauge("horizon-lost-slices-total", "History slices skipped because they fell behind the API's 7-day"
                + " horizon before they were read", lostSlices::getAsLong);
    }

    private void gauge(String name, String description, Supplier<Number> value) {
        metrics.registry().addMetric(metrics.name(name, description),
                (Gauge<Number>) (config, now) -> value.get());
    }

    /** The slices were planned: {@code remaining} history slices left, spread over {@code taskCount} tasks. */
    public void planned(int remaining, long tailStartSeconds, int taskCount) {
        historyRemaining = remaining;
        tailStart = tailStartSeconds;
        if (taskCount > 0) {
            tasks = taskCount;
        }
    }

    public void reconfigurationRequested() {
        reconfigurations.record();
    }

    @Override
    public void close() {
        metrics.close();
    }
}

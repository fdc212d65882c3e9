package io.github.kafkaconnecttrtc.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors a registry's metrics into the worker's plugin metrics, each as a gauge reading the
 * registry's own metric. The worker names them with the connector and task tags it gives the plugin
 * (so those are left out here) and group {@value MetricsRegistry#GROUP}.
 *
 * <p>A name the worker refuses is held by another instance of the same task that has not closed yet
 * (the worker gave up stopping it); it waits and is exported again once that instance let it go.
 * Registrations (from the registry) and retries (from a pass) take turns, so that neither takes the
 * other's name for a stranger's.
 *
 * <p>Only this class names the plugin-metrics API, and only once the worker is known to have it: on
 * an older worker the classes are missing, and a connector that merely linked against them would
 * fail to start with {@code NoClassDefFoundError} (the oldest-connect profile of the integration
 * tests runs one).
 */
final class WorkerMetricsMirror implements MetricsReporter {

    private static final Logger log = LoggerFactory.getLogger(WorkerMetricsMirror.class);
    private static final boolean WORKER_HAS_PLUGIN_METRICS = declares(SourceTaskContext.class)
            && declares(ConnectorContext.class);

    private final PluginMetrics worker;
    private final Set<String> workerTags;
    private final Map<MetricName, MetricName> exported = new ConcurrentHashMap<>();
    private final Map<MetricName, KafkaMetric> waiting = new ConcurrentHashMap<>();

    WorkerMetricsMirror(PluginMetrics worker, Set<String> workerTags) {
        this.worker = worker;
        this.workerTags = Set.copyOf(workerTags);
    }

    /** Into the task's plugin metrics, or null where there are none (an older worker, a test's context). */
    static WorkerMetricsMirror forTask(SourceTaskContext context, Set<String> workerTags) {
        if (!available()) {
            return null;
        }
        PluginMetrics metrics = context.pluginMetrics();
        return metrics == null ? null : new WorkerMetricsMirror(metrics, workerTags);
    }

    /** Into the connector's plugin metrics, or null where there are none. */
    static WorkerMetricsMirror forConnector(ConnectorContext context, Set<String> workerTags) {
        if (!available()) {
            return null;
        }
        PluginMetrics metrics = context.pluginMetrics();
        return metrics == null ? null : new WorkerMetricsMirror(metrics, workerTags);
    }

    private static boolean available() {
        if (!WORKER_HAS_PLUGIN_METRICS) {
            log.info("This worker has no plugin metrics (Kafka Connect before 4.1): the connector's metrics are"
                    + " reported over JMX under {}:type={}", MetricsRegistry.JMX_DOMAIN, MetricsRegistry.GROUP);
        }
        return WORKER_HAS_PLUGIN_METRICS;
    }

    private static boolean declares(Class<?> context) {
        try {
            context.getMethod("pluginMetrics");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public synchronized void metricChange(KafkaMetric metric) {
        MetricName local = metric.metricName();
        // The registry's own count of its metrics stays out of the worker's.
        if (!MetricsRegistry.GROUP.equals(local.group()) || exported.containsKey(local)) {
            return;
        }
        LinkedHashMap<String, String> extra = new LinkedHashMap<>();
        local.tags().forEach((key, value) -> {
            if (!workerTags.contains(key)) {
                extra.put(key, value);
            }
        });
        MetricName name = worker.metricName(local.name(), local.description(), extra);
        try {
            worker.addMetric(name, (Gauge<Object>) (config, now) -> metric.metricValue());
            exported.put(local, name);
            waiting.remove(local);
        } catch (IllegalArgumentException taken) {
            waiting.put(local, metric);
        }
    }

    @Override
    public synchronized void metricRemoval(KafkaMetric metric) {
        waiting.remove(metric.metricName());
        MetricName name = exported.remove(metric.metricName());
        if (name != null) {
            removeFromWorker(name);
        }
    }

    /** Called on every pass: free while nothing waits. */
    void exportWaiting() {
        if (!waiting.isEmpty()) {
            synchronized (this) {
                waiting.values().forEach(this::metricChange);
            }
        }
    }

    /** The registry closes its reporters without removing its metrics one by one. */
    @Override
    public synchronized void close() {
        waiting.clear();
        exported.values().forEach(this::removeFromWorker);
        exported.clear();
    }

    private void removeFromWorker(MetricName name) {
        try {
            worker.removeMetric(name);
        } catch (IllegalStateException workerClosedFirst) {
            // The worker closed this instance's plugin metrics already, and removed them with it.
        }
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}

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

/**
 * Mirrors a registry's metrics into the worker's plugin metrics, each as a gauge reading the
 * registry's own metric. The worker names them with the connector and task tags it gives the plugin
 * (so those are left out here) and group {@value MetricsRegistry#GROUP}.
 *
 * <p>A name the worker refuses is held by another instance of the same task that has not closed yet
 * (the worker gave up stopping it); it waits and is exported again once that instance let it go.
 */
final class WorkerMetricsMirror implements MetricsReporter {

    private final PluginMetrics worker;
    private final Set<String> workerTags;
    private final Map<MetricName, MetricName> exported = new ConcurrentHashMap<>();
    private final Map<MetricName, KafkaMetric> waiting = new ConcurrentHashMap<>();

    WorkerMetricsMirror(PluginMetrics worker, Set<String> workerTags) {
        this.worker = worker;
        this.workerTags = Set.copyOf(workerTags);
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
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
    public void metricRemoval(KafkaMetric metric) {
        waiting.remove(metric.metricName());
        MetricName name = exported.remove(metric.metricName());
        if (name != null) {
            removeFromWorker(name);
        }
    }

    void exportWaiting() {
        waiting.values().forEach(this::metricChange);
    }

    /** The registry closes its reporters without removing its metrics one by one. */
    @Override
    public void close() {
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

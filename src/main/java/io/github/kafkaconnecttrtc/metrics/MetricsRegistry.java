package io.github.kafkaconnecttrtc.metrics;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.utils.Sanitizer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics registry of one connector or task instance. Its sensors and gauges live in a registry of
 * its own, so that two instances of one task (one the worker gave up stopping, and its replacement)
 * never share a sensor; what they report goes out one of two ways, under the same names and tags:
 * <ul>
 *   <li>on a worker with plugin metrics (Kafka 4.1 and later), into the worker's metrics, so every
 *       reporter the worker runs sees them; over JMX
 *       {@code kafka.connect:type=plugins,connector=<name>[,task=<n>][,<tag>=<value>]};</li>
 *   <li>on an older worker, through a JMX reporter of its own under the plugin's domain:
 *       {@code io.github.kafkaconnecttrtc:type=plugins,connector=<name>[,task=<n>][,<tag>=<value>]}.</li>
 * </ul>
 * Closing it removes its metrics from either.
 */
final class MetricsRegistry implements AutoCloseable {

    static final String JMX_DOMAIN = "io.github.kafkaconnecttrtc";
    /** The group the worker gives plugin metrics, kept on older workers so that one set of names serves both. */
    static final String GROUP = "plugins";

    private static final Logger log = LoggerFactory.getLogger(MetricsRegistry.class);

    private final Metrics metrics;
    private final JmxReporter jmx;
    private final WorkerMetricsMirror mirror;
    private final Map<String, String> tags;

    /**
     * {@code worker}: the worker's plugin metrics of this instance, asked for once; {@code null}, or a
     * worker older than Kafka 4.1 that lacks the method, selects the plugin's own JMX domain.
     */
    MetricsRegistry(Map<String, String> tags, Supplier<PluginMetrics> worker) {
        this.tags = Map.copyOf(tags);
        PluginMetrics workerMetrics = workerMetrics(worker);
        if (workerMetrics != null) {
            this.jmx = null;
            this.mirror = new WorkerMetricsMirror(workerMetrics, this.tags.keySet());
            this.metrics = new Metrics(new MetricConfig(), List.of(mirror), Time.SYSTEM);
        } else {
            this.jmx = new JmxReporter();
            this.mirror = null;
            this.metrics = new Metrics(new MetricConfig(), List.of(jmx), Time.SYSTEM,
                    new KafkaMetricsContext(JMX_DOMAIN));
        }
    }

    private static PluginMetrics workerMetrics(Supplier<PluginMetrics> worker) {
        try {
            return worker.get();
        } catch (NoSuchMethodError | AbstractMethodError e) {
            // The worker's Connect API predates plugin metrics (Kafka 4.1): the call links against ours only.
            log.info("This worker has no plugin metrics (Kafka Connect before 4.1): the connector's metrics are"
                    + " reported over JMX under {}:type={}", JMX_DOMAIN, GROUP);
            return null;
        }
    }

    /**
     * Puts back what a stopping instance of the same task took from under this one: on a worker, the
     * metrics it still held when this one registered; over the plugin's JMX, the MBeans it
     * unregistered by name when it closed after this one started ({@code probe} tells).
     */
    void restoreIfMissing(MetricName probe) {
        if (mirror != null) {
            mirror.exportWaiting();
            return;
        }
        try {
            StringBuilder text = new StringBuilder(JMX_DOMAIN).append(":type=").append(probe.group());
            probe.tags().forEach((key, value) -> text.append(',').append(key).append('=')
                    .append(Sanitizer.jmxSanitize(value)));
            ObjectName name = new ObjectName(text.toString());
            if (!ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
                metrics.metrics().values().forEach(jmx::metricChange);
            }
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException("metric " + probe + " has no valid MBean name", e);
        }
    }

    Metrics registry() {
        return metrics;
    }

    MetricName name(String name, String description) {
        return metrics.metricName(name, GROUP, description, orderedTags(Map.of()));
    }

    MetricName name(String name, String description, Map<String, String> extraTags) {
        return metrics.metricName(name, GROUP, description, orderedTags(extraTags));
    }

    /** The connector tag first, then the task, then the rest: the worker orders its plugin tags so too. */
    private Map<String, String> orderedTags(Map<String, String> extra) {
        Map<String, String> ordered = new LinkedHashMap<>();
        if (tags.containsKey("connector")) {
            ordered.put("connector", tags.get("connector"));
        }
        ordered.putAll(tags);
        ordered.putAll(extra);
        return ordered;
    }

    @Override
    public void close() {
        metrics.close();
    }
}

package io.github.kafkaconnecttrtc.metrics;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Sanitizer;
import org.apache.kafka.common.utils.Time;

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

    private final Metrics metrics;
    private final JmxReporter jmx;
    private final WorkerMetricsMirror mirror;
    private final Map<String, String> tags;

    /**
     * {@code mirror}: into the worker's plugin metrics of this instance, or {@code null} for the
     * plugin's own JMX domain (see {@link WorkerMetricsMirror#forTask}).
     */
    MetricsRegistry(Map<String, String> tags, WorkerMetricsMirror mirror) {
        this.tags = Map.copyOf(tags);
        if (mirror != null) {
            this.jmx = null;
            this.mirror = mirror;
            this.metrics = new Metrics(new MetricConfig(), List.of(mirror), Time.SYSTEM);
        } else {
            this.jmx = new JmxReporter();
            this.mirror = null;
            this.metrics = new Metrics(new MetricConfig(), List.of(jmx), Time.SYSTEM,
                    new KafkaMetricsContext(JMX_DOMAIN));
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

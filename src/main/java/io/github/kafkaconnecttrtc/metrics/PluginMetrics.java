package io.github.kafkaconnecttrtc.metrics;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.utils.Sanitizer;
import org.apache.kafka.common.utils.Time;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The metrics registry of one connector or task instance, reported over JMX under this plugin's
 * own domain, {@value #JMX_DOMAIN}, with the connector's name (and the task's number) as tags.
 * Closing it removes its MBeans.
 */
final class PluginMetrics implements AutoCloseable {

    static final String JMX_DOMAIN = "io.github.kafkaconnecttrtc";

    private final Metrics metrics;
    private final JmxReporter jmx = new JmxReporter();
    private final Map<String, String> tags;

    PluginMetrics(Map<String, String> tags) {
        List<MetricsReporter> reporters = List.of(jmx);
        this.metrics = new Metrics(new MetricConfig(), reporters, Time.SYSTEM, new KafkaMetricsContext(JMX_DOMAIN));
        this.tags = Map.copyOf(tags);
    }

    /**
     * Registers this registry's MBeans again when {@code probe} is missing. A task the worker gave
     * up stopping may close its metrics after its replacement registered the same names, and
     * JMX unregisters by name: the replacement's MBeans are then gone until this puts them back.
     */
    void reregisterIfMissing(MetricName probe) {
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

    MetricName name(String name, String group, String description) {
        return metrics.metricName(name, group, description, orderedTags(Map.of()));
    }

    MetricName name(String name, String group, String description, Map<String, String> extraTags) {
        return metrics.metricName(name, group, description, orderedTags(extraTags));
    }

    /** The connector tag first, then the task, then the rest: JMX tools list MBeans in this order. */
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

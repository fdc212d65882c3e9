package io.github.kafkaconnecttrtc.metrics;

import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** Contexts that give the metrics the worker's plugin metrics, or none (null) as a worker without them. */
final class Contexts {

    private Contexts() {
    }

    static SourceTaskContext task(PluginMetrics metrics) {
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return Map.of();
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                throw new UnsupportedOperationException("metrics read no offsets");
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return metrics;
            }
        };
    }

    static ConnectorContext connector(PluginMetrics metrics) {
        return new ConnectorContext() {
            @Override
            public void requestTaskReconfiguration() {
                throw new UnsupportedOperationException("metrics ask for no reconfiguration");
            }

            @Override
            public void raiseError(Exception e) {
                throw new AssertionError("metrics raised an error", e);
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return metrics;
            }
        };
    }
}

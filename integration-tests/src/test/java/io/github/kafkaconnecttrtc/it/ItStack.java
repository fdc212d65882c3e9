package io.github.kafkaconnecttrtc.it;

import io.github.kafkaconnecttrtc.simulator.ApiRecord;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * What the integration tests share: exactly-once workers that load the connector from its plugin
 * directory, the connector's timing for tests, and which calls are due by now.
 */
final class ItStack {

    static final String CONNECTOR_CLASS = "io.github.kafkaconnecttrtc.TrtcSourceConnector";
    static final Path PLUGIN_PATH = Path.of(System.getProperty("connect.plugin.path", "target/plugin")).toAbsolutePath();
    /** The Iceberg sink's plugin directory (lake-plugin/), for the workers that run the lake too. */
    static final Path ICEBERG_PLUGIN_PATH = Path.of(System.getProperty("iceberg.plugin.path",
            "../lake-plugin/target/plugin")).toAbsolutePath();
    static final long SETTLE_SECONDS = 5;
    static final long POLL_SECONDS = 1;
    static final long SWEEP_SECONDS = 20;
    static final long FAST_LANE_SECONDS = 300;

    private ItStack() {
    }

    static Map<String, String> workerProps() {
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.path", PLUGIN_PATH.toString());
        worker.put("plugin.discovery", "service_load");
        worker.put("listeners", "http://127.0.0.1:0");
        worker.put("offset.flush.interval.ms", "1000");
        worker.put("exactly.once.source.support", "enabled");
        // A departed worker's connector and tasks move at once, not after the default 5 minutes.
        worker.put("scheduled.rebalance.max.delay.ms", "1000");
        return worker;
    }

    /** One broker: the transaction log must not ask for three replicas. */
    static Properties brokerProps() {
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        return broker;
    }

    /** The connector reading {@code simulator} into {@code topic}; converters are the caller's. */
    static Map<String, String> connectorConfig(TrtcSimulator simulator, String topic, Instant start, int tasks) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("trtc.endpoint", simulator.endpoint().toString());
        config.put("trtc.sdkappid", Long.toString(simulator.settings().sdkAppId()));
        config.put("trtc.secret.key", simulator.settings().secretKey());
        config.put("topic", topic);
        config.put("start.time", start.toString());
        config.put("call.max.duration.ms", Long.toString(Duration.ofHours(1).toMillis()));
        config.put("call.fast.lane.max.duration.ms", Long.toString(FAST_LANE_SECONDS * 1000));
        config.put("settle.delay.ms", Long.toString(SETTLE_SECONDS * 1000));
        config.put("poll.interval.ms", Long.toString(POLL_SECONDS * 1000));
        config.put("long.call.sweep.interval.ms", Long.toString(SWEEP_SECONDS * 1000));
        config.put("topic.creation.default.replication.factor", "1");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        return config;
    }

    /**
     * The recipe of docs/operations.md for transforms that need a value: the call's id copied from the
     * value into a key and taken out of it again, skipped for the progress topic's records.
     */
    static Map<String, String> keyFromValueTransforms() {
        Map<String, String> config = new HashMap<>();
        config.put("transforms", "idToKey,idOfKey");
        config.put("transforms.idToKey.type", "org.apache.kafka.connect.transforms.ValueToKey");
        config.put("transforms.idToKey.fields", "callId");
        config.put("transforms.idOfKey.type", "org.apache.kafka.connect.transforms.ExtractField$Key");
        config.put("transforms.idOfKey.field", "callId");
        for (String transform : List.of("idToKey", "idOfKey")) {
            config.put("transforms." + transform + ".predicate", "isProgress");
            config.put("transforms." + transform + ".negate", "true");
        }
        config.put("predicates", "isProgress");
        config.put("predicates.isProgress.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        config.put("predicates.isProgress.pattern", ".*\\.progress");
        return config;
    }

    /**
     * The connector's MBeans: {@code more} names the rest of the key set, {@code ""} for the
     * connector's own, {@code "task=0"} for a task's, {@code "task=*,outcome=*"} for every task's
     * requests by outcome. A worker with plugin metrics (Kafka 4.1+) reports them under its own
     * domain, an older one leaves them to the plugin's (the oldest-connect profile runs one).
     */
    static ObjectName pluginMetrics(String connector, String more) {
        String domain = kafkaAtLeast(4, 1) ? "kafka.connect" : "io.github.kafkaconnecttrtc";
        try {
            return new ObjectName(domain + ":type=plugins,connector=" + connector
                    + (more.isEmpty() ? "" : "," + more));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("no MBean name for connector " + connector + " and " + more, e);
        }
    }

    /** Whether the Kafka these tests run (the broker, the workers, the test kit) is {@code major.minor} or later. */
    static boolean kafkaAtLeast(int major, int minor) {
        String[] version = AppInfoParser.getVersion().split("[.-]");
        int actualMajor = Integer.parseInt(version[0]);
        return actualMajor > major || actualMajor == major && Integer.parseInt(version[1]) >= minor;
    }

    /** As {@link #connectorConfig}, one partition and schemaless JSON values: for tests that need no registry. */
    static Map<String, String> jsonConnectorConfig(TrtcSimulator simulator, String topic, Instant start, int tasks) {
        Map<String, String> config = connectorConfig(simulator, topic, start, tasks);
        config.put("topic.creation.default.partitions", "1");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        return config;
    }

    /** Calls that started since {@code start} and have ended long enough ago to be delivered by now. */
    static List<ApiRecord> due(TrtcSimulator simulator, long start) {
        long now = Instant.now().getEpochSecond();
        return simulator.groundTruth().stream().map(SimulatedCall::call)
                .filter(call -> call.startCallTs() >= start)
                .filter(call -> call.endTs() <= now - SETTLE_SECONDS - 2
                        - (call.durationSeconds() <= FAST_LANE_SECONDS ? POLL_SECONDS : SWEEP_SECONDS))
                .toList();
    }
}

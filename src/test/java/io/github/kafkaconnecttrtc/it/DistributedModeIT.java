package io.github.kafkaconnecttrtc.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.Test;

/**
 * Three exactly-once workers through a worker leaving, another joining and the broker going down
 * and coming back, all in the middle of a backfill: a read_committed consumer ends up with every
 * call exactly once.
 */
class DistributedModeIT {

    private static final String CONNECTOR_CLASS = "io.github.kafkaconnecttrtc.TrtcSourceConnector";
    private static final Path PLUGIN_PATH =
            Path.of(System.getProperty("connect.plugin.path", "target/plugin")).toAbsolutePath();
    private static final long SETTLE_SECONDS = 5;
    private static final long POLL_SECONDS = 1;
    private static final long SWEEP_SECONDS = 20;
    private static final long FAST_LANE_SECONDS = 300;

    @Test
    void everyCallOnceThroughWorkerChangesAndABrokerRestartMidBackfill() throws Exception {
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.path", PLUGIN_PATH.toString());
        worker.put("plugin.discovery", "service_load");
        worker.put("listeners", "http://127.0.0.1:0");
        worker.put("offset.flush.interval.ms", "1000");
        worker.put("exactly.once.source.support", "enabled");
        worker.put("scheduled.rebalance.max.delay.ms", "1000");
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("trtc-distributed").numBrokers(1)
                .numWorkers(3).brokerProps(broker).workerProps(worker).build();
        try (TrtcSimulator simulator = TrtcSimulator.start(SimulatorSettings.builder().seed(41).historyDays(1)
                .callsPerSecond(1).maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).visibilityDelaySeconds(2)
                .build(), InstantSource.system())) {
            connect.start();
            connect.assertions().assertAtLeastNumWorkersAreUp(3, "workers did not come up");
            String topic = "distributed-calls";
            Instant start = Instant.now().minus(Duration.ofHours(16));
            connect.configureConnector("trtc-distributed", config(simulator, topic, start));
            connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning("trtc-distributed", 1, "did not start");
            Map<String, Object> committed = Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");

            connect.kafka().consume(2_000, Duration.ofSeconds(60).toMillis(), committed, topic);
            connect.removeWorker();
            connect.addWorker();
            connect.assertions().assertAtLeastNumWorkersAreUp(3, "the new worker did not come up");
            connect.kafka().consume(8_000, Duration.ofSeconds(60).toMillis(), committed, topic);
            connect.kafka().stopOnlyBrokers();
            Thread.sleep(3_000);
            connect.kafka().restartOnlyBrokers();

            Map<String, Integer> copies = awaitEveryCall(connect, simulator, topic, start);
            assertThat(copies.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
        } finally {
            connect.stop();
        }
    }

    private static Map<String, String> config(TrtcSimulator simulator, String topic, Instant start) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "6");
        config.put("trtc.endpoint", simulator.endpoint().toString());
        config.put("trtc.sdkappid", Long.toString(simulator.settings().sdkAppId()));
        config.put("trtc.secret.key", simulator.settings().secretKey());
        // A slow budget keeps the backfill going while workers and the broker come and go.
        config.put("trtc.requests.per.second", "20");
        config.put("topic", topic);
        config.put("start.time", start.toString());
        config.put("call.max.duration.ms", Long.toString(Duration.ofHours(1).toMillis()));
        config.put("call.fast.lane.max.duration.ms", Long.toString(FAST_LANE_SECONDS * 1000));
        config.put("settle.delay.ms", Long.toString(SETTLE_SECONDS * 1000));
        config.put("poll.interval.ms", Long.toString(POLL_SECONDS * 1000));
        config.put("long.call.sweep.interval.ms", Long.toString(SWEEP_SECONDS * 1000));
        config.put("exactly.once.support", "required");
        config.put("producer.override.transaction.timeout.ms", "10000");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "3");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        return config;
    }

    /** Consumes until every call due since {@code start} is there; returns how often each key came. */
    private static Map<String, Integer> awaitEveryCall(EmbeddedConnectCluster connect, TrtcSimulator simulator,
            String topic, Instant start) {
        Map<String, Integer> copies = new HashMap<>();
        Map<String, Object> props = Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + topic + "-" + System.nanoTime());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        List<String> missing;
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(props, topic)) {
            do {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    copies.merge(new String(record.key(), StandardCharsets.UTF_8), 1, Integer::sum);
                }
                missing = due(simulator, start.getEpochSecond()).stream().map(CallRecord::callId)
                        .filter(id -> !copies.containsKey(id)).toList();
            } while (!missing.isEmpty() && Instant.now().isBefore(deadline));
        }
        assertThat(missing).as("calls missing, %d keys seen", copies.size()).isEmpty();
        return copies;
    }

    private static List<CallRecord> due(TrtcSimulator simulator, long start) {
        long now = Instant.now().getEpochSecond();
        return simulator.groundTruth().stream().map(SimulatedCall::call)
                .filter(call -> call.startCallTs() >= start)
                .filter(call -> call.endTs() <= now - SETTLE_SECONDS - 2
                        - (call.durationSeconds() <= FAST_LANE_SECONDS ? POLL_SECONDS : SWEEP_SECONDS))
                .toList();
    }
}

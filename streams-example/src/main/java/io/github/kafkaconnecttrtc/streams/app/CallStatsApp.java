package io.github.kafkaconnecttrtc.streams.app;

import io.github.kafkaconnecttrtc.streams.CallStatsSettings;
import io.github.kafkaconnecttrtc.streams.CallStatsTopology;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology running in Kafka Streams with the registry's serde, until closed or failed:
 * {@code mvn -q -pl streams-example package -DskipTests exec:java@streams-example -Dstreams.args="..."}
 * with the arguments of {@link AppConfig} (README.md of this module).
 */
public final class CallStatsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallStatsApp.class);

    private final Serde<GenericRecord> callRecords;
    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private CallStatsApp(Serde<GenericRecord> callRecords, KafkaStreams streams) {
        this.callRecords = callRecords;
        this.streams = streams;
    }

    public static void main(String[] args) throws Exception {
        CallStatsApp app = start(AppConfig.fromArgs(args));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "call-stats-shutdown"));
        app.awaitStopped();
    }

    /** Creates the output topics that do not exist yet, then starts the topology. */
    public static CallStatsApp start(AppConfig config) throws InterruptedException {
        CallStatsSettings topics = config.topology();
        createOutputTopics(new StreamsConfig(config.streams()), topics);
        Serde<GenericRecord> callRecords = RegistrySerde.callRecords(config.registryUrl(), config.serdeSettings());
        CallStatsApp app = new CallStatsApp(callRecords,
                new KafkaStreams(CallStatsTopology.build(topics, callRecords), config.streams()));
        app.streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                app.stopped.countDown();
            }
        });
        app.streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stopping: the topology failed", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        app.streams.start();
        LOG.info("Reading {} with a window of {}; counts per minute to {}, answer rates to {}",
                topics.inputTopic(), topics.window(), topics.countsTopic(), topics.answerRateTopic());
        return app;
    }

    /** Returns once the application has stopped: closed, or failed. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        try {
            streams.close(Duration.ofSeconds(30));
        } finally {
            callRecords.close();
        }
    }

    /** The output topics, with the cluster's default partitions and replication, unless they exist. */
    private static void createOutputTopics(StreamsConfig streams, CallStatsSettings topics)
            throws InterruptedException {
        try (Admin admin = Admin.create(streams.getAdminConfigs("call-stats-setup"))) {
            for (String topic : List.of(topics.countsTopic(), topics.answerRateTopic())) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create " + topic, e.getCause());
                    }
                }
            }
        }
    }
}

package io.github.kafkaconnecttrtc.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the connector's topic as a downstream consumer would: {@code read_committed}, so that
 * under exactly-once a record counts only once its transaction is committed, and without a
 * consumer group. Two uses: the whole topic after a run ({@link #readAll}), and the records that
 * arrive during the steady state, each with the moment it was received ({@link #follow}).
 */
final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final CallTimesDecoder decoder;
    private final AtomicBoolean stop = new AtomicBoolean();

    private TopicReader(String bootstrapServers, String topic, String ccompatUrl, String clientId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The default fetch.max.wait.ms adds no latency to receive times: with fetch.min.bytes=1 the
        // broker answers a waiting fetch as soon as a record can be read, and polling more often
        // would only cost the broker CPU that the results attribute to it.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        this.partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        this.decoder = new CallTimesDecoder(ccompatUrl);
    }

    /** A reader for the whole topic; {@link #readToEnd()} reads it. */
    static TopicReader fromBeginning(String bootstrapServers, String topic, String ccompatUrl) {
        return new TopicReader(bootstrapServers, topic, ccompatUrl, "trtc-benchmark-scan");
    }

    /** A reader that starts at the topic's end; {@link #followUntilStopped()} then collects what arrives. */
    static TopicReader follow(String bootstrapServers, String topic, String ccompatUrl) {
        TopicReader reader = new TopicReader(bootstrapServers, topic, ccompatUrl, "trtc-benchmark-live");
        reader.consumer.seekToEnd(reader.partitions);
        // Resolve the positions now, so that records arriving from here on are all read.
        reader.partitions.forEach(partition -> reader.consumer.position(partition, TIMEOUT));
        return reader;
    }

    /** Every committed record from the topic's beginning to its end as of now; what was read so far after {@link #stop()}. */
    Deliveries readToEnd() throws IOException, InterruptedException {
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        Deliveries deliveries = new Deliveries();
        try {
            while (!stop.get() && partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : poll()) {
                    add(deliveries, record, System.currentTimeMillis());
                }
            }
        } catch (WakeupException e) {
            // stop() during position(): what was read so far is the answer
        }
        return deliveries;
    }

    /** Reads until {@link #stop()}, noting when each record arrived; run it on a thread of its own. */
    Deliveries followUntilStopped() throws IOException, InterruptedException {
        Deliveries deliveries = new Deliveries();
        while (!stop.get()) {
            for (ConsumerRecord<byte[], byte[]> record : poll()) {
                add(deliveries, record, System.currentTimeMillis());
            }
        }
        return deliveries;
    }

    private Iterable<ConsumerRecord<byte[], byte[]>> poll() {
        try {
            return consumer.poll(POLL);
        } catch (WakeupException e) {
            return List.of();
        }
    }

    private void add(Deliveries deliveries, ConsumerRecord<byte[], byte[]> record, long receivedAt)
            throws IOException, InterruptedException {
        if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
            throw new IllegalStateException(record.topic() + " does not stamp records with LogAppendTime ("
                    + record.timestampType() + "): its timestamps are not arrival times");
        }
        CallTimesDecoder.CallTimes times = decoder.decode(record.value());
        deliveries.add(record.timestamp(), receivedAt, times.startMillis(), times.endMillis(),
                Deliveries.keyHash(record.key()));
    }

    /** Ends a read in progress; any thread. */
    void stop() {
        stop.set(true);
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}

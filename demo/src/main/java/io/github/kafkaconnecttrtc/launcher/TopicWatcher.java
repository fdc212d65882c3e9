package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Looks at the connector's topic without a consumer group: how many records it holds (end minus
 * beginning offsets) and its newest few records, read by seeking near the end of each partition.
 * Not thread-safe, like the consumer inside; {@link #wakeup()} may be called from any thread.
 */
final class TopicWatcher implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private List<TopicPartition> partitions = List.of();

    TopicWatcher(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "trtc-demo-progress");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // The connector creates the topic with its partitions; the consumer must not create it first.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /** Records in the topic, or -1 while it does not exist. */
    long records() {
        if (partitions.isEmpty()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return -1;
            }
            partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
        }
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        long total = 0;
        for (TopicPartition partition : partitions) {
            total += end.getOrDefault(partition, 0L) - begin.getOrDefault(partition, 0L);
        }
        return total;
    }

    /** The newest {@code count} records (by record timestamp), decoded, newest first. */
    List<ProgressSnapshot.CallEvent> newest(int count, EventDecoder decoder) throws IOException, InterruptedException {
        if (partitions.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> wanted = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long last = end.getOrDefault(partition, 0L);
            long first = Math.max(begin.getOrDefault(partition, 0L), last - count);
            if (last > first) {
                consumer.seek(partition, first);
                wanted.put(partition, last);
            }
        }
        consumer.pause(partitions.stream().filter(p -> !wanted.containsKey(p)).toList());
        consumer.resume(List.copyOf(wanted.keySet()));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (!wanted.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long last = wanted.get(partition);
                if (last != null && record.offset() < last) {
                    records.add(record);
                }
            }
            wanted.keySet().removeIf(partition -> consumer.position(partition) >= wanted.get(partition));
        }
        consumer.pause(partitions);
        records.sort(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp())
                .thenComparingLong(ConsumerRecord::offset).reversed());
        List<ProgressSnapshot.CallEvent> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records.subList(0, Math.min(count, records.size()))) {
            events.add(decoder.event(record.value()));
        }
        return events;
    }

    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}

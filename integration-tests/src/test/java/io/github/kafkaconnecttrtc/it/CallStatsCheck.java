package io.github.kafkaconnecttrtc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kafkaconnecttrtc.simulator.ApiRecord;
import io.github.kafkaconnecttrtc.streams.CallStatsSettings;
import io.github.kafkaconnecttrtc.streams.app.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/**
 * The streams example (streams-example/) over a topic the connector filled: how to run it on the
 * test's cluster and registry, and what its outputs must hold for the calls of the simulator's
 * ground truth, each counted once however many copies the topic has.
 */
final class CallStatsCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallStatsCheck() {
    }

    /** The application's arguments as a user gives them, with commits fast enough for a test. */
    static AppConfig config(EmbeddedKafkaCluster kafka, String registryV2Url, String topic) throws IOException {
        return AppConfig.fromArgs("bootstrap.servers=" + kafka.bootstrapServers(),
                "apicurio.registry.url=" + registryV2Url, "input.topic=" + topic,
                // A state directory of its own on every run: the stores of a run before, on another
                // cluster, must not answer for this one.
                "application.id=" + topic + "-stats-" + System.currentTimeMillis(),
                "state.dir=" + Path.of("target", "streams-state").toAbsolutePath(),
                // The calls span hours, which slices read out of order: a window that spans them all.
                "dedup.window=P1D", "commit.interval.ms=200");
    }

    /**
     * Waits until the application has processed everything in its input and its repartition topics,
     * then reads both outputs as tables (the latest value of each key) and asserts that they hold
     * what {@code calls} make them.
     */
    static void assertOutputs(EmbeddedKafkaCluster kafka, AppConfig app, List<ApiRecord> calls, Duration patience)
            throws Exception {
        awaitCaughtUp(kafka, app.streams().getProperty("application.id"), Instant.now().plus(patience));
        Map<String, Long> counts = new HashMap<>();
        Map<String, String> rates = new HashMap<>();
        CallStatsSettings topics = app.topology();
        for (ConsumerRecord<byte[], byte[]> record : readToEnd(kafka, topics.countsTopic(), topics.answerRateTopic())) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            JsonNode value = parse(record.value());
            if (record.topic().equals(topics.countsTopic())) {
                counts.put(key, value.get("count").asLong());
            } else {
                rates.put(key, value.get("answered").asLong() + "/" + value.get("total").asLong());
            }
        }
        Map<String, Long> expectedCounts = countsPerMinute(calls);
        Map<String, String> expectedRates = answerRates(calls);
        assertThat(differences(counts, expectedCounts)).as("calls per minute of their end and result, of %d",
                expectedCounts.size()).isEmpty();
        assertThat(differences(rates, expectedRates)).as("answered/total per caller, of %d", expectedRates.size())
                .isEmpty();
    }

    /**
     * Until the application's group has committed the end of every partition it reads, the input's
     * and the repartition topics' alike: it commits only what it has written on, so its outputs are
     * then complete. Checking the outputs before that could pass on counts that later copies spoil.
     */
    private static void awaitCaughtUp(EmbeddedKafkaCluster kafka, String applicationId, Instant deadline)
            throws Exception {
        Map<TopicPartition, Long> behind;
        try (Admin admin = kafka.createAdminClient()) {
            do {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                behind = new HashMap<>();
                for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
                    long lag = end.getValue().offset() - committed.get(end.getKey()).offset();
                    if (lag > 0) {
                        behind.put(end.getKey(), lag);
                    }
                }
                // The input and the two repartition topics, one partition each.
                if (committed.size() == 3 && behind.isEmpty()) {
                    return;
                }
                Thread.sleep(200);
            } while (Instant.now().isBefore(deadline));
        }
        throw new AssertionError("the streams example is still behind: " + behind);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readToEnd(EmbeddedKafkaCluster kafka, String... topics) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.createConsumer(Map.of())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Each key whose value is not the expected one, with both: the whole tables are long. */
    private static List<String> differences(Map<String, ?> actual, Map<String, ?> expected) {
        Set<String> keys = new TreeSet<>(actual.keySet());
        keys.addAll(expected.keySet());
        return keys.stream().filter(key -> !Objects.equals(actual.get(key), expected.get(key)))
                .map(key -> key + ": " + actual.get(key) + " instead of " + expected.get(key)).toList();
    }

    /** Per minute of the end and result symbol, keyed as the example keys them. */
    private static Map<String, Long> countsPerMinute(List<ApiRecord> calls) {
        Map<String, Long> counts = new HashMap<>();
        for (ApiRecord call : calls) {
            String minute = Instant.ofEpochSecond(call.endTs() - Math.floorMod(call.endTs(), 60)).toString();
            counts.merge(minute + "/" + CallRecordAvro.symbol("callResult", call.callResult()), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * answered/total per caller, answered read from the simulator's own model (a call answered has an
     * acceptTs), not from the results the example takes for an answer.
     */
    private static Map<String, String> answerRates(List<ApiRecord> calls) {
        Map<String, long[]> tallies = new HashMap<>();
        for (ApiRecord call : calls) {
            if (call.caller() != null) {
                long[] tally = tallies.computeIfAbsent(call.caller(), caller -> new long[2]);
                tally[0] += call.acceptTs() != 0 ? 1 : 0;
                tally[1]++;
            }
        }
        Map<String, String> rates = new HashMap<>();
        tallies.forEach((caller, tally) -> rates.put(caller, tally[0] + "/" + tally[1]));
        return rates;
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

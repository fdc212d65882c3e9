package io.github.kafkaconnecttrtc.streams;

import static io.github.kafkaconnecttrtc.streams.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallStatsTopologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");
    /** When the connector read the calls: the record timestamps, a day after the calls ended. */
    private static final Instant READ_AT = NOON.plus(Duration.ofDays(1));

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, GenericRecord> calls;
    private TestOutputTopic<String, String> counts;
    private TestOutputTopic<String, String> answerRates;

    @BeforeEach
    void startDriver() {
        CallStatsSettings settings = CallStatsSettings.forInput("trtc.call-records", WINDOW);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "call-stats-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(CallStatsTopology.build(settings, Calls.PLAIN_AVRO), props);
        calls = driver.createInputTopic(settings.inputTopic(), new StringSerializer(), Calls.PLAIN_AVRO.serializer());
        counts = driver.createOutputTopic(settings.countsTopic(), new StringDeserializer(), new StringDeserializer());
        answerRates = driver.createOutputTopic(settings.answerRateTopic(), new StringDeserializer(),
                new StringDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aCopyRedeliveredWithinTheWindowIsCountedOnce() {
        pipe(call("a", "alice", "NORMAL_END", NOON.plusSeconds(10)));
        pipe(call("b", "bob", "NORMAL_END", NOON.plusSeconds(70)));
        pipe(call("a", "alice", "NORMAL_END", NOON.plusSeconds(10)));

        Map<String, JsonNode> minutes = latest(counts);
        assertThat(minutes.get("2026-12-01T12:00:00Z/NORMAL_END").get("count").asLong()).isEqualTo(1);
        assertThat(minutes.get("2026-12-01T12:01:00Z/NORMAL_END").get("count").asLong()).isEqualTo(1);
        assertThat(latest(answerRates).get("alice").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aCopyLaterThanTheWindowPassesAsANewCallButFindsItsMinuteClosed() {
        pipe(call("a", "alice", "NORMAL_END", NOON.plusSeconds(10)));
        pipe(call("b", "bob", "NORMAL_END", NOON.plusSeconds(10).plus(WINDOW).plusSeconds(1)));
        pipe(call("a", "alice", "NORMAL_END", NOON.plusSeconds(10)));

        assertThat(latest(answerRates).get("alice").get("total").asLong()).isEqualTo(2);
        assertThat(latest(counts).get("2026-12-01T12:00:00Z/NORMAL_END").get("count").asLong()).isEqualTo(1);
    }

    @Test
    void callsAreCountedByResultInTheMinuteTheyEndedNotWhenTheyWereRead() {
        pipe(call("a", "alice", "NORMAL_END", NOON.plusSeconds(5)));
        pipe(call("b", "alice", "CANCEL", NOON.plusSeconds(30)));
        pipe(call("c", "bob", "NORMAL_END", NOON.plusMillis(59_999)));
        pipe(call("d", "bob", "NORMAL_END", NOON.plusSeconds(60)));
        pipe(call("e", "carol", "OFFLINE", NOON.plus(Duration.ofMinutes(5))));

        Map<String, JsonNode> minutes = latest(counts);
        assertThat(minutes).containsOnlyKeys("2026-12-01T12:00:00Z/NORMAL_END", "2026-12-01T12:00:00Z/CANCEL",
                "2026-12-01T12:01:00Z/NORMAL_END", "2026-12-01T12:05:00Z/OFFLINE");
        JsonNode noon = minutes.get("2026-12-01T12:00:00Z/NORMAL_END");
        assertThat(noon.get("minute").asText()).isEqualTo("2026-12-01T12:00:00Z");
        assertThat(noon.get("callResult").asText()).isEqualTo("NORMAL_END");
        assertThat(noon.get("count").asLong()).isEqualTo(2);
        assertThat(minutes.get("2026-12-01T12:00:00Z/CANCEL").get("count").asLong()).isEqualTo(1);
        assertThat(minutes.get("2026-12-01T12:01:00Z/NORMAL_END").get("count").asLong()).isEqualTo(1);
        assertThat(minutes.get("2026-12-01T12:05:00Z/OFFLINE").get("count").asLong()).isEqualTo(1);
    }

    @Test
    void theAnswerRateOfACallerCountsNormalEndsAndInterruptionsAsAnswered() {
        String[] results = {"NORMAL_END", "INTERRUPT", "CANCEL", "REJECT", "NOT_ANSWER", "CALL_BUSY", "OFFLINE",
            "UNKNOWN"};
        for (int i = 0; i < results.length; i++) {
            pipe(call("alice-" + i, "alice", results[i], NOON.plusSeconds(i)));
        }
        pipe(call("bob-1", "bob", "NORMAL_END", NOON.plusSeconds(20)));
        pipe(call("nobody", null, "NORMAL_END", NOON.plusSeconds(30)));

        Map<String, JsonNode> rates = latest(answerRates);
        assertThat(rates).containsOnlyKeys("alice", "bob");
        JsonNode alice = rates.get("alice");
        assertThat(alice.get("caller").asText()).isEqualTo("alice");
        assertThat(alice.get("answered").asLong()).isEqualTo(2);
        assertThat(alice.get("total").asLong()).isEqualTo(8);
        assertThat(alice.get("answerRate").asDouble()).isEqualTo(0.25);
        assertThat(rates.get("bob").get("answerRate").asDouble()).isEqualTo(1.0);
        // Without a caller a call has no rate, but it is still a call of its minute.
        assertThat(latest(counts).get("2026-12-01T12:00:00Z/NORMAL_END").get("count").asLong()).isEqualTo(3);
    }

    @Test
    void aRecordWithoutAValueIsSkippedAndClosesNoMinute() {
        pipe(call("a", "alice", "NORMAL_END", NOON.plusSeconds(10)));
        // Without an end, and stamped a day after noon: had that time reached the windows, the minute
        // of noon would be closed for the call after it.
        calls.pipeInput("tombstone", null, READ_AT);
        pipe(call("b", "alice", "NORMAL_END", NOON.plusSeconds(20)));

        assertThat(latest(counts).get("2026-12-01T12:00:00Z/NORMAL_END").get("count").asLong()).isEqualTo(2);
        Map<String, JsonNode> rates = latest(answerRates);
        assertThat(rates).containsOnlyKeys("alice");
        assertThat(rates.get("alice").get("total").asLong()).isEqualTo(2);
    }

    private void pipe(GenericRecord call) {
        calls.pipeInput(call.get("callId").toString(), call, READ_AT);
    }

    /** The latest value of each key written since the last call: the topic read as a table. */
    private static Map<String, JsonNode> latest(TestOutputTopic<String, String> topic) {
        Map<String, JsonNode> latest = new HashMap<>();
        topic.readKeyValuesToMap().forEach((key, json) -> latest.put(key, parse(json)));
        return latest;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}

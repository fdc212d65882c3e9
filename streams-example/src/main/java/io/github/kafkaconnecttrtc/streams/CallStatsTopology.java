package io.github.kafkaconnecttrtc.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Calls from the connector's topic, each once, counted by result per minute of their end and by
 * caller. Both outputs are changelogs: String keys and JSON values, a new value for a key each time
 * its count changes, the latest being the count (README.md of this module).
 */
public final class CallStatsTopology {

    static final String SEEN_CALLS_STORE = "seen-call-ids";
    static final Duration MINUTE = Duration.ofMinutes(1);

    /**
     * The results of calls that were connected: ended normally, or cut off during the call. A call
     * cancelled, rejected, not answered, met with a busy line or an offline callee never was, and
     * UNKNOWN is a result the contract does not know, which is not taken for an answer.
     */
    static final Set<String> ANSWERED = Set.of("NORMAL_END", "INTERRUPT");

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallStatsTopology() {
    }

    /**
     * The topology over {@code settings}' topics.
     *
     * @param callRecords the serde of the input's values: the registry's Avro serde in an application
     *                    (null for a record without a value), any Avro serde of CallRecord in tests
     */
    public static Topology build(CallStatsSettings settings, Serde<GenericRecord> callRecords) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_CALLS_STORE, settings.window(), settings.window(), false),
                Serdes.String(), Serdes.Long()));

        // The connector keys each record by its callId, so every copy of a call is in one partition
        // and meets the same store without a repartition.
        KStream<String, GenericRecord> calls = builder
                .stream(settings.inputTopic(), Consumed.with(Serdes.String(), callRecords)
                        .withTimestampExtractor(new EndTsExtractor()))
                .filter((key, call) -> call != null)
                .processValues(() -> new CallDeduplicator(SEEN_CALLS_STORE, settings.window()), SEEN_CALLS_STORE);

        // The grace closes a minute's count once the stream time is a window past the minute's start,
        // as the store forgets the ids of its calls: a copy too late for the store is too late for its
        // minute too.
        calls.map((key, call) -> KeyValue.pair(text(call, "callResult"), text(call, "callId")))
                .groupByKey(Grouped.with("call-results", Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, settings.window().minus(MINUTE)))
                .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("results-per-minute")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream()
                .map((minute, count) -> KeyValue.pair(countKey(minute), countJson(minute, count)))
                .to(settings.countsTopic(), Produced.with(Serdes.String(), Serdes.String()));

        // A call without a caller is nobody's to rate.
        calls.filter((key, call) -> call.get("caller") != null)
                .map((key, call) -> KeyValue.pair(text(call, "caller"), ANSWERED.contains(text(call, "callResult"))))
                .groupByKey(Grouped.with("callers", Serdes.String(), Serdes.Boolean()))
                .aggregate(() -> AnswerTally.NONE, (caller, answered, tally) -> tally.add(answered),
                        Materialized.<String, AnswerTally, KeyValueStore<Bytes, byte[]>>as("answer-tallies")
                                .withKeySerde(Serdes.String()).withValueSerde(AnswerTally.SERDE))
                .toStream()
                .mapValues((caller, tally) -> answerRateJson(caller, tally))
                .to(settings.answerRateTopic(), Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    /** The key of a minute's count: the minute's start, ISO-8601 in UTC, a slash, the result. */
    static String countKey(Windowed<String> minute) {
        return minute.window().startTime() + "/" + minute.key();
    }

    private static String countJson(Windowed<String> minute, long count) {
        return JSON.createObjectNode().put("minute", minute.window().startTime().toString())
                .put("callResult", minute.key()).put("count", count).toString();
    }

    private static String answerRateJson(String caller, AnswerTally tally) {
        return JSON.createObjectNode().put("caller", caller).put("answered", tally.answered())
                .put("total", tally.total()).put("answerRate", tally.rate()).toString();
    }

    private static String text(GenericRecord call, String field) {
        Object value = call.get(field);
        return value == null ? null : value.toString();
    }
}

package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records sent malformed: which calls, how each kind is written by each endpoint, and that asking
 * again never fixes one.
 */
class MalformedRecordsTest {

    private static final long NOW = 1_750_000_000L;
    private static final long DAY = 86_400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHOLE_HOUR = "{\"startTimestamp\":" + (NOW - 3600) + "}";

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private TrtcSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static SimulatorSettings oneDay(double malformedRate) {
        return SimulatorSettings.builder().seed(11).historyDays(1).callsPerSecond(0.2)
                .malformedRecordRate(malformedRate).build();
    }

    @Test
    void theRateChoosesThatShareOfCallsWithEveryKindAndLeavesTheCallsThemselvesAlone() {
        List<SimulatedCall> malformed;
        List<SimulatedCall> clean;
        try (TrtcSimulator withMalformed = TrtcSimulator.start(oneDay(0.05), clock);
                TrtcSimulator without = TrtcSimulator.start(oneDay(0), clock)) {
            malformed = withMalformed.groundTruth();
            clean = without.groundTruth();
        }

        List<Malformation> kinds = malformed.stream().flatMap(call -> call.malformation().stream()).toList();
        assertThat(malformed).extracting(SimulatedCall::call)
                .isEqualTo(clean.stream().map(SimulatedCall::call).toList());
        assertThat(clean).allMatch(call -> call.malformation().isEmpty());
        assertThat((double) kinds.size() / malformed.size()).isBetween(0.04, 0.06);
        assertThat(EnumSet.copyOf(kinds)).containsExactlyInAnyOrder(Malformation.values());
    }

    @Test
    void callsOfTheLiveTailAreMalformedByTheSameRuleAsTheHistory() {
        MutableClock late = MutableClock.atEpochSecond(NOW + DAY);
        try (TrtcSimulator startedEarly = TrtcSimulator.start(oneDay(0.05), clock);
                TrtcSimulator startedLate = TrtcSimulator.start(oneDay(0.05), late)) {
            clock.advanceSeconds(DAY);

            List<SimulatedCall> live = startedEarly.groundTruth().stream()
                    .filter(call -> call.call().startCallTs() >= NOW).toList();

            assertThat(live).anyMatch(call -> call.malformation().isPresent()).isEqualTo(startedLate.groundTruth());
        }
    }

    @Test
    void aMalformedCallIsSentTheSameWayEveryTimeItIsAsked() {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().seed(11).historyDays(0).callsPerSecond(2)
                .malformedRecordRate(0.2).build(), clock);
        clock.advanceSeconds(600);
        ApiCaller api = new ApiCaller(simulator, clock);
        String query = "{\"startTimestamp\":" + NOW + ",\"endTimestamp\":" + (NOW + 300) + "}";

        byte[] first = api.postForBytes(query);
        byte[] again = api.postForBytes(query);

        assertThat(simulator.groundTruth()).anyMatch(call -> call.malformation().isPresent()
                && call.call().endTs() <= NOW + 300);
        assertThat(withoutRequestId(again)).isEqualTo(withoutRequestId(first));
    }

    @Test
    void addedCallsAreWellFormedWhateverTheRateUnlessAddedMalformed() {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(0).callsPerSecond(0)
                .malformedRecordRate(1).build(), clock);

        simulator.addCall(Calls.single("plain", NOW - 100, NOW - 50), NOW - 40);
        simulator.addMalformedCall(Calls.single("broken", NOW - 90, NOW - 50), NOW - 40, Malformation.NO_END_TS);

        Map<String, Optional<Malformation>> truth = simulator.groundTruth().stream()
                .collect(Collectors.toMap(call -> call.call().callId(), SimulatedCall::malformation));
        assertThat(truth).containsExactlyInAnyOrderEntriesOf(
                Map.of("plain", Optional.empty(), "broken", Optional.of(Malformation.NO_END_TS)));
    }

    @ParameterizedTest
    @EnumSource(Malformation.class)
    void eachKindIsWrittenAsItSaysAtTheCallsTruePlaceBetweenWellFormedNeighbours(Malformation kind) {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(0).callsPerSecond(0).build(), clock);
        ApiRecord bad = Calls.single("bad", NOW - 90, NOW - 50);
        simulator.addCall(Calls.single("before", NOW - 100, NOW - 50), NOW - 40);
        simulator.addMalformedCall(bad, NOW - 40, kind);
        simulator.addCall(Calls.single("after", NOW - 80, NOW - 50), NOW - 40);

        byte[] body = new ApiCaller(simulator, clock).postForBytes(WHOLE_HOUR);
        JsonNode answer = parse(body);
        JsonNode list = answer.at("/data/callRecordList");
        JsonNode record = list.get(1);

        assertThat(answer.at("/data/totalNum").asInt()).isEqualTo(3);
        assertThat(list.get(0).get("callId").asText()).isEqualTo("before");
        assertThat(list.get(2).get("callId").asText()).isEqualTo("after");
        assertThat(list.get(0).properties()).hasSize(12);
        switch (kind) {
            case NO_CALL_ID -> assertThat(record.has("callId")).isFalse();
            case NO_END_TS -> assertThat(record.has("endTs")).isFalse();
            case NO_START_CALL_TS -> assertThat(record.has("startCallTs")).isFalse();
            case START_CALL_TS_AS_TEXT -> assertThat(record.get("startCallTs").textValue())
                    .isEqualTo("2025-06-15 15:05:10");
            case CALLEES_AS_OBJECT -> assertThat(record.get("callees").isObject()).isTrue();
            case TOTAL_USER_NUMBER_BEYOND_INT -> {
                long sent = record.get("totalUserNumber").longValue();
                assertThat(sent).isGreaterThan(Integer.MAX_VALUE);
                assertThat((int) sent).isEqualTo(bad.totalUserNumber());
            }
            case INVALID_UTF8_CALLER -> {
                assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)))
                        .isInstanceOf(CharacterCodingException.class);
                assertThat(record.get("caller").asText()).startsWith(bad.caller()).isNotEqualTo(bad.caller());
            }
            case ACCEPT_TS_HUGE -> assertThatThrownBy(
                    () -> Math.multiplyExact(record.get("acceptTs").longValue(), 1000))
                    .isInstanceOf(ArithmeticException.class);
            case END_TS_FAR_FUTURE -> assertThat(record.get("endTs").longValue())
                    .isGreaterThan(NOW + 99 * 365 * DAY);
            case SDK_APP_ID_LONG_NUMBER -> assertThat(record.get("sdkAppId").bigIntegerValue())
                    .isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE))
                    .extracting(BigInteger::toString).extracting(String::length).isEqualTo(120);
        }
        if (kind != Malformation.NO_CALL_ID) {
            assertThat(record.get("callId").asText()).isEqualTo("bad");
        }
    }

    @ParameterizedTest
    @EnumSource(Malformation.class)
    void eachKindBreaksItsV4CounterpartAtTheCallsTruePlaceSoThatAValidatingReaderNoticesIt(Malformation kind) {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(0).callsPerSecond(0).build(), clock);
        ApiRecord bad = Calls.single("bad", NOW - 90, NOW - 50);
        simulator.addCall(Calls.single("before", NOW - 100, NOW - 50), NOW - 40);
        simulator.addMalformedCall(bad, NOW - 40, kind);
        simulator.addCall(Calls.single("after", NOW - 80, NOW - 50), NOW - 40);

        byte[] body = new ApiCaller(simulator, clock, ApiDialect.V4).postForBytes("{}");
        JsonNode answer = parse(body);
        JsonNode list = answer.at("/Response/CallRecordList");
        JsonNode record = list.get(1);

        assertThat(answer.at("/Response/TotalNum").asInt()).isEqualTo(3);
        assertThat(list.get(0).get("CallId").asText()).isEqualTo("before");
        assertThat(list.get(2).get("CallId").asText()).isEqualTo("after");
        assertThat(list.get(0).properties()).hasSize(11);
        switch (kind) {
            case NO_CALL_ID -> assertThat(record.has("CallId")).isFalse();
            case NO_END_TS -> assertThat(record.has("EndTime")).isFalse();
            case NO_START_CALL_TS -> assertThat(record.has("StartTime")).isFalse();
            case START_CALL_TS_AS_TEXT -> assertThat(record.get("StartTime").textValue())
                    .isEqualTo("2025-06-15 15:05:10");
            case CALLEES_AS_OBJECT -> assertThat(record.get("CalleeList_Account").isObject()).isTrue();
            case TOTAL_USER_NUMBER_BEYOND_INT -> {
                long sent = record.get("RoomIdType").longValue();
                assertThat(sent).isGreaterThan(Integer.MAX_VALUE);
                assertThat((int) sent).isEqualTo(bad.roomIdType());
            }
            case INVALID_UTF8_CALLER -> {
                assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)))
                        .isInstanceOf(CharacterCodingException.class);
                assertThat(record.get("Caller_Account").asText()).startsWith(bad.caller()).isNotEqualTo(bad.caller());
            }
            case ACCEPT_TS_HUGE -> assertThatThrownBy(
                    () -> Math.multiplyExact(record.get("AcceptTime").longValue(), 1000))
                    .isInstanceOf(ArithmeticException.class);
            case END_TS_FAR_FUTURE -> assertThat(record.get("EndTime").longValue())
                    .isGreaterThan(NOW + 99 * 365 * DAY);
            case SDK_APP_ID_LONG_NUMBER -> assertThat(record.get("StartTime").bigIntegerValue().toString())
                    .hasSize(Malformation.LONG_NUMBER_DIGITS).endsWith(Long.toString(bad.startCallTs()));
        }
        assertThat(V4RecordCheck.problem(record, NOW)).as(kind.name()).isNotNull();
        assertThat(V4RecordCheck.problem(list.get(0), NOW)).isNull();
    }

    /** Leniently: bytes that are not UTF-8 become U+FFFD, as a reader that keeps the raw text sees them. */
    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutRequestId(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replaceFirst("\"requestId\":\"[0-9a-f]+\"", "");
    }
}

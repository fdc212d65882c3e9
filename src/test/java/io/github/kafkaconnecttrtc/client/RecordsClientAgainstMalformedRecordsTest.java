package io.github.kafkaconnecttrtc.client;

import static io.github.kafkaconnecttrtc.testing.SimulatorClients.quickClient;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.simulator.Malformation;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.SimulatorCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The records client against a simulator that garbles some records in every way it knows: each garbled
 * record comes apart from the page, with the reason, and every other record arrives as it is.
 */
class RecordsClientAgainstMalformedRecordsTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long DAY = Duration.ofDays(1).toSeconds();

    /** What the reason names for each way the simulator garbles a record. */
    private static final Map<Malformation, String> REASONS = Map.of(
            Malformation.NO_CALL_ID, "no callId",
            Malformation.NO_END_TS, "no endTs",
            Malformation.NO_START_CALL_TS, "no startCallTs",
            Malformation.START_CALL_TS_AS_TEXT, "'startCallTs' is not a whole number",
            Malformation.CALLEES_AS_OBJECT, "'callees' is not a list but an object",
            Malformation.TOTAL_USER_NUMBER_BEYOND_INT, "'totalUserNumber' is not a count",
            Malformation.INVALID_UTF8_CALLER, "invalid UTF-8 in field 'caller'",
            Malformation.ACCEPT_TS_HUGE, "'acceptTs' " + Malformation.HUGE_ACCEPT_TS + " is not a time",
            Malformation.END_TS_FAR_FUTURE, "'endTs'",
            Malformation.SDK_APP_ID_LONG_NUMBER, "'sdkAppId' is a number of " + Malformation.LONG_NUMBER_DIGITS
                    + " characters");

    @Test
    void setsAsideEveryRecordTheApiGarblesWithItsReasonAndReadsEveryOtherFaithfully() {
        MutableClock clock = MutableClock.atEpochSecond(NOW);
        try (TrtcSimulator sim = TrtcSimulator.start(SimulatorSettings.builder().seed(7).historyDays(1)
                .callsPerSecond(0.02).rateLimitPerSecond(0).malformedRecordRate(0.3).build(), clock);
                HttpTrtcRecordsClient client = quickClient(sim, clock)) {
            Map<String, CallRecord> read = new LinkedHashMap<>();
            List<InvalidRecord> invalid = new ArrayList<>();
            Scans.scan(client, Queries.between(NOW - DAY, NOW), page -> {
                page.records().forEach(r -> read.put(r.callId(), r));
                invalid.addAll(page.invalid());
            });

            List<SimulatedCall> served = sim.groundTruth().stream()
                    .filter(c -> c.visibleAt() <= NOW && c.call().startCallTs() >= NOW - DAY)
                    .toList();
            List<SimulatedCall> garbled = served.stream().filter(c -> c.malformation().isPresent()).toList();
            assertThat(garbled.stream().map(c -> c.malformation().orElseThrow()).collect(Collectors.toSet()))
                    .as("every kind of garbling is served").containsAll(REASONS.keySet());
            assertThat(read.values()).containsExactlyInAnyOrderElementsOf(served.stream()
                    .filter(c -> c.malformation().isEmpty()).map(SimulatorCalls::expected).toList());
            assertThat(invalid).hasSameSizeAs(garbled);
            Map<String, InvalidRecord> invalidById = invalid.stream().filter(r -> r.callId() != null)
                    .collect(Collectors.toMap(InvalidRecord::callId, r -> r));
            Set<Malformation> withoutUsableId = EnumSet.of(Malformation.NO_CALL_ID);
            for (SimulatedCall call : garbled) {
                Malformation kind = call.malformation().orElseThrow();
                if (withoutUsableId.contains(kind)) {
                    continue;
                }
                assertThat(invalidById).as(kind + " of " + call.call().callId()).containsKey(call.call().callId());
                InvalidRecord record = invalidById.get(call.call().callId());
                assertThat(record.reason()).as(kind.name()).contains(REASONS.getOrDefault(kind, ""));
                assertThat(record.raw()).startsWith("{").endsWith("}").contains(call.call().callId());
            }
            assertThat(invalid).filteredOn(r -> r.callId() == null).allSatisfy(r ->
                    assertThat(r.reason()).isEqualTo("no callId"));
        }
    }
}

package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.schema.CallRecordSchema;
import io.github.kafkaconnecttrtc.simulator.EndTimestampReading;
import io.github.kafkaconnecttrtc.simulator.Fault;
import io.github.kafkaconnecttrtc.simulator.Malformation;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.SimulatorCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hours of backfill and live tail through the planner and the tasks' poll loops against a simulator
 * that sends 1% of its records malformed, in every way it knows, and now and then answers a page
 * with an early end or a loop past the end of the list.
 */
class HostileSimulationTest {

    private static final long T0 = 1_767_225_600L;
    private static final long SETTLE = 30;
    private static final long MAX_CALL = Duration.ofHours(2).toSeconds();
    private static final long FAST_LANE = 600;
    private static final Duration POLL = Duration.ofSeconds(60);
    private static final Duration SWEEP = Duration.ofMinutes(30);

    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void everyWellFormedCallArrivesOnceAndEveryMalformedOneIsInTheInvalidTopicAtABoundedRequestCost(
            EndTimestampReading reading) throws InterruptedException {
        MutableClock clock = MutableClock.atEpochSecond(T0);
        try (TrtcSimulator simulator = TrtcSimulator.start(SimulatorSettings.builder().seed(13).historyDays(1)
                .callsPerSecond(0.05).longCallFraction(0.05).maxCallDurationSeconds(Duration.ofHours(1).toSeconds())
                .malformedRecordRate(0.01).endTimestampReading(reading).rateLimitPerSecond(0).build(), clock);
                SimulatedConnector connector = new SimulatedConnector(simulator, clock,
                        SimulatedConnector.readSettings(SETTLE, MAX_CALL, FAST_LANE), POLL, SWEEP,
                        SimulatedConnector.OVERLONG_SWEEP, Duration.ofHours(1),
                        OptionalLong.of(T0 - Duration.ofHours(12).toSeconds()), 2)) {
            simulator.faults().setRates(Map.of(Fault.EARLY_EMPTY_PAGE, 0.02, Fault.EARLY_PAGE_ZERO, 0.02,
                    Fault.PAGE_LOOP, 0.02));
            simulator.beforeEachRequest(() -> clock.advanceSeconds(1));

            connector.startTasks();
            connector.runUntil(Instant.ofEpochSecond(T0 + Duration.ofHours(4).toSeconds()));

            long now = clock.epochSecond();
            long readFrom = connector.plan.readFrom();
            Map<String, CallRecord> wellFormed = new HashMap<>();
            Set<String> malformed = new HashSet<>();
            int malformedWithoutId = 0;
            for (SimulatedCall call : simulator.groundTruth()) {
                CallRecord expected = SimulatorCalls.expected(call);
                // Due: read by some pass of its lane, whatever its kind.
                boolean due = expected.startCallTs() >= readFrom
                        && expected.endTs() <= now - SETTLE - SWEEP.toSeconds();
                if (!due) {
                    continue;
                }
                if (call.malformation().isEmpty()) {
                    wellFormed.put(expected.callId(), expected);
                } else if (call.malformation().get() == Malformation.NO_CALL_ID) {
                    malformedWithoutId++;
                } else {
                    malformed.add(expected.callId());
                }
            }

            Set<String> emitted = new HashSet<>();
            for (SourceRecord record : connector.emitted) {
                String callId = (String) record.key();
                assertThat(emitted.add(callId)).as("emitted twice: %s", callId).isTrue();
                CallRecord truth = wellFormed.get(callId);
                if (truth != null) {
                    assertThat((Struct) record.value()).isEqualTo(CallRecordSchema.toStruct(truth));
                }
            }
            Set<Object> invalidKeys = new HashSet<>();
            connector.invalid.forEach(record -> invalidKeys.add(record.key()));
            assertThat(wellFormed).hasSizeGreaterThan(1000);
            assertThat(malformed).hasSizeGreaterThan(10);
            assertThat(emitted).containsAll(wellFormed.keySet()).doesNotContainAnyElementsOf(malformed);
            assertThat(invalidKeys).containsAll(malformed);
            if (malformedWithoutId > 0) {
                assertThat(connector.invalid).filteredOn(record -> record.key() == null).isNotEmpty();
            }
            long requests = simulator.stats().totalRequests();
            Map<Fault, Long> faults = simulator.stats().answersByFault();
            assertThat(faults).containsKeys(Fault.EARLY_EMPTY_PAGE, Fault.EARLY_PAGE_ZERO, Fault.PAGE_LOOP);
            System.out.printf("[%s] %d well-formed and %d malformed calls due, %d invalid records written, %d requests"
                    + " in 4 hours, paging faults %s%n", reading, wellFormed.size(), malformed.size() + malformedWithoutId,
                    connector.invalid.size(), requests, faults);
            // Without faults the same run takes a few thousand requests; a followed loop would take millions.
            assertThat(requests).isLessThan(20_000);
        }
    }
}

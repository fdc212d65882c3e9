package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.testing.SimulatorCalls;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.schema.CallRecordSchema;
import io.github.kafkaconnecttrtc.simulator.EndTimestampReading;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Days of simulated traffic through the connector's planning and poll loops: backfill, the live
 * tail with long calls, a restart, under both readings of {@code endTimestamp}.
 */
class TaskEngineSimulationTest {

    private static final long T0 = 1_767_225_600L;
    private static final long SETTLE = 30;
    private static final long MAX_CALL = Duration.ofHours(4).toSeconds();
    private static final long FAST_LANE = 600;
    private static final Duration POLL = Duration.ofSeconds(60);
    private static final Duration SWEEP = Duration.ofMinutes(30);

    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void deliversEverySettledCallExactlyOnceInEndOrderAcrossBackfillTailAndRestart(EndTimestampReading reading)
            throws InterruptedException {
        MutableClock clock = MutableClock.atEpochSecond(T0);
        try (TrtcSimulator simulator = TrtcSimulator.start(SimulatorSettings.builder().seed(11).historyDays(2)
                .callsPerSecond(0.01).longCallFraction(0.05).maxCallDurationSeconds(Duration.ofHours(3).toSeconds())
                .endTimestampReading(reading).rateLimitPerSecond(0).build(), clock);
                SimulatedConnector connector = new SimulatedConnector(simulator, clock,
                        SimulatedConnector.readSettings(SETTLE, MAX_CALL, FAST_LANE), POLL, SWEEP,
                        SimulatedConnector.OVERLONG_SWEEP, Duration.ofHours(1), OptionalLong.of(T0 - Duration.ofHours(36).toSeconds()), 3)) {
            // Time moves on while a pass pages, so calls appear mid-scan.
            simulator.beforeEachRequest(() -> clock.advanceSeconds(1));

            connector.startTasks();
            connector.runUntil(Instant.ofEpochSecond(T0 + Duration.ofHours(8).toSeconds()));
            int beforeRestart = connector.emitted.size();
            connector.startTasks();
            long steadyFrom = clock.epochSecond();
            long requestsBefore = simulator.stats().totalRequests();
            connector.runUntil(Instant.ofEpochSecond(T0 + Duration.ofHours(14).toSeconds()));
            long minutes = (clock.epochSecond() - steadyFrom) / 60;
            System.out.printf("[%s] steady state: %.2f requests per minute over %d minutes (poll %s, sweep %s)%n",
                    reading, (simulator.stats().totalRequests() - requestsBefore) / (double) minutes, minutes, POLL,
                    SWEEP);

            long now = clock.epochSecond();
            Map<String, CallRecord> truth = new HashMap<>();
            for (SimulatedCall call : simulator.groundTruth()) {
                truth.put(call.call().callId(), SimulatorCalls.expected(call));
            }
            List<CallRecord> expected = simulator.groundTruth().stream().map(SimulatorCalls::expected)
                    .filter(c -> c.startCallTs() >= connector.plan.readFrom())
                    .filter(c -> c.endTs() <= now - SETTLE - (c.durationSeconds() <= FAST_LANE
                            ? POLL.toSeconds() : SWEEP.toSeconds()))
                    .toList();

            Map<String, SourceRecord> byId = new HashMap<>();
            for (SourceRecord record : connector.emitted) {
                assertThat(byId.put((String) record.key(), record)).as("duplicate %s", record.key()).isNull();
                Struct value = (Struct) record.value();
                assertThat(value).isEqualTo(CallRecordSchema.toStruct(truth.get((String) record.key())));
            }
            assertThat(beforeRestart).isGreaterThan(0).isLessThan(connector.emitted.size());
            assertThat(expected).hasSizeGreaterThan(1000);
            assertThat(byId.keySet()).containsAll(expected.stream().map(CallRecord::callId).toList());
            assertThat(expected).anyMatch(c -> c.durationSeconds() > Duration.ofHours(1).toSeconds());
            assertEndOrderPerPartition(connector.emitted);
        }
    }

    /** A set of reading settings whose steady-state request cost is measured. */
    enum CostProfile {
        /** The connector's defaults. */
        DEFAULTS(600, Duration.ofHours(6), Duration.ofMinutes(15)),
        /**
         * Cheaper, slower for longer calls: calls over 3 min arrive within 30 min, calls over 2 h
         * with the overlong sweep.
         */
        ECONOMY(180, Duration.ofHours(2), Duration.ofMinutes(30));

        final long fastLaneSeconds;
        final Duration maxCall;
        final Duration sweep;

        CostProfile(long fastLaneSeconds, Duration maxCall, Duration sweep) {
            this.fastLaneSeconds = fastLaneSeconds;
            this.maxCall = maxCall;
            this.sweep = sweep;
        }
    }

    /**
     * The request cost of following the live tail at 0.5 calls per second, by lane; the least any
     * poller can do is one request per poll interval. Counts are exact on the fake clock; printed
     * for docs/tuning.md and the benchmark results, checked only loosely.
     */
    @ParameterizedTest
    @EnumSource(CostProfile.class)
    void reportsTheSteadyStateRequestCost(CostProfile profile) throws InterruptedException {
        MutableClock clock = MutableClock.atEpochSecond(T0);
        Duration poll = Duration.ofSeconds(5);
        try (TrtcSimulator simulator = TrtcSimulator.start(SimulatorSettings.builder().seed(5).historyDays(1)
                .callsPerSecond(0.5).rateLimitPerSecond(0).build(), clock);
                SimulatedConnector connector = new SimulatedConnector(simulator, clock,
                        SimulatedConnector.readSettings(30, profile.maxCall.toSeconds(), profile.fastLaneSeconds),
                        poll, profile.sweep, Duration.ofHours(24), Duration.ofHours(1),
                        OptionalLong.of(T0 - Duration.ofHours(8).toSeconds()), 2)) {
            Map<SliceKind, Long> byLane = new java.util.EnumMap<>(SliceKind.class);
            connector.observer = new PassObserver() {
                @Override
                public void passed(Slice slice, PassResult result, Instant started) {
                    byLane.merge(slice.kind(), (long) result.requests(), Long::sum);
                }
            };
            connector.startTasks();
            connector.runUntil(Instant.ofEpochSecond(T0 + Duration.ofMinutes(30).toSeconds()));
            long from = clock.epochSecond();
            long before = simulator.stats().totalRequests();
            byLane.clear();
            connector.runUntil(Instant.ofEpochSecond(from + Duration.ofHours(2).toSeconds()));
            double minutes = (clock.epochSecond() - from) / 60.0;
            double perMinute = (simulator.stats().totalRequests() - before) / minutes;
            double minimum = 60.0 / poll.toSeconds();
            System.out.printf("%s (fast lane %d s, max call %s, sweep %s), 0.5 calls/s: %.1f requests per minute in"
                    + " steady state, %.2fx the minimum of %.0f (one per poll); fast lane %.1f/min, long-call sweeps"
                    + " %.1f/min%n", profile, profile.fastLaneSeconds, profile.maxCall, profile.sweep, perMinute,
                    perMinute / minimum, minimum, byLane.getOrDefault(SliceKind.TAIL_FAST, 0L) / minutes,
                    byLane.getOrDefault(SliceKind.TAIL_LONG, 0L) / minutes);

            assertThat(perMinute).isGreaterThanOrEqualTo(minimum).isLessThan(8 * minimum);
        }
    }

    private static void assertEndOrderPerPartition(List<SourceRecord> records) {
        Map<Object, Struct> last = new HashMap<>();
        for (SourceRecord record : records) {
            Struct value = (Struct) record.value();
            Struct previous = last.put(record.sourcePartition().get(Slice.PARTITION_SLICE_KEY), value);
            if (previous != null) {
                int byEnd = ((java.util.Date) previous.get("endTs")).compareTo((java.util.Date) value.get("endTs"));
                assertThat(byEnd < 0 || (byEnd == 0
                        && previous.getString("callId").compareTo(value.getString("callId")) < 0))
                        .as("order of %s after %s", value.getString("callId"), previous.getString("callId")).isTrue();
            }
        }
    }
}

package io.github.kafkaconnecttrtc.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ground truth: deterministic from the seed, lazily extended, open to injected calls. */
class GroundTruthTest {

    private static final long NOW = 1_750_000_000L;
    private static final long DAY = 86_400;

    private static SimulatorSettings oneDayOfHistory(long seed) {
        return SimulatorSettings.builder().seed(seed).historyDays(1).callsPerSecond(0.2).build();
    }

    private static List<String> callIds(List<SimulatedCall> calls) {
        return calls.stream().map(call -> call.call().callId()).toList();
    }

    @Test
    void theSameSeedAndClockGiveTheSameGroundTruth() {
        MutableClock clock = MutableClock.atEpochSecond(NOW);
        try (TrtcSimulator first = TrtcSimulator.start(oneDayOfHistory(7), clock);
                TrtcSimulator second = TrtcSimulator.start(oneDayOfHistory(7), clock)) {
            assertThat(first.groundTruth()).hasSizeGreaterThan(10_000).isEqualTo(second.groundTruth());
        }
    }

    @Test
    void anotherSeedGivesOtherCalls() {
        MutableClock clock = MutableClock.atEpochSecond(NOW);
        try (TrtcSimulator first = TrtcSimulator.start(oneDayOfHistory(7), clock);
                TrtcSimulator second = TrtcSimulator.start(oneDayOfHistory(8), clock)) {
            Set<String> shared = new HashSet<>(callIds(first.groundTruth()));
            shared.retainAll(new HashSet<>(callIds(second.groundTruth())));

            assertThat(shared).isEmpty();
        }
    }

    @Test
    void callsGeneratedLazilyAfterAClockJumpEqualThoseOfASimulatorStartedLater() {
        MutableClock early = MutableClock.atEpochSecond(NOW);
        MutableClock late = MutableClock.atEpochSecond(NOW + DAY);
        try (TrtcSimulator startedEarly = TrtcSimulator.start(oneDayOfHistory(7), early);
                TrtcSimulator startedLate = TrtcSimulator.start(oneDayOfHistory(7), late)) {
            early.advanceSeconds(DAY);

            List<SimulatedCall> lateHistory = startedLate.groundTruth();
            List<SimulatedCall> sameSpanEarly = startedEarly.groundTruth().stream()
                    .filter(call -> call.call().startCallTs() >= NOW)
                    .toList();

            assertThat(lateHistory).hasSizeGreaterThan(10_000).isEqualTo(sameSpanEarly);
        }
    }

    @Test
    void theGroundTruthHoldsCallsNotVisibleYetButNoneThatHaveNotStarted() {
        MutableClock clock = MutableClock.atEpochSecond(NOW);
        try (TrtcSimulator simulator = TrtcSimulator.start(
                SimulatorSettings.builder().historyDays(0).callsPerSecond(0).build(), clock)) {
            simulator.addCall(Calls.single("ringing", NOW - 10, NOW + 30, "not_answer"), NOW + 35);
            simulator.addCall(Calls.single("future", NOW + 10, NOW + 20), NOW + 20);

            assertThat(simulator.groundTruth()).containsExactly(
                    new SimulatedCall(Calls.single("ringing", NOW - 10, NOW + 30, "not_answer"), NOW + 35));
            clock.advanceSeconds(10);
            assertThat(callIds(simulator.groundTruth())).containsExactly("ringing", "future");
        }
    }

    @Test
    void theGroundTruthGrowsWithTheClockInApiOrder() {
        MutableClock clock = MutableClock.atEpochSecond(NOW);
        try (TrtcSimulator simulator = TrtcSimulator.start(
                SimulatorSettings.builder().historyDays(0).callsPerSecond(2).build(), clock)) {
            int before = simulator.groundTruth().size();
            clock.advanceSeconds(600);
            List<SimulatedCall> after = simulator.groundTruth();

            assertThat(after.size() - before).isBetween(900, 1500);
            assertThat(after).isSortedAccordingTo((a, b) -> a.call().startCallTs() != b.call().startCallTs()
                    ? Long.compare(a.call().startCallTs(), b.call().startCallTs())
                    : a.call().callId().compareTo(b.call().callId()));
            assertThat(after).allSatisfy(call -> assertThat(call.call().startCallTs()).isBetween(NOW, NOW + 600));
        }
    }

    @Test
    void injectedCallsMustEndAfterTheyStartAndShowAfterTheyEnd() {
        MutableClock clock = MutableClock.atEpochSecond(NOW);
        try (TrtcSimulator simulator = TrtcSimulator.start(
                SimulatorSettings.builder().historyDays(0).callsPerSecond(0).build(), clock)) {
            assertThatThrownBy(() -> simulator.addCall(Calls.single("x", NOW, NOW - 1), NOW))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends before it starts");
            assertThatThrownBy(() -> simulator.addCall(Calls.single("x", NOW - 10, NOW - 5), NOW - 6))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("visible before it ends");
        }
    }
}

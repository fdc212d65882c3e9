package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The latency model's draws, without any waiting. */
class LatencyTest {

    private static List<Latency.Delay> draws(SimulatorSettings settings, int count) {
        Latency latency = new Latency(settings);
        return IntStream.range(0, count).mapToObj(i -> latency.draw()).toList();
    }

    private static SimulatorSettings.Builder settings() {
        return SimulatorSettings.builder();
    }

    @Test
    void noLatencyDrawsNothing() {
        assertThat(draws(settings().build(), 100))
                .allSatisfy(delay -> assertThat(delay).isEqualTo(new Latency.Delay(Duration.ZERO, false)));
    }

    @Test
    void aFixedDelayWithoutJitterIsTheSameForEveryAnswer() {
        assertThat(draws(settings().latencyMillis(80).build(), 100))
                .allSatisfy(delay -> assertThat(delay).isEqualTo(new Latency.Delay(Duration.ofMillis(80), false)));
    }

    @Test
    void jitterAddsAUniformDrawUpToItsBound() {
        List<Latency.Delay> draws = draws(settings().latencyMillis(80).latencyJitterMillis(20).build(), 10_000);

        assertThat(draws).extracting(Latency.Delay::total)
                .allSatisfy(total -> assertThat(total).isBetween(Duration.ofMillis(80), Duration.ofMillis(100)));
        double meanMillis = draws.stream().mapToLong(delay -> delay.total().toNanos()).average().orElseThrow() / 1e6;
        assertThat(meanMillis).isBetween(89.0, 91.0);
        long lowHalf = draws.stream().filter(delay -> delay.total().compareTo(Duration.ofMillis(90)) < 0).count();
        assertThat(lowHalf).isBetween(4_700L, 5_300L);
    }

    @Test
    void theSameSeedDrawsTheSameDelaysAndAnotherSeedOthers() {
        SimulatorSettings settings = settings().latencyMillis(50).latencyJitterMillis(50).slowAnswerRate(0.1).build();

        assertThat(draws(settings, 1_000)).isEqualTo(draws(settings, 1_000));
        assertThat(draws(settings.toBuilder().seed(7).build(), 1_000)).isNotEqualTo(draws(settings, 1_000));
    }

    @Test
    void slowAnswersComeAtTheirRateAndWaitTheirOwnDelayInstead() {
        List<Latency.Delay> draws = draws(settings().latencyMillis(80).latencyJitterMillis(20).slowAnswerRate(0.05)
                .slowAnswerMillis(2800).build(), 20_000);

        List<Latency.Delay> slow = draws.stream().filter(Latency.Delay::slow).toList();
        assertThat(slow).hasSizeBetween(850, 1_150)
                .allSatisfy(delay -> assertThat(delay.total()).isEqualTo(Duration.ofMillis(2800)));
        assertThat(draws).filteredOn(delay -> !delay.slow())
                .allSatisfy(delay -> assertThat(delay.total()).isLessThanOrEqualTo(Duration.ofMillis(100)));
    }

    @Test
    void slowAnswerRatesOfZeroAndOneMeanNeverAndAlways() {
        assertThat(draws(settings().latencyMillis(10).slowAnswerRate(0).build(), 1_000)).noneMatch(Latency.Delay::slow);
        assertThat(draws(settings().latencyMillis(10).slowAnswerRate(1).build(), 1_000)).allMatch(Latency.Delay::slow);
    }

    @Test
    void drawsFromManyThreadsAreTheDrawsOfOneThreadInSomeOrder() {
        SimulatorSettings settings = settings().latencyMillis(50).latencyJitterMillis(50).slowAnswerRate(0.1).build();
        Latency shared = new Latency(settings);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<CompletableFuture<List<Latency.Delay>>> batches = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                batches.add(CompletableFuture.supplyAsync(
                        () -> IntStream.range(0, 1_000).mapToObj(n -> shared.draw()).toList(), threads));
            }
            List<Latency.Delay> concurrent = batches.stream().flatMap(batch -> batch.join().stream()).toList();

            assertThat(concurrent).containsExactlyInAnyOrderElementsOf(draws(settings, 8_000));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theWayInIsHalfTheDelayAndTheWayOutTheRest() {
        Latency.Delay odd = new Latency.Delay(Duration.ofNanos(101), false);

        assertThat(odd.wayIn()).isEqualTo(Duration.ofNanos(50));
        assertThat(odd.wayOut()).isEqualTo(Duration.ofNanos(51));
        assertThat(new Latency.Delay(Duration.ofMillis(200), false).wayIn()).isEqualTo(Duration.ofMillis(100));
    }
}

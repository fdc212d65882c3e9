package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Latency in real time: requests in flight together wait together. The bounds are generous, for
 * a shared 2-core machine; what they rule out is answers waiting one after another.
 */
class LatencyConcurrencyTest {

    private static final long NOW = 1_750_000_000L;
    private static final Query LAST_HOUR = Query.from(NOW - 3600);
    private static final int BURST = 64;

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final ExecutorService clients = Executors.newFixedThreadPool(BURST);
    private TrtcSimulator simulator;

    private ApiCaller start(SimulatorSettings.Builder settings) {
        simulator = TrtcSimulator.start(settings.callsPerSecond(0).historyDays(0).build(), clock);
        for (int i = 0; i < 5; i++) {
            simulator.addCall(Calls.single("call-" + i, NOW - 100 + i, NOW - 50), NOW - 40);
        }
        return new ApiCaller(simulator, clock);
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aBurstOfRequestsWaitsItsLatencyOnceNotOncePerRequest() {
        ApiCaller api = start(SimulatorSettings.builder().latencyMillis(200));

        Burst burst = burst(() -> api.post(LAST_HOUR));

        assertThat(burst.answers()).allSatisfy(answer -> assertThat(answer.callIds()).hasSize(5));
        assertThat(burst.fastest()).as("no answer comes before its latency")
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(burst.elapsed()).as("one after another would take 12.8 s").isLessThan(Duration.ofSeconds(2));
        assertThat(simulator.stats().latency().answers()).isEqualTo(BURST);
        assertThat(simulator.stats().requestsPerSecond()).as("waiting never moves the simulator's clock")
                .containsOnlyKeys(NOW);
    }

    @Test
    void slowFaultsWaitTogetherToo() {
        ApiCaller api = start(SimulatorSettings.builder().slowAnswerDelay(Duration.ofSeconds(1)));
        simulator.faults().injectNext(Fault.SLOW, BURST);

        Burst burst = burst(() -> api.post(LAST_HOUR));

        assertThat(burst.answers()).allSatisfy(answer -> assertThat(answer.errorCode()).isZero());
        assertThat(burst.fastest()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(burst.elapsed()).as("eight at a time would take 8 s").isLessThan(Duration.ofSeconds(4));
    }

    /** Sends {@link #BURST} requests at once and waits for every answer. */
    private Burst burst(Supplier<ApiCaller.Answer> request) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Timed>> inFlight = IntStream.range(0, BURST)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    long sent = System.nanoTime();
                    ApiCaller.Answer answer = request.get();
                    return new Timed(answer, Duration.ofNanos(System.nanoTime() - sent));
                }, clients))
                .toList();
        long started = System.nanoTime();
        go.countDown();
        List<Timed> answers = inFlight.stream().map(CompletableFuture::join).toList();
        return new Burst(answers, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Timed(ApiCaller.Answer answer, Duration took) {
    }

    private record Burst(List<Timed> timed, Duration elapsed) {

        List<ApiCaller.Answer> answers() {
            return timed.stream().map(Timed::answer).toList();
        }

        Duration fastest() {
            return timed.stream().map(Timed::took).min(Duration::compareTo).orElseThrow();
        }
    }
}

package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where the network latency applies, through the HTTP server, with the waits noted instead of
 * waited ({@link RecordingDelays}): no test here depends on timing.
 */
class LatencyAnswersTest {

    private static final long NOW = 1_750_000_000L;
    private static final Query LAST_HOUR = Query.from(NOW - 3600);
    private static final Duration HALF = Duration.ofMillis(50);

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final RecordingDelays delays = new RecordingDelays();
    private TrtcSimulator simulator;

    private ApiCaller start(UnaryOperator<SimulatorSettings.Builder> settings) {
        simulator = TrtcSimulator.start(settings.apply(SimulatorSettings.builder().callsPerSecond(0).historyDays(0))
                .build(), clock, workers -> delays);
        for (int i = 0; i < 5; i++) {
            simulator.addCall(Calls.single("call-" + i, NOW - 100 + i, NOW - 50), NOW - 40);
        }
        return new ApiCaller(simulator, clock);
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void eachAnswerWaitsHalfItsDelayOnTheWayInAndTheRestOnTheWayOut(ApiDialect dialect) {
        start(settings -> settings.latencyMillis(100));
        ApiCaller api = new ApiCaller(simulator, clock, dialect);

        ApiCaller.Answer answer = api.post(LAST_HOUR);

        assertThat(answer.errorCode()).isZero();
        assertThat(answer.callIds()).hasSize(5);
        assertThat(delays.waits()).containsExactly(HALF, HALF);
        assertThat(simulator.stats().latency())
                .isEqualTo(new AppliedLatency(1, Duration.ofMillis(100), Duration.ofMillis(100), 0));
    }

    @Test
    void aRecordThatBecomesVisibleOnTheWayInIsInTheAnswer() {
        ApiCaller api = start(settings -> settings.latencyMillis(100));
        delays.whileWaiting(wait -> {
            if (wait == 1) {
                simulator.addCall(Calls.single("on-the-way-in", NOW - 30, NOW - 20), NOW);
            }
        });

        assertThat(api.post(LAST_HOUR).callIds()).hasSize(6).contains("on-the-way-in");
    }

    @Test
    void aRecordThatBecomesVisibleOnTheWayOutIsInTheNextAnswerOnly() {
        ApiCaller api = start(settings -> settings.latencyMillis(100));
        delays.whileWaiting(wait -> {
            if (wait == 2) {
                simulator.addCall(Calls.single("on-the-way-out", NOW - 30, NOW - 20), NOW);
            }
        });

        assertThat(api.post(LAST_HOUR).callIds()).hasSize(5).doesNotContain("on-the-way-out");
        assertThat(api.post(LAST_HOUR).callIds()).hasSize(6).contains("on-the-way-out");
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void errorsAndInjectedFaultsCrossTheNetworkToo(ApiDialect dialect) {
        start(settings -> settings.latencyMillis(100));
        ApiCaller api = new ApiCaller(simulator, clock, dialect);
        simulator.respondNext(dialect.code(Refusal.USERSIG_EXPIRED), 1);

        assertThat(api.post(LAST_HOUR).errorCode()).isEqualTo(dialect.code(Refusal.USERSIG_EXPIRED));
        simulator.faults().injectNext(Fault.GATEWAY_502, 1);
        assertThat(api.post(LAST_HOUR).status()).isEqualTo(502);
        simulator.faults().injectNext(Fault.RATE_LIMITED, 1);
        assertThat(dialect.isRateLimited(api.post(LAST_HOUR).errorCode())).isTrue();
        assertThat(api.post("not json").errorCode()).isNotZero();

        assertThat(delays.waits()).containsExactlyElementsOf(Collections.nCopies(8, HALF));
        assertThat(simulator.stats().latency().answers()).isEqualTo(4);
    }

    @Test
    void aSlowFaultWaitsItsOwnDelayWithNoLatencyOnTop() {
        ApiCaller api = start(settings -> settings.latencyMillis(100).slowAnswerDelay(Duration.ofSeconds(1)));
        simulator.faults().injectNext(Fault.SLOW, 1);

        assertThat(api.post(LAST_HOUR).callIds()).hasSize(5);

        assertThat(delays.waits()).as("the way in is part of the fault's delay")
                .containsExactly(HALF, Duration.ofMillis(950));
        assertThat(simulator.stats().latency().answers()).isZero();
        assertThat(simulator.stats().answersByFault()).containsEntry(Fault.SLOW, 1L);
    }

    @Test
    void aSlowFaultShorterThanTheWayInWaitsNoLonger() {
        ApiCaller api = start(settings -> settings.latencyMillis(100).slowAnswerDelay(Duration.ofMillis(20)));
        simulator.faults().injectNext(Fault.SLOW, 1);

        assertThat(api.post(LAST_HOUR).errorCode()).isZero();

        assertThat(delays.waits()).containsExactly(HALF);
    }

    @Test
    void slowAnswersWaitTheirOwnDelayInsteadAndAreCounted() {
        ApiCaller api = start(settings -> settings.latencyMillis(80).latencyJitterMillis(20).slowAnswerRate(1)
                .slowAnswerMillis(300));

        api.post(LAST_HOUR);
        api.post(LAST_HOUR);

        assertThat(delays.waits()).containsExactly(Duration.ofMillis(150), Duration.ofMillis(150),
                Duration.ofMillis(150), Duration.ofMillis(150));
        assertThat(simulator.stats().latency())
                .isEqualTo(new AppliedLatency(2, Duration.ofMillis(300), Duration.ofMillis(300), 2));
    }

    @Test
    void noLatencyAddsNoWaitAtAll() {
        ApiCaller api = start(UnaryOperator.identity());
        simulator.faults().injectNext(Fault.GATEWAY_503, 1);

        api.post(LAST_HOUR);
        new ApiCaller(simulator, clock, ApiDialect.V4).post(LAST_HOUR);
        api.post(LAST_HOUR);

        assertThat(delays.waits()).isEmpty();
        assertThat(simulator.stats().latency()).isEqualTo(new AppliedLatency(3, Duration.ZERO, Duration.ZERO, 0));
    }

    @Test
    void theStatsPageShowsTheLatencyAskedForAndTheLatencyApplied() {
        ApiCaller api = start(settings -> settings.latencyMillis(80).latencyJitterMillis(20).slowAnswerRate(0.001));
        api.post(LAST_HOUR);
        api.post(LAST_HOUR);

        JsonNode latency = api.send(HttpRequest.newBuilder(simulator.endpoint().resolve("simulator/stats")).GET()
                .build()).json().get("latency");

        assertThat(latency.get("latencyMillis").asLong()).isEqualTo(80);
        assertThat(latency.get("jitterMillis").asLong()).isEqualTo(20);
        assertThat(latency.get("slowAnswerRate").asDouble()).isEqualTo(0.001);
        assertThat(latency.get("slowAnswerMillis").asLong()).isEqualTo(2800);
        assertThat(latency.get("answers").asLong()).isEqualTo(2);
        assertThat(latency.get("meanMillis").asDouble()).isBetween(80.0, 100.0);
        assertThat(latency.get("maxMillis").asDouble()).isBetween(80.0, 100.0);
        assertThat(latency.get("slowAnswers").asLong()).isZero();
        assertThat(delays.waits()).as("the admin paths are not the API: no latency").hasSize(4);
    }

    @Test
    void aRequestCutOffOnItsWayInBySuspendNeverReachesTheApi() throws Exception {
        ApiCaller api = start(settings -> settings.latencyMillis(100));
        simulator.faults().injectNext(Fault.GATEWAY_502, 1);
        AtomicInteger reachedTheApi = new AtomicInteger();
        simulator.beforeEachRequest(reachedTheApi::incrementAndGet);
        delays.hold(true);
        CompletableFuture<ApiCaller.Answer> cutOff = CompletableFuture.supplyAsync(() -> api.post(LAST_HOUR));
        Runnable wayIn = delays.nextHeld();

        simulator.suspend();
        wayIn.run();

        assertThatThrownBy(() -> cutOff.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(IOException.class)
                .hasCauseInstanceOf(UncheckedIOException.class);
        assertThat(reachedTheApi).hasValue(0);
        assertThat(simulator.stats().totalRequests()).isZero();
        delays.hold(false);
        simulator.resume();
        assertThat(api.post(LAST_HOUR).status()).as("the queued fault is still there").isEqualTo(502);
    }
}

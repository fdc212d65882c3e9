package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Taking the simulated API down and bringing it back, as an outage of the real service would. */
class SuspendTest {

    private static final long NOW = 1_750_000_000L;
    private static final String VALID_BODY = "{\"startTimestamp\":" + (NOW - 3600) + "}";

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private TrtcSimulator simulator;
    private ApiCaller api;

    @BeforeEach
    void start() {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().callsPerSecond(0).historyDays(0).build(), clock);
        api = new ApiCaller(simulator, clock);
        for (int i = 0; i < 5; i++) {
            simulator.addCall(Calls.single("call-" + i, NOW - 100 + i, NOW - 50), NOW - 40);
        }
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aSuspendedSimulatorRefusesConnectionsAndComesBackOnTheSamePortWithTheSameCalls() {
        URI endpoint = simulator.endpoint();
        ApiCaller.Answer before = api.post(VALID_BODY);

        simulator.suspend();

        assertThat(simulator.isSuspended()).isTrue();
        assertThat(simulator.endpoint()).isEqualTo(endpoint);
        assertThatThrownBy(() -> connect(endpoint)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> api.post(VALID_BODY)).hasRootCauseInstanceOf(IOException.class);

        simulator.resume();

        assertThat(simulator.isSuspended()).isFalse();
        assertThat(simulator.endpoint()).isEqualTo(endpoint);
        ApiCaller.Answer after = api.post(VALID_BODY);
        assertThat(after.errorCode()).isZero();
        assertThat(after.json().at("/data/callRecordList")).isEqualTo(before.json().at("/data/callRecordList"));
        assertThat(after.json().at("/data/totalNum").asInt()).isEqualTo(5);
        assertThat(simulator.stats().totalRequests()).as("a refused request never reaches the API").isEqualTo(2);
    }

    @Test
    void callsAddedAndFaultsSetWhileSuspendedAreServedAfterTheResume() {
        simulator.suspend();
        simulator.addCall(Calls.single("added-while-down", NOW - 30, NOW - 20), NOW - 10);
        simulator.faults().injectNext(Fault.GATEWAY_503, 1);
        simulator.respondNext(70005, 1);

        assertThat(simulator.groundTruth()).extracting(call -> call.call().callId()).contains("added-while-down");

        simulator.resume();

        assertThat(api.post(VALID_BODY).errorCode()).isEqualTo(70005);
        assertThat(api.post(VALID_BODY).status()).isEqualTo(503);
        ApiCaller.Answer answer = api.post(VALID_BODY);
        assertThat(answer.json().at("/data/totalNum").asInt()).isEqualTo(6);
        assertThat(simulator.stats().answersByFault()).containsExactly(Map.entry(Fault.GATEWAY_503, 1L));
    }

    @Test
    void suspendingCutsOffAnAnswerInFlight() throws Exception {
        simulator.faults().setSlowAnswerDelay(Duration.ofSeconds(3));
        simulator.faults().injectNext(Fault.SLOW, 1);
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return api.sendRaw(api.request(api.validParameters(), VALID_BODY).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        awaitRequests(1);

        simulator.suspend();

        assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void suspendAndResumeMayBeRepeatedAndCloseWorksInEitherState() {
        simulator.resume();
        simulator.suspend();
        simulator.suspend();
        simulator.resume();
        assertThat(api.post(VALID_BODY).errorCode()).isZero();
        simulator.suspend();

        simulator.close();

        assertThat(simulator.isSuspended()).isFalse();
        assertThatThrownBy(simulator::resume).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(simulator::suspend).isInstanceOf(IllegalStateException.class);
        assertThatCode(simulator::close).doesNotThrowAnyException();
    }

    private void awaitRequests(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (simulator.stats().totalRequests() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(simulator.stats().totalRequests()).isEqualTo(count);
    }

    private static void connect(URI endpoint) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2_000);
        }
    }
}

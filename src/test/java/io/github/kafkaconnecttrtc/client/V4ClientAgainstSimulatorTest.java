package io.github.kafkaconnecttrtc.client;

import static io.github.kafkaconnecttrtc.testing.SimulatorClients.retrying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.simulator.Fault;
import io.github.kafkaconnecttrtc.simulator.Malformation;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.SimulatorCalls;
import io.github.kafkaconnecttrtc.testing.SimulatorClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The records client in the v4 dialect against the simulator's v4 endpoint. */
class V4ClientAgainstSimulatorTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long DAY = Duration.ofDays(1).toSeconds();

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private TrtcSimulator simulator(SimulatorSettings.Builder settings) {
        TrtcSimulator sim = TrtcSimulator.start(settings.build(), clock);
        toClose.add(sim);
        return sim;
    }

    private static SimulatorSettings.Builder quiet() {
        return SimulatorSettings.builder().seed(11).historyDays(1).callsPerSecond(0.02).rateLimitPerSecond(0);
    }

    private HttpTrtcRecordsClient client(TrtcSimulator sim) {
        HttpTrtcRecordsClient client = new HttpTrtcRecordsClient(SimulatorClients.access(sim, ApiDialect.V4),
                retrying(4, Duration.ofMillis(5), Duration.ofMillis(20)), clock);
        toClose.add(client);
        return client;
    }

    private static RecordsQuery lastDay() {
        return new RecordsQuery(NOW - DAY, OptionalLong.of(NOW), null, null, ApiLimits.MAX_PAGE_SIZE);
    }

    private static Map<String, CallRecord> scan(HttpTrtcRecordsClient client, RecordsQuery query) {
        Map<String, CallRecord> read = new LinkedHashMap<>();
        Scans.scan(client, query, page -> page.records().forEach(r -> read.put(r.callId(), r)));
        return read;
    }

    private static List<CallRecord> visibleOfTheLastDay(TrtcSimulator sim) {
        return sim.groundTruth().stream()
                .filter(c -> c.visibleAt() <= NOW && c.call().endTs() <= NOW)
                .filter(c -> c.call().startCallTs() >= NOW - DAY)
                .map(c -> SimulatorCalls.expected(c, ApiDialect.V4))
                .toList();
    }

    @Test
    void readsEveryVisibleCallInV4FieldByFieldWithTheConfiguredApplication() {
        TrtcSimulator sim = simulator(quiet());
        HttpTrtcRecordsClient client = client(sim);

        Map<String, CallRecord> read = scan(client, lastDay());

        List<CallRecord> expected = visibleOfTheLastDay(sim);
        assertThat(expected).hasSizeGreaterThan(ApiLimits.MAX_PAGE_SIZE * 3);
        assertThat(read.values()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read.values()).allSatisfy(call -> {
            assertThat(call.totalUserNumber()).isNull();
            assertThat(call.roomIdType()).isIn(1, 2);
        });
        assertThat(read.values()).extracting(CallRecord::roomIdType).contains(1, 2);
        assertThat(sim.stats().answersByErrorCode(io.github.kafkaconnecttrtc.simulator.ApiDialect.V4)).isNotEmpty();
    }

    @Test
    void readsEveryPageOfAServiceThatPagesWithFewerRecordsThanAsked() {
        TrtcSimulator sim = simulator(quiet().v4MaxPageSize(30));
        HttpTrtcRecordsClient client = client(sim);

        Map<String, CallRecord> read = scan(client, lastDay());

        assertThat(read.values()).containsExactlyInAnyOrderElementsOf(visibleOfTheLastDay(sim));
    }

    @Test
    void anEmptyMatchIsAnEmptyPage() {
        TrtcSimulator sim = simulator(quiet().callsPerSecond(0));
        HttpTrtcRecordsClient client = client(sim);

        RecordsPage page = client.fetchPage(lastDay(), 1);

        assertThat(page.records()).isEmpty();
        assertThat(page.hasMore()).isFalse();
        assertThat(client.stats().retries()).isZero();
    }

    @Test
    void renewsTheUserSigOnV4s70001() {
        TrtcSimulator sim = simulator(quiet());
        sim.respondNext(ErrorCodes.V4_USERSIG_EXPIRED, 1);
        HttpTrtcRecordsClient client = client(sim);

        assertThat(client.fetchPage(lastDay(), 1).records()).isNotEmpty();
        assertThat(client.stats().requests()).isEqualTo(2);
        assertThat(client.stats().retries()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {60007, 60011, 60018, 60019, 60008, 101001})
    void retriesFrequencyLimitsTimeoutsAndInternalErrors(int code) {
        TrtcSimulator sim = simulator(quiet());
        sim.respondNext(code, 2);
        HttpTrtcRecordsClient client = client(sim);

        assertThat(client.fetchPage(lastDay(), 1).records()).isNotEmpty();
        assertThat(client.stats().retries()).isEqualTo(2);
    }

    @Test
    void backsOffWhenTheSimulatorsV4RateLimitAnswers() {
        TrtcSimulator sim = simulator(quiet());
        sim.faults().injectNext(Fault.RATE_LIMITED, 3);
        HttpTrtcRecordsClient client = client(sim);

        assertThat(client.fetchPage(lastDay(), 1).records()).isNotEmpty();
        assertThat(client.stats().retries()).isEqualTo(3);
        assertThat(sim.stats().rateLimitedAnswers()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {70003, 70009, 70013, 70014, 70016, 70020, 60010, 60003, 60006, 60016, 60020, 60021})
    void failsAtOnceOnAConfigurationCodeWithItsRemedy(int code) {
        TrtcSimulator sim = simulator(quiet());
        sim.respondNext(code, 1);
        HttpTrtcRecordsClient client = client(sim);

        assertThatThrownBy(() -> client.fetchPage(lastDay(), 1))
                .isInstanceOf(TrtcFatalException.class)
                .hasMessageContaining("(v4) answered errorCode " + code)
                .hasMessageContaining(ErrorCodes.V4.meaning(code));
        assertThat(client.stats().requests()).isEqualTo(1);
    }

    @Test
    void aWrongSecretKeyIsNamedByV4sCode() {
        TrtcSimulator sim = simulator(quiet());
        ApiAccess good = SimulatorClients.access(sim, ApiDialect.V4);
        ApiAccess wrongKey = new ApiAccess(ApiDialect.V4, good.endpoint(), good.sdkAppId(), good.identifier(),
                new org.apache.kafka.common.config.types.Password("another-key"), false);
        HttpTrtcRecordsClient client = new HttpTrtcRecordsClient(wrongKey, retrying(0, Duration.ofMillis(1),
                Duration.ofMillis(2)), clock);
        toClose.add(client);

        assertThatThrownBy(() -> client.fetchPage(lastDay(), 1))
                .isInstanceOf(TrtcFatalException.class)
                .hasMessageContaining("errorCode 70009")
                .hasMessageNotContaining("another-key");
    }

    @Test
    void setsAsideEveryKindOfMalformedV4RecordAndReadsTheOthers() {
        TrtcSimulator sim = simulator(quiet());
        long start = NOW - DAY / 2;
        List<SimulatedCall> truth = sim.groundTruth();
        for (Malformation kind : Malformation.values()) {
            String id = "bad-" + kind.name();
            sim.addMalformedCall(new io.github.kafkaconnecttrtc.simulator.ApiRecord(id, sim.settings().sdkAppId(),
                    "audio", "42", start, start, start + 60, "u1", 2, "single", "normal_end", List.of("u2")),
                    start + 61, kind);
        }
        HttpTrtcRecordsClient client = client(sim);

        List<InvalidRecord> invalid = new ArrayList<>();
        Map<String, CallRecord> read = new LinkedHashMap<>();
        Scans.scan(client, lastDay(), page -> {
            page.records().forEach(r -> read.put(r.callId(), r));
            invalid.addAll(page.invalid());
        });

        assertThat(read.keySet()).noneMatch(id -> id.startsWith("bad-"));
        assertThat(invalid).hasSize(Malformation.values().length);
        assertThat(read).hasSize((int) truth.stream().filter(c -> c.visibleAt() <= NOW && c.call().endTs() <= NOW
                && c.call().startCallTs() >= NOW - DAY).count());
    }
}

package io.github.kafkaconnecttrtc.client;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.testing.SimulatorCalls;
import static io.github.kafkaconnecttrtc.testing.SimulatorClients.defaultPolicy;
import static io.github.kafkaconnecttrtc.testing.SimulatorClients.retrying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.simulator.EndTimestampReading;
import io.github.kafkaconnecttrtc.simulator.Fault;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.LogCapture;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The records client against the in-process simulator: codes, faults, paging, rate and secrets. */
class RecordsClientAgainstSimulatorTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final String KEY = SimulatorSettings.DEMO_SECRET_KEY;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private TrtcSimulator simulator(SimulatorSettings.Builder settings, InstantSource simClock) {
        TrtcSimulator sim = TrtcSimulator.start(settings.build(), simClock);
        toClose.add(sim);
        return sim;
    }

    private TrtcSimulator simulator(SimulatorSettings.Builder settings) {
        return simulator(settings, clock);
    }

    private static SimulatorSettings.Builder quiet() {
        // A day of light traffic and no rate limit: the fake clock keeps every request in one second.
        return SimulatorSettings.builder().seed(7).historyDays(1).callsPerSecond(0.02).rateLimitPerSecond(0);
    }

    private static ApiAccess accessFor(TrtcSimulator sim) {
        return access(sim, "administrator", KEY);
    }

    private static ApiAccess access(TrtcSimulator sim, String identifier, String secretKey) {
        return new ApiAccess(ApiDialect.V1, sim.endpoint(), SimulatorSettings.DEFAULT_SDK_APP_ID, identifier, new Password(secretKey),
                false);
    }

    /** Four quick retries. */
    private static RequestPolicy quickRetries() {
        return retrying(4, Duration.ofMillis(5), Duration.ofMillis(20));
    }

    private static RequestPolicy withRequestTimeout(Duration timeout) {
        RequestPolicy quick = quickRetries();
        return new RequestPolicy(timeout, quick.connectTimeout(), quick.maxRetries(), quick.initialBackoff(),
                quick.maxBackoff(), quick.maxResponseBytes());
    }

    private HttpTrtcRecordsClient client(ApiAccess access, RequestPolicy policy, InstantSource clientClock) {
        HttpTrtcRecordsClient client = new HttpTrtcRecordsClient(access, policy, clientClock);
        toClose.add(client);
        return client;
    }

    private HttpTrtcRecordsClient client(TrtcSimulator sim, RequestPolicy policy) {
        return client(accessFor(sim), policy, clock);
    }

    private HttpTrtcRecordsClient client(TrtcSimulator sim) {
        return client(sim, quickRetries());
    }

    private static RecordsQuery lastDay() {
        return Queries.between(NOW - Duration.ofDays(1).toSeconds(), NOW);
    }

    @Test
    void readsEveryVisibleCallOfTheQueryFieldByField() {
        TrtcSimulator sim = simulator(quiet());
        HttpTrtcRecordsClient client = client(sim);

        Map<String, CallRecord> read = new LinkedHashMap<>();
        Scans.scan(client, lastDay(), page -> page.records().forEach(r -> read.put(r.callId(), r)));

        List<CallRecord> expected = sim.groundTruth().stream()
                .filter(c -> c.visibleAt() <= NOW && c.call().endTs() <= NOW)
                .filter(c -> c.call().startCallTs() >= NOW - Duration.ofDays(1).toSeconds())
                .map(SimulatorCalls::expected)
                .toList();
        assertThat(expected).hasSizeGreaterThan(ApiLimits.MAX_PAGE_SIZE * 3);
        assertThat(read.values()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void aFullScanWhileCallsAppearMidScanMissesNoCallThatWasVisibleAtItsStart(EndTimestampReading reading) {
        TrtcSimulator sim = simulator(quiet().endTimestampReading(reading).callsPerSecond(0.05));
        RecordsQuery query = Queries.between(NOW - Duration.ofDays(1).toSeconds(), NOW, 50);
        List<SimulatedCall> visibleAtStart = matching(sim, query, NOW);
        AtomicInteger requests = new AtomicInteger();
        sim.beforeEachRequest(() -> {
            clock.advance(Duration.ofSeconds(3));
            if (requests.incrementAndGet() == 4) {
                // A long call that started in the first page's range becomes visible now: it
                // pushes every later record one place on, so one is seen on two pages.
                SimulatedCall first = visibleAtStart.get(0);
                sim.addCall(SimulatorCalls.served(new CallRecord("late-long-call", first.call().sdkAppId(), "audio", "9", null,
                        first.call().startCallTs(), first.call().startCallTs() + 5, NOW - 10, "u1", 2, "single",
                        "normal_end", List.of("u2"))), clock.epochSecond());
            }
        });
        HttpTrtcRecordsClient client = client(sim);

        List<CallRecord> all = new ArrayList<>();
        Scans.scan(client, query, page -> all.addAll(page.records()));

        Map<String, CallRecord> distinct = new LinkedHashMap<>();
        all.forEach(r -> distinct.put(r.callId(), r));
        assertThat(all).hasSizeGreaterThan(distinct.size());
        assertThat(distinct.values()).containsAll(visibleAtStart.stream().map(SimulatorCalls::expected).toList());
        Map<String, CallRecord> truth = new LinkedHashMap<>();
        sim.groundTruth().forEach(c -> truth.put(c.call().callId(), SimulatorCalls.expected(c)));
        distinct.values().forEach(r -> assertThat(r).isEqualTo(truth.get(r.callId())));
    }

    private static List<SimulatedCall> matching(TrtcSimulator sim, RecordsQuery query, long now) {
        long end = query.endTimestamp().orElseThrow();
        return sim.groundTruth().stream()
                .filter(c -> c.visibleAt() <= now)
                .filter(c -> c.call().startCallTs() >= query.startTimestamp() && c.call().endTs() <= end)
                .toList();
    }

    @Test
    void anAnswerWithNoMatchIsAnEmptyPageNotAnError() {
        TrtcSimulator sim = simulator(quiet());
        HttpTrtcRecordsClient client = client(sim);

        RecordsPage page = client.fetchPage(Queries.withCallResult(lastDay(), "no_such_result"), 1);

        assertThat(page.records()).isEmpty();
        assertThat(page.hasMore()).isFalse();
        assertThat(client.stats().outcomes()).containsEntry("no_records", 1L);
    }

    @ParameterizedTest
    @ValueSource(ints = {50001, 70001, 70002, 70004, 70009})
    void fatalCodesSurfaceAtOnceWithWhatToFix(int code) {
        TrtcSimulator sim = simulator(quiet());
        sim.respondNext(code, 1);
        HttpTrtcRecordsClient client = client(sim);

        assertThatThrownBy(() -> client.fetchPage(lastDay(), 1))
                .isInstanceOf(TrtcFatalException.class)
                .hasMessageContaining("errorCode " + code)
                .hasMessageContaining(ErrorCodes.V1.meaning(code))
                .satisfies(e -> assertThat(((TrtcApiException) e).errorCode()).hasValue(code));
        assertThat(client.stats().requests()).isEqualTo(1);
        assertThat(client.stats().retries()).isZero();
    }

    @Test
    void anExpiredUserSigIsRenewedAndTheRequestRepeatedOnce() {
        TrtcSimulator sim = simulator(quiet());
        sim.respondNext(ErrorCodes.USERSIG_EXPIRED, 1);
        HttpTrtcRecordsClient client = client(sim);

        RecordsPage page = client.fetchPage(lastDay(), 1);

        assertThat(page.records()).isNotEmpty();
        assertThat(client.stats().requests()).isEqualTo(2);
        assertThat(client.stats().retries()).isZero();
    }

    @Test
    void aUserSigRejectedAgainAfterRenewalIsRetriedWithBackOff() {
        TrtcSimulator sim = simulator(quiet());
        sim.respondNext(ErrorCodes.USERSIG_EXPIRED, 2);
        HttpTrtcRecordsClient client = client(sim);

        assertThat(client.fetchPage(lastDay(), 1).records()).isNotEmpty();
        assertThat(client.stats().requests()).isEqualTo(3);
        assertThat(client.stats().retries()).isEqualTo(1);
    }

    @Test
    void aUserSigThatReallyExpiresMidRunIsReplacedWithoutAnError() {
        TrtcSimulator sim = simulator(quiet());
        HttpTrtcRecordsClient client = client(sim);
        client.fetchPage(lastDay(), 1);
        String first = sim.lastUserSig();

        clock.advance(UserSigProvider.DEFAULT_TTL.plusMinutes(1));
        client.fetchPage(lastDay(), 1);

        assertThat(sim.lastUserSig()).isNotEqualTo(first);
        assertThat(client.stats().outcomes()).containsOnlyKeys("ok");
    }

    @ParameterizedTest
    @ValueSource(ints = {70005, 90001, -1})
    void rateLimitAndUnknownCodesAreRetriedUntilTheyPass(int code) {
        TrtcSimulator sim = simulator(quiet());
        sim.respondNext(code, 3);
        HttpTrtcRecordsClient client = client(sim);

        assertThat(client.fetchPage(lastDay(), 1).records()).isNotEmpty();
        assertThat(client.stats().retries()).isEqualTo(3);
        assertThat(client.stats().outcomes()).containsEntry("api_" + code, 3L).containsEntry("ok", 1L);
    }

    /**
     * The transient faults. The simulator's hostile ones are not errors to retry (lying paging
     * fields, an answer that never ends), and have tests of their own.
     */
    @ParameterizedTest
    @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = {"ENDLESS_BODY", "PAGE_LOOP",
        "EARLY_EMPTY_PAGE", "EARLY_PAGE_ZERO", "TOTAL_NUM_HUGE", "TOTAL_NUM_LONG"})
    void everyFaultKindIsRetriedAndTheAnswerStillArrives(Fault fault) {
        TrtcSimulator sim = simulator(quiet());
        sim.faults().setSlowAnswerDelay(Duration.ofMillis(1500));
        sim.faults().injectNext(fault, 2);
        HttpTrtcRecordsClient client = client(sim, withRequestTimeout(Duration.ofMillis(400)));

        RecordsPage page = client.fetchPage(lastDay(), 1);

        assertThat(page.records()).isNotEmpty();
        assertThat(client.stats().requests()).isEqualTo(3);
        assertThat(client.stats().outcomes()).containsEntry("ok", 1L);
    }

    @Test
    void transientFailuresThatOutlastTheRetriesSurfaceAsRetriableWithTheLastCause() {
        TrtcSimulator sim = simulator(quiet());
        sim.faults().injectNext(Fault.GATEWAY_502, 10);
        HttpTrtcRecordsClient client = client(sim);

        assertThatThrownBy(() -> client.fetchPage(lastDay(), 2))
                .isInstanceOf(TrtcRetriableException.class)
                .hasMessageContaining("page 2")
                .hasMessageContaining("after 5 attempts")
                .hasMessageContaining("HTTP 502");
        assertThat(client.stats().requests()).isEqualTo(5);
    }

    @Test
    // Without the budget this request would retry for most of an hour.
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void retriesOfARequestStopAtTheTimeBudgetWhateverTheRetrySettingsAllow() {
        TrtcSimulator sim = simulator(quiet());
        sim.faults().injectNext(Fault.GATEWAY_502, 1000);
        // The longest back-offs and the most retries the settings allow would wait minutes without the budget.
        HttpTrtcRecordsClient client = client(sim, retrying(RequestPolicy.MAX_RETRIES,
                RequestPolicy.MAX_INITIAL_BACKOFF, RequestPolicy.MAX_MAX_BACKOFF));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.fetchPage(lastDay(), 1))
                .isInstanceOf(TrtcRetriableException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining(RequestPolicy.RETRY_BUDGET.toSeconds() + " s after the first attempt")
                .hasCauseInstanceOf(HttpStatusException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // Back-offs of about 2, 4 and the rest of the budget: the last attempt starts at the budget's end.
        assertThat(client.stats().requests()).isBetween(2L, 4L);
        assertThat(took).isLessThan(RequestPolicy.RETRY_BUDGET.plusSeconds(3));
    }

    @Test
    void anAPIThatNeverAnswersHoldsAPageNoLongerThanTheLaterOfOneRequestTimeoutAndTheBudget() {
        TrtcSimulator sim = simulator(quiet());
        // Quick failures for about 4 s, then answers that come far too late; the request timeout is the default.
        sim.faults().setSlowAnswerDelay(Duration.ofSeconds(60));
        sim.faults().injectNext(Fault.GATEWAY_502, 18);
        sim.faults().injectNext(Fault.SLOW, 100);
        HttpTrtcRecordsClient client = client(sim, retrying(RequestPolicy.MAX_RETRIES, Duration.ofMillis(200),
                Duration.ofMillis(250)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.fetchPage(lastDay(), 1)).isInstanceOf(TrtcRetriableException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // A retry that starts late is cut at the deadline instead of running a whole request timeout.
        Duration longest = RequestPolicy.DEFAULT_REQUEST_TIMEOUT.compareTo(RequestPolicy.RETRY_BUDGET) > 0
                ? RequestPolicy.DEFAULT_REQUEST_TIMEOUT : RequestPolicy.RETRY_BUDGET;
        assertThat(took).isLessThan(longest.plusSeconds(2));
    }

    @Test
    void retriesWithAFixedDelayWhenTheMaximumBackOffEqualsTheInitialOne() {
        TrtcSimulator sim = simulator(quiet());
        sim.faults().injectNext(Fault.GATEWAY_502, 2);
        HttpTrtcRecordsClient client = client(sim, retrying(2, Duration.ofMillis(5), Duration.ofMillis(5)));

        assertThat(client.fetchPage(lastDay(), 1).records()).isNotEmpty();
        assertThat(client.stats().requests()).isEqualTo(3);
    }

    @Test
    void aBrokenConnectionKeepsItsCauseInTheException() {
        TrtcSimulator sim = simulator(quiet());
        sim.faults().injectNext(Fault.TRUNCATED, 10);
        HttpTrtcRecordsClient client = client(sim);

        assertThatThrownBy(() -> client.fetchPage(lastDay(), 1))
                .isInstanceOf(TrtcRetriableException.class)
                .hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void wrongSecretKeyIsFatalWithoutRetries() {
        TrtcSimulator sim = simulator(quiet());
        HttpTrtcRecordsClient client = client(access(sim, "administrator", "wrong-key"), defaultPolicy(), clock);

        assertThatThrownBy(() -> client.fetchPage(lastDay(), 1))
                .isInstanceOf(TrtcFatalException.class)
                .hasMessageContaining("70002")
                .hasMessageContaining("secret key");
        assertThat(client.stats().requests()).isEqualTo(1);
    }

    @Test
    void anIdentifierThatIsNotAnAdministratorIsFatal() {
        TrtcSimulator sim = simulator(quiet());
        HttpTrtcRecordsClient client = client(access(sim, "bob", KEY), defaultPolicy(), clock);

        assertThatThrownBy(() -> client.fetchPage(lastDay(), 1)).hasMessageContaining("70004");
    }

    @Test
    void groupCallsWithoutThePackageAreFatalAndNameTheSetting() {
        TrtcSimulator sim = simulator(quiet().groupPackage(false));
        HttpTrtcRecordsClient client = client(sim);

        assertThatThrownBy(() -> client.fetchPage(Queries.withCallType(lastDay(), "group"), 1))
                .isInstanceOf(TrtcFatalException.class)
                .hasMessageContaining("50001")
                .hasMessageContaining("'single'");
    }

    @Test
    void aStartBeyondTheSevenDayHorizonIsFatal() {
        TrtcSimulator sim = simulator(quiet());
        HttpTrtcRecordsClient client = client(sim);

        assertThatThrownBy(() -> client.fetchPage(Queries.between(NOW - Duration.ofDays(8).toSeconds(), NOW), 1))
                .isInstanceOf(TrtcFatalException.class)
                .hasMessageContaining("70001");
    }

    @Test
    void aLongScanStaysAtOrUnderTheRateTheSimulatorCounts() {
        // Real time on both sides: the simulator counts requests per wall-clock second.
        TrtcSimulator sim = simulator(SimulatorSettings.builder().seed(3).historyDays(1).callsPerSecond(0.05),
                InstantSource.system());
        long now = InstantSource.system().instant().getEpochSecond();
        HttpTrtcRecordsClient client = new HttpTrtcRecordsClient(accessFor(sim), quickRetries(), InstantSource.system(),
                new RequestRateLimiter(RequestRateLimiter.permitRate(40, 1)));
        toClose.add(client);

        Scans.Summary summary = Scans.scan(client,
                Queries.between(now - Duration.ofDays(1).toSeconds(), now, 25), page -> { });

        assertThat(summary.pages()).isGreaterThan(100);
        assertThat(sim.stats().maxRequestsInAnySecond()).isLessThanOrEqualTo(40);
        assertThat(client.stats().outcomes()).containsOnlyKeys("ok");
    }

    @Test
    void answersOfRateLimitingLoseNothing() {
        TrtcSimulator sim = simulator(SimulatorSettings.builder().seed(5).historyDays(1).callsPerSecond(0.02)
                .rateLimitPerSecond(15), InstantSource.system());
        long now = InstantSource.system().instant().getEpochSecond();
        HttpTrtcRecordsClient client = client(accessFor(sim), retrying(20, Duration.ofMillis(50),
                Duration.ofMillis(400)), InstantSource.system());
        RecordsQuery query = Queries.between(now - Duration.ofDays(1).toSeconds(), now, 30);

        Map<String, CallRecord> read = new LinkedHashMap<>();
        Scans.scan(client, query, page -> page.records().forEach(r -> read.put(r.callId(), r)));

        assertThat(client.stats().outcomes()).containsKey("api_70005");
        assertThat(read.keySet()).containsAll(matching(sim, query, now).stream().map(c -> c.call().callId()).toList());
    }

    @Test
    void neitherTheSecretKeyNorTheUserSigReachLogsOrExceptions() {
        TrtcSimulator sim = simulator(quiet());
        sim.faults().setSlowAnswerDelay(Duration.ofMillis(800));
        HttpTrtcRecordsClient client = client(sim, withRequestTimeout(Duration.ofMillis(300)));
        List<Throwable> errors = new ArrayList<>();
        Scans.scan(client, lastDay(), page -> { });
        for (Fault fault : Fault.values()) {
            sim.faults().injectNext(fault, 10);
            capture(errors, () -> client.fetchPage(lastDay(), 1));
            sim.faults().clear();
        }
        for (int code : new int[] {50001, 70001, 70002, 70003, 70004, 70005, 70009, 90001}) {
            sim.respondNext(code, 10);
            capture(errors, () -> client.fetchPage(lastDay(), 1));
            sim.clearRespondNext();
        }
        String userSig = sim.lastUserSig();

        assertThat(userSig).isNotBlank();
        assertThat(errors).isNotEmpty();
        String everything = logs.text() + "\n" + errors.stream().map(RecordsClientAgainstSimulatorTest::trace).toList();
        assertThat(everything).contains("usersig=[redacted]");
        assertThat(everything).doesNotContain(KEY).doesNotContain(userSig);
        assertThat(accessFor(sim).toString()).doesNotContain(KEY);
    }

    private static void capture(List<Throwable> errors, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            errors.add(e);
        }
    }

    private static String trace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}

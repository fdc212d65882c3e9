package io.github.kafkaconnecttrtc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kafkaconnecttrtc.simulator.ApiCodes;
import io.github.kafkaconnecttrtc.simulator.ApiCodesV4;
import io.github.kafkaconnecttrtc.simulator.ApiDialect;
import io.github.kafkaconnecttrtc.simulator.ApiRecord;
import io.github.kafkaconnecttrtc.simulator.Fault;
import io.github.kafkaconnecttrtc.simulator.Malformation;
import io.github.kafkaconnecttrtc.simulator.QuerySnapshot;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged connector in a real Connect worker against an API that misbehaves: transient faults
 * of every kind the contract names never fail a task nor lose a call, in either dialect, each fatal
 * answer fails the task at once with its remedy and without a retry storm, and an outage of half a
 * minute, longer than the retries and the first back-offs, is sat out.
 *
 * <p>Values are written by the JSON converter without schemas, so no registry is needed; each is
 * compared with the simulator's ground truth. The observed outcome of every fault is collected into
 * a matrix printed at the end, between {@value #MATRIX_BEGIN} and {@value #MATRIX_END}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    static final String MATRIX_BEGIN = "----- 8< ----- FAULT MATRIX (FaultToleranceIT) -----";
    static final String MATRIX_END = "----- >8 ----- END OF FAULT MATRIX -----";

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient REST = HttpClient.newHttpClient();

    /** Shorter than the slow answers, so that every {@link Fault#SLOW} is a client timeout; the config's minimum. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(3001);
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(4);
    private static final double RATE_EACH = 0.06;
    private static final List<Fault> RANDOM_FAULTS = List.of(Fault.GATEWAY_502, Fault.GATEWAY_503,
            Fault.GATEWAY_504, Fault.SLOW, Fault.TRUNCATED, Fault.MALFORMED_JSON, Fault.UNKNOWN_CODE);
    /** The transient faults of the first matrix: the random ones and the two scripted bursts. */
    private static final List<Fault> TRANSIENT_FAULTS = List.of(Fault.GATEWAY_502, Fault.GATEWAY_503,
            Fault.GATEWAY_504, Fault.SLOW, Fault.TRUNCATED, Fault.MALFORMED_JSON, Fault.UNKNOWN_CODE,
            Fault.RATE_LIMITED, Fault.USERSIG_EXPIRED);
    private static final int RATE_LIMIT_STORM = 20;
    private static final int USERSIG_EXPIRED_BURST = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    /** As the issue measured: about 1% of the calls served malformed, every read. */
    private static final double MALFORMED_RATE = 0.01;
    /**
     * Low enough that a lie the connector asks again about is almost never told again every time it
     * asks, and high enough that each strikes while the history is read; an early {@code page: 0}
     * can only strike a page before the last, so it gets more.
     */
    private static final Map<Fault, Double> PAGING_FAULT_RATES = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            Fault.EARLY_EMPTY_PAGE, 0.02, Fault.EARLY_PAGE_ZERO, 0.03, Fault.TOTAL_NUM_HUGE, 0.01,
            Fault.TOTAL_NUM_LONG, 0.01)));
    /** Pages of half the maximum, so that passes span more pages for the paging faults to strike. */
    private static final int HOSTILE_PAGE_SIZE = 50;
    private static final int ENDLESS_BODIES = 2;
    /**
     * The hostile connector's long-lane sweep: the config's minimum, half the other tests', so that
     * its clean and its looping window, which must each hold a sweep, take 30 s together rather than
     * 50. ItStack.due allows for the longer sweep, so no call is expected too early.
     */
    private static final Duration HOSTILE_SWEEP = Duration.ofSeconds(10);
    /** Longer than a long-lane sweep, so that the clean and the looping window each hold one. */
    private static final Duration LOOP_WINDOW = HOSTILE_SWEEP.plusSeconds(5);
    /** Pages past the last one its matches fill that a query may ask: room for calls appearing meanwhile. */
    private static final int PAGE_MARGIN = 5;

    private static final List<String> MATRIX = new ArrayList<>();
    private static final Instant BEGAN = Instant.now();
    private static EmbeddedConnectCluster connect;

    private Deployments deployments;

    @BeforeAll
    static void startCluster() throws InterruptedException {
        connect = new EmbeddedConnectCluster.Builder().name("trtc-faults").numBrokers(1).numWorkers(1)
                .brokerProps(ItStack.brokerProps()).workerProps(ItStack.workerProps()).build();
        connect.start();
        connect.assertions().assertAtLeastNumWorkersAreUp(1, "the worker did not come up");
    }

    @AfterAll
    static void printMatrixAndStopCluster() {
        try {
            printMatrix();
        } finally {
            if (connect != null) {
                connect.stop();
            }
        }
    }

    @BeforeEach
    void trackDeployments() {
        deployments = new Deployments(connect);
    }

    @AfterEach
    void removeDeployments() {
        deployments.close();
    }

    /** One connector of a run, reading the simulator in one dialect into a topic of its own. */
    private record Reader(ApiDialect dialect, String name, String topic) {

        static Reader of(String prefix, ApiDialect dialect) {
            String name = prefix + "-" + dialect.name().toLowerCase(Locale.ROOT);
            return new Reader(dialect, name, name + "-calls");
        }

        Map<String, String> config(TrtcSimulator simulator, Instant start) {
            Map<String, String> config = ItStack.jsonConnectorConfig(simulator, topic, start, 2);
            config.put("trtc.api.version", dialect.name().toLowerCase(Locale.ROOT));
            return config;
        }
    }

    /**
     * A v1 and a v4 connector read the same simulator at once, so that every fault strikes both
     * dialects in the time one would take.
     */
    @Test
    @Order(1)
    void transientFaultsOfEveryKindFailNoTaskAndLoseNoCallInEitherDialect() throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(71).historyDays(1).callsPerSecond(0.3)
                .maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).longCallFraction(0.05)
                .visibilityDelaySeconds(2).slowAnswerDelay(SLOW_ANSWER).build());
        Map<Fault, Double> rates = new LinkedHashMap<>();
        RANDOM_FAULTS.forEach(fault -> rates.put(fault, RATE_EACH));
        simulator.faults().setRates(rates);
        Instant start = Instant.now().minus(Duration.ofHours(3));
        List<Reader> readers = List.of(Reader.of("trtc-fault-matrix", ApiDialect.V1),
                Reader.of("trtc-fault-matrix", ApiDialect.V4));
        for (Reader reader : readers) {
            Map<String, String> config = reader.config(simulator, start);
            config.put("trtc.request.timeout.ms", Long.toString(REQUEST_TIMEOUT.toMillis()));
            // A short cap keeps the run short; a storm longer than the retries then surfaces as a
            // retriable error, which the worker must absorb by polling again.
            config.put("trtc.retry.backoff.max.ms", "2000");
            deployments.configure(reader.name(), config);
        }

        Map<Fault, Long> injected;
        Map<ApiDialect, List<String>> missing = new EnumMap<>(ApiDialect.class);
        Map<ApiDialect, List<String>> mismatches = new EnumMap<>(ApiDialect.class);
        try (StatusWatch v1Watch = StatusWatch.start(readers.get(0).name());
                StatusWatch v4Watch = StatusWatch.start(readers.get(1).name());
                CallTopic v1Calls = new CallTopic(readers.get(0).topic(), simulator, ApiDialect.V1);
                CallTopic v4Calls = new CallTopic(readers.get(1).topic(), simulator, ApiDialect.V4)) {
            Map<ApiDialect, StatusWatch> watches = Map.of(ApiDialect.V1, v1Watch, ApiDialect.V4, v4Watch);
            Map<ApiDialect, CallTopic> topics = Map.of(ApiDialect.V1, v1Calls, ApiDialect.V4, v4Calls);
            v1Calls.awaitAtLeast(1, PATIENCE);
            v4Calls.awaitAtLeast(1, PATIENCE);

            simulator.faults().injectNext(Fault.RATE_LIMITED, RATE_LIMIT_STORM);
            addLiveCalls(simulator, "live-during-faults", 3);
            awaitQueuedFaultsTaken(simulator, Fault.RATE_LIMITED, RATE_LIMIT_STORM);
            simulator.faults().injectNext(Fault.USERSIG_EXPIRED, USERSIG_EXPIRED_BURST);
            awaitQueuedFaultsTaken(simulator, Fault.USERSIG_EXPIRED, USERSIG_EXPIRED_BURST);

            // Under faults the tail lags behind ItStack.due by a few retries: wait for the calls that
            // have been due for a while, and for every random fault to have struck a few times. What
            // is still missing then must come once the faults end, and is checked below.
            for (CallTopic calls : List.of(v1Calls, v4Calls)) {
                calls.awaitEvery(() -> dueSince(simulator, start, Duration.ofSeconds(30)), PATIENCE,
                        () -> RANDOM_FAULTS.stream().allMatch(fault ->
                                simulator.stats().answersByFault().getOrDefault(fault, 0L) >= 3));
            }

            simulator.faults().clear();
            List<String> afterFaults = addLiveCalls(simulator, "live-after-faults", 3);
            for (ApiDialect dialect : List.of(ApiDialect.V1, ApiDialect.V4)) {
                CallTopic calls = topics.get(dialect);
                missing.put(dialect, calls.awaitEvery(() -> dueWith(simulator, start, afterFaults), PATIENCE,
                        () -> true));
                mismatches.put(dialect, calls.mismatches());
            }
            injected = simulator.stats().answersByFault();
            for (ApiDialect dialect : List.of(ApiDialect.V1, ApiDialect.V4)) {
                StatusWatch watch = watches.get(dialect);
                Map<String, Long> outcomes = watch.outcomes();
                for (Fault fault : TRANSIENT_FAULTS) {
                    MATRIX.add(row("(a) " + dialect + " " + label(fault, dialect),
                            injected.getOrDefault(fault, 0L).toString(), seenByClient(fault, dialect, outcomes),
                            watch.describe(), lost(missing.get(dialect), topics.get(dialect))));
                }
                assertThat(watch.failures()).as("FAILED states of the %s connector while faults were injected",
                        dialect).isEmpty();
            }
        }
        for (ApiDialect dialect : List.of(ApiDialect.V1, ApiDialect.V4)) {
            assertThat(mismatches.get(dialect)).as("%s records whose value differs from the ground truth", dialect)
                    .isEmpty();
            assertThat(missing.get(dialect)).as("calls due but missing from the %s topic", dialect).isEmpty();
        }
        assertThat(injected).as("faults injected").containsKeys(TRANSIENT_FAULTS.toArray(Fault[]::new));
        assertThat(injected.get(Fault.RATE_LIMITED)).isEqualTo(RATE_LIMIT_STORM);
        assertThat(injected.get(Fault.USERSIG_EXPIRED)).isEqualTo(USERSIG_EXPIRED_BURST);
    }

    /** The API's fatal answers, how each is provoked, and what the operator must read in the task's trace. */
    enum FatalAnswer {
        GROUP_PACKAGE_REQUIRED(ApiCodes.GROUP_PACKAGE_REQUIRED, "no group-call package, call.types=group",
                "restrict the call types read to 'single'"),
        INVALID_PARAMETERS(ApiCodes.INVALID_PARAMETERS, "respondNext", "check the configured start time and page size"),
        USERSIG_INVALID(ApiCodes.USERSIG_INVALID, "wrong secret key",
                "check that the secret key, the sdkappid and the identifier all belong to the same TRTC application"),
        NOT_ADMINISTRATOR(ApiCodes.NOT_ADMINISTRATOR, "wrong identifier", "use an administrator account"),
        BODY_NOT_PARSED(ApiCodes.BODY_NOT_PARSED, "respondNext", "this is a bug in the connector, please report it"),
        V4_WRONG_KEY(ApiCodesV4.USERSIG_WRONG_KEY, "v4, wrong secret key", "the secret key is not the application's"),
        V4_NOT_ADMINISTRATOR(ApiCodesV4.NOT_ADMINISTRATOR, "v4, wrong identifier", "use an administrator account"),
        V4_WRONG_REGION(ApiCodesV4.SDK_APP_ID_UNKNOWN, "v4, respondNext",
                "use the domain of the region the application was created in");

        final int code;
        final String provokedBy;
        final String remedy;

        FatalAnswer(int code, String provokedBy, String remedy) {
            this.code = code;
            this.provokedBy = provokedBy;
            this.remedy = remedy;
        }

        boolean v4() {
            return name().startsWith("V4_");
        }
    }

    /** One connector deployed to be answered {@link #fatal}, against a simulator of its own. */
    private record FatalDeployment(FatalAnswer fatal, String name, TrtcSimulator simulator, Instant created) {
    }

    /**
     * The eight connectors are deployed at once, so that one wait for a retry storm serves them all
     * (one after the other they took 3 s each, most of it that wait).
     */
    @Test
    @Order(2)
    void everyFatalAnswerFailsItsTaskAfterOneRequestWithItsRemedyAndNoSecret() throws Exception {
        String wrongKey = "wrong-key-" + "0f1e2d3c4b5a69788796a5b4c3d2e1f0".repeat(2);
        List<FatalDeployment> deployed = new ArrayList<>();
        for (FatalAnswer fatal : FatalAnswer.values()) {
            deployed.add(deployFatal(fatal, wrongKey));
        }
        Map<String, JsonNode> failed = new HashMap<>();
        Map<String, Instant> failedAt = new HashMap<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (failed.size() < deployed.size() && Instant.now().isBefore(deadline)) {
            for (FatalDeployment one : deployed) {
                if (!failed.containsKey(one.name())) {
                    JsonNode task = failedTask(one.name());
                    if (task != null) {
                        failed.put(one.name(), task);
                        failedAt.put(one.name(), Instant.now());
                    }
                }
            }
            Thread.sleep(200);
        }
        // Give a retry storm, had there been one, the time to show: a retrying client asks again
        // within the first back-off, a quarter of a second.
        Thread.sleep(2_000);

        SoftAssertions softly = new SoftAssertions();
        for (FatalDeployment one : deployed) {
            checkFatal(one, failed.get(one.name()), failedAt.get(one.name()), wrongKey, softly);
        }
        softly.assertAll();
    }

    private FatalDeployment deployFatal(FatalAnswer fatal, String wrongKey) {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(80 + fatal.ordinal()).historyDays(1)
                .callsPerSecond(0.05).groupPackage(fatal != FatalAnswer.GROUP_PACKAGE_REQUIRED).build());
        // Named by the answer, not its code: v1 and v4 share some codes, and all are deployed at once.
        String name = "trtc-fatal-" + fatal.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Map<String, String> config = ItStack.jsonConnectorConfig(simulator, name + "-calls",
                Instant.now().minus(Duration.ofHours(2)), 1);
        if (fatal.v4()) {
            config.put("trtc.api.version", "v4");
        }
        switch (fatal) {
            case GROUP_PACKAGE_REQUIRED -> config.put("call.types", "group");
            case USERSIG_INVALID, V4_WRONG_KEY -> config.put("trtc.secret.key", wrongKey);
            case NOT_ADMINISTRATOR, V4_NOT_ADMINISTRATOR -> config.put("trtc.identifier", "not-an-administrator");
            // Many queued, so that a retrying client would be answered the code again and again.
            case INVALID_PARAMETERS, BODY_NOT_PARSED, V4_WRONG_REGION -> simulator.respondNext(fatal.code, 50);
        }
        Instant created = Instant.now();
        deployments.configure(name, config);
        return new FatalDeployment(fatal, name, simulator, created);
    }

    private static void checkFatal(FatalDeployment one, JsonNode failed, Instant failedAt, String wrongKey,
            SoftAssertions softly) throws IOException, InterruptedException {
        FatalAnswer fatal = one.fatal();
        long answered = one.simulator().stats().answersByErrorCode().getOrDefault(fatal.code, 0L);
        String status = restGet("connectors/" + one.name() + "/status");
        String trace = failed == null ? "" : failed.path("trace").asText();
        String userSig = one.simulator().lastUserSig();
        boolean secretShown = status.contains(wrongKey) || status.contains(SimulatorSettings.DEMO_SECRET_KEY)
                || (userSig != null && status.contains(userSig));
        MATRIX.add(row("(b) " + fatal.code + " (" + fatal.provokedBy + ")", "answered " + answered + "x",
                "remedy in trace: " + (trace.contains(fatal.remedy) ? "yes" : "NO")
                        + "; secret in status: " + (secretShown ? "YES" : "no"),
                failed == null ? "never FAILED within " + PATIENCE.toSeconds() + " s"
                        : "FAILED " + seconds(Duration.between(one.created(), failedAt)) + " after create",
                "n/a (fatal)"));

        softly.assertThat(failed).as("a FAILED task of %s", one.name()).isNotNull();
        softly.assertThat(trace).as("the trace of %s", one.name()).contains("errorCode " + fatal.code)
                .contains(fatal.remedy);
        softly.assertThat(answered).as("answers of %d to the one task: no retries", fatal.code).isEqualTo(1);
        softly.assertThat(status).as("the status of %s", one.name()).doesNotContain(wrongKey)
                .doesNotContain(SimulatorSettings.DEMO_SECRET_KEY);
        if (userSig != null) {
            softly.assertThat(status).as("the status of %s", one.name()).doesNotContain(userSig);
        }
        Path log = Path.of("target", "test.log");
        if ((fatal == FatalAnswer.USERSIG_INVALID || fatal == FatalAnswer.V4_WRONG_KEY) && Files.exists(log)) {
            // The test's own REST client logs the configuration Connect echoes back as submitted;
            // only that may hold the key (deployments pass it through a config provider instead).
            try (var lines = Files.lines(log)) {
                softly.assertThat(lines.filter(line -> line.contains(wrongKey))
                        .filter(line -> !line.contains(" EmbeddedConnect - ")).toList())
                        .as("lines of the worker's log with the secret key").isEmpty();
            }
        }
    }

    @Test
    @Order(3)
    void anOutageOfHalfAMinuteFailsNoTaskAndEveryCallArrivesAfterIt() throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(91).historyDays(1).callsPerSecond(0.3)
                .maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).visibilityDelaySeconds(2).build());
        String name = "trtc-outage";
        String topic = name + "-calls";
        Instant start = Instant.now().minus(Duration.ofHours(3));
        Map<String, String> config = ItStack.jsonConnectorConfig(simulator, topic, start, 2);
        // A slow budget and small pages stretch the backfill over several seconds, so that the API
        // goes down in the middle of it, with history slices and the tail half read.
        config.put("trtc.requests.per.second", "20");
        config.put("page.size", "50");
        List<String> missing;
        CallTopic calls;
        deployments.configure(name, config);
        try (StatusWatch watch = StatusWatch.start(name);
                CallTopic topicReader = new CallTopic(topic, simulator)) {
            calls = topicReader;
            calls.awaitAtLeast(1, PATIENCE);
            simulator.suspend();
            Instant down = Instant.now();
            String whenDown = "down with " + calls.distinct() + " of "
                    + ItStack.due(simulator, start.getEpochSecond()).size() + " due calls in";
            List<String> duringOutage = new ArrayList<>();
            while (Duration.between(down, Instant.now()).compareTo(OUTAGE) < 0) {
                duringOutage.addAll(addLiveCalls(simulator, "live-during-outage", 1));
                Thread.sleep(10_000);
            }
            simulator.resume();
            Instant up = Instant.now();

            missing = calls.awaitEvery(() -> dueWith(simulator, start, duringOutage), PATIENCE, () -> true);
            Duration caughtUp = Duration.between(up, Instant.now());
            Map<String, Long> outcomes = watch.outcomes();
            MATRIX.add(row("(c) API down " + OUTAGE.toSeconds() + " s mid-backfill (suspend/resume)",
                    "connections refused; " + whenDown,
                    "io_error=" + outcomes.getOrDefault("io_error", 0L) + otherOutcomes(outcomes),
                    watch.describe() + "; all due calls in " + seconds(caughtUp) + " after resume",
                    lost(missing, calls)));
            assertThat(watch.failures()).as("FAILED states seen during and after the outage").isEmpty();
        }
        assertThat(calls.mismatches()).as("records whose value differs from the ground truth").isEmpty();
        assertThat(missing).as("calls due but missing from %s after the outage", topic).isEmpty();
    }

    @Test
    @Order(4)
    void aHostileUpstreamFailsNoTaskLosesNoWellFormedCallAndNamesEveryMalformedOne() throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(101).historyDays(1)
                .callsPerSecond(0.3).maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).longCallFraction(0.05)
                .visibilityDelaySeconds(2).malformedRecordRate(MALFORMED_RATE).build());
        String name = "trtc-hostile";
        String topic = name + "-calls";
        Instant start = Instant.now().minus(Duration.ofHours(3));
        // Every kind at least once in a history cell and once in the live tail, whatever the rate draws.
        addMalformedCalls(simulator, "history-malformed", Instant.now().minus(Duration.ofHours(2)).getEpochSecond());
        simulator.faults().setRates(PAGING_FAULT_RATES);
        Map<String, String> config = ItStack.jsonConnectorConfig(simulator, topic, start, 2);
        config.put("page.size", Integer.toString(HOSTILE_PAGE_SIZE));
        config.put("long.call.sweep.interval.ms", Long.toString(HOSTILE_SWEEP.toMillis()));
        deployments.configure(name, config);

        List<String> live = new ArrayList<>();
        List<String> missing;
        List<String> missingDuringLoop;
        List<SimulatedCall> notInvalid;
        QueryCount clean;
        QueryCount looping;
        CallTopic calls;
        InvalidTopic invalid;
        try (StatusWatch watch = StatusWatch.start(name);
                CallTopic topicReader = new CallTopic(topic, simulator);
                InvalidTopic invalidReader = new InvalidTopic(topic + ".invalid")) {
            calls = topicReader;
            invalid = invalidReader;
            calls.awaitAtLeast(1, PATIENCE);
            simulator.faults().injectNext(Fault.ENDLESS_BODY, ENDLESS_BODIES);
            live.addAll(addMalformedCalls(simulator, "live-malformed", Instant.now().getEpochSecond()));
            live.addAll(addLiveCalls(simulator, "live-hostile", 3));

            // Bad records and paging lies while the history and the tail are read.
            calls.awaitEvery(() -> wellFormed(simulator, dueWith(simulator, start, live)), PATIENCE,
                    () -> invalid.missing(malformedDue(simulator, start, live)).isEmpty()
                            && PAGING_FAULT_RATES.keySet().stream().allMatch(fault ->
                                    simulator.stats().answersByFault().getOrDefault(fault, 0L) >= 1)
                            && simulator.stats().answersByFault().getOrDefault(Fault.ENDLESS_BODY, 0L)
                                    == ENDLESS_BODIES);
            Map<Fault, Long> struck = simulator.stats().answersByFault();
            Map<String, Long> outcomesBeforeLoop = watch.outcomes();
            Map<String, Double> metricsBeforeLoop = watch.taskMetrics();

            // A paginator that never stops, after a window without faults to compare it with.
            simulator.faults().clear();
            clean = QueryCount.during(simulator, LOOP_WINDOW,
                    window -> calls.awaitEvery(List::of, window, () -> false));
            simulator.faults().setRate(Fault.PAGE_LOOP, 1.0);
            List<String> duringLoop = addLiveCalls(simulator, "live-during-page-loop", 3);
            live.addAll(duringLoop);
            List<String> stillMissing = new ArrayList<>();
            looping = QueryCount.during(simulator, LOOP_WINDOW, window -> stillMissing.addAll(calls.awaitEvery(
                    () -> wellFormed(simulator, dueWith(simulator, start, duringLoop)).stream()
                            .filter(call -> duringLoop.contains(call.callId())).toList(),
                    window, () -> false)));
            missingDuringLoop = List.copyOf(stillMissing);
            long lyingAnswers = simulator.stats().answersByFault().getOrDefault(Fault.PAGE_LOOP, 0L);
            simulator.faults().clear();

            live.addAll(addMalformedCalls(simulator, "live-after-hostile", Instant.now().getEpochSecond()));
            live.addAll(addLiveCalls(simulator, "live-after-hostile", 3));
            missing = calls.awaitEvery(() -> wellFormed(simulator, dueWith(simulator, start, live)), PATIENCE,
                    () -> invalid.missing(malformedDue(simulator, start, live)).isEmpty());
            notInvalid = invalid.missing(malformedDue(simulator, start, live));
            Map<String, Double> metrics = watch.taskMetrics();
            String taskState = watch.describe();
            String lost = lost(missing, calls);

            List<SimulatedCall> malformed = malformedDue(simulator, start, live);
            for (Malformation kind : Malformation.values()) {
                List<SimulatedCall> ofKind = malformed.stream()
                        .filter(call -> call.malformation().orElseThrow() == kind).toList();
                long inLiveTail = ofKind.stream().filter(call -> live.contains(call.call().callId())).count();
                MATRIX.add(row("(d) record with " + kind + " (" + pct(MALFORMED_RATE) + " of calls, all kinds)",
                        "sent malformed on every read: " + ofKind.size() + " due calls (" + inLiveTail
                                + " added to the live tail)",
                        "in " + topic + ".invalid: " + (ofKind.size() - invalid.missing(ofKind).size()) + "/"
                                + ofKind.size() + " (" + invalid.copies(ofKind) + " records); in " + topic + ": "
                                + calls.countOf(ofKind) + "; WARN lines naming it: " + warnLines(ofKind),
                        taskState, lost));
            }
            MATRIX.add(row("(d) all malformed records", malformed.size() + " due calls",
                    metric(metrics, "invalid-records-total") + "; entries in " + topic + ".invalid: "
                            + invalid.size(), taskState, lost));
            for (Fault fault : PAGING_FAULT_RATES.keySet()) {
                String seen = fault == Fault.TOTAL_NUM_LONG
                        ? "answer malformed, asked again: malformed=" + outcomesBeforeLoop.getOrDefault("malformed", 0L)
                        : "early ends asked again, believed: " + metric(metricsBeforeLoop, "paging-anomalies-total");
                MATRIX.add(row("(e) " + fault + ", " + pct(PAGING_FAULT_RATES.get(fault)) + " of requests",
                        "struck " + struck.getOrDefault(fault, 0L) + " answers", seen, taskState, lost));
            }
            MATRIX.add(row("(e) ENDLESS_BODY, " + ENDLESS_BODIES + " answers",
                    "struck " + struck.getOrDefault(Fault.ENDLESS_BODY, 0L) + " answers",
                    "cut off at trtc.response.max.bytes, asked again: too_large="
                            + outcomesBeforeLoop.getOrDefault("too_large", 0L),
                    taskState, lost));
            MATRIX.add(row("(f) PAGE_LOOP, rate 1 for " + LOOP_WINDOW.toSeconds() + " s",
                    lyingAnswers + " lying answers",
                    looping.requests() + " requests against " + clean.requests() + " in as long without faults;"
                            + " pages asked past the last: at most " + looping.pagesPastTheLast(simulator)
                            + "; paging-anomalies-total +"
                            + increase(metricsBeforeLoop, metrics, "paging-anomalies-total")
                            + ", pass-failures-total +" + increase(metricsBeforeLoop, metrics, "pass-failures-total")
                            + "; live calls added during the loop that arrived before it ended: "
                            + (duringLoop.size() - missingDuringLoop.size()) + "/" + duringLoop.size(),
                    taskState, lost));
            assertThat(watch.failures()).as("FAILED states seen while the upstream was hostile").isEmpty();
        }
        assertThat(calls.mismatches()).as("records whose value differs from the ground truth").isEmpty();
        assertThat(missing).as("well-formed calls due but missing from %s", topic).isEmpty();
        assertThat(missingDuringLoop).as("live calls that did not arrive while the paginator looped").isEmpty();
        assertThat(notInvalid).as("malformed calls due but not in %s.invalid", topic).isEmpty();
        assertThat(calls.countOf(malformedDue(simulator, start, live))).as("malformed calls in %s", topic).isZero();
        assertThat(looping.pagesPastTheLast(simulator)).as("pages asked past the last one during the page loop")
                .isLessThanOrEqualTo(PAGE_MARGIN);
        assertThat(QueryCount.all(simulator).pagesPastTheLast(simulator)).as("pages asked past the last one")
                .isLessThanOrEqualTo(PAGE_MARGIN);
        assertThat(looping.requests()).as("requests while the paginator looped, against %d without faults",
                clean.requests()).isLessThanOrEqualTo(2 * clean.requests() + 50);
    }

    /** Adds {@code count} short calls that have just ended; returns their ids. */
    private static List<String> addLiveCalls(TrtcSimulator simulator, String prefix, int count) {
        long now = Instant.now().getEpochSecond();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + now + "-" + i;
            simulator.addCall(new ApiRecord(id, simulator.settings().sdkAppId(), "audio", "room-" + i, now - 40 - i,
                    now - 35 - i, now - i, "caller-" + i, 2, "single", "normal_end", List.of("callee-" + i)), now);
            ids.add(id);
        }
        return ids;
    }

    /**
     * Adds one call of each malformation, ended at {@code endedAt} and visible from then on (or
     * from now, if later); returns their ids. Each has a room id of its own, by which a record
     * without a call id is found.
     */
    private static List<String> addMalformedCalls(TrtcSimulator simulator, String prefix, long endedAt) {
        long visible = Math.max(endedAt, Instant.now().getEpochSecond());
        List<String> ids = new ArrayList<>();
        for (Malformation kind : Malformation.values()) {
            String id = prefix + "-" + kind.name().toLowerCase(Locale.ROOT) + "-" + endedAt;
            simulator.addMalformedCall(new ApiRecord(id, simulator.settings().sdkAppId(), "video", "room-" + id,
                    endedAt - 50, endedAt - 45, endedAt, "caller-" + kind.ordinal(), 2, "single", "normal_end",
                    List.of("callee-" + kind.ordinal())), visible, kind);
            ids.add(id);
        }
        return ids;
    }

    /** The calls of {@code due} that the simulator sends as they are. */
    private static List<ApiRecord> wellFormed(TrtcSimulator simulator, List<ApiRecord> due) {
        Set<String> malformed = new TreeSet<>();
        simulator.groundTruth().stream().filter(call -> call.malformation().isPresent())
                .forEach(call -> malformed.add(call.call().callId()));
        return due.stream().filter(call -> !malformed.contains(call.callId())).toList();
    }

    /**
     * The malformed calls that must be in the invalid-records topic by now: those due by their true
     * times, given a sweep more, since a record without a readable duration may be left to the
     * long lane, plus {@code required} when due.
     */
    private static List<SimulatedCall> malformedDue(TrtcSimulator simulator, Instant start, List<String> required) {
        long sweepAgo = Instant.now().getEpochSecond() - ItStack.SWEEP_SECONDS;
        Set<String> due = new TreeSet<>();
        dueWith(simulator, start, required).stream().filter(call -> call.endTs() <= sweepAgo)
                .forEach(call -> due.add(call.callId()));
        return simulator.groundTruth().stream()
                .filter(call -> call.malformation().isPresent() && due.contains(call.call().callId())).toList();
    }

    /**
     * WARN lines of the worker's log that name one of {@code calls}: by call id, or by its room id
     * in quotes where the record has no call id.
     */
    private static long warnLines(List<SimulatedCall> calls) throws IOException {
        Path log = Path.of("target", "test.log");
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(" WARN "))
                    .filter(line -> calls.stream().anyMatch(call -> call.malformation().orElseThrow()
                            == Malformation.NO_CALL_ID
                            ? line.contains("\"" + call.call().roomId() + "\"")
                                    || line.contains("\\\"" + call.call().roomId() + "\\\"")
                            : line.contains(call.call().callId())))
                    .count();
        }
    }

    private static String increase(Map<String, Double> before, Map<String, Double> after, String name) {
        return String.format(Locale.ROOT, "%.0f", after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0));
    }

    private static String metric(Map<String, Double> metrics, String name) {
        Double value = metrics.get(name);
        return name + "=" + (value == null ? "n/a" : String.format(Locale.ROOT, "%.0f", value));
    }

    /** Calls ItStack.due says must be in by now, plus {@code required} whether due yet or not. */
    private static List<ApiRecord> dueWith(TrtcSimulator simulator, Instant start, List<String> required) {
        List<ApiRecord> due = new ArrayList<>(ItStack.due(simulator, start.getEpochSecond()));
        Set<String> ids = new TreeSet<>(required);
        due.forEach(call -> ids.remove(call.callId()));
        simulator.groundTruth().stream().map(SimulatedCall::call).filter(call -> ids.contains(call.callId()))
                .forEach(due::add);
        return due;
    }

    /** Calls that have been due for at least {@code slack}. */
    private static List<ApiRecord> dueSince(TrtcSimulator simulator, Instant start, Duration slack) {
        long cutoff = Instant.now().minus(slack).getEpochSecond();
        return ItStack.due(simulator, start.getEpochSecond()).stream().filter(call -> call.endTs() <= cutoff)
                .toList();
    }

    /** Waits until the simulator has answered {@code times} requests with {@code fault} in all. */
    private static void awaitQueuedFaultsTaken(TrtcSimulator simulator, Fault fault, long times)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (simulator.stats().answersByFault().getOrDefault(fault, 0L) < times && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(simulator.stats().answersByFault().getOrDefault(fault, 0L)).as("%s answered", fault)
                .isEqualTo(times);
    }

    /** The first FAILED task in the connector's status, or null while none has failed (or it is not known yet). */
    private static JsonNode failedTask(String name) throws InterruptedException {
        try {
            for (JsonNode task : JSON.readTree(restGet("connectors/" + name + "/status")).path("tasks")) {
                if ("FAILED".equals(task.path("state").asText())) {
                    return task;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The connector may not be known yet: the caller asks again.
        }
        return null;
    }

    private static String restGet(String resource) throws IOException, InterruptedException {
        return REST.send(HttpRequest.newBuilder(URI.create(connect.endpointForResource(resource)))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String label(Fault fault, ApiDialect dialect) {
        boolean v4 = dialect == ApiDialect.V4;
        return switch (fault) {
            case GATEWAY_502, GATEWAY_503, GATEWAY_504 -> fault.name() + " (HTML body), " + pct(RATE_EACH);
            case SLOW -> "SLOW (" + SLOW_ANSWER.toMillis() + " ms > timeout " + REQUEST_TIMEOUT.toMillis() + " ms), "
                    + pct(RATE_EACH);
            case TRUNCATED, MALFORMED_JSON, UNKNOWN_CODE -> fault.name() + ", " + pct(RATE_EACH);
            case RATE_LIMITED -> "RATE_LIMITED " + (v4 ? "60007/60011/60018/60019" : "70005") + ", storm of "
                    + RATE_LIMIT_STORM + " (both connectors)";
            case USERSIG_EXPIRED -> "USERSIG_EXPIRED " + (v4 ? "70001" : "70003") + ", burst of "
                    + USERSIG_EXPIRED_BURST + " (both connectors)";
            default -> throw new IllegalArgumentException(fault + " is not a transient fault");
        };
    }

    /** The client's request outcomes (its JMX metrics) that a fault shows up as. */
    private static String seenByClient(Fault fault, ApiDialect dialect, Map<String, Long> outcomes) {
        List<String> rateLimited = dialect == ApiDialect.V4
                ? List.of("api_60007", "api_60011", "api_60018", "api_60019") : List.of("api_70005");
        String expired = dialect == ApiDialect.V4 ? "api_70001" : "api_70003";
        List<String> names = switch (fault) {
            case GATEWAY_502 -> List.of("http_502");
            case GATEWAY_503 -> List.of("http_503");
            case GATEWAY_504 -> List.of("http_504");
            case SLOW -> List.of("timeout");
            case TRUNCATED -> List.of("io_error");
            case MALFORMED_JSON -> List.of("malformed");
            case UNKNOWN_CODE -> outcomes.keySet().stream().filter(o -> o.startsWith("api_"))
                    .filter(o -> !rateLimited.contains(o) && !o.equals(expired)).toList();
            case RATE_LIMITED -> rateLimited;
            case USERSIG_EXPIRED -> List.of(expired);
            default -> throw new IllegalArgumentException(fault + " is not a transient fault");
        };
        List<String> shown = new ArrayList<>();
        for (String outcome : names) {
            shown.add(outcome + "=" + outcomes.getOrDefault(outcome, 0L));
        }
        return String.join(" ", shown);
    }

    private static String otherOutcomes(Map<String, Long> outcomes) {
        List<String> other = new ArrayList<>();
        outcomes.forEach((outcome, count) -> {
            if (!Set.of("ok", "no_records", "io_error").contains(outcome)) {
                other.add(" " + outcome + "=" + count);
            }
        });
        return String.join("", other);
    }

    private static String lost(List<String> missing, CallTopic calls) {
        return missing.size() + " of " + calls.distinct() + " (" + calls.duplicates() + " duplicates, "
                + calls.mismatches().size() + " values differing)";
    }

    private static String row(String fault, String injected, String clientSaw, String taskState, String lost) {
        return "| " + String.join(" | ", fault, injected, clientSaw, taskState, lost) + " |";
    }

    private static String pct(double rate) {
        return String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void printMatrix() {
        List<String> lines = new ArrayList<>();
        lines.add(MATRIX_BEGIN);
        lines.add("| fault | injected (simulator) | seen by the client (JMX request outcomes, sampled each second)"
                + " | task state | calls lost |");
        lines.add("|---|---|---|---|---|");
        lines.addAll(MATRIX);
        lines.add("IT duration: " + seconds(Duration.between(BEGAN, Instant.now())) + " (cluster start included)");
        lines.add(MATRIX_END);
        System.out.println(System.lineSeparator() + String.join(System.lineSeparator(), lines));
    }

    /**
     * Watches one connector from a thread of its own: its status every second (any FAILED state is
     * kept with its trace), and its tasks' request outcomes from JMX, summed across task restarts
     * since a restarted task starts counting from zero.
     */
    private static final class StatusWatch implements AutoCloseable {

        private final String name;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fault-it-status-watch");
            thread.setDaemon(true);
            return thread;
        });
        private final List<String> failures = new ArrayList<>();
        private final Set<String> states = new TreeSet<>();
        private final Map<ObjectName, Long> lastCount = new HashMap<>();
        private final Map<String, Long> outcomes = new TreeMap<>();
        private final Map<String, Double> lastTotal = new HashMap<>();
        private final Map<String, Double> totals = new TreeMap<>();
        private int checks;
        private int unanswered;

        private StatusWatch(String name) {
            this.name = name;
        }

        static StatusWatch start(String name) {
            StatusWatch watch = new StatusWatch(name);
            watch.timer.scheduleWithFixedDelay(watch::check, 0, 1, TimeUnit.SECONDS);
            return watch;
        }

        private synchronized void check() {
            try {
                JsonNode status = JSON.readTree(restGet("connectors/" + name + "/status"));
                if (!status.has("tasks")) {
                    countUnanswered();
                    return;
                }
                checks++;
                if ("FAILED".equals(status.path("connector").path("state").asText())) {
                    failures.add("connector: " + status.path("connector").path("trace").asText());
                }
                for (JsonNode task : status.path("tasks")) {
                    String state = task.path("state").asText();
                    states.add(state);
                    if ("FAILED".equals(state)) {
                        failures.add("task " + task.path("id").asInt() + ": " + task.path("trace").asText());
                    }
                }
                sampleOutcomes();
                sampleTotals();
            } catch (IOException | RuntimeException e) {
                countUnanswered();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Right after its creation Connect may not know the connector yet: only later gaps count. */
        private void countUnanswered() {
            if (checks > 0) {
                unanswered++;
            }
        }

        private void sampleOutcomes() {
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            for (ObjectName bean : jmx.queryNames(ItStack.pluginMetrics(name, "task=*,outcome=*"), null)) {
                long count;
                try {
                    count = ((Number) jmx.getAttribute(bean, "requests-total")).longValue();
                } catch (JMException e) {
                    // A task stopping takes its MBeans with it between query and read.
                    continue;
                }
                long last = lastCount.getOrDefault(bean, 0L);
                // A smaller count is a new task instance under the same name: it started from zero.
                long added = count >= last ? count - last : count;
                lastCount.put(bean, count);
                outcomes.merge(bean.getKeyProperty("outcome"), added, Long::sum);
            }
        }

        synchronized List<String> failures() {
            return List.copyOf(failures);
        }

        synchronized Map<String, Long> outcomes() {
            sampleOutcomes();
            return new TreeMap<>(outcomes);
        }

        /**
         * The counters ({@code *-total}) of the tasks' task metrics, summed across tasks and, like
         * the request outcomes, across task restarts.
         */
        synchronized Map<String, Double> taskMetrics() {
            sampleTotals();
            return new TreeMap<>(totals);
        }

        private void sampleTotals() {
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            for (ObjectName bean : jmx.queryNames(ItStack.pluginMetrics(name, "task=*"), null)) {
                try {
                    for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(bean).getAttributes()) {
                        String metric = attribute.getName();
                        if (metric.endsWith("-total")
                                && jmx.getAttribute(bean, metric) instanceof Number number) {
                            double value = number.doubleValue();
                            double last = lastTotal.getOrDefault(bean + "/" + metric, 0.0);
                            lastTotal.put(bean + "/" + metric, value);
                            // A smaller count is a new task instance under the same name: it started from zero.
                            totals.merge(metric, value >= last ? value - last : value, Double::sum);
                        }
                    }
                } catch (JMException e) {
                    // A task stopping takes its MBeans with it between query and read.
                }
            }
        }

        synchronized String describe() {
            return (failures.isEmpty() ? "never FAILED" : failures.size() + " FAILED state(s)") + " (task states "
                    + String.join("/", states) + " in " + checks + " checks a second apart"
                    + (unanswered == 0 ? "" : ", " + unanswered + " unanswered") + ")";
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /**
     * A read_committed consumer of the connector's topic that checks every record against the
     * simulator's ground truth as it reads, and counts the copies of each call.
     */
    private static final class CallTopic implements AutoCloseable {

        private final String topic;
        private final TrtcSimulator simulator;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<String, Integer> copies = new HashMap<>();
        private final List<String> mismatches = new ArrayList<>();
        private final Map<String, ApiRecord> truth = new HashMap<>();
        private final ApiDialect dialect;

        CallTopic(String topic, TrtcSimulator simulator) {
            this(topic, simulator, ApiDialect.V1);
        }

        /** A reader of the topic of a connector that reads the API of {@code dialect}. */
        CallTopic(String topic, TrtcSimulator simulator, ApiDialect dialect) {
            this.topic = topic;
            this.simulator = simulator;
            this.dialect = dialect;
            this.consumer = connect.kafka().createConsumerAndSubscribeTo(Map.of(
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.GROUP_ID_CONFIG, "fault-it-" + topic + "-" + System.nanoTime()), topic);
        }

        void awaitAtLeast(int count, Duration patience) {
            Instant deadline = Instant.now().plus(patience);
            while (copies.size() < count && Instant.now().isBefore(deadline)) {
                read();
            }
            assertThat(copies.size()).as("calls in %s", topic).isGreaterThanOrEqualTo(count);
        }

        /**
         * Reads until every call {@code expected} names is in and {@code alsoUntil} holds, or until
         * {@code patience} runs out; what is expected is asked again on every round, as calls keep
         * ending. Returns the calls still missing, each with its age and duration.
         */
        List<String> awaitEvery(Supplier<Collection<ApiRecord>> expected, Duration patience,
                BooleanSupplier alsoUntil) {
            Instant deadline = Instant.now().plus(patience);
            List<ApiRecord> missing;
            do {
                read();
                missing = expected.get().stream().filter(call -> !copies.containsKey(call.callId())).toList();
            } while ((!missing.isEmpty() || !alsoUntil.getAsBoolean()) && Instant.now().isBefore(deadline));
            long now = Instant.now().getEpochSecond();
            return missing.stream().map(call -> call.callId() + " (ended " + (now - call.endTs()) + " s ago, lasted "
                    + call.durationSeconds() + " s)").toList();
        }

        private void read() {
            var records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                return;
            }
            simulator.groundTruth().forEach(call -> truth.putIfAbsent(call.call().callId(), call.call()));
            for (ConsumerRecord<byte[], byte[]> record : records) {
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                ApiRecord call = key == null ? null : truth.get(key);
                JsonNode value;
                try {
                    value = JSON.readTree(record.value());
                } catch (IOException e) {
                    mismatches.add(key + ": not JSON (" + e.getMessage() + ")");
                    continue;
                }
                if (call == null) {
                    mismatches.add(key + ": no such call in the ground truth");
                } else if (!expectedValue(call, dialect).equals(value)) {
                    mismatches.add(key + ": " + value + " instead of " + expectedValue(call, dialect));
                }
                if (key != null) {
                    copies.merge(key, 1, Integer::sum);
                }
            }
        }

        int distinct() {
            return copies.size();
        }

        /** How many of {@code calls} are in the topic. */
        long countOf(List<SimulatedCall> calls) {
            return calls.stream().filter(call -> copies.containsKey(call.call().callId())).count();
        }

        long duplicates() {
            return copies.values().stream().mapToLong(count -> count - 1).sum();
        }

        List<String> mismatches() {
            return List.copyOf(mismatches);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /**
     * A read_committed consumer of the invalid-records topic, which finds a malformed call by its
     * call id, or, for a record without one, by its room id and start time in the raw text.
     */
    private static final class InvalidTopic implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<JsonNode> entries = new ArrayList<>();

        InvalidTopic(String topic) {
            this.consumer = connect.kafka().createConsumerAndSubscribeTo(Map.of(
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.GROUP_ID_CONFIG, "fault-it-" + topic + "-" + System.nanoTime()), topic);
        }

        /** The calls of {@code expected} that no entry names yet. */
        List<SimulatedCall> missing(List<SimulatedCall> expected) {
            read();
            return expected.stream().filter(call -> entries.stream().noneMatch(entry -> names(entry, call))).toList();
        }

        /** The entries that name one of {@code calls}, copies included. */
        long copies(List<SimulatedCall> calls) {
            read();
            return entries.stream().filter(entry -> calls.stream().anyMatch(call -> names(entry, call))).count();
        }

        int size() {
            read();
            return entries.size();
        }

        private void read() {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    entries.add(JSON.readTree(record.value()));
                } catch (IOException e) {
                    entries.add(JSON.createObjectNode().put("raw", new String(record.value(), StandardCharsets.UTF_8)));
                }
            }
        }

        private static boolean names(JsonNode entry, SimulatedCall call) {
            ApiRecord record = call.call();
            String raw = entry.path("raw").asText("");
            if (call.malformation().orElseThrow() == Malformation.NO_CALL_ID) {
                return raw.contains("\"roomId\":\"" + record.roomId() + "\"")
                        && raw.contains("\"startCallTs\":" + record.startCallTs());
            }
            return record.callId().equals(entry.path("callId").asText(null))
                    || raw.contains("\"callId\":\"" + record.callId() + "\"");
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** The requests the simulator saw, with the paging fields of each. */
    private record QueryCount(List<QuerySnapshot> queries) {

        /** The requests made while {@code meanwhile} runs, which it is told to do for {@code window}. */
        static QueryCount during(TrtcSimulator simulator, Duration window, Consumer<Duration> meanwhile) {
            int before = simulator.stats().queries().size();
            meanwhile.accept(window);
            List<QuerySnapshot> after = simulator.stats().queries();
            return new QueryCount(after.subList(before, after.size()));
        }

        static QueryCount all(TrtcSimulator simulator) {
            return new QueryCount(simulator.stats().queries());
        }

        long requests() {
            return queries.size();
        }

        /**
         * How many pages past the last page of its matches the worst query asked, 0 when none did.
         * Matches are counted now, under the {@code end} reading: calls only ever become visible,
         * so that count is at least what the query met, and the result is never too high.
         */
        long pagesPastTheLast(TrtcSimulator simulator) {
            long now = Instant.now().getEpochSecond();
            List<ApiRecord> visible = simulator.groundTruth().stream().filter(call -> call.isVisible(now))
                    .map(SimulatedCall::call).toList();
            long[] starts = visible.stream().mapToLong(ApiRecord::startCallTs).toArray();
            long[] ends = visible.stream().mapToLong(ApiRecord::endTs).toArray();
            long worst = 0;
            for (QuerySnapshot query : queries) {
                if (query.startTimestamp() == null || query.page() == null) {
                    continue;
                }
                long perPage = query.numberPerPage() == null ? 100 : query.numberPerPage();
                long endBound = query.endTimestamp() == null ? Long.MAX_VALUE : query.endTimestamp();
                long matches = 0;
                for (int i = 0; i < starts.length; i++) {
                    if (starts[i] >= query.startTimestamp() && ends[i] <= endBound) {
                        matches++;
                    }
                }
                long lastPage = Math.max(1, (matches + perPage - 1) / perPage);
                worst = Math.max(worst, query.page() - lastPage);
            }
            return worst;
        }
    }

    /**
     * What the JSON converter must write for {@code call}: the test's own reading of the contract
     * (schemas/CallRecord.avsc), independent of the connector's mapping code.
     */
    static JsonNode expectedValue(ApiRecord call, ApiDialect dialect) {
        boolean v4 = dialect == ApiDialect.V4;
        ObjectNode value = JSON.createObjectNode();
        value.put("callId", call.callId());
        // v4 names no application: the connector's is the simulator's.
        value.put("sdkAppId", call.sdkAppId());
        putEnum(value, "mediaType", CallRecordAvro.apiText(call.mediaType(), dialect));
        value.put("roomId", call.roomId());
        if (v4) {
            value.put("roomIdType", call.roomIdType());
        } else {
            value.putNull("roomIdType");
        }
        value.put("startCallTs", call.startCallTs() * 1000);
        if (call.acceptTs() == 0) {
            value.putNull("acceptTs");
        } else {
            value.put("acceptTs", call.acceptTs() * 1000);
        }
        value.put("endTs", call.endTs() * 1000);
        value.put("caller", call.caller());
        // Nullable since version 2 of the contract; only the v1 dialect says it.
        if (v4) {
            value.putNull("totalUserNumber");
        } else {
            value.put("totalUserNumber", call.totalUserNumber());
        }
        putEnum(value, "callType", CallRecordAvro.apiText(call.callType(), dialect));
        putEnum(value, "callResult", CallRecordAvro.apiText(call.callResult(), dialect));
        ArrayNode callees = value.putArray("callees");
        call.callees().forEach(callees::add);
        try {
            // Through text and back, so that numbers take the node types a parser gives them.
            return JSON.readTree(JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putEnum(ObjectNode value, String field, String raw) {
        value.put(field, CallRecordAvro.symbol(field, raw));
        value.put(field + "Raw", raw);
    }
}

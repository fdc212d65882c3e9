package io.github.kafkaconnecttrtc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kafkaconnecttrtc.simulator.ApiCodes;
import io.github.kafkaconnecttrtc.simulator.ApiCodesV4;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invalid configurations through a real worker's REST API: {@code PUT
 * /connector-plugins/TrtcSourceConnector/config/validate} shows each problem on the key it is about, with a message
 * that names the key or says what is expected, and {@code PUT /connectors/<name>/config} refuses to create a
 * connector from such a configuration. The live cases run {@code trtc.connection.check} against an in-process
 * simulator; nothing the worker answers ever holds a secret key.
 */
class ConfigValidationIT {

    private static final Logger log = LoggerFactory.getLogger(ConfigValidationIT.class);
    private static final String VALIDATE = "connector-plugins/TrtcSourceConnector/config/validate";
    private static final String NAME = "trtc-validated";
    private static final String TOPIC = "trtc.validated-calls";
    private static final String WRONG_KEY = "0000000000ffffffffff1111111111eeeeeeeeee2222222222dddddddddd3333";
    /** Stands for "leave the key out" among a case's overrides. */
    private static final String ABSENT = "\u0000absent";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedConnectCluster connect;
    private static TrtcSimulator simulator;
    private static TrtcSimulator withoutGroupPackage;
    private static int closedPort;

    @BeforeAll
    static void startStack() throws Exception {
        assertThatThrownBy(() -> Class.forName(ItStack.CONNECTOR_CLASS))
                .as("the connector must come from plugin.path, not from the test class path")
                .isInstanceOf(ClassNotFoundException.class);
        simulator = TrtcSimulator.start(SimulatorSettings.builder().seed(3).historyDays(1).callsPerSecond(0.02)
                .build(), InstantSource.system());
        withoutGroupPackage = TrtcSimulator.start(SimulatorSettings.builder().seed(4).historyDays(1)
                .callsPerSecond(0.02).groupPackage(false).build(), InstantSource.system());
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        connect = new EmbeddedConnectCluster.Builder().name("trtc-validation").numBrokers(1).numWorkers(1)
                .brokerProps(ItStack.brokerProps()).workerProps(ItStack.workerProps()).build();
        connect.start();
        connect.assertions().assertAtLeastNumWorkersAreUp(1, "the worker did not come up");
        assertThat(ListeningSockets.nonLoopbackListenersOfThisJvm()).as("non-loopback listeners").isEmpty();
    }

    @AfterAll
    static void stopStack() {
        try {
            if (connect != null) {
                connect.stop();
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
            if (withoutGroupPackage != null) {
                withoutGroupPackage.close();
            }
        }
    }

    /** A configuration the worker accepts, against the simulator; each case changes a little of it. */
    private static Map<String, String> base(TrtcSimulator target) {
        Map<String, String> config = new LinkedHashMap<>(
                ItStack.connectorConfig(target, TOPIC, Instant.now().minus(Duration.ofHours(1)), 1));
        config.put("name", NAME);
        return config;
    }

    /**
     * One invalid configuration: what it changes, the key whose errors must show it, and fragments one of those
     * errors must hold.
     */
    record Case(String description, Map<String, String> overrides, String key, List<String> fragments,
            TrtcSimulator target, Consumer<TrtcSimulator> before) {

        @Override
        public String toString() {
            return description;
        }

        Map<String, String> config() {
            Map<String, String> config = base(target);
            overrides.forEach((key, value) -> {
                if (ABSENT.equals(value)) {
                    config.remove(key);
                } else {
                    config.put(key, value);
                }
            });
            return config;
        }
    }

    private static Case invalid(String description, Map<String, String> overrides, String key, String... fragments) {
        return new Case(description, overrides, key, List.of(fragments), simulator, sim -> { });
    }

    private static Case missing(String key) {
        return invalid(key + " missing", Map.of(key, ABSENT), key, "Missing required configuration \"" + key + "\"");
    }

    /** A case with trtc.connection.check on, against {@code target}. */
    private static Case live(String description, TrtcSimulator target, Consumer<TrtcSimulator> before,
            Map<String, String> overrides, String key, String... fragments) {
        Map<String, String> withCheck = new LinkedHashMap<>(overrides);
        withCheck.put("trtc.connection.check", "true");
        return new Case(description, withCheck, key, List.of(fragments), target, before);
    }

    static List<Case> invalidConfigurations() {
        String tomorrow = Instant.now().plus(Duration.ofDays(1)).toString();
        List<Case> cases = new ArrayList<>();
        // Required keys.
        cases.add(missing("trtc.sdkappid"));
        cases.add(missing("trtc.secret.key"));
        cases.add(missing("topic"));
        cases.add(missing("name"));
        // Malformed numbers.
        cases.add(invalid("sdkappid with letters", Map.of("trtc.sdkappid", "14OOOOOOOO"), "trtc.sdkappid",
                "Invalid value 14OOOOOOOO for configuration trtc.sdkappid", "LONG"));
        cases.add(invalid("request budget in words", Map.of("trtc.requests.per.second", "fast"),
                "trtc.requests.per.second", "trtc.requests.per.second", "DOUBLE"));
        cases.add(invalid("poll interval with a unit", Map.of("poll.interval.ms", "5s"), "poll.interval.ms",
                "Invalid value 5s for configuration poll.interval.ms"));
        cases.add(invalid("page size in words", Map.of("page.size", "ten"), "page.size",
                "Invalid value ten for configuration page.size", "INT"));
        cases.add(invalid("tasks.max zero", Map.of("tasks.max", "0"), "tasks.max", "tasks.max"));
        // Out of range, every ranged key.
        cases.add(invalid("sdkappid zero", Map.of("trtc.sdkappid", "0"), "trtc.sdkappid",
                "trtc.sdkappid", "at least 1"));
        cases.add(invalid("request budget above the API's 200/s", Map.of("trtc.requests.per.second", "200.5"),
                "trtc.requests.per.second", "trtc.requests.per.second", "greater than 0 and at most 200"));
        cases.add(invalid("request timeout within the backend's 3 s", Map.of("trtc.request.timeout.ms", "3000"),
                "trtc.request.timeout.ms", "trtc.request.timeout.ms", "from 3001 to 30000 (30 seconds)"));
        cases.add(invalid("request timeout of minutes", Map.of("trtc.request.timeout.ms", "120000"),
                "trtc.request.timeout.ms", "trtc.request.timeout.ms", "from 3001 to 30000 (30 seconds)"));
        cases.add(invalid("connect timeout zero", Map.of("trtc.connect.timeout.ms", "0"), "trtc.connect.timeout.ms",
                "trtc.connect.timeout.ms", "from 1 to 30000 (30 seconds)"));
        cases.add(invalid("retries above 20", Map.of("trtc.retry.max", "21"), "trtc.retry.max",
                "trtc.retry.max", "no more than 20"));
        cases.add(invalid("initial back-off zero", Map.of("trtc.retry.backoff.initial.ms", "0"),
                "trtc.retry.backoff.initial.ms", "trtc.retry.backoff.initial.ms", "from 1 to 2000 (2 seconds)"));
        cases.add(invalid("maximum back-off negative", Map.of("trtc.retry.backoff.max.ms", "-5"),
                "trtc.retry.backoff.max.ms", "trtc.retry.backoff.max.ms", "from 1 to 300000 (5 minutes)"));
        cases.add(invalid("maximum call beyond 7 days", Map.of("call.max.duration.ms", "604800001"),
                "call.max.duration.ms", "call.max.duration.ms", "from 600000 (10 minutes) to 604800000 (7 days)"));
        cases.add(invalid("fast lane under a minute", Map.of("call.fast.lane.max.duration.ms", "59999"),
                "call.fast.lane.max.duration.ms", "call.fast.lane.max.duration.ms",
                "from 60000 (1 minute) to 86400000 (1 day)"));
        cases.add(invalid("settle delay negative", Map.of("settle.delay.ms", "-1"), "settle.delay.ms",
                "settle.delay.ms", "from 0 to 3600000 (1 hour)"));
        cases.add(invalid("poll interval under 100 ms", Map.of("poll.interval.ms", "99"), "poll.interval.ms",
                "poll.interval.ms", "from 100 to 3600000 (1 hour)"));
        cases.add(invalid("long-call sweep under 10 s", Map.of("long.call.sweep.interval.ms", "9999"),
                "long.call.sweep.interval.ms", "long.call.sweep.interval.ms", "from 10000 (10 seconds)"));
        cases.add(invalid("overlong sweep beyond 6 days", Map.of("overlong.call.sweep.interval.ms", "518400001"),
                "overlong.call.sweep.interval.ms", "overlong.call.sweep.interval.ms", "518400000 (6 days)"));
        cases.add(invalid("page size above 100", Map.of("page.size", "101"), "page.size",
                "page.size", "no more than 100"));
        cases.add(invalid("slice under a minute", Map.of("slice.duration.ms", "59999"), "slice.duration.ms",
                "slice.duration.ms", "from 60000 (1 minute)"));
        cases.add(invalid("progress interval under a second", Map.of("progress.interval.ms", "999"),
                "progress.interval.ms", "progress.interval.ms", "from 1000 (1 second)"));
        // Enums, lists and switches.
        cases.add(invalid("call type that does not exist", Map.of("call.types", "single,video"), "call.types",
                "call.types", "'video' is not one of single, group"));
        cases.add(invalid("no call type", Map.of("call.types", ""), "call.types",
                "call.types", "a non-empty comma-separated list of single, group"));
        cases.add(invalid("empty call result", Map.of("call.results", "normal_end,,cancel"), "call.results",
                "call.results", "without empty entries"));
        cases.add(invalid("plain-http switch neither true nor false",
                Map.of("trtc.endpoint.allow.plain.http", "maybe"), "trtc.endpoint.allow.plain.http",
                "trtc.endpoint.allow.plain.http", "true or false"));
        cases.add(invalid("connection-check switch neither true nor false",
                Map.of("trtc.connection.check", "yes"), "trtc.connection.check",
                "trtc.connection.check", "true or false"));
        // start.time.
        cases.add(invalid("start time in words", Map.of("start.time", "yesterday"), "start.time",
                "start.time", "ISO-8601 instant such as 2026-01-01T00:00:00Z"));
        cases.add(invalid("start time without a time of day", Map.of("start.time", "2026-01-01"), "start.time",
                "start.time", "ISO-8601 instant"));
        cases.add(invalid("start time in the future", Map.of("start.time", tomorrow), "start.time",
                "start.time (" + tomorrow + ") must not be after the current time"));
        // Relations between keys, every rule of crossFieldErrors.
        cases.add(invalid("plain http to a non-loopback host", Map.of("trtc.endpoint", "http://10.0.0.1:8080/"),
                "trtc.endpoint", "trtc.endpoint", "plain http", "trtc.endpoint.allow.plain.http=true"));
        cases.add(invalid("fast lane as long as the maximum call", Map.of("call.max.duration.ms", "600000",
                "call.fast.lane.max.duration.ms", "600000"), "call.fast.lane.max.duration.ms",
                "call.fast.lane.max.duration.ms (600000) must be shorter than call.max.duration.ms (600000)"));
        cases.add(invalid("long-call sweep longer than the maximum call", Map.of("call.max.duration.ms", "600000",
                "long.call.sweep.interval.ms", "600001"), "long.call.sweep.interval.ms",
                "long.call.sweep.interval.ms (600001) must not be longer than call.max.duration.ms (600000)"));
        cases.add(invalid("poll less often than the long-call sweep", Map.of("long.call.sweep.interval.ms", "10000",
                "poll.interval.ms", "10001"), "poll.interval.ms",
                "poll.interval.ms (10001) must not be longer than long.call.sweep.interval.ms (10000)"));
        cases.add(invalid("overlong sweep more often than the long-call sweep", Map.of(
                "long.call.sweep.interval.ms", "600000", "overlong.call.sweep.interval.ms", "599999"),
                "overlong.call.sweep.interval.ms",
                "overlong.call.sweep.interval.ms (599999) must not be shorter than long.call.sweep.interval.ms"));
        cases.add(invalid("maximum back-off below the initial one", Map.of("trtc.retry.backoff.initial.ms", "1000",
                "trtc.retry.backoff.max.ms", "999"), "trtc.retry.backoff.max.ms",
                "trtc.retry.backoff.max.ms (999) must not be shorter than trtc.retry.backoff.initial.ms (1000)"));
        cases.add(invalid("progress records into the call topic", Map.of("progress.topic", TOPIC), "progress.topic",
                "progress.topic (" + TOPIC + ") must differ from topic"));
        cases.add(invalid("topic too long for its default progress topic", Map.of("topic", "t".repeat(241)),
                "progress.topic", "progress.topic is empty", "set progress.topic explicitly"));
        cases.add(invalid("v4 with the default v1 endpoint", Map.of("trtc.api.version", "v4",
                "trtc.endpoint", "https://callkit-intl.trtc.tencent-cloud.com/"), "trtc.api.version",
                "is a host of the v1 API, but trtc.api.version is v4", "https://adminapisgp.im.qcloud.com/"));
        cases.add(invalid("v1 with a v4 region domain", Map.of("trtc.endpoint", "https://console.tim.qq.com/"),
                "trtc.endpoint", "is a host of the v4 API, but trtc.api.version is v1", "set trtc.api.version=v4"));
        cases.add(invalid("an API version that does not exist", Map.of("trtc.api.version", "v2"),
                "trtc.api.version", "Invalid value v2 for configuration trtc.api.version", "v1 or v4"));
        // Endpoint and topic syntax.
        cases.add(invalid("endpoint that is no URI", Map.of("trtc.endpoint", "https://callkit intl/"),
                "trtc.endpoint", "trtc.endpoint", "Expected an absolute https:// URI without query"));
        cases.add(invalid("endpoint with another scheme", Map.of("trtc.endpoint", "ftp://127.0.0.1/"),
                "trtc.endpoint", "trtc.endpoint", "must be an https:// URI"));
        cases.add(invalid("endpoint with a query", Map.of("trtc.endpoint",
                "https://callkit-intl.trtc.tencent-cloud.com/?sdkappid=1"), "trtc.endpoint",
                "trtc.endpoint", "must not carry a query"));
        cases.add(invalid("topic with illegal characters", Map.of("topic", "trtc calls/2026!"), "topic",
                "Invalid value trtc calls/2026! for configuration topic", "a Kafka topic name"));
        // The live check against the simulator.
        cases.add(live("connection check over plain http to another host", simulator, sim -> { },
                Map.of("trtc.endpoint", "http://10.0.0.1:8080/", "trtc.endpoint.allow.plain.http", "true"),
                "trtc.connection.check", "only over https or to a loopback address", "trtc.connection.check=false"));
        cases.add(live("unreachable endpoint", simulator, sim -> { },
                Map.of("trtc.endpoint", "http://127.0.0.1:" + closedPort + "/"), "trtc.endpoint",
                "trtc.endpoint: could not reach 127.0.0.1:" + closedPort + ": connection refused"));
        cases.add(live("wrong secret key", simulator, sim -> { }, Map.of("trtc.secret.key", WRONG_KEY),
                "trtc.secret.key", "trtc.secret.key", "70002",
                "must belong to the same TRTC application"));
        cases.add(live("SDKAppID of another application", simulator, sim -> { }, Map.of("trtc.sdkappid", "1400000999"),
                "trtc.secret.key", "trtc.secret.key", "trtc.sdkappid (1400000999)", "70002"));
        cases.add(live("identifier that is no administrator", simulator, sim -> { },
                Map.of("trtc.identifier", "user3013"), "trtc.identifier",
                "trtc.identifier: 'user3013' is not an administrator", "70004"));
        cases.add(live("request the API cannot parse for this SDKAppID", simulator,
                sim -> sim.respondNext(ApiCodes.BODY_NOT_PARSED, 1), Map.of(), "trtc.sdkappid",
                "trtc.sdkappid", "70009", "expected the SDKAppID"));
        cases.add(live("wrong secret key for the v4 API", simulator, sim -> { },
                Map.of("trtc.api.version", "v4", "trtc.secret.key", WRONG_KEY), "trtc.secret.key",
                "trtc.secret.key", "70009", "must belong to the same TRTC application"));
        cases.add(live("v4 endpoint of another region", simulator,
                sim -> sim.respondNext(ApiCodesV4.SDK_APP_ID_UNKNOWN, 1), Map.of("trtc.api.version", "v4"),
                "trtc.endpoint", "does not know application", "70016", "https://adminapiger.im.qcloud.com/"));
        cases.add(live("group calls without the group-call package", withoutGroupPackage, sim -> { },
                Map.of("call.types", "group"), "call.types", "call.types (group)", "group-call package", "50001"));
        return cases;
    }

    @Test
    void theBaseConfigurationIsValidWithAndWithoutTheConnectionCheck() throws Exception {
        Map<String, String> checked = base(simulator);
        checked.put("trtc.connection.check", "true");
        long requestsBefore = simulator.stats().totalRequests();

        assertThat(validate(base(simulator)).get("error_count").asInt()).isZero();
        assertThat(simulator.stats().totalRequests()).isEqualTo(requestsBefore);
        assertThat(validate(checked).get("error_count").asInt()).isZero();
        assertThat(simulator.stats().totalRequests()).isEqualTo(requestsBefore + 1);
    }

    @Test
    void theCatalogueHoldsAtLeastThirtyDistinctInvalidConfigurations() {
        List<Case> cases = invalidConfigurations();
        // The base differs only in its start time from call to call, so the changes and the target tell cases apart.
        Set<Map.Entry<Map<String, String>, URI>> distinct = new HashSet<>();
        cases.forEach(c -> distinct.add(Map.entry(c.overrides(), c.target().endpoint())));

        assertThat(distinct).hasSizeGreaterThanOrEqualTo(30).hasSize(cases.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigurations")
    void validateShowsTheProblemOnTheKeyItIsAbout(Case invalid) throws Exception {
        invalid.before().accept(invalid.target());

        JsonNode answer = validate(invalid.config());

        assertThat(answer.get("error_count").asInt()).as("error_count").isGreaterThanOrEqualTo(1);
        List<String> errors = errorsOf(answer, invalid.key());
        log.info("{} -> {}: {}", invalid.description(), invalid.key(), errors);
        assertThat(errors).as("errors of %s", invalid.key())
                .anySatisfy(message -> assertThat(message).contains(invalid.fragments()));
    }

    static Stream<Case> refusedAtCreation() {
        Map<String, Case> byDescription = new LinkedHashMap<>();
        invalidConfigurations().forEach(c -> byDescription.put(c.description(), c));
        return Stream.of("trtc.secret.key missing", "plain http to a non-loopback host", "wrong secret key")
                .map(byDescription::get);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAtCreation")
    void anInvalidConfigurationCreatesNoConnector(Case invalid) throws Exception {
        invalid.before().accept(invalid.target());

        HttpResponse<String> created = send("PUT", "connectors/" + NAME + "/config", invalid.config());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(created.body()).contains(invalid.key());
        HttpResponse<String> connectors = send("GET", "connectors", null);
        assertThat(connectors.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(connectors.body())).as("connectors after the refusal").isEmpty();
        assertThat(send("GET", "connectors/" + NAME + "/status", null).statusCode()).isEqualTo(404);
    }

    private static JsonNode validate(Map<String, String> config) throws Exception {
        HttpResponse<String> answer = send("PUT", VALIDATE, config);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** The errors the validation shows on {@code key}; fails when the answer does not list the key. */
    private static List<String> errorsOf(JsonNode answer, String key) {
        for (JsonNode config : answer.get("configs")) {
            JsonNode value = config.get("value");
            if (key.equals(value.get("name").asText())) {
                List<String> errors = new ArrayList<>();
                value.get("errors").forEach(error -> errors.add(error.asText()));
                return errors;
            }
        }
        throw new AssertionError("the validation does not list " + key + ": " + answer);
    }

    /** Every answer of the worker is checked for secret keys, the simulator's and the wrong one alike. */
    private static HttpResponse<String> send(String method, String resource, Map<String, String> body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connect.endpointForResource(resource)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        List<String> secrets = new ArrayList<>(List.of(SimulatorSettings.DEMO_SECRET_KEY, WRONG_KEY));
        for (TrtcSimulator sim : List.of(simulator, withoutGroupPackage)) {
            if (sim.lastUserSig() != null) {
                secrets.add(sim.lastUserSig());
            }
        }
        assertThat(response.body()).as("answer to %s %s", method, resource).doesNotContain(secrets);
        return response;
    }
}

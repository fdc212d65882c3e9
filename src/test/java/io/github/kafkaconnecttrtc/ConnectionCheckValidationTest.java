package io.github.kafkaconnecttrtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.kafkaconnecttrtc.client.ClientStats;
import io.github.kafkaconnecttrtc.client.DecodedUserSig;
import io.github.kafkaconnecttrtc.client.ErrorCodes;
import io.github.kafkaconnecttrtc.client.HttpTrtcRecordsClient;
import io.github.kafkaconnecttrtc.client.RecordsPage;
import io.github.kafkaconnecttrtc.client.RecordsQuery;
import io.github.kafkaconnecttrtc.client.TrtcRecordsClient;
import io.github.kafkaconnecttrtc.config.ConnectionCheck;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import io.github.kafkaconnecttrtc.simulator.ApiDialect;
import io.github.kafkaconnecttrtc.simulator.Fault;
import io.github.kafkaconnecttrtc.simulator.QuerySnapshot;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code trtc.connection.check}: the one request {@code validate()} makes, against the in-process simulator, and the
 * key each outcome is shown on.
 */
class ConnectionCheckValidationTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final String KEY = SimulatorSettings.DEMO_SECRET_KEY;
    private static final String WRONG_KEY = "0000000000ffffffffff1111111111eeeeeeeeee2222222222dddddddddd3333";

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private final List<TrtcSimulator> simulators = new ArrayList<>();
    private final AtomicInteger clientsMade = new AtomicInteger();
    private final AtomicInteger clientsClosed = new AtomicInteger();
    private Duration requestTimeout = ConnectionCheck.REQUEST_TIMEOUT;

    @AfterEach
    void stopSimulators() {
        simulators.forEach(TrtcSimulator::close);
    }

    private TrtcSimulator simulator(SimulatorSettings.Builder settings) {
        TrtcSimulator simulator = TrtcSimulator.start(settings.seed(5).historyDays(1).callsPerSecond(0.05).build(),
                clock);
        simulators.add(simulator);
        return simulator;
    }

    private TrtcSimulator simulator() {
        return simulator(SimulatorSettings.builder());
    }

    private static Map<String, String> props(String endpoint) {
        Map<String, String> props = new HashMap<>();
        props.put(TrtcSourceConfig.ENDPOINT_CONFIG, endpoint);
        props.put(TrtcSourceConfig.SDKAPPID_CONFIG, Long.toString(SimulatorSettings.DEFAULT_SDK_APP_ID));
        props.put(TrtcSourceConfig.SECRET_KEY_CONFIG, KEY);
        props.put(TrtcSourceConfig.TOPIC_CONFIG, "trtc.calls");
        props.put(TrtcSourceConfig.CONNECTION_CHECK_CONFIG, "true");
        return props;
    }

    private static Map<String, String> props(TrtcSimulator simulator) {
        return props(simulator.endpoint().toString());
    }

    /** The connector's validate() with a check whose clients are counted, and whose closing is. */
    private Map<String, ConfigValue> validate(Map<String, String> props) {
        ConnectionCheck check = new ConnectionCheck(clock, ConnectionCheck.CONNECT_TIMEOUT, requestTimeout,
                (access, policy) -> {
                    clientsMade.incrementAndGet();
                    return new ClosingCounted(new HttpTrtcRecordsClient(access, policy, clock));
                });
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        new TrtcSourceConnector(clock, check).validate(props).configValues()
                .forEach(value -> values.put(value.name(), value));
        return values;
    }

    private static Map<String, List<String>> errors(Map<String, ConfigValue> values) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!value.errorMessages().isEmpty()) {
                errors.put(name, value.errorMessages());
            }
        });
        return errors;
    }

    private static void assertNoSecretIn(Map<String, ConfigValue> values, TrtcSimulator simulator) {
        List<String> secrets = new ArrayList<>(List.of(KEY, WRONG_KEY));
        if (simulator != null && simulator.lastUserSig() != null) {
            secrets.add(simulator.lastUserSig());
        }
        assertThat(values.values()).allSatisfy(value -> {
            assertThat(value.errorMessages()).allSatisfy(message -> assertThat(message).doesNotContain(secrets)
                    .doesNotContainIgnoringCase("usersig="));
            assertThat(value.toString()).doesNotContain(secrets);
        });
    }

    private static String onlyError(Map<String, ConfigValue> values, String key) {
        assertThat(errors(values)).as("errors").containsOnlyKeys(key);
        return values.get(key).errorMessages().get(0);
    }

    @Test
    void acceptsCredentialsTheApiAcceptsWithOneRequestForOneRecordOfTheLastMinutes() {
        TrtcSimulator simulator = simulator();

        Map<String, ConfigValue> values = validate(props(simulator));

        assertThat(errors(values)).isEmpty();
        assertThat(simulator.stats().totalRequests()).isEqualTo(1);
        QuerySnapshot query = simulator.stats().queries().get(0);
        assertThat(query.numberPerPage()).isEqualTo(1);
        assertThat(query.page()).isEqualTo(1);
        assertThat(query.endTimestamp()).isEqualTo(NOW);
        assertThat(query.startTimestamp()).isBetween(NOW - Duration.ofMinutes(10).toSeconds(), NOW - 1);
        assertThat(clientsClosed).hasValue(1);
        assertNoSecretIn(values, simulator);
    }

    private static Map<String, String> v4Props(TrtcSimulator simulator) {
        Map<String, String> props = props(simulator);
        props.put(TrtcSourceConfig.API_VERSION_CONFIG, "v4");
        return props;
    }

    @Test
    void checksV4CredentialsOnTheV4Endpoint() {
        TrtcSimulator simulator = simulator();

        Map<String, ConfigValue> values = validate(v4Props(simulator));

        assertThat(errors(values)).isEmpty();
        assertThat(simulator.stats().answersByErrorCode(ApiDialect.V4)).containsOnlyKeys(0);
        assertThat(simulator.stats().answersByErrorCode(ApiDialect.V1)).isEmpty();
    }

    @Test
    void showsAWrongSecretKeyOnTheSecretKeyInV4() {
        TrtcSimulator simulator = simulator();
        Map<String, String> props = v4Props(simulator);
        props.put(TrtcSourceConfig.SECRET_KEY_CONFIG, WRONG_KEY);

        Map<String, ConfigValue> values = validate(props);

        assertThat(onlyError(values, TrtcSourceConfig.SECRET_KEY_CONFIG))
                .contains(TrtcSourceConfig.SECRET_KEY_CONFIG, "70009", "must belong to the same TRTC application");
        assertNoSecretIn(values, simulator);
    }

    static Stream<Arguments> v4Answers() {
        return Stream.of(
                Arguments.of(70016, TrtcSourceConfig.ENDPOINT_CONFIG, "https://adminapisgp.im.qcloud.com/ (Singapore)"),
                Arguments.of(70020, TrtcSourceConfig.ENDPOINT_CONFIG, "another region's"),
                Arguments.of(60010, TrtcSourceConfig.IDENTIFIER_CONFIG, "is not an administrator"),
                Arguments.of(70014, TrtcSourceConfig.SECRET_KEY_CONFIG, "must belong to the same TRTC application"),
                Arguments.of(60006, TrtcSourceConfig.SDKAPPID_CONFIG, "check it against the console"),
                Arguments.of(60021, TrtcSourceConfig.SDKAPPID_CONFIG, "egress addresses"),
                Arguments.of(70001, TrtcSourceConfig.CONNECTION_CHECK_CONFIG, "the worker's clock is behind"),
                Arguments.of(60018, TrtcSourceConfig.CONNECTION_CHECK_CONFIG, "validate again in a moment"),
                Arguments.of(101001, TrtcSourceConfig.ENDPOINT_CONFIG, "an internal error or a code the v4 records API"));
    }

    /** Read through v4's table: 70001 there is an expired UserSig, which v1 would show as a refused query. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("v4Answers")
    void showsEachV4AnswerOnTheKeyItPointsAt(int code, String key, String fragment) {
        TrtcSimulator simulator = simulator();
        // Twice: an expired UserSig is renewed and asked again once.
        simulator.respondNext(code, 2);

        Map<String, ConfigValue> values = validate(v4Props(simulator));

        assertThat(onlyError(values, key)).contains(key, "(errorCode " + code + ")", fragment);
        assertNoSecretIn(values, simulator);
    }

    @Test
    void treatsAnAnswerWithoutRecordsAsSuccess() {
        TrtcSimulator simulator = simulator();
        simulator.respondNext(ErrorCodes.NO_RECORDS, 1);

        Map<String, ConfigValue> values = validate(props(simulator));

        assertThat(errors(values)).isEmpty();
        assertThat(simulator.stats().answersByErrorCode()).containsEntry(ErrorCodes.NO_RECORDS, 1L);
    }

    @Test
    void showsAWrongSecretKeyOnTheSecretKeyWithoutShowingTheKeyOrTheUserSig() {
        TrtcSimulator simulator = simulator();
        Map<String, String> props = props(simulator);
        props.put(TrtcSourceConfig.SECRET_KEY_CONFIG, WRONG_KEY);

        Map<String, ConfigValue> values = validate(props);

        assertThat(onlyError(values, TrtcSourceConfig.SECRET_KEY_CONFIG))
                .contains(TrtcSourceConfig.SECRET_KEY_CONFIG, "70002", "must belong to the same TRTC application",
                        TrtcSourceConfig.SDKAPPID_CONFIG, TrtcSourceConfig.IDENTIFIER_CONFIG);
        assertThat(simulator.stats().totalRequests()).isEqualTo(1);
        assertThat(simulator.lastUserSig()).isNotBlank();
        assertNoSecretIn(values, simulator);
        assertThat(clientsClosed).hasValue(1);
    }

    @Test
    void showsAnIdentifierThatIsNoAdministratorOnTheIdentifier() {
        TrtcSimulator simulator = simulator();
        Map<String, String> props = props(simulator);
        props.put(TrtcSourceConfig.IDENTIFIER_CONFIG, "user3013");

        Map<String, ConfigValue> values = validate(props);

        assertThat(onlyError(values, TrtcSourceConfig.IDENTIFIER_CONFIG))
                .contains(TrtcSourceConfig.IDENTIFIER_CONFIG, "'user3013' is not an administrator", "70004");
        assertNoSecretIn(values, simulator);
    }

    @Test
    void showsARequestTheApiCouldNotParseOnTheSdkAppId() {
        TrtcSimulator simulator = simulator();
        simulator.respondNext(ErrorCodes.BODY_NOT_PARSED, 1);

        Map<String, ConfigValue> values = validate(props(simulator));

        assertThat(onlyError(values, TrtcSourceConfig.SDKAPPID_CONFIG))
                .contains(TrtcSourceConfig.SDKAPPID_CONFIG, "70009", "expected the SDKAppID");
        assertNoSecretIn(values, simulator);
    }

    @Test
    void showsAMissingGroupCallPackageOnTheCallTypesWhenOnlyGroupCallsAreRead() {
        TrtcSimulator simulator = simulator(SimulatorSettings.builder().groupPackage(false));
        Map<String, String> props = props(simulator);
        props.put(TrtcSourceConfig.CALL_TYPES_CONFIG, "group");

        Map<String, ConfigValue> values = validate(props);

        assertThat(onlyError(values, TrtcSourceConfig.CALL_TYPES_CONFIG))
                .contains(TrtcSourceConfig.CALL_TYPES_CONFIG, "group-call package", "50001",
                        TrtcSourceConfig.CALL_TYPES_CONFIG + "=single");
        assertNoSecretIn(values, simulator);
    }

    @Test
    void acceptsAnApplicationWithoutTheGroupCallPackageWhenBothTypesAreRead() {
        TrtcSimulator simulator = simulator(SimulatorSettings.builder().groupPackage(false));

        assertThat(errors(validate(props(simulator)))).isEmpty();
        assertThat(simulator.stats().totalRequests()).isEqualTo(1);
    }

    @Test
    void showsAClosedPortOnTheEndpointAsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Map<String, ConfigValue> values = validate(props("http://127.0.0.1:" + closedPort + "/"));

        assertThat(onlyError(values, TrtcSourceConfig.ENDPOINT_CONFIG))
                .contains(TrtcSourceConfig.ENDPOINT_CONFIG + ": could not reach 127.0.0.1:" + closedPort
                        + ": connection refused");
        assertThat(clientsMade).hasValue(1);
        assertThat(clientsClosed).hasValue(1);
        assertNoSecretIn(values, null);
    }

    @Test
    void showsAFailedTlsHandshakeOnTheEndpoint() throws Exception {
        try (ServerSocket plainHttp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // A server that speaks plain HTTP where https was configured: it answers the TLS hello with text.
            Thread server = new Thread(() -> {
                try (Socket socket = plainHttp.accept()) {
                    String answer = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
                    socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // The client gave up first; the assertion below says what it saw.
                }
            }, "plain-http-server");
            server.setDaemon(true);
            server.start();
            int port = plainHttp.getLocalPort();

            Map<String, ConfigValue> values = validate(props("https://127.0.0.1:" + port + "/"));

            assertThat(onlyError(values, TrtcSourceConfig.ENDPOINT_CONFIG))
                    .contains(TrtcSourceConfig.ENDPOINT_CONFIG + ": could not reach 127.0.0.1:" + port
                            + ": TLS failure");
            assertNoSecretIn(values, null);
            server.join(Duration.ofSeconds(10).toMillis());
        }
    }

    @Test
    void showsAHostThatDoesNotAnswerInTimeOnTheEndpoint() {
        TrtcSimulator simulator = simulator();
        simulator.faults().setSlowAnswerDelay(Duration.ofSeconds(3));
        simulator.faults().injectNext(Fault.SLOW, 1);
        requestTimeout = Duration.ofMillis(300);

        Map<String, ConfigValue> values = validate(props(simulator));

        assertThat(onlyError(values, TrtcSourceConfig.ENDPOINT_CONFIG))
                .contains("could not reach 127.0.0.1:" + simulator.endpoint().getPort(), "no answer in time");
        assertThat(simulator.stats().totalRequests()).isEqualTo(1);
    }

    @Test
    void showsARateLimitOnTheCheckItselfWithoutTryingAgain() {
        TrtcSimulator simulator = simulator();
        simulator.respondNext(ErrorCodes.RATE_LIMITED, 3);

        Map<String, ConfigValue> values = validate(props(simulator));

        assertThat(onlyError(values, TrtcSourceConfig.CONNECTION_CHECK_CONFIG))
                .contains(TrtcSourceConfig.CONNECTION_CHECK_CONFIG, "limiting the requests", "70005",
                        "validate again in a moment");
        assertThat(simulator.stats().totalRequests()).isEqualTo(1);
        assertNoSecretIn(values, simulator);
    }

    @Test
    void showsAUserSigExpiredAtOnceAsAClockBehind() {
        TrtcSimulator simulator = simulator();
        simulator.respondNext(ErrorCodes.USERSIG_EXPIRED, 2);

        assertThat(onlyError(validate(props(simulator)), TrtcSourceConfig.CONNECTION_CHECK_CONFIG))
                .contains("70003", "the worker's clock is behind");
    }

    @Test
    void showsAnInvalidParametersAnswerOnTheEndpoint() {
        TrtcSimulator simulator = simulator();
        simulator.respondNext(ErrorCodes.INVALID_PARAMETERS, 1);

        Map<String, ConfigValue> values = validate(props(simulator));

        assertThat(onlyError(values, TrtcSourceConfig.ENDPOINT_CONFIG))
                .contains(TrtcSourceConfig.ENDPOINT_CONFIG, "refused the check's query as invalid (errorCode 70001)");
    }

    @Test
    void showsACodeTheApiDoesNotDocumentOnTheEndpoint() {
        TrtcSimulator simulator = simulator();
        simulator.respondNext(90001, 1);

        assertThat(onlyError(validate(props(simulator)), TrtcSourceConfig.ENDPOINT_CONFIG))
                .contains("an internal error or a code the v1 records API does not document (errorCode 90001)");
    }

    @Test
    void showsAGatewayErrorOrAPathThatIsNotTheApiOnTheEndpointByItsStatus() {
        TrtcSimulator simulator = simulator();
        simulator.faults().injectNext(Fault.GATEWAY_502, 1);

        assertThat(onlyError(validate(props(simulator)), TrtcSourceConfig.ENDPOINT_CONFIG))
                .contains("answered HTTP status 502, a gateway or server error");
        assertThat(onlyError(validate(props(simulator.endpoint() + "not-the-api/")), TrtcSourceConfig.ENDPOINT_CONFIG))
                .contains("answered HTTP status 404, which the records API does not answer");
    }

    @Test
    void showsAnAnswerThatIsNotJsonOnTheEndpoint() {
        TrtcSimulator simulator = simulator();
        simulator.faults().injectNext(Fault.MALFORMED_JSON, 1);

        assertThat(onlyError(validate(props(simulator)), TrtcSourceConfig.ENDPOINT_CONFIG))
                .contains(TrtcSourceConfig.ENDPOINT_CONFIG, "answered something that is not a records API answer");
        assertThat(simulator.stats().totalRequests()).isEqualTo(1);
    }

    @Test
    void signsTheCheckWithAUserSigOfMinutesNotOfADay() {
        TrtcSimulator simulator = simulator();
        Map<String, ConfigValue> values = new LinkedHashMap<>();

        new TrtcSourceConnector(clock).validate(props(simulator)).configValues()
                .forEach(value -> values.put(value.name(), value));

        assertThat(errors(values)).isEmpty();
        DecodedUserSig sent = DecodedUserSig.decode(simulator.lastUserSig());
        assertThat(sent.time()).isEqualTo(NOW);
        assertThat(Duration.ofSeconds(sent.expireSeconds())).isEqualTo(ConnectionCheck.USERSIG_TTL)
                .isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesToSendTheUserSigOverPlainHttpToAnotherHostEvenWhereTheTasksMay() {
        Map<String, String> props = props("http://10.0.0.1:8080/");
        props.put(TrtcSourceConfig.ALLOW_PLAIN_HTTP_CONFIG, "true");

        Map<String, ConfigValue> values = validate(props);

        assertThat(onlyError(values, TrtcSourceConfig.CONNECTION_CHECK_CONFIG))
                .contains("only over https or to a loopback address", "10.0.0.1:8080",
                        TrtcSourceConfig.CONNECTION_CHECK_CONFIG + "=false");
        assertThat(clientsMade).hasValue(0);
    }

    @Test
    void stillChecksOverPlainHttpToALoopbackAddress() {
        TrtcSimulator simulator = simulator();
        assertThat(simulator.endpoint().getScheme()).isEqualTo("http");

        assertThat(errors(validate(props(simulator)))).isEmpty();
        assertThat(simulator.stats().totalRequests()).isEqualTo(1);
    }

    @Test
    void neverQuotesWhatTheHostAnsweredWhateverItSent() throws IOException {
        String marker = "INTERNAL-" + "db-password=hunter2";
        List<Answer> answers = List.of(
                new Answer(200, "text/html; " + marker, "<html>" + marker + "</html>"),
                new Answer(200, "application/json", "{\"errorCode\": 91234, \"errorMessage\": \"" + marker
                        + "\", \"requestId\": \"" + marker + "\"}"),
                new Answer(200, "application/json", "{\"errorCode\": 70001, \"errorMessage\": \"" + marker
                        + "\", \"requestId\": \"" + marker + "\"}"),
                new Answer(200, "application/json", "{\"" + marker + "\": 1}"),
                new Answer(404, "text/plain; " + marker, marker),
                new Answer(503, marker, marker));
        for (Answer answer : answers) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                Map<String, ConfigValue> values = validate(props("http://127.0.0.1:"
                        + server.getAddress().getPort() + "/"));

                assertThat(errors(values)).as("errors for %s", answer).hasSize(1);
                assertThat(errors(values).toString()).as("errors for %s", answer).doesNotContain(marker)
                        .doesNotContain("hunter2");
            } finally {
                server.stop(0);
            }
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    @Test
    void makesNoRequestWhenTheCheckIsOffOrNotGiven() {
        TrtcSimulator simulator = simulator();
        Map<String, String> off = props(simulator);
        off.put(TrtcSourceConfig.CONNECTION_CHECK_CONFIG, "false");
        off.put(TrtcSourceConfig.SECRET_KEY_CONFIG, WRONG_KEY);
        Map<String, String> absent = new HashMap<>(off);
        absent.remove(TrtcSourceConfig.CONNECTION_CHECK_CONFIG);

        assertThat(errors(validate(off))).isEmpty();
        assertThat(errors(validate(absent))).isEmpty();
        assertThat(clientsMade).hasValue(0);
        assertThat(simulator.stats().totalRequests()).isZero();
    }

    @Test
    void makesNoRequestWhenAConnectionKeyAlreadyHasAnError() {
        TrtcSimulator simulator = simulator();
        Map<String, String> missingKey = props(simulator);
        missingKey.remove(TrtcSourceConfig.SECRET_KEY_CONFIG);
        Map<String, String> badIdentifier = props(simulator);
        badIdentifier.put(TrtcSourceConfig.IDENTIFIER_CONFIG, " ");
        Map<String, String> plainHttpElsewhere = props("http://10.0.0.1:8080/");
        Map<String, String> badSwitch = props(simulator);
        badSwitch.put(TrtcSourceConfig.CONNECTION_CHECK_CONFIG, "yes please");

        assertThat(errors(validate(missingKey))).containsOnlyKeys(TrtcSourceConfig.SECRET_KEY_CONFIG);
        assertThat(errors(validate(badIdentifier))).containsOnlyKeys(TrtcSourceConfig.IDENTIFIER_CONFIG);
        assertThat(errors(validate(plainHttpElsewhere))).containsOnlyKeys(TrtcSourceConfig.ENDPOINT_CONFIG);
        assertThat(errors(validate(badSwitch))).containsOnlyKeys(TrtcSourceConfig.CONNECTION_CHECK_CONFIG);
        assertThat(clientsMade).hasValue(0);
        assertThat(simulator.stats().totalRequests()).isZero();
    }

    @Test
    void stillChecksTheConnectionWhenOnlyOtherKeysHaveErrors() {
        TrtcSimulator simulator = simulator();
        Map<String, String> props = props(simulator);
        props.put(TrtcSourceConfig.PAGE_SIZE_CONFIG, "0");
        props.put(TrtcSourceConfig.IDENTIFIER_CONFIG, "nobody");

        Map<String, ConfigValue> values = validate(props);

        assertThat(errors(values)).containsOnlyKeys(TrtcSourceConfig.PAGE_SIZE_CONFIG,
                TrtcSourceConfig.IDENTIFIER_CONFIG);
        assertThat(simulator.stats().totalRequests()).isEqualTo(1);
    }

    /** Counts closes, so that the tests see the check release its client. */
    private final class ClosingCounted implements TrtcRecordsClient {

        private final TrtcRecordsClient delegate;

        ClosingCounted(TrtcRecordsClient delegate) {
            this.delegate = Objects.requireNonNull(delegate);
        }

        @Override
        public RecordsPage fetchPage(RecordsQuery query, int page) {
            return delegate.fetchPage(query, page);
        }

        @Override
        public ClientStats stats() {
            return delegate.stats();
        }

        @Override
        public void close() {
            clientsClosed.incrementAndGet();
            delegate.close();
        }
    }
}

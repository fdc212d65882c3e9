package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls one of the simulator's records endpoints the way the connector does, with a fresh valid
 * UserSig unless a test overrides the query parameters, and reads its answers in that endpoint's
 * dialect.
 */
final class ApiCaller {

    static final long USERSIG_LIFETIME = 86_400;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrtcSimulator simulator;
    private final MutableClock clock;
    private final ApiDialect dialect;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** A caller of the v1 endpoint. */
    ApiCaller(TrtcSimulator simulator, MutableClock clock) {
        this(simulator, clock, ApiDialect.V1);
    }

    ApiCaller(TrtcSimulator simulator, MutableClock clock, ApiDialect dialect) {
        this.simulator = simulator;
        this.clock = clock;
        this.dialect = dialect;
    }

    /** The endpoint's path relative to the simulator's root. */
    String path() {
        return dialect.path().substring(1);
    }

    /**
     * The parameters the connector sends, as the default administrator with a UserSig valid from
     * now; a mutable copy.
     */
    Map<String, String> validParameters() {
        SimulatorSettings settings = simulator.settings();
        String identifier = SimulatorSettings.DEFAULT_ADMINISTRATOR;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sdkappid", Long.toString(settings.sdkAppId()));
        parameters.put("identifier", identifier);
        parameters.put("usersig", UserSigs.sign(settings.secretKey(), settings.sdkAppId(), identifier,
                clock.epochSecond(), USERSIG_LIFETIME));
        parameters.put("random", "12345");
        parameters.put("contenttype", "json");
        return parameters;
    }

    Answer post(String body) {
        return post(validParameters(), body);
    }

    Answer post(Query query) {
        return post(query.json(dialect));
    }

    Answer post(Map<String, String> parameters, String body) {
        return send(request(parameters, body).build());
    }

    HttpRequest.Builder request(Map<String, String> parameters, String body) {
        return HttpRequest.newBuilder(recordsUri(parameters))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    URI recordsUri(Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return simulator.endpoint().resolve(path() + "?" + query);
    }

    /** The body of the answer to {@code body} as the bytes sent, for answers that are not UTF-8. */
    byte[] postForBytes(String body) {
        try {
            return http.send(request(validParameters(), body).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer to {@code body} as a stream, for answers too long to hold. */
    HttpResponse<InputStream> postForStream(String body) throws IOException, InterruptedException {
        return http.send(request(validParameters(), body).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<String> sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = sendRaw(request);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), dialect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * That {@code answer} is an error with {@code errorCode} in its dialect's envelope: a message,
     * a request id, no data, and in v4 {@code ActionStatus} FAIL.
     */
    static void assertError(Answer answer, int errorCode) {
        JsonNode json = answer.json();
        assertThat(answer.errorCode()).as(answer.body()).isEqualTo(errorCode);
        assertThat(answer.message()).isNotBlank();
        assertThat(answer.requestId()).matches("[0-9a-f]{32}");
        assertThat(answer.hasData()).isFalse();
        if (answer.dialect() == ApiDialect.V4) {
            assertThat(json.get("ActionStatus").asText()).isEqualTo("FAIL");
        }
    }

    /** An HTTP answer of one endpoint; {@link #json()} parses the body, the rest read it in the endpoint's names. */
    record Answer(int status, String contentType, String body, ApiDialect dialect) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private boolean v1() {
            return dialect == ApiDialect.V1;
        }

        int errorCode() {
            return json().get(v1() ? "errorCode" : "ErrorCode").asInt();
        }

        String message() {
            return json().get(v1() ? "errorMessage" : "ErrorInfo").asText();
        }

        String requestId() {
            return json().get(v1() ? "requestId" : "RequestId").asText();
        }

        boolean hasData() {
            return json().has(v1() ? "data" : "Response");
        }

        /** The data's {@code totalNum} or {@code TotalNum}, as sent. */
        JsonNode totalNum() {
            return json().at(v1() ? "/data/totalNum" : "/Response/TotalNum");
        }

        int page() {
            return json().at(v1() ? "/data/page" : "/Response/Page").asInt();
        }

        /** The records as sent; a missing node when there is no data. */
        JsonNode records() {
            return json().at(v1() ? "/data/callRecordList" : "/Response/CallRecordList");
        }

        List<String> callIds() {
            List<String> ids = new ArrayList<>();
            records().forEach(record -> ids.add(record.get(v1() ? "callId" : "CallId").asText()));
            return ids;
        }
    }
}

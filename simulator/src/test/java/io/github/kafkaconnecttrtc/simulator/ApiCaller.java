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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls the simulator's records endpoint the way the connector does, with a fresh valid UserSig
 * unless a test overrides the query parameters.
 */
final class ApiCaller {

    static final String PATH = "v1/records/get_records_by_filter";
    static final long USERSIG_LIFETIME = 86_400;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrtcSimulator simulator;
    private final MutableClock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    ApiCaller(TrtcSimulator simulator, MutableClock clock) {
        this.simulator = simulator;
        this.clock = clock;
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
        return simulator.endpoint().resolve(PATH + "?" + query);
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
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int errorCode() {
            return json().get("errorCode").asInt();
        }
    }
}

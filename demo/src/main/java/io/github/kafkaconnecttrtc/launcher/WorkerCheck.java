package io.github.kafkaconnecttrtc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Whether the server at {@code base} is a Kafka Connect worker of the expected Kafka cluster:
 * {@code GET /} must answer JSON with {@code version}, {@code commit} and, when the launcher
 * started the broker, that broker's {@code kafka_cluster_id}.
 */
public final class WorkerCheck implements IdentityCheck {

    static final String EXPECTED = "the Kafka Connect worker";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI root;
    private final int port;
    private final String clusterId;
    private final Duration timeout;

    /**
     * @param clusterId the Kafka cluster the worker must belong to, or null for any
     */
    public WorkerCheck(URI base, String clusterId, Duration timeout) {
        String text = base.toString();
        this.root = URI.create(text.endsWith("/") ? text : text + "/");
        this.port = RegistryCheck.port(base);
        this.clusterId = clusterId;
        this.timeout = timeout;
    }

    @Override
    public Readiness check() {
        HttpAsk.Result result = HttpAsk.get(root, port, EXPECTED, timeout);
        if (result.failure() != null) {
            return result.failure();
        }
        HttpAsk.Answer answer = result.answer();
        if (answer.status() != 200) {
            return answer.status() >= 500
                    ? Readiness.starting("port " + port + ": / " + answer.summary())
                    : Readiness.wrongService(port, EXPECTED, "/ " + answer.summary());
        }
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.path("version").isTextual() || !json.path("commit").isTextual()) {
            return Readiness.wrongService(port, EXPECTED, "/ " + answer.summary());
        }
        String found = json.path("kafka_cluster_id").asText("");
        if (clusterId != null && !clusterId.equals(found)) {
            return Readiness.wrongService(port, EXPECTED, "a Connect worker of Kafka cluster "
                    + (found.isEmpty() ? "(none)" : found) + ", not of this run's broker (cluster " + clusterId + ")");
        }
        return Readiness.ready("Kafka Connect " + json.path("version").asText() + ", cluster " + found);
    }
}

package io.github.kafkaconnecttrtc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The few calls of the Connect REST API that the demo makes. */
public final class ConnectRest {

    /** A non-2xx answer. */
    static final class ConnectRestException extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        ConnectRestException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    public ConnectRest(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    URI base() {
        return base;
    }

    public JsonNode connectorPlugins() throws IOException, InterruptedException {
        return send("GET", "connector-plugins?connectorsOnly=true", null);
    }

    /**
     * Creates or updates the connector. A worker that has just started answers 409 until it has
     * joined its group, and a rebalance may answer 500 for a moment: those are retried until
     * {@code patience} runs out.
     */
    public JsonNode putConfig(String name, Map<String, String> config, Duration patience)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return send("PUT", "connectors/" + encode(name) + "/config", JSON.writeValueAsString(config));
            } catch (ConnectRestException e) {
                if (e.status != 409 && e.status < 500 || System.nanoTime() > deadline) {
                    throw e;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(250);
        }
    }

    /** Resumes a connector that an earlier run stopped; a running one stays as it is. */
    void resume(String name) throws IOException, InterruptedException {
        send("PUT", "connectors/" + encode(name) + "/resume", null);
    }

    /** Stops the connector's tasks, keeping its configuration and offsets (KIP-875). */
    public void stop(String name) throws IOException, InterruptedException {
        send("PUT", "connectors/" + encode(name) + "/stop", null);
    }

    public JsonNode status(String name) throws IOException, InterruptedException {
        return send("GET", "connectors/" + encode(name) + "/status", null);
    }

    /**
     * {@code GET /connectors/<name>/offsets}: one entry per source partition, i.e. per slice.
     *
     * <p>Connect 4.1 answers 500 now and then while tasks write offsets: it copies the set of
     * partitions while its offset reader adds to it (a ConcurrentModificationException in
     * ConnectorOffsetBackingStore.connectorPartitions, seen by the benchmark). The same request a
     * moment later succeeds, so a 500 is asked again, twice at most.
     */
    public JsonNode offsets(String name) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return send("GET", "connectors/" + encode(name) + "/offsets", null);
            } catch (ConnectRestException e) {
                if (e.status != 500 || attempt == 3) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new ConnectRestException(answer.statusCode(),
                    method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        String text = answer.body();
        return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

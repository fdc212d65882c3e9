package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One GET of an HTTP identity check, and what a failure to get an answer means for readiness. */
final class HttpAsk {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * An HTTP answer.
     *
     * @param server the Server header, or ""
     */
    record Answer(int status, String body, String server) {
        /** "404 from Jetty(9.4): '{"error_code":404...'" for messages. */
        String summary() {
            return "GET answered " + status + (server.isEmpty() ? "" : " (Server: " + server + ")")
                    + (body.isBlank() ? "" : ": '" + Net.printable(body, 80) + "'");
        }
    }

    /**
     * What a GET brought: an answer, or instead the readiness that the failure to get one means.
     */
    record Result(Answer answer, Readiness failure) {
    }

    private HttpAsk() {
    }

    /**
     * GETs {@code uri}, {@code expected} naming the server for messages.
     *
     * @param port the port {@code uri} points at, for messages
     */
    static Result get(URI uri, int port, String expected, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Result(new Answer(response.statusCode(), response.body() == null ? "" : response.body(),
                    response.headers().firstValue("Server").orElse("")), null);
        } catch (HttpConnectTimeoutException e) {
            return new Result(null, Readiness.starting("port " + port + " did not accept a connection within 1 s"));
        } catch (ConnectException e) {
            return new Result(null, Readiness.notListening(port));
        } catch (HttpTimeoutException e) {
            return new Result(null, Readiness.starting("port " + port + " accepts connections but gave no HTTP "
                    + "answer within " + timeout.toMillis() + " ms"));
        } catch (IOException e) {
            // Not HTTP: a Kafka broker, for one, closes the connection.
            Net.PortAnswer answer = Net.whatAnswers(uri.getHost(), port);
            return new Result(null, answer.kind() == Net.PortAnswer.Kind.NOTHING ? Readiness.notListening(port)
                    : Readiness.wrongService(port, expected, "not HTTP (" + e.getClass().getSimpleName() + "); "
                            + answer.text()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, Readiness.starting("interrupted while asking port " + port));
        }
    }
}

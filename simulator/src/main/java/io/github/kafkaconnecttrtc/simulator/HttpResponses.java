package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes the simulator's HTTP answers: JSON, nginx-style HTML error pages, and broken bodies. */
final class HttpResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String HTML_TYPE = "text/html";

    private static final Map<Integer, String> REASONS = Map.of(
            404, "Not Found",
            500, "Internal Server Error",
            502, "Bad Gateway",
            503, "Service Temporarily Unavailable",
            504, "Gateway Time-out");

    private HttpResponses() {
    }

    static byte[] toBytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a JSON tree", e);
        }
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, JSON_TYPE, toBytes(body));
    }

    /** HTTP 200 with a JSON answer cut in half: missing its closing braces, it cannot parse. */
    static void malformedJson(HttpExchange exchange, JsonNode body) throws IOException {
        byte[] whole = toBytes(body);
        byte[] half = new byte[whole.length / 2];
        System.arraycopy(whole, 0, half, 0, half.length);
        send(exchange, 200, JSON_TYPE, half);
    }

    /**
     * Announces the full length of the JSON answer but sends only its first half, then closes
     * the connection, as when an upstream connection breaks mid-answer.
     */
    static void truncatedJson(HttpExchange exchange, JsonNode body) throws IOException {
        byte[] whole = toBytes(body);
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        // Without this the server would keep the connection for the bytes still owed.
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(200, whole.length);
        OutputStream out = exchange.getResponseBody();
        out.write(whole, 0, whole.length / 2);
        out.flush();
    }

    /** An HTML error page in the style of nginx, the way gateways answer. */
    static void htmlError(HttpExchange exchange, int status) throws IOException {
        String title = status + " " + REASONS.getOrDefault(status, "Error");
        String page = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        send(exchange, status, HTML_TYPE, page.getBytes(StandardCharsets.US_ASCII));
    }

    /** A 500 page for a simulator bug, unless the answer had already begun. */
    static void tryInternalError(HttpExchange exchange) {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        try {
            htmlError(exchange, 500);
        } catch (IOException e) {
            // The client is gone; there is no one left to tell.
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

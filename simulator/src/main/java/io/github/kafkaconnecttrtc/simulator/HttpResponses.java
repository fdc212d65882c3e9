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

    /**
     * The most an endless body sends when the client never hangs up: far beyond any sane answer
     * (a page of 100 records is about 50 KB), yet it bounds what one request costs the simulator.
     */
    static final long ENDLESS_BODY_LIMIT = 256L * 1024 * 1024;

    /** What the endless body repeats: a few kilobytes of list elements per write. */
    private static final byte[] ENDLESS_CHUNK = ",0".repeat(4096).getBytes(StandardCharsets.US_ASCII);

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
        json(exchange, status, toBytes(body));
    }

    static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
        send(exchange, status, JSON_TYPE, body);
    }

    /** HTTP 200 with a JSON answer cut in half: missing its closing braces, it cannot parse. */
    static void malformedJson(HttpExchange exchange, byte[] whole) throws IOException {
        byte[] half = new byte[whole.length / 2];
        System.arraycopy(whole, 0, half, 0, half.length);
        send(exchange, 200, JSON_TYPE, half);
    }

    /**
     * Announces the full length of the JSON answer but sends only its first half, then closes
     * the connection, as when an upstream connection breaks mid-answer.
     */
    static void truncatedJson(HttpExchange exchange, byte[] whole) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        // Without this the server would keep the connection for the bytes still owed.
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(200, whole.length);
        OutputStream out = exchange.getResponseBody();
        out.write(whole, 0, whole.length / 2);
        out.flush();
    }

    /**
     * HTTP 200, chunked, with the JSON answer {@code whole} without its closing brace, then a
     * field {@code "more"} whose list of zeros never ends: it stops only when the client hangs up
     * (the write fails) or after {@link #ENDLESS_BODY_LIMIT} bytes, and is never valid JSON.
     */
    static void endlessJson(HttpExchange exchange, byte[] whole) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        // The body ends by a broken-off connection, never by a last chunk a client could wait for.
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(whole, 0, whole.length - 1);
        byte[] opening = ",\"more\":[0".getBytes(StandardCharsets.US_ASCII);
        out.write(opening);
        long sent = whole.length - 1 + opening.length;
        while (sent + ENDLESS_CHUNK.length <= ENDLESS_BODY_LIMIT) {
            out.write(ENDLESS_CHUNK);
            sent += ENDLESS_CHUNK.length;
        }
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

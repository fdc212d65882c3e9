package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A records request as it arrived: the URL's query parameters and the body, if the body is a
 * JSON object.
 *
 * @param parameters query parameters, URL-decoded; the first of repeated names wins
 * @param body the body when it is a JSON object; empty for an empty body, invalid JSON or any
 *     other JSON value
 */
record ApiRequest(Map<String, String> parameters, Optional<ObjectNode> body) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    ApiRequest {
        parameters = Map.copyOf(parameters);
    }

    static ApiRequest of(String rawQuery, byte[] body) {
        return new ApiRequest(parameters(rawQuery), jsonObject(body));
    }

    /** The query parameter {@code name}, or {@code null} when absent. */
    String parameter(String name) {
        return parameters.get(name);
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A broken %-escape: keep the text as sent and let the checks refuse the value.
            return text;
        }
    }

    private static Optional<ObjectNode> jsonObject(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The paging fields of one request's body, as sent, so that tests can see what the client asked
 * for and how often. A field is {@code null} when it was absent or not an integer, or when the
 * body was not a JSON object.
 */
public record QuerySnapshot(Long startTimestamp, Long endTimestamp, Long page, Long numberPerPage) {

    static QuerySnapshot of(ApiRequest request) {
        return request.body()
                .map(body -> new QuerySnapshot(
                        integer(body, "startTimestamp"),
                        integer(body, "endTimestamp"),
                        integer(body, "page"),
                        integer(body, "numberPerPage")))
                .orElse(new QuerySnapshot(null, null, null, null));
    }

    private static Long integer(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
    }
}

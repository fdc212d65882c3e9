package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The paging fields of one request's body, as sent, so that tests can see what the client asked
 * for and how often. A v4 request's fields are given in the same terms: {@code StartTime} as the
 * start, {@code EndTime} as the end, {@code Page} and {@code NumberPerPage}. A field is {@code
 * null} when it was absent or not an integer, or when the body was not a JSON object.
 */
public record QuerySnapshot(Long startTimestamp, Long endTimestamp, Long page, Long numberPerPage) {

    static QuerySnapshot of(ApiRequest request, ApiDialect dialect) {
        boolean v1 = dialect == ApiDialect.V1;
        return request.body()
                .map(body -> new QuerySnapshot(
                        integer(body, v1 ? "startTimestamp" : "StartTime"),
                        integer(body, v1 ? "endTimestamp" : "EndTime"),
                        integer(body, v1 ? "page" : "Page"),
                        integer(body, v1 ? "numberPerPage" : "NumberPerPage")))
                .orElse(new QuerySnapshot(null, null, null, null));
    }

    private static Long integer(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
    }
}

package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The checks that both endpoints make of a request alike: the body is one JSON object, {@code
 * random} and {@code contenttype} are valid, and fields have their types. Each endpoint answers a
 * failed check with its own code.
 *
 * <p>An explicit JSON {@code null} counts as an absent field, as it does for a server that
 * decodes into typed fields with defaults.
 */
final class BodyFields {

    private static final long MAX_RANDOM = 4_294_967_295L;

    private BodyFields() {
    }

    /** The body, which must be one JSON object. */
    static ObjectNode object(ApiRequest request) throws RequestRejected {
        return request.body().orElseThrow(() -> new RequestRejected(Refusal.BODY_NOT_OBJECT,
                "it must be a JSON object"));
    }

    static void checkTransportParameters(ApiRequest request) throws RequestRejected {
        String random = request.parameter("random");
        if (random == null || !isUnsigned32(random)) {
            throw invalid("random must be an unsigned 32-bit integer");
        }
        if (!"json".equals(request.parameter("contenttype"))) {
            throw invalid("contenttype must be json");
        }
    }

    static Long optionalInteger(ObjectNode body, String field) throws RequestRejected {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid(field + " must be an integer");
        }
        return node.longValue();
    }

    static String optionalText(ObjectNode body, String field) throws RequestRejected {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return node.textValue();
    }

    static RequestRejected invalid(String detail) {
        return new RequestRejected(Refusal.INVALID_PARAMETERS, detail);
    }

    private static boolean isUnsigned32(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Long.parseLong(text) <= MAX_RANDOM;
    }
}

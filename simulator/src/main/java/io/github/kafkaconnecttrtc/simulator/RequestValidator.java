package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body and parameter checks of the records endpoint (70009 and 70001), in the order the
 * model applies them after the UserSig check.
 *
 * <p>An explicit JSON {@code null} counts as an absent field, as it does for a server that
 * decodes into typed fields with defaults.
 */
final class RequestValidator {

    static final int MAX_NUMBER_PER_PAGE = 100;
    static final long HORIZON_SECONDS = 7 * 86_400L;

    private static final long MAX_RANDOM = 4_294_967_295L;

    private RequestValidator() {
    }

    /** The valid query in {@code request}, as seen at {@code nowSeconds}. */
    static RecordQuery validate(ApiRequest request, long nowSeconds) throws RequestRejected {
        ObjectNode body = request.body().orElseThrow(() -> new RequestRejected(ApiCodes.BODY_NOT_PARSED,
                "Failed to parse the request body: it must be a JSON object"));
        checkTransportParameters(request);
        long startTimestamp = requiredInteger(body, "startTimestamp");
        if (startTimestamp < nowSeconds - HORIZON_SECONDS) {
            throw invalid("startTimestamp is more than 7 days in the past; only the past 7 days can be queried");
        }
        Long endTimestamp = optionalInteger(body, "endTimestamp");
        String callType = optionalText(body, "callType");
        if (callType != null && !callType.equals(CallGenerator.SINGLE) && !callType.equals(CallGenerator.GROUP)) {
            throw invalid("callType must be single or group");
        }
        String callResult = optionalText(body, "callResult");
        Long numberPerPage = optionalInteger(body, "numberPerPage");
        if (numberPerPage != null && (numberPerPage < 1 || numberPerPage > MAX_NUMBER_PER_PAGE)) {
            throw invalid("numberPerPage must be within 1.." + MAX_NUMBER_PER_PAGE);
        }
        Long page = optionalInteger(body, "page");
        if (page != null && (page < 1 || page > Integer.MAX_VALUE)) {
            throw invalid("page must be a positive integer");
        }
        return new RecordQuery(startTimestamp, endTimestamp, callType, callResult,
                page == null ? 1 : page.intValue(),
                numberPerPage == null ? MAX_NUMBER_PER_PAGE : numberPerPage.intValue());
    }

    private static void checkTransportParameters(ApiRequest request) throws RequestRejected {
        String random = request.parameter("random");
        if (random == null || !isUnsigned32(random)) {
            throw invalid("random must be an unsigned 32-bit integer");
        }
        if (!"json".equals(request.parameter("contenttype"))) {
            throw invalid("contenttype must be json");
        }
    }

    private static boolean isUnsigned32(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Long.parseLong(text) <= MAX_RANDOM;
    }

    private static long requiredInteger(ObjectNode body, String field) throws RequestRejected {
        Long value = optionalInteger(body, field);
        if (value == null) {
            throw invalid(field + " is mandatory");
        }
        return value;
    }

    private static Long optionalInteger(ObjectNode body, String field) throws RequestRejected {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid(field + " must be an integer");
        }
        return node.longValue();
    }

    private static String optionalText(ObjectNode body, String field) throws RequestRejected {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return node.textValue();
    }

    private static RequestRejected invalid(String message) {
        return new RequestRejected(ApiCodes.INVALID_PARAMETERS, "Invalid parameters: " + message);
    }
}

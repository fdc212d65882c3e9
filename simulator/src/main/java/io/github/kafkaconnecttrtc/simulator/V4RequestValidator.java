package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * The body and parameter checks of the v4 endpoint (all answered 60003), after the UserSig check,
 * and its defaults. Unlike v1 every field is optional, a start before the 7-day horizon is moved
 * up to it without a word, and a page size beyond what the service serves is served at that size.
 */
final class V4RequestValidator {

    static final int DEFAULT_NUMBER_PER_PAGE = 10;

    private V4RequestValidator() {
    }

    /**
     * The valid query in {@code request}, as seen at {@code nowSeconds}, with pages of at most
     * {@code maxPageSize} records.
     */
    static RecordQuery validate(ApiRequest request, long nowSeconds, int maxPageSize) throws RequestRejected {
        ObjectNode body = BodyFields.object(request);
        BodyFields.checkTransportParameters(request);
        Long startTime = nonNegative(body, "StartTime");
        Long endTime = nonNegative(body, "EndTime");
        String callType = named(body, "CallType", V4Names::v1CallType);
        String callResult = named(body, "CallResult", V4Names::v1CallResult);
        Long numberPerPage = nonNegative(body, "NumberPerPage");
        if (numberPerPage != null && numberPerPage < 1) {
            throw BodyFields.invalid("NumberPerPage must be at least 1");
        }
        Long page = nonNegative(body, "Page");
        if (page != null && (page < 1 || page > Integer.MAX_VALUE)) {
            throw BodyFields.invalid("Page must be a positive integer");
        }
        long horizon = nowSeconds - RequestValidator.HORIZON_SECONDS;
        long perPage = Math.min(numberPerPage == null ? DEFAULT_NUMBER_PER_PAGE : numberPerPage, maxPageSize);
        return new RecordQuery(startTime == null ? horizon : Math.max(startTime, horizon),
                endTime == null ? nowSeconds : endTime, callType, callResult,
                page == null ? 1 : page.intValue(), (int) perPage);
    }

    private static Long nonNegative(ObjectNode body, String field) throws RequestRejected {
        Long value = BodyFields.optionalInteger(body, field);
        if (value != null && value < 0) {
            throw BodyFields.invalid(field + " must not be negative");
        }
        return value;
    }

    /** The v1 value of a field that must name one of the v4 values {@code v1Of} knows. */
    private static String named(ObjectNode body, String field, UnaryOperator<String> v1Of) throws RequestRejected {
        String v4 = BodyFields.optionalText(body, field);
        if (v4 == null) {
            return null;
        }
        String v1 = v1Of.apply(v4);
        if (v1 == null) {
            throw BodyFields.invalid(field + " " + v4 + " is not one the API knows");
        }
        return v1;
    }
}

package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body and parameter checks of the v1 endpoint (70009, 70001, then 50001), in the order the
 * model applies them after the UserSig check.
 */
final class RequestValidator {

    static final int MAX_NUMBER_PER_PAGE = 100;
    static final long HORIZON_SECONDS = 7 * 86_400L;

    private RequestValidator() {
    }

    /**
     * The valid query in {@code request}, as seen at {@code nowSeconds} by an application with the
     * group-call package or without it.
     */
    static RecordQuery validate(ApiRequest request, long nowSeconds, boolean groupPackage) throws RequestRejected {
        ObjectNode body = BodyFields.object(request);
        BodyFields.checkTransportParameters(request);
        Long startTimestamp = BodyFields.optionalInteger(body, "startTimestamp");
        if (startTimestamp == null) {
            throw BodyFields.invalid("startTimestamp is mandatory");
        }
        if (startTimestamp < nowSeconds - HORIZON_SECONDS) {
            throw BodyFields.invalid(
                    "startTimestamp is more than 7 days in the past; only the past 7 days can be queried");
        }
        Long endTimestamp = BodyFields.optionalInteger(body, "endTimestamp");
        String callType = BodyFields.optionalText(body, "callType");
        if (callType != null && !callType.equals(CallGenerator.SINGLE) && !callType.equals(CallGenerator.GROUP)) {
            throw BodyFields.invalid("callType must be single or group");
        }
        String callResult = BodyFields.optionalText(body, "callResult");
        Long numberPerPage = BodyFields.optionalInteger(body, "numberPerPage");
        if (numberPerPage != null && (numberPerPage < 1 || numberPerPage > MAX_NUMBER_PER_PAGE)) {
            throw BodyFields.invalid("numberPerPage must be within 1.." + MAX_NUMBER_PER_PAGE);
        }
        Long page = BodyFields.optionalInteger(body, "page");
        if (page != null && (page < 1 || page > Integer.MAX_VALUE)) {
            throw BodyFields.invalid("page must be a positive integer");
        }
        if (CallGenerator.GROUP.equals(callType) && !groupPackage) {
            throw new RequestRejected(Refusal.GROUP_PACKAGE_REQUIRED, null);
        }
        return new RecordQuery(startTimestamp, endTimestamp, callType, callResult,
                page == null ? 1 : page.intValue(),
                numberPerPage == null ? MAX_NUMBER_PER_PAGE : numberPerPage.intValue());
    }
}

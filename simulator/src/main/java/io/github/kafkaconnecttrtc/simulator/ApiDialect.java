package io.github.kafkaconnecttrtc.simulator;

import java.math.BigInteger;
import java.util.List;

/**
 * The two records endpoints the simulator serves at once, from the same calls, clock, faults and
 * settings: each with its own path, request fields, answer format and table of codes.
 */
public enum ApiDialect {

    /** {@code POST /v1/records/get_records_by_filter}, the vendor's older ("beta") records API. */
    V1("/v1/records/get_records_by_filter", new V1Wire(), List.of(ApiCodes.RATE_LIMITED)) {
        @Override
        int code(Refusal refusal) {
            return ApiCodes.of(refusal);
        }

        @Override
        String message(int code) {
            return ApiCodes.message(code);
        }

        @Override
        RecordQuery readQuery(ApiRequest request, long nowSeconds, SimulatorSettings settings)
                throws RequestRejected {
            return RequestValidator.validate(request, nowSeconds, settings.groupPackage());
        }

        @Override
        ApiAnswer noMatch(Answers answers) {
            return answers.error(ApiCodes.NO_RECORDS);
        }
    },

    /**
     * {@code POST /v4/call_record_http_srv/get_record_by_filter}, which holds the calls made with
     * the current TUICallKit API.
     */
    V4("/v4/call_record_http_srv/get_record_by_filter", new V4Wire(), ApiCodesV4.FREQUENCY_LIMITED) {
        @Override
        int code(Refusal refusal) {
            return ApiCodesV4.of(refusal);
        }

        @Override
        String message(int code) {
            return ApiCodesV4.message(code);
        }

        @Override
        RecordQuery readQuery(ApiRequest request, long nowSeconds, SimulatorSettings settings)
                throws RequestRejected {
            return V4RequestValidator.validate(request, nowSeconds, settings.v4MaxPageSize());
        }

        /** v4 documents no "no records" code: an empty page. */
        @Override
        ApiAnswer noMatch(Answers answers) {
            return answers.success(BigInteger.ZERO, 0, List.of(), false);
        }
    };

    private final String path;
    private final WireFormat wire;
    private final List<Integer> rateLimitedCodes;

    ApiDialect(String path, WireFormat wire, List<Integer> rateLimitedCodes) {
        this.path = path;
        this.wire = wire;
        this.rateLimitedCodes = rateLimitedCodes;
    }

    /** The endpoint's path on the simulator, from its root: {@code /v1/records/get_records_by_filter}. */
    public String path() {
        return path;
    }

    /** Whether {@code code} is one this endpoint answers when the frequency limit is reached. */
    boolean isRateLimited(int code) {
        return rateLimitedCodes.contains(code);
    }

    /** The codes of the frequency limit, answered in turn. */
    List<Integer> rateLimitedCodes() {
        return rateLimitedCodes;
    }

    WireFormat wire() {
        return wire;
    }

    abstract int code(Refusal refusal);

    abstract String message(int code);

    /** The query in {@code request}, checked and with the endpoint's defaults. */
    abstract RecordQuery readQuery(ApiRequest request, long nowSeconds, SimulatorSettings settings)
            throws RequestRejected;

    /** The answer when nothing matches a valid query. */
    abstract ApiAnswer noMatch(Answers answers);
}

package io.github.kafkaconnecttrtc.simulator;

/**
 * A failure the simulator can inject into an answer of either records endpoint, in that endpoint's
 * dialect: the fields named here are v1's, and v4 answers change their counterparts ({@code
 * Response.Page}, {@code Response.TotalNum}, {@code Response.CallRecordList}).
 */
public enum Fault {

    /** HTTP 502 with an nginx-style HTML page, as a gateway in front of the service sends. */
    GATEWAY_502,

    /** HTTP 503 with an nginx-style HTML page. */
    GATEWAY_503,

    /** HTTP 504 with an nginx-style HTML page. */
    GATEWAY_504,

    /** The normal answer, after {@link FaultInjector#slowAnswerDelay()} of real time. */
    SLOW,

    /**
     * The normal answer's headers announce its full length, but only part of it is sent before
     * the connection closes.
     */
    TRUNCATED,

    /** HTTP 200 with a body that is not valid JSON: the normal answer cut off. */
    MALFORMED_JSON,

    /** HTTP 200 with an internal error code neither endpoint's table lists (90001, then -1, in turn). */
    UNKNOWN_CODE,

    /**
     * As if the frequency limit had been reached: 70005 from v1, and from v4 the next of its four
     * codes for it ({@link ApiCodesV4#FREQUENCY_LIMITED}).
     */
    RATE_LIMITED,

    /** As if the UserSig had expired: 70003 from v1, 70001 from v4. */
    USERSIG_EXPIRED,

    /**
     * HTTP 200 whose body never ends: the normal answer without its closing brace, then a field
     * whose list of zeros goes on until the client hangs up, or {@link
     * HttpResponses#ENDLESS_BODY_LIMIT} bytes at most, so that the simulator itself stays bounded.
     */
    ENDLESS_BODY,

    /**
     * A paginator that never stops: the last page says more follow ({@code data.page} echoes the
     * request), and every page past it repeats the last page's records and says so again. Only
     * answers on the last page or beyond change; at rate 1 the loop is endless.
     */
    PAGE_LOOP,

    /**
     * A page inside {@code totalNum} answered with an empty {@code callRecordList}, the other
     * fields true. Only pages that hold records change; asking again gets them.
     */
    EARLY_EMPTY_PAGE,

    /**
     * A page before the last answered with {@code data.page} 0, as if none followed, while {@code
     * totalNum} counts more; its records are true. Asking again gets the true page number.
     */
    EARLY_PAGE_ZERO,

    /** A successful answer whose {@code totalNum} is 10^13, everything else true. */
    TOTAL_NUM_HUGE,

    /**
     * A successful answer whose {@code totalNum} is a number of {@value
     * Malformation#LONG_NUMBER_DIGITS} digits, everything else true.
     */
    TOTAL_NUM_LONG;

    /**
     * Whether the fault changes what the answer says rather than how it arrives; such a fault
     * counts only when it changed an answer, since it applies to some pages only.
     */
    boolean distortsContent() {
        return switch (this) {
            case PAGE_LOOP, EARLY_EMPTY_PAGE, EARLY_PAGE_ZERO, TOTAL_NUM_HUGE, TOTAL_NUM_LONG -> true;
            default -> false;
        };
    }

    /** The HTTP status of a gateway fault; 200 for the others. */
    int httpStatus() {
        return switch (this) {
            case GATEWAY_502 -> 502;
            case GATEWAY_503 -> 503;
            case GATEWAY_504 -> 504;
            default -> 200;
        };
    }
}

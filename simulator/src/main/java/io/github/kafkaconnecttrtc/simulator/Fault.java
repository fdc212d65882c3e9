package io.github.kafkaconnecttrtc.simulator;

/** A failure the simulator can inject into an answer of the records endpoint. */
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

    /** HTTP 200 with an internal error code the vendor's table does not list. */
    UNKNOWN_CODE,

    /** Error 70005, as if the frequency limit had been reached. */
    RATE_LIMITED,

    /** Error 70003, as if the UserSig had expired. */
    USERSIG_EXPIRED;

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

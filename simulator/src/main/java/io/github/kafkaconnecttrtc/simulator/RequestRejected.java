package io.github.kafkaconnecttrtc.simulator;

/**
 * A request the API answers with an error code instead of records. Thrown by the checks with the
 * reason, and turned into an answer, with the code of the request's endpoint, in one place; it
 * carries no stack trace because it is not a failure of the simulator.
 */
final class RequestRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final Refusal refusal;

    /** {@code detail} is added to the code's message; null when the code says it all. */
    RequestRejected(Refusal refusal, String detail) {
        super(detail, null, false, false);
        this.refusal = refusal;
    }

    Refusal refusal() {
        return refusal;
    }
}

package io.github.kafkaconnecttrtc.simulator;

/**
 * A request the API answers with an error code instead of records. Thrown by the checks and
 * turned into an answer in one place; it carries no stack trace because it is not a failure of
 * the simulator.
 */
final class RequestRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final int errorCode;

    RequestRejected(int errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    int errorCode() {
        return errorCode;
    }
}

package io.github.kafkaconnecttrtc.client;

/**
 * The cause of a failure whose answer came with an HTTP status other than 200, so that a caller can
 * tell it by its status without reading the message.
 */
public final class HttpStatusException extends RuntimeException {

    private final int status;

    HttpStatusException(int status) {
        super("HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package io.github.kafkaconnecttrtc.client;

/** An answer body that is not the JSON the API promises: cut off, garbled, or missing a field. */
public class MalformedResponseException extends RuntimeException {

    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}

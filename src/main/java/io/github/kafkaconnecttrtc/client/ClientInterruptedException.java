package io.github.kafkaconnecttrtc.client;

/** The calling thread was interrupted while it waited for a permit, a back-off or an answer. */
public class ClientInterruptedException extends RuntimeException {

    public ClientInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}

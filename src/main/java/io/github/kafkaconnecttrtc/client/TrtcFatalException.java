package io.github.kafkaconnecttrtc.client;

/** An answer that trying again cannot fix: the message says what to change. */
public class TrtcFatalException extends TrtcApiException {

    public TrtcFatalException(String message, Integer errorCode, String requestId) {
        super(message, errorCode, requestId, null);
    }

    public TrtcFatalException(String message, Integer errorCode, String requestId, Throwable cause) {
        super(message, errorCode, requestId, cause);
    }
}

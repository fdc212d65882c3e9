package io.github.kafkaconnecttrtc.client;

import java.util.OptionalInt;

/**
 * A failure to read call records. Subclasses tell whether trying again can help:
 * {@link TrtcRetriableException} for transient trouble, {@link TrtcFatalException} for
 * answers that only a change of configuration or code can fix.
 *
 * <p>Messages never carry the secret key or the UserSig.
 */
public abstract class TrtcApiException extends RuntimeException {

    private final Integer errorCode;
    private final String requestId;

    protected TrtcApiException(String message, Integer errorCode, String requestId, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    /** The API's {@code errorCode}, when the failure came as an API answer. */
    public OptionalInt errorCode() {
        return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }

    /** The API's {@code requestId}, to quote to Tencent support; may be null. */
    public String requestId() {
        return requestId;
    }
}

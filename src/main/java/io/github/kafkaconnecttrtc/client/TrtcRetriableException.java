package io.github.kafkaconnecttrtc.client;

/**
 * A transient failure (gateway error, timeout, broken or malformed answer, rate limit, internal
 * error) that outlasted the client's retries. Reading again later is safe: nothing was consumed.
 */
public class TrtcRetriableException extends TrtcApiException {

    public TrtcRetriableException(String message, Integer errorCode, String requestId, Throwable cause) {
        super(message, errorCode, requestId, cause);
    }
}

package io.github.kafkaconnecttrtc.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a request to the API may take, and how often and how patiently a transient failure is
 * retried before it surfaces.
 *
 * @param requestTimeout how long one request may take; longer than the backend's 3 s
 * @param connectTimeout how long opening a connection may take
 * @param maxRetries how often a transient failure is retried before it surfaces
 * @param initialBackoff the first back-off; it doubles per retry, with jitter
 * @param maxBackoff the longest back-off
 */
public record RequestPolicy(
        Duration requestTimeout,
        Duration connectTimeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff) {

    /** The backend gives up after about 3 s, so a request needs longer than that. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_RETRIES = 8;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(15);

    public RequestPolicy {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}

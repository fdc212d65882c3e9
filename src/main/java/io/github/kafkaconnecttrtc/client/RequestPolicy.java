package io.github.kafkaconnecttrtc.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a request to the API may take, and how often and how patiently a transient failure is
 * retried before it surfaces.
 *
 * <p>Retries of one request stop {@link #RETRY_BUDGET} after its first attempt began, whatever the
 * settings: Connect stops a task only between polls, and gives it a few seconds for that, so a
 * request must not hold a poll for minutes during an outage. Every attempt also ends by the
 * later of the budget and one {@code requestTimeout} from the first, which bounds a request; the
 * task tries the slice again later.
 *
 * @param requestTimeout how long one request may take; longer than the backend's 3 s
 * @param connectTimeout how long opening a connection may take
 * @param maxRetries how often a transient failure is retried before it surfaces
 * @param initialBackoff the first back-off; it doubles per retry, with jitter
 * @param maxBackoff the longest back-off
 * @param maxResponseBytes the largest answer body read; a longer one is cut off and counts as a transient failure
 */
public record RequestPolicy(
        Duration requestTimeout,
        Duration connectTimeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxResponseBytes) {

    /**
     * The backend gives up after about 3 s, so a request needs longer than that; 2 s more cover a
     * distant region, and keep a poll within the few seconds Connect waits for a task to stop.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_RETRIES = 8;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(15);
    /** A page of 100 records is about 50 KB: room for far longer fields, yet no threat to a worker's heap. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    /** No retry of a request starts later than this after its first attempt. */
    public static final Duration RETRY_BUDGET = Duration.ofSeconds(5);
    /** Ten times the backend's 3 s: an answer that has not come by then is not coming. */
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** More retries than the budget leaves room for, even with the shortest back-off, have no effect. */
    public static final int MAX_RETRIES = 20;
    /** Less than the budget, so that at least one retry fits in it, jitter included. */
    public static final Duration MAX_INITIAL_BACKOFF = Duration.ofSeconds(2);
    /** A bound on nonsense only: the budget cuts any back-off to what is left of it. */
    public static final Duration MAX_MAX_BACKOFF = Duration.ofMinutes(5);

    public RequestPolicy {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        requireWithin(requestTimeout, MAX_REQUEST_TIMEOUT, "requestTimeout");
        requireWithin(connectTimeout, MAX_CONNECT_TIMEOUT, "connectTimeout");
        requireWithin(initialBackoff, MAX_INITIAL_BACKOFF, "initialBackoff");
        requireWithin(maxBackoff, MAX_MAX_BACKOFF, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
        }
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new IllegalArgumentException("maxRetries must be within 0.." + MAX_RETRIES + ", got " + maxRetries);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
        }
    }

    private static void requireWithin(Duration d, Duration max, String name) {
        if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most " + max + ", got " + d);
        }
    }
}

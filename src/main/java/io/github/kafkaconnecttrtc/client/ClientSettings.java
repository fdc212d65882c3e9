package io.github.kafkaconnecttrtc.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.config.types.Password;

/**
 * Everything the records client needs to reach one TRTC application.
 *
 * @param endpoint base URI of the API host, e.g. {@code https://callkit-intl.trtc.tencent-cloud.com/}
 * @param sdkAppId the application's SDKAppID
 * @param identifier an administrator account of the application
 * @param secretKey the application's secret key, used only to sign UserSigs
 * @param requestTimeout how long one request may take; longer than the backend's 3 s
 * @param connectTimeout how long opening a connection may take
 * @param requestsPerSecond the most requests this client sends in any second
 * @param maxRetries how often a transient failure is retried before it surfaces
 * @param initialBackoff the first back-off; it doubles per retry, with jitter
 * @param maxBackoff the longest back-off
 * @param userSigTtl validity of each UserSig; a new one is made halfway through
 * @param allowPlainHttp whether {@code http} to a non-loopback host is acceptable
 */
public record ClientSettings(
        URI endpoint,
        long sdkAppId,
        String identifier,
        Password secretKey,
        Duration requestTimeout,
        Duration connectTimeout,
        double requestsPerSecond,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration userSigTtl,
        boolean allowPlainHttp) {

    public static final URI DEFAULT_ENDPOINT = URI.create("https://callkit-intl.trtc.tencent-cloud.com/");
    public static final String DEFAULT_IDENTIFIER = "administrator";
    /** The API's own limit, per application. */
    public static final double API_MAX_REQUESTS_PER_SECOND = 200;
    /** The backend gives up after about 3 s, so a request needs longer than that. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_RETRIES = 8;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(15);
    public static final Duration DEFAULT_USERSIG_TTL = Duration.ofHours(24);

    public ClientSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(userSigTtl, "userSigTtl");
        checkEndpoint(endpoint, allowPlainHttp);
        if (sdkAppId <= 0) {
            throw new IllegalArgumentException("sdkAppId must be a positive SDKAppID, got " + sdkAppId);
        }
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("identifier must name an administrator account");
        }
        if (secretKey.value() == null || secretKey.value().isEmpty()) {
            throw new IllegalArgumentException("secret key must not be empty");
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
        }
        if (userSigTtl.compareTo(Duration.ofMinutes(10)) < 0) {
            throw new IllegalArgumentException("userSigTtl must be at least 10 minutes, got " + userSigTtl);
        }
        if (!(requestsPerSecond > 0) || requestsPerSecond > API_MAX_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException("requestsPerSecond must be in (0, " + API_MAX_REQUESTS_PER_SECOND
                    + "], got " + requestsPerSecond);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
        }
    }

    /** Settings with the defaults for everything but the application's identity. */
    public static ClientSettings of(URI endpoint, long sdkAppId, String identifier, Password secretKey) {
        return new ClientSettings(endpoint, sdkAppId, identifier, secretKey, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_CONNECT_TIMEOUT, API_MAX_REQUESTS_PER_SECOND, DEFAULT_MAX_RETRIES, DEFAULT_INITIAL_BACKOFF,
                DEFAULT_MAX_BACKOFF, DEFAULT_USERSIG_TTL, false);
    }

    public ClientSettings withRequestTimeout(Duration timeout) {
        return new ClientSettings(endpoint, sdkAppId, identifier, secretKey, timeout, connectTimeout,
                requestsPerSecond, maxRetries, initialBackoff, maxBackoff, userSigTtl, allowPlainHttp);
    }

    public ClientSettings withRequestsPerSecond(double rate) {
        return new ClientSettings(endpoint, sdkAppId, identifier, secretKey, requestTimeout, connectTimeout,
                rate, maxRetries, initialBackoff, maxBackoff, userSigTtl, allowPlainHttp);
    }

    public ClientSettings withRetries(int retries, Duration initial, Duration max) {
        return new ClientSettings(endpoint, sdkAppId, identifier, secretKey, requestTimeout, connectTimeout,
                requestsPerSecond, retries, initial, max, userSigTtl, allowPlainHttp);
    }

    public ClientSettings withUserSigTtl(Duration ttl) {
        return new ClientSettings(endpoint, sdkAppId, identifier, secretKey, requestTimeout, connectTimeout,
                requestsPerSecond, maxRetries, initialBackoff, maxBackoff, ttl, allowPlainHttp);
    }

    public ClientSettings withPlainHttpAllowed(boolean allowed) {
        return new ClientSettings(endpoint, sdkAppId, identifier, secretKey, requestTimeout, connectTimeout,
                requestsPerSecond, maxRetries, initialBackoff, maxBackoff, userSigTtl, allowed);
    }

    /**
     * Checks that the endpoint is an absolute http(s) URI without a query, and that plain http goes
     * to a loopback address unless allowed: the UserSig travels in the query string.
     *
     * @throws IllegalArgumentException with a message that says what to change
     */
    public static void checkEndpoint(URI endpoint, boolean allowPlainHttp) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("endpoint must be an https:// URI such as " + DEFAULT_ENDPOINT
                    + ", got '" + endpoint + "'");
        }
        if (endpoint.getHost() == null || endpoint.getHost().isEmpty()) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' has no host");
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' must not carry a query or fragment");
        }
        if (scheme.equals("http") && !allowPlainHttp && !isLoopback(endpoint.getHost())) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' uses plain http to a non-loopback host,"
                    + " which would send the UserSig unencrypted: use https, or allow plain http explicitly");
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // Only IP literals are considered: resolving a name here would trust whatever DNS says.
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}

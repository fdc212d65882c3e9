package io.github.kafkaconnecttrtc.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.config.types.Password;

/**
 * Which API to ask, where, and on behalf of which application and administrator.
 *
 * @param dialect the family of the records API: v1 or v4
 * @param endpoint base URI of the API host, e.g. {@code https://callkit-intl.trtc.tencent-cloud.com/}
 * @param sdkAppId the application's SDKAppID
 * @param identifier an administrator account of the application
 * @param secretKey the application's secret key, used only to sign UserSigs
 * @param allowPlainHttp whether {@code http} to a non-loopback host is acceptable
 */
public record ApiAccess(ApiDialect dialect, URI endpoint, long sdkAppId, String identifier, Password secretKey, boolean allowPlainHttp) {

    public static final URI DEFAULT_ENDPOINT = URI.create("https://callkit-intl.trtc.tencent-cloud.com/");
    public static final String DEFAULT_IDENTIFIER = "administrator";

    public ApiAccess {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(secretKey, "secretKey");
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
}

package io.github.kafkaconnecttrtc.config;

import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.ALLOW_PLAIN_HTTP_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.CALL_TYPES_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.CONNECTION_CHECK_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.ENDPOINT_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.IDENTIFIER_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.SDKAPPID_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.SECRET_KEY_CONFIG;

import io.github.kafkaconnecttrtc.client.ApiAccess;
import io.github.kafkaconnecttrtc.client.ClientInterruptedException;
import io.github.kafkaconnecttrtc.client.ErrorCodes;
import io.github.kafkaconnecttrtc.client.HttpTrtcRecordsClient;
import io.github.kafkaconnecttrtc.client.MalformedResponseException;
import io.github.kafkaconnecttrtc.client.RecordsPage;
import io.github.kafkaconnecttrtc.client.RecordsQuery;
import io.github.kafkaconnecttrtc.client.Redaction;
import io.github.kafkaconnecttrtc.client.RequestPolicy;
import io.github.kafkaconnecttrtc.client.TrtcApiException;
import io.github.kafkaconnecttrtc.client.TrtcRecordsClient;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import javax.net.ssl.SSLException;
import org.apache.kafka.common.config.ConfigValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live part of {@code validate()} when {@code trtc.connection.check} is on: one request to the records API with
 * the configured endpoint and credentials, its outcome shown as an error on the key to change.
 *
 * <p>The request is the smallest the API serves (one record of the last few minutes), without retries and with
 * short timeouts, because {@code validate()} answers a REST call that a person or a deployment tool waits for.
 * Messages go through {@link Redaction} with the secret key, and the client already keeps the UserSig out of its own.
 */
public final class ConnectionCheck {

    private static final Logger log = LoggerFactory.getLogger(ConnectionCheck.class);

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Short, so that the answer is one small page however busy the application is. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** The keys the request is made from: with an error on any of them there is nothing sound to send. */
    private static final List<String> INPUT_KEYS =
            List.of(ENDPOINT_CONFIG, ALLOW_PLAIN_HTTP_CONFIG, SDKAPPID_CONFIG, IDENTIFIER_CONFIG, SECRET_KEY_CONFIG);

    private final InstantSource clock;
    private final RequestPolicy policy;
    private final BiFunction<ApiAccess, RequestPolicy, TrtcRecordsClient> clients;

    /** The check with the real HTTP client and the standard timeouts. */
    public ConnectionCheck(InstantSource clock) {
        this(clock, CONNECT_TIMEOUT, REQUEST_TIMEOUT,
                (access, policy) -> new HttpTrtcRecordsClient(access, policy, clock));
    }

    /**
     * A check with other timeouts or clients, such as counted ones in tests.
     *
     * @param clients makes the client for one check from the access and the check's request policy; it is closed
     *     when the check is done
     */
    public ConnectionCheck(InstantSource clock, Duration connectTimeout, Duration requestTimeout,
            BiFunction<ApiAccess, RequestPolicy, TrtcRecordsClient> clients) {
        this.clock = Objects.requireNonNull(clock, "clock");
        // No retries, so the back-offs never apply; they only have to be acceptable to the retry policy.
        this.policy = new RequestPolicy(requestTimeout, connectTimeout, 0, Duration.ofMillis(1), Duration.ofMillis(2));
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /** What the check found wrong, and the key to change. */
    private record Failure(String key, String message) {
    }

    /**
     * Runs the check when {@code trtc.connection.check} is true and the connection keys have no error so far, and adds
     * what it finds to the value of the key concerned.
     *
     * @param values the validated values by key name, with the per-key and cross-field errors already in
     */
    public void addErrors(Map<String, ConfigValue> values) {
        if (!(valueOf(values, CONNECTION_CHECK_CONFIG) instanceof Boolean enabled) || !enabled) {
            return;
        }
        for (String key : INPUT_KEYS) {
            ConfigValue value = values.get(key);
            if (value == null || !value.errorMessages().isEmpty() || value.value() == null) {
                return;
            }
        }
        ConfigValue callTypes = values.get(CALL_TYPES_CONFIG);
        String callType = callTypes != null && callTypes.errorMessages().isEmpty()
                ? callTypeParameter(callTypes.value()) : null;
        ApiAccess access = TrtcSourceConfig.apiAccess(key -> valueOf(values, key));
        check(access, callType).ifPresent(failure -> values.get(failure.key()).addErrorMessage(failure.message()));
    }

    /**
     * Makes the one request and interprets its outcome.
     *
     * @param callType the {@code callType} the tasks would send: {@code group} makes the API say whether the
     *     application has the group-call package; null for none
     * @return empty when the API answered with records or with 70011 (no records)
     */
    private Optional<Failure> check(ApiAccess access, String callType) {
        long now = clock.instant().getEpochSecond();
        RecordsQuery query = new RecordsQuery(Math.max(0, now - WINDOW.toSeconds()), OptionalLong.of(now), callType,
                null, 1);
        String target = hostAndPort(access.endpoint());
        Optional<Failure> failure;
        try (TrtcRecordsClient client = clients.apply(access, policy)) {
            RecordsPage page = client.fetchPage(query, 1);
            log.info("Connection check: {} accepted the credentials of SDKAppID {} (requestId {})", target,
                    access.sdkAppId(), page.requestId());
            failure = Optional.empty();
        } catch (TrtcApiException e) {
            failure = Optional.of(interpret(e, access, callType, target));
        } catch (ClientInterruptedException e) {
            Thread.currentThread().interrupt();
            failure = Optional.of(new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": the check of " + target
                    + " was interrupted before it had an answer"));
        }
        return failure.map(f -> {
            String message = Redaction.redact(f.message(), List.of(access.secretKey().value()));
            Failure redacted = new Failure(f.key(), message);
            log.info("Connection check failed: {}", redacted.message());
            return redacted;
        });
    }

    private static Failure interpret(TrtcApiException e, ApiAccess access, String callType, String target) {
        if (e.errorCode().isEmpty()) {
            return withoutCode(e, target);
        }
        int code = e.errorCode().getAsInt();
        String answer = " (errorCode " + code + (e.requestId() == null ? "" : ", requestId " + e.requestId()) + ")";
        return switch (code) {
            case ErrorCodes.USERSIG_INVALID -> new Failure(SECRET_KEY_CONFIG, SECRET_KEY_CONFIG
                    + ": the API refused the UserSig signed with this key" + answer + ": the secret key, "
                    + SDKAPPID_CONFIG + " (" + access.sdkAppId() + ") and " + IDENTIFIER_CONFIG + " ('"
                    + access.identifier() + "') must belong to the same TRTC application");
            case ErrorCodes.NOT_ADMINISTRATOR -> new Failure(IDENTIFIER_CONFIG, IDENTIFIER_CONFIG + ": '"
                    + access.identifier() + "' is not an administrator of application " + access.sdkAppId()
                    + answer + ": expected an administrator account, such as the 'administrator' the console creates");
            case ErrorCodes.BODY_NOT_PARSED -> new Failure(SDKAPPID_CONFIG, SDKAPPID_CONFIG + ": the API could not "
                    + "take a request for SDKAppID " + access.sdkAppId() + answer + ": expected the SDKAppID of "
                    + "the TRTC application with TUICallKit that the secret key belongs to");
            case ErrorCodes.GROUP_PACKAGE_REQUIRED -> new Failure(CALL_TYPES_CONFIG, CALL_TYPES_CONFIG
                    + (callType == null ? "" : " (" + callType + ")") + ": application " + access.sdkAppId()
                    + " has no TUICallKit group-call package, so its group calls cannot be read" + answer
                    + ": set " + CALL_TYPES_CONFIG + "=single, or buy the package");
            default -> new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": " + target + " answered errorCode " + code
                    + (e.requestId() == null ? "" : " (requestId " + e.requestId() + ")") + " to a one-record query "
                    + "of the last " + WINDOW.toMinutes() + " minutes, where the records API answers success or "
                    + ErrorCodes.NO_RECORDS + " (no records)");
        };
    }

    /** A failure before any API answer: the host was not reached, or what answered is not the records API. */
    private static Failure withoutCode(TrtcApiException e, String target) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": " + target + " did not answer as the records "
                    + "API does: " + withoutAdvice(lastFailure(e.getMessage())) + "; expected the API host, such as "
                    + ApiAccess.DEFAULT_ENDPOINT);
        }
        if (find(cause, MalformedResponseException.class) != null) {
            return new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": " + target + " answered something other than "
                    + "a records API answer (" + lastFailure(e.getMessage()) + "); expected the API host, such as "
                    + ApiAccess.DEFAULT_ENDPOINT);
        }
        return new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": could not reach " + target + ": "
                + shortCause(cause) + "; expected a reachable API host, such as " + ApiAccess.DEFAULT_ENDPOINT);
    }

    /** The client's message after its "last failure:", which is the part that tells what happened. */
    private static String lastFailure(String message) {
        String marker = "last failure: ";
        int at = message == null ? -1 : message.lastIndexOf(marker);
        return at < 0 ? String.valueOf(message) : message.substring(at + marker.length());
    }

    /** The client's own advice, which would repeat the expectation this check states. */
    private static String withoutAdvice(String failure) {
        int advice = failure.indexOf(": check ");
        return advice < 0 ? failure : failure.substring(0, advice);
    }

    /** A few words on why a connection failed, from the JDK's exceptions, which often carry no message. */
    static String shortCause(Throwable cause) {
        SSLException tls = find(cause, SSLException.class);
        if (tls != null) {
            return "TLS failure (" + messageOr(tls, "handshake failed") + ")";
        }
        HttpConnectTimeoutException connectTimeout = find(cause, HttpConnectTimeoutException.class);
        if (connectTimeout != null) {
            return "connection timed out (" + messageOr(connectTimeout, "no connection") + ")";
        }
        HttpTimeoutException timeout = find(cause, HttpTimeoutException.class);
        if (timeout != null) {
            return "no answer in time (" + messageOr(timeout, "request timed out") + ")";
        }
        if (find(cause, UnresolvedAddressException.class) != null || find(cause, UnknownHostException.class) != null) {
            return "unknown host";
        }
        ConnectException notConnected = find(cause, ConnectException.class);
        if (notConnected != null) {
            // The JDK's HTTP client reports a refused connection as messageless exceptions around a closed channel.
            String detail = deepestMessage(notConnected);
            return detail == null || detail.toLowerCase(Locale.ROOT).contains("refused") ? "connection refused"
                    : "could not connect (" + detail + ")";
        }
        String detail = deepestMessage(cause);
        return detail == null ? cause.getClass().getSimpleName() : detail;
    }

    private static <T extends Throwable> T find(Throwable chain, Class<T> type) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = chain; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost message of the chain, or null when none has one. */
    private static String deepestMessage(Throwable chain) {
        String message = null;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = chain; t != null && seen.add(t); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static String messageOr(Throwable t, String fallback) {
        return t.getMessage() == null || t.getMessage().isBlank() ? fallback : t.getMessage();
    }

    private static String hostAndPort(URI endpoint) {
        int port = endpoint.getPort();
        if (port < 0) {
            port = "http".equalsIgnoreCase(endpoint.getScheme()) ? 80 : 443;
        }
        return endpoint.getHost() + ":" + port;
    }

    /** As the tasks ask: a filter only when one type alone is read (see {@code ReadSettings}). */
    private static String callTypeParameter(Object callTypes) {
        Set<String> types = new HashSet<>();
        if (callTypes instanceof List<?> list) {
            list.forEach(type -> types.add(String.valueOf(type).toLowerCase(Locale.ROOT)));
        }
        return types.size() == 1 ? types.iterator().next() : null;
    }

    private static Object valueOf(Map<String, ConfigValue> values, String key) {
        ConfigValue value = values.get(key);
        return value == null ? null : value.value();
    }
}

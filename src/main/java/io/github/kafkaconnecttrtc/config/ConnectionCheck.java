package io.github.kafkaconnecttrtc.config;

import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.ALLOW_PLAIN_HTTP_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.CALL_TYPES_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.CONNECTION_CHECK_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.ENDPOINT_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.IDENTIFIER_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.SDKAPPID_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.SECRET_KEY_CONFIG;

import io.github.kafkaconnecttrtc.client.ApiAccess;
import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.client.ClientInterruptedException;
import io.github.kafkaconnecttrtc.client.ErrorCodes;
import io.github.kafkaconnecttrtc.client.HttpStatusException;
import io.github.kafkaconnecttrtc.client.HttpTrtcRecordsClient;
import io.github.kafkaconnecttrtc.client.MalformedResponseException;
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
 *
 * <p>Whoever may call {@code validate()} chooses the endpoint, and Connect fills in the secret key from a
 * ConfigProvider before the check runs. So the check signs a UserSig valid for {@link #USERSIG_TTL} only, sends it
 * only over https or to a loopback address, and says what went wrong in its own words: a category such as
 * unreachable, TLS failure, no answer in time, an HTTP status or an API error code, never text the server sent,
 * which would let a caller read what hosts the worker can reach have to say.
 */
public final class ConnectionCheck {

    private static final Logger log = LoggerFactory.getLogger(ConnectionCheck.class);

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough for a worker's clock a little behind the API's, short enough to be worth little to anyone else. */
    public static final Duration USERSIG_TTL = Duration.ofMinutes(5);
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
                (access, policy) -> new HttpTrtcRecordsClient(access, policy, clock, USERSIG_TTL));
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
        this.policy = new RequestPolicy(requestTimeout, connectTimeout, 0, Duration.ofMillis(1), Duration.ofMillis(2),
                RequestPolicy.DEFAULT_MAX_RESPONSE_BYTES);
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
        Failure failure = unencrypted(access).or(() -> check(access, callType)).orElse(null);
        if (failure != null) {
            String message = Redaction.redact(failure.message(), List.of(access.secretKey().value()));
            log.info("Connection check failed: {}", message);
            values.get(failure.key()).addErrorMessage(message);
        }
    }

    /**
     * Refuses plain http to a host other than loopback, even where the tasks may use it: anyone who can call
     * {@code validate()} could otherwise have a signed UserSig sent in the clear to a host of their choosing.
     */
    private static Optional<Failure> unencrypted(ApiAccess access) {
        try {
            ApiAccess.checkEndpoint(access.endpoint(), false);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new Failure(CONNECTION_CHECK_CONFIG, CONNECTION_CHECK_CONFIG + ": the check sends a "
                    + "UserSig, so it is made only over https or to a loopback address, and "
                    + hostAndPort(access.endpoint()) + " is reached over plain http: use https, or set "
                    + CONNECTION_CHECK_CONFIG + "=false"));
        }
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
        try (TrtcRecordsClient client = clients.apply(access, policy)) {
            client.fetchPage(query, 1);
            log.info("Connection check: {} accepted the credentials of SDKAppID {}", target, access.sdkAppId());
            return Optional.empty();
        } catch (TrtcApiException e) {
            return Optional.of(e.errorCode().isPresent()
                    ? answered(e.errorCode().getAsInt(), access, callType, target)
                    : withoutCode(e, target, access.dialect()));
        } catch (ClientInterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": the check of " + target
                    + " was interrupted before it had an answer"));
        }
    }

    /**
     * An answer with an API error code, in our words for each code the API documents, on the key the code's
     * table points at. Codes are read through the table of the configured dialect: the same number means
     * different things in v1 and v4.
     */
    private Failure answered(int code, ApiAccess access, String callType, String target) {
        ErrorCodes codes = access.dialect().codes();
        String answer = " (errorCode " + code + ")";
        String example = access.dialect().regions().get(0).endpoint();
        return switch (codes.reaction(code)) {
            case RENEW_USERSIG -> new Failure(CONNECTION_CHECK_CONFIG, CONNECTION_CHECK_CONFIG
                    + ": the API found a UserSig made just now, valid for " + USERSIG_TTL.toMinutes()
                    + " minutes, expired" + answer + ": the worker's clock is behind; set it right (NTP)");
            case RATE_LIMITED -> new Failure(CONNECTION_CHECK_CONFIG, CONNECTION_CHECK_CONFIG
                    + ": the API is limiting the requests of application " + access.sdkAppId() + answer
                    + ", which other clients of the application use up: validate again in a moment");
            case FATAL -> fatal(codes.concern(code), codes.meaning(code), answer, access, callType, target, example);
            default -> new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": " + target + " answered an internal error"
                    + " or a code the " + access.dialect().configName() + " records API does not document" + answer
                    + ": validate again later, and check that the endpoint is the API host, such as " + example);
        };
    }

    private static Failure fatal(ErrorCodes.Concern concern, String meaning, String answer, ApiAccess access,
            String callType, String target, String example) {
        return switch (concern) {
            case CREDENTIALS -> new Failure(SECRET_KEY_CONFIG, SECRET_KEY_CONFIG
                    + ": the API refused the UserSig signed with this key" + answer + ": " + meaning + "; the secret "
                    + "key, " + SDKAPPID_CONFIG + " (" + access.sdkAppId() + ") and " + IDENTIFIER_CONFIG + " ('"
                    + access.identifier() + "') must belong to the same TRTC application");
            case IDENTIFIER -> new Failure(IDENTIFIER_CONFIG, IDENTIFIER_CONFIG + ": '"
                    + access.identifier() + "' is not an administrator of application " + access.sdkAppId()
                    + answer + ": expected an administrator account, such as the 'administrator' the console creates");
            case SDKAPPID -> new Failure(SDKAPPID_CONFIG, SDKAPPID_CONFIG + ": the API could not "
                    + "take a request for SDKAppID " + access.sdkAppId() + answer + ": " + meaning + "; expected the "
                    + "SDKAppID of the TRTC application with TUICallKit that the secret key belongs to");
            case CALL_TYPES -> new Failure(CALL_TYPES_CONFIG, CALL_TYPES_CONFIG
                    + (callType == null ? "" : " (" + callType + ")") + ": application " + access.sdkAppId()
                    + " has no TUICallKit group-call package, so its group calls cannot be read" + answer
                    + ": set " + CALL_TYPES_CONFIG + "=single, or buy the package");
            case ENDPOINT -> new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": " + target + " does not know "
                    + "application " + access.sdkAppId() + answer + ": " + meaning + ": "
                    + "the " + access.dialect().configName() + " hosts are " + access.dialect().describeRegions());
            case ACCOUNT -> new Failure(SDKAPPID_CONFIG, SDKAPPID_CONFIG + ": the API refused requests for "
                    + "application " + access.sdkAppId() + answer + ": " + meaning);
            case REQUEST, NONE -> new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": " + target
                    + " refused the check's query as invalid" + answer + ", which the records API does not do for a"
                    + " one-record query of the last " + WINDOW.toMinutes() + " minutes: expected the "
                    + access.dialect().configName() + " API host, such as " + example);
        };
    }

    /** A failure before any API answer: the host was not reached, or what answered is not the records API. */
    private Failure withoutCode(TrtcApiException e, String target, ApiDialect dialect) {
        String example = dialect.regions().get(0).endpoint();
        HttpStatusException status = find(e, HttpStatusException.class);
        if (status != null) {
            String kind = status.status() >= 500 ? ", a gateway or server error: validate again later, and check"
                    + " that the endpoint is the API host" : ", which the records API does not answer: expected the"
                    + " API host";
            return new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": " + target + " answered HTTP status "
                    + status.status() + kind + ", such as " + example);
        }
        if (find(e, MalformedResponseException.class) != null) {
            return new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": " + target + " answered something that is not"
                    + " a records API answer; expected the API host, such as " + example);
        }
        return new Failure(ENDPOINT_CONFIG, ENDPOINT_CONFIG + ": could not reach " + target + ": "
                + unreachable(e) + "; expected a reachable API host, such as " + example);
    }

    /** Why a connection failed, as a category: the JDK's messages may quote what the host sent. */
    private String unreachable(Throwable cause) {
        if (find(cause, SSLException.class) != null) {
            return "TLS failure (the host's certificate or protocol was not accepted)";
        }
        if (find(cause, HttpConnectTimeoutException.class) != null) {
            return "no connection within " + policy.connectTimeout().toMillis() + " ms";
        }
        if (find(cause, HttpTimeoutException.class) != null) {
            return "no answer in time (" + policy.requestTimeout().toMillis() + " ms)";
        }
        if (find(cause, UnresolvedAddressException.class) != null || find(cause, UnknownHostException.class) != null) {
            return "unknown host";
        }
        if (find(cause, ConnectException.class) != null) {
            return "connection refused";
        }
        return "the connection failed";
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

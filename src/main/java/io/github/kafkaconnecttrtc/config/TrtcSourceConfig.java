package io.github.kafkaconnecttrtc.config;

import static io.github.kafkaconnecttrtc.config.ConfigValidators.MAX_TOPIC_NAME_LENGTH;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.apiVersion;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.endpointsOfDialect;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.httpUri;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.isoInstantOrEmpty;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.millisBetween;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.noBlankEntries;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.nonEmptyPassword;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.nonEmptySubsetOf;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.positiveAtMost;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.recommend;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.recordTimestamp;
import static io.github.kafkaconnecttrtc.config.ConfigValidators.topicName;

import io.github.kafkaconnecttrtc.client.ApiAccess;
import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.client.ApiLimits;
import io.github.kafkaconnecttrtc.client.CallTexts;
import io.github.kafkaconnecttrtc.client.RequestPolicy;
import io.github.kafkaconnecttrtc.source.LaneSchedule;
import io.github.kafkaconnecttrtc.source.ReadSettings;
import io.github.kafkaconnecttrtc.source.RecordOutput;
import io.github.kafkaconnecttrtc.source.RecordTimestamp;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of the TRTC call-records source connector and its tasks.
 *
 * <p>Single keys are checked by {@link #configDef()}. Checks that relate keys to each other are in
 * {@link #crossFieldErrors(Map, Instant)}, so that the connector's {@code validate()} can show them on the keys
 * concerned; the constructor enforces them too, except the one that depends on the clock.
 */
public class TrtcSourceConfig extends AbstractConfig {

    public static final String CONNECTION_GROUP = "Connection";
    public static final String READING_GROUP = "Reading";
    public static final String PROGRESS_GROUP = "Progress";
    public static final String INVALID_RECORDS_GROUP = "Invalid records";

    public static final String CALL_TYPE_SINGLE = "single";
    public static final String CALL_TYPE_GROUP = "group";
    public static final List<String> CALL_TYPES = List.of(CALL_TYPE_SINGLE, CALL_TYPE_GROUP);
    /** The results the API documents, by v1's text; it may add more, which are accepted too. */
    public static final List<String> KNOWN_CALL_RESULTS =
            CallTexts.CALL_RESULTS.stream().map(CallTexts.Spelling::v1).toList();
    public static final String PROGRESS_TOPIC_SUFFIX = ".progress";
    public static final String INVALID_RECORDS_TOPIC_SUFFIX = ".invalid";
    /** The backend gives up after about 3 s; a client that gives up first cuts off answers on their way. */
    public static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMillis(3001);

    public static final String API_VERSION_CONFIG = "trtc.api.version";
    public static final String API_VERSION_DOC = "Which family of the call-records API to read, by the TUICallKit "
            + "client API the application starts its calls with: v1 (" + ApiDialect.V1.path() + ") keeps the calls "
            + "started with the deprecated TUICallKit.call() and groupCall(); v4 (" + ApiDialect.V4.path() + ") "
            + "keeps the calls started with the current API. An application that used both needs one connector for "
            + "each. The endpoint must be a host of the same family.";
    public static final String API_VERSION_DEFAULT = ApiDialect.V1.configName();
    private static final String API_VERSION_DISPLAY = "API version";

    public static final String ENDPOINT_CONFIG = "trtc.endpoint";
    public static final String ENDPOINT_DOC = "Base URI of the call-records API host of the application's region. "
            + "For " + API_VERSION_CONFIG + "=v1: " + ApiDialect.V1.describeRegions() + ". For v4: " + ApiDialect.V4.describeRegions()
            + ". An absolute https URI without query; plain http is accepted only to a loopback address, unless "
            + "trtc.endpoint.allow.plain.http is true.";
    public static final String ENDPOINT_DEFAULT = ApiAccess.DEFAULT_ENDPOINT.toString();
    private static final String ENDPOINT_DISPLAY = "API endpoint";

    public static final String ALLOW_PLAIN_HTTP_CONFIG = "trtc.endpoint.allow.plain.http";
    public static final String ALLOW_PLAIN_HTTP_DOC = "Whether " + ENDPOINT_CONFIG + " may use plain http to a "
            + "host other than loopback. Every request carries a UserSig in its query string, so this sends a "
            + "credential unencrypted: for test rigs only.";
    public static final boolean ALLOW_PLAIN_HTTP_DEFAULT = false;
    private static final String ALLOW_PLAIN_HTTP_DISPLAY = "Allow plain HTTP";

    public static final String SDKAPPID_CONFIG = "trtc.sdkappid";
    public static final String SDKAPPID_DOC = "The SDKAppID of the TRTC application whose call records are read.";
    private static final String SDKAPPID_DISPLAY = "SDKAppID";

    public static final String IDENTIFIER_CONFIG = "trtc.identifier";
    public static final String IDENTIFIER_DOC = "An administrator account of the application; requests are signed "
            + "in its name. The console creates one called 'administrator'.";
    public static final String IDENTIFIER_DEFAULT = ApiAccess.DEFAULT_IDENTIFIER;
    private static final String IDENTIFIER_DISPLAY = "Administrator identifier";

    public static final String SECRET_KEY_CONFIG = "trtc.secret.key";
    public static final String SECRET_KEY_DOC = "The application's secret key. It is used only to sign UserSigs "
            + "locally and is never sent to the API. To keep it out of the connector's stored configuration, give it "
            + "through a ConfigProvider, e.g. ${file:/etc/kafka/trtc.properties:secret.key} (FileConfigProvider) or "
            + "${env:TRTC_SECRET_KEY} (EnvVarConfigProvider).";
    private static final String SECRET_KEY_DISPLAY = "Secret key";

    public static final String CONNECTION_CHECK_CONFIG = "trtc.connection.check";
    public static final String CONNECTION_CHECK_DOC = "Whether validating the configuration (PUT "
            + "/connector-plugins/TrtcSourceConnector/config/validate, which Connect also runs before it creates or "
            + "updates the connector) sends one request to the API with the given endpoint and credentials, and shows "
            + "an unreachable host, a secret key, identifier or SDKAppID the API refuses, or a missing group-call "
            + "package as an error on the key to change. The request is made only when " + ENDPOINT_CONFIG + ", "
            + SDKAPPID_CONFIG + ", " + IDENTIFIER_CONFIG + " and " + SECRET_KEY_CONFIG + " are valid on their own; "
            + "it takes up to 15 seconds against a host that does not answer. The request carries a UserSig valid for "
            + ConnectionCheck.USERSIG_TTL.toMinutes() + " minutes and is made only over https or to a loopback address, whatever " + ALLOW_PLAIN_HTTP_CONFIG
            + " says; an error names what went wrong (unreachable, TLS failure, no answer in time, an HTTP status, an "
            + "API error code) without quoting what the host answered.";
    public static final boolean CONNECTION_CHECK_DEFAULT = false;
    private static final String CONNECTION_CHECK_DISPLAY = "Check the connection on validation";

    public static final String REQUESTS_PER_SECOND_CONFIG = "trtc.requests.per.second";
    public static final String REQUESTS_PER_SECOND_DOC = "Request budget of the whole connector, shared evenly by "
            + "its tasks. The API allows " + ConfigValidators.number(ApiLimits.MAX_REQUESTS_PER_SECOND)
            + " requests per second per application; lower this when other clients query the same application.";
    public static final double REQUESTS_PER_SECOND_DEFAULT = ApiLimits.MAX_REQUESTS_PER_SECOND;
    private static final String REQUESTS_PER_SECOND_DISPLAY = "Requests per second";

    public static final String REQUESTS_IN_FLIGHT_CONFIG = "trtc.requests.in.flight";
    public static final String REQUESTS_IN_FLIGHT_DOC = "How many requests each task keeps in flight at most: "
            + "several pages of a slice's list at once (taken only as far as their counts show that the list "
            + "did not change between them), and passes over other slices with the requests left, up to this "
            + "many passes and 16 at most. The API is a round trip away, tens to hundreds of milliseconds: one "
            + "request at a time would cap a task at one page per round trip. " + REQUESTS_PER_SECOND_CONFIG
            + " still paces them all; to use the whole budget, tasks times this should exceed the budget times the "
            + "round trip in seconds, about twice over since pages asked at once wait for the slowest of them "
            + "(200/s at 200 ms: 40, so 80 in flight). The records a task holds stay the same however many are in "
            + "flight beyond 16, which take a page each. 1 reads one page at a time.";
    public static final int REQUESTS_IN_FLIGHT_DEFAULT = 32;
    public static final int REQUESTS_IN_FLIGHT_MAX = 64;
    private static final String REQUESTS_IN_FLIGHT_DISPLAY = "Requests in flight per task";

    public static final String REQUEST_TIMEOUT_MS_CONFIG = "trtc.request.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS_DOC = "How long one request may take, in milliseconds. The "
            + "backend gives up after about 3 seconds, so a shorter timeout would cut off answers still on their way; "
            + "a longer one than 30 seconds would only keep a poll, and so a stop of the task, waiting for an answer "
            + "that is not coming.";
    public static final long REQUEST_TIMEOUT_MS_DEFAULT = RequestPolicy.DEFAULT_REQUEST_TIMEOUT.toMillis();
    private static final String REQUEST_TIMEOUT_MS_DISPLAY = "Request timeout (ms)";

    public static final String CONNECT_TIMEOUT_MS_CONFIG = "trtc.connect.timeout.ms";
    public static final String CONNECT_TIMEOUT_MS_DOC = "How long opening a connection to the API host may take, "
            + "in milliseconds; at most 30 seconds.";
    public static final long CONNECT_TIMEOUT_MS_DEFAULT = RequestPolicy.DEFAULT_CONNECT_TIMEOUT.toMillis();
    private static final String CONNECT_TIMEOUT_MS_DISPLAY = "Connect timeout (ms)";

    public static final String RETRY_MAX_CONFIG = "trtc.retry.max";
    public static final String RETRY_MAX_DOC = "How often a transient failure (a gateway error, a timeout, a "
            + "malformed answer, error 70005 'request frequency limited', an unknown error code) is retried at most. "
            + "Retries of a request also stop " + RequestPolicy.RETRY_BUDGET.toSeconds() + " seconds after its first "
            + "attempt, so that a poll returns within seconds whatever the API does and the task can be stopped; "
            + "the task then reads that slice again later.";
    public static final int RETRY_MAX_DEFAULT = RequestPolicy.DEFAULT_MAX_RETRIES;
    private static final String RETRY_MAX_DISPLAY = "Maximum retries";

    public static final String RETRY_BACKOFF_INITIAL_MS_CONFIG = "trtc.retry.backoff.initial.ms";
    public static final String RETRY_BACKOFF_INITIAL_MS_DOC = "The first back-off before a retry, in milliseconds. "
            + "It doubles with each retry, with jitter, up to trtc.retry.backoff.max.ms. At most 2 seconds, so that a "
            + "retry fits in the " + RequestPolicy.RETRY_BUDGET.toSeconds() + " seconds the retries of a request have.";
    public static final long RETRY_BACKOFF_INITIAL_MS_DEFAULT = RequestPolicy.DEFAULT_INITIAL_BACKOFF.toMillis();
    private static final String RETRY_BACKOFF_INITIAL_MS_DISPLAY = "Initial retry back-off (ms)";

    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "trtc.retry.backoff.max.ms";
    public static final String RETRY_BACKOFF_MAX_MS_DOC = "The longest back-off before a retry, in milliseconds. "
            + "Must not be shorter than " + RETRY_BACKOFF_INITIAL_MS_CONFIG + ". A back-off never lasts beyond the "
            + RequestPolicy.RETRY_BUDGET.toSeconds() + " seconds the retries of a request have, however long this is.";
    public static final long RETRY_BACKOFF_MAX_MS_DEFAULT = RequestPolicy.DEFAULT_MAX_BACKOFF.toMillis();
    private static final String RETRY_BACKOFF_MAX_MS_DISPLAY = "Maximum retry back-off (ms)";

    public static final String RESPONSE_MAX_BYTES_CONFIG = "trtc.response.max.bytes";
    public static final String RESPONSE_MAX_BYTES_DOC = "The largest answer body read from the API, in bytes. A page "
            + "of 100 records is about 50 KB; a longer answer, or one that never ends, is cut off at this size and "
            + "counts as a transient failure (retried, then its slice backs off), so that it cannot fill the worker's "
            + "heap.";
    public static final int RESPONSE_MAX_BYTES_DEFAULT = RequestPolicy.DEFAULT_MAX_RESPONSE_BYTES;
    public static final int RESPONSE_MAX_BYTES_MIN = 64 * 1024;
    public static final int RESPONSE_MAX_BYTES_MAX = 64 * 1024 * 1024;
    private static final String RESPONSE_MAX_BYTES_DISPLAY = "Maximum answer size (bytes)";

    public static final String TOPIC_CONFIG = "topic";
    public static final String TOPIC_DOC = "The topic that receives one CallRecord event per call.";
    private static final String TOPIC_DISPLAY = "Topic";

    public static final String RECORD_TIMESTAMP_CONFIG = "record.timestamp";
    public static final String RECORD_TIMESTAMP_DOC = "The Kafka timestamp of each call's record: read, the time the "
            + "connector read the call, or end, the call's endTs (event time). Time-based retention counts from it: "
            + "with end, a backfill of calls that ended six days ago keeps them one day under the default 7-day "
            + "retention.ms, and calls older than the topic's retention.ms are deleted at once; a broker or topic "
            + "with message.timestamp.before.max.ms set refuses records older than that. With read, retention counts "
            + "from the read, and sinks that bucket by record time bucket by read time: partition by the endTs field "
            + "instead. Progress and invalid records always carry the read time.";
    public static final String RECORD_TIMESTAMP_DEFAULT = RecordTimestamp.READ.configName();
    private static final String RECORD_TIMESTAMP_DISPLAY = "Record timestamp";

    public static final String START_TIME_CONFIG = "start.time";
    public static final String START_TIME_DOC = "Read calls that started at or after this time, an ISO-8601 instant "
            + "such as 2026-01-01T00:00:00Z; not in the future. Empty reads as far back as the API allows: its 7-day "
            + "horizon, less an hour so that the first backfill does not race it.";
    public static final String START_TIME_DEFAULT = "";
    private static final String START_TIME_DISPLAY = "Start time";

    public static final String CALL_TYPES_CONFIG = "call.types";
    public static final String CALL_TYPES_DOC = "Which calls to read: " + CALL_TYPE_SINGLE + " (one-to-one), "
            + CALL_TYPE_GROUP + ", or both. An application without the TUICallKit group-call package is refused "
            + "group-only reads (v1's error 50001); the default still reads its single calls. v4 calls these "
            + "SingleCall and MultiCall.";
    public static final String CALL_TYPES_DEFAULT = String.join(",", CALL_TYPES);
    private static final String CALL_TYPES_DISPLAY = "Call types";

    public static final String CALL_RESULTS_CONFIG = "call.results";
    public static final String CALL_RESULTS_DOC = "Keep only calls with one of these results: "
            + String.join(", ", KNOWN_CALL_RESULTS) + ", or a value the API adds later (compared ignoring case, "
            + "and matching v4's spelling too: not_answer keeps v4's NotAnswer). Empty keeps all calls.";
    public static final String CALL_RESULTS_DEFAULT = "";
    private static final String CALL_RESULTS_DISPLAY = "Call results";

    public static final String CALL_MAX_DURATION_MS_CONFIG = "call.max.duration.ms";
    public static final String CALL_MAX_DURATION_MS_DOC = "The longest call, in milliseconds, that the connector "
            + "promises to capture. The API filters on start time but a record appears only when its call ends, so "
            + "long calls are found by re-reading this far back. Longer calls are read by the overlong sweep, so they "
            + "arrive up to overlong.call.sweep.interval.ms late, and are lost only when they outlast the API's "
            + "7 days.";
    public static final long CALL_MAX_DURATION_MS_DEFAULT = Duration.ofHours(6).toMillis();
    private static final String CALL_MAX_DURATION_MS_DISPLAY = "Maximum call duration (ms)";

    public static final String CALL_FAST_LANE_MAX_DURATION_MS_CONFIG = "call.fast.lane.max.duration.ms";
    public static final String CALL_FAST_LANE_MAX_DURATION_MS_DOC = "Calls up to this long, in milliseconds, are "
            + "read on every poll, which re-reads this far back; longer calls are read by the long-call sweep. Must "
            + "be shorter than " + CALL_MAX_DURATION_MS_CONFIG + ".";
    public static final long CALL_FAST_LANE_MAX_DURATION_MS_DEFAULT = Duration.ofMinutes(10).toMillis();
    private static final String CALL_FAST_LANE_MAX_DURATION_MS_DISPLAY = "Fast-lane maximum call duration (ms)";

    public static final String SETTLE_DELAY_MS_CONFIG = "settle.delay.ms";
    public static final String SETTLE_DELAY_MS_DOC = "How long after a call ends, in milliseconds, the connector "
            + "waits before treating that moment as final. It must cover the API's indexing delay: a record that "
            + "appears later than this may be missed.";
    public static final long SETTLE_DELAY_MS_DEFAULT = Duration.ofSeconds(30).toMillis();
    private static final String SETTLE_DELAY_MS_DISPLAY = "Settle delay (ms)";

    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    public static final String POLL_INTERVAL_MS_DOC = "How often, in milliseconds, the live tail is read.";
    public static final long POLL_INTERVAL_MS_DEFAULT = Duration.ofSeconds(5).toMillis();
    private static final String POLL_INTERVAL_MS_DISPLAY = "Poll interval (ms)";

    public static final String LONG_CALL_SWEEP_INTERVAL_MS_CONFIG = "long.call.sweep.interval.ms";
    public static final String LONG_CALL_SWEEP_INTERVAL_MS_DOC = "How often, in milliseconds, calls longer than "
            + CALL_FAST_LANE_MAX_DURATION_MS_CONFIG + " are swept; such calls arrive up to this much later. Each "
            + "sweep re-reads " + CALL_MAX_DURATION_MS_CONFIG + " of calls, so it must not be longer than that, and "
            + "not shorter than " + POLL_INTERVAL_MS_CONFIG + ".";
    public static final long LONG_CALL_SWEEP_INTERVAL_MS_DEFAULT = Duration.ofMinutes(15).toMillis();
    private static final String LONG_CALL_SWEEP_INTERVAL_MS_DISPLAY = "Long-call sweep interval (ms)";

    public static final String OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG = "overlong.call.sweep.interval.ms";
    public static final String OVERLONG_CALL_SWEEP_INTERVAL_MS_DOC = "How often, in milliseconds, calls longer "
            + "than " + CALL_MAX_DURATION_MS_CONFIG + " are swept. Each sweep re-reads every call the API still "
            + "holds (7 days), on the task of the long-call lane, so it must not be shorter than "
            + LONG_CALL_SWEEP_INTERVAL_MS_CONFIG + ".";
    public static final long OVERLONG_CALL_SWEEP_INTERVAL_MS_DEFAULT = Duration.ofHours(24).toMillis();
    private static final String OVERLONG_CALL_SWEEP_INTERVAL_MS_DISPLAY = "Overlong-call sweep interval (ms)";

    public static final String PAGE_SIZE_CONFIG = "page.size";
    public static final String PAGE_SIZE_DOC = "How many records each request asks for (the API's numberPerPage, "
            + "at most " + ApiLimits.MAX_PAGE_SIZE + ").";
    public static final int PAGE_SIZE_DEFAULT = ApiLimits.MAX_PAGE_SIZE;
    private static final String PAGE_SIZE_DISPLAY = "Page size";

    public static final String SLICE_DURATION_MS_CONFIG = "slice.duration.ms";
    public static final String SLICE_DURATION_MS_DOC = "Size, in milliseconds, of the slices of call start time into "
            + "which the backfill is cut for the tasks to share. Offsets are kept per slice, so changing this later "
            + "re-reads the backfill range.";
    public static final long SLICE_DURATION_MS_DEFAULT = Duration.ofHours(1).toMillis();
    private static final String SLICE_DURATION_MS_DISPLAY = "Slice duration (ms)";

    public static final String PROGRESS_TOPIC_CONFIG = "progress.topic";
    public static final String PROGRESS_TOPIC_DOC = "The topic for small keyed progress records with a null value, "
            + "written so that the connector's position is saved also when no call arrives. Empty means <topic>"
            + PROGRESS_TOPIC_SUFFIX + ". Must differ from " + TOPIC_CONFIG + ".";
    public static final String PROGRESS_TOPIC_DEFAULT = "";
    private static final String PROGRESS_TOPIC_DISPLAY = "Progress topic";

    public static final String PROGRESS_INTERVAL_MS_CONFIG = "progress.interval.ms";
    public static final String PROGRESS_INTERVAL_MS_DOC = "At most one progress record per slice is written in "
            + "each such interval, in milliseconds.";
    public static final long PROGRESS_INTERVAL_MS_DEFAULT = Duration.ofMinutes(10).toMillis();
    private static final String PROGRESS_INTERVAL_MS_DISPLAY = "Progress interval (ms)";

    public static final String INVALID_RECORDS_TOPIC_CONFIG = "invalid.records.topic";
    public static final String INVALID_RECORDS_TOPIC_DOC = "The topic for the records the API sends that cannot be "
            + "emitted as calls (a missing callId or endTs, a value of the wrong type, a time no call can have): each "
            + "as an InvalidCallRecord with the record's JSON text, the reason, the API's requestId and the slice, "
            + "keyed by its callId when it has one. Empty means <topic>" + INVALID_RECORDS_TOPIC_SUFFIX + ". Must "
            + "differ from " + TOPIC_CONFIG + " and " + PROGRESS_TOPIC_CONFIG + ".";
    public static final String INVALID_RECORDS_TOPIC_DEFAULT = "";
    private static final String INVALID_RECORDS_TOPIC_DISPLAY = "Invalid-records topic";

    private static final ConfigDef CONFIG_DEF = buildConfigDef();

    public TrtcSourceConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props);
        // The start-time check is left to validate(): a worker whose clock lags the validating one must still start.
        Map<String, List<String>> errors = relationErrors(values(), Instant.MAX);
        if (!errors.isEmpty()) {
            Set<String> messages = new LinkedHashSet<>();
            errors.values().forEach(messages::addAll);
            throw new ConfigException("Invalid configuration: " + String.join("; ", messages));
        }
    }

    public static ConfigDef configDef() {
        return CONFIG_DEF;
    }

    private static ConfigDef buildConfigDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(API_VERSION_CONFIG, Type.STRING, API_VERSION_DEFAULT, apiVersion(), Importance.HIGH,
                API_VERSION_DOC, CONNECTION_GROUP, ++order, Width.SHORT, API_VERSION_DISPLAY,
                List.of(ENDPOINT_CONFIG), recommend(dialectNames()));
        def.define(ENDPOINT_CONFIG, Type.STRING, ENDPOINT_DEFAULT, httpUri(), Importance.HIGH, ENDPOINT_DOC,
                CONNECTION_GROUP, ++order, Width.LONG, ENDPOINT_DISPLAY, List.of(), endpointsOfDialect(API_VERSION_CONFIG));
        def.define(ALLOW_PLAIN_HTTP_CONFIG, Type.BOOLEAN, ALLOW_PLAIN_HTTP_DEFAULT, Importance.LOW,
                ALLOW_PLAIN_HTTP_DOC, CONNECTION_GROUP, ++order, Width.SHORT, ALLOW_PLAIN_HTTP_DISPLAY);
        def.define(SDKAPPID_CONFIG, Type.LONG, ConfigDef.NO_DEFAULT_VALUE, Range.atLeast(1L), Importance.HIGH,
                SDKAPPID_DOC, CONNECTION_GROUP, ++order, Width.MEDIUM, SDKAPPID_DISPLAY);
        def.define(IDENTIFIER_CONFIG, Type.STRING, IDENTIFIER_DEFAULT, new NonEmptyString(), Importance.MEDIUM,
                IDENTIFIER_DOC, CONNECTION_GROUP, ++order, Width.MEDIUM, IDENTIFIER_DISPLAY);
        def.define(SECRET_KEY_CONFIG, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, nonEmptyPassword(), Importance.HIGH,
                SECRET_KEY_DOC, CONNECTION_GROUP, ++order, Width.MEDIUM, SECRET_KEY_DISPLAY);
        def.define(CONNECTION_CHECK_CONFIG, Type.BOOLEAN, CONNECTION_CHECK_DEFAULT, Importance.LOW,
                CONNECTION_CHECK_DOC, CONNECTION_GROUP, ++order, Width.SHORT, CONNECTION_CHECK_DISPLAY);
        def.define(REQUESTS_PER_SECOND_CONFIG, Type.DOUBLE, REQUESTS_PER_SECOND_DEFAULT,
                positiveAtMost(ApiLimits.MAX_REQUESTS_PER_SECOND), Importance.MEDIUM,
                REQUESTS_PER_SECOND_DOC, CONNECTION_GROUP, ++order, Width.SHORT, REQUESTS_PER_SECOND_DISPLAY);
        def.define(REQUESTS_IN_FLIGHT_CONFIG, Type.INT, REQUESTS_IN_FLIGHT_DEFAULT,
                Range.between(1, REQUESTS_IN_FLIGHT_MAX), Importance.LOW, REQUESTS_IN_FLIGHT_DOC, CONNECTION_GROUP,
                ++order, Width.SHORT, REQUESTS_IN_FLIGHT_DISPLAY);
        def.define(REQUEST_TIMEOUT_MS_CONFIG, Type.LONG, REQUEST_TIMEOUT_MS_DEFAULT,
                millisBetween(MIN_REQUEST_TIMEOUT, RequestPolicy.MAX_REQUEST_TIMEOUT), Importance.LOW,
                REQUEST_TIMEOUT_MS_DOC, CONNECTION_GROUP, ++order, Width.SHORT, REQUEST_TIMEOUT_MS_DISPLAY);
        def.define(CONNECT_TIMEOUT_MS_CONFIG, Type.LONG, CONNECT_TIMEOUT_MS_DEFAULT,
                millisBetween(Duration.ofMillis(1), RequestPolicy.MAX_CONNECT_TIMEOUT), Importance.LOW,
                CONNECT_TIMEOUT_MS_DOC, CONNECTION_GROUP, ++order, Width.SHORT, CONNECT_TIMEOUT_MS_DISPLAY);
        def.define(RETRY_MAX_CONFIG, Type.INT, RETRY_MAX_DEFAULT, Range.between(0, RequestPolicy.MAX_RETRIES),
                Importance.LOW, RETRY_MAX_DOC, CONNECTION_GROUP, ++order, Width.SHORT, RETRY_MAX_DISPLAY);
        def.define(RETRY_BACKOFF_INITIAL_MS_CONFIG, Type.LONG, RETRY_BACKOFF_INITIAL_MS_DEFAULT,
                millisBetween(Duration.ofMillis(1), RequestPolicy.MAX_INITIAL_BACKOFF), Importance.LOW,
                RETRY_BACKOFF_INITIAL_MS_DOC, CONNECTION_GROUP, ++order, Width.SHORT, RETRY_BACKOFF_INITIAL_MS_DISPLAY);
        def.define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, RETRY_BACKOFF_MAX_MS_DEFAULT,
                millisBetween(Duration.ofMillis(1), RequestPolicy.MAX_MAX_BACKOFF), Importance.LOW,
                RETRY_BACKOFF_MAX_MS_DOC, CONNECTION_GROUP, ++order, Width.SHORT, RETRY_BACKOFF_MAX_MS_DISPLAY);
        def.define(RESPONSE_MAX_BYTES_CONFIG, Type.INT, RESPONSE_MAX_BYTES_DEFAULT,
                Range.between(RESPONSE_MAX_BYTES_MIN, RESPONSE_MAX_BYTES_MAX), Importance.LOW, RESPONSE_MAX_BYTES_DOC,
                CONNECTION_GROUP, ++order, Width.SHORT, RESPONSE_MAX_BYTES_DISPLAY);

        order = 0;
        def.define(TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, topicName(false), Importance.HIGH,
                TOPIC_DOC, READING_GROUP, ++order, Width.MEDIUM, TOPIC_DISPLAY);
        def.define(RECORD_TIMESTAMP_CONFIG, Type.STRING, RECORD_TIMESTAMP_DEFAULT, recordTimestamp(), Importance.LOW,
                RECORD_TIMESTAMP_DOC, READING_GROUP, ++order, Width.SHORT, RECORD_TIMESTAMP_DISPLAY,
                recommend(RecordTimestamp.configNames()));
        def.define(START_TIME_CONFIG, Type.STRING, START_TIME_DEFAULT, isoInstantOrEmpty(), Importance.MEDIUM,
                START_TIME_DOC, READING_GROUP, ++order, Width.MEDIUM, START_TIME_DISPLAY);
        def.define(CALL_TYPES_CONFIG, Type.LIST, CALL_TYPES_DEFAULT, nonEmptySubsetOf(CALL_TYPES), Importance.MEDIUM,
                CALL_TYPES_DOC, READING_GROUP, ++order, Width.SHORT, CALL_TYPES_DISPLAY, recommend(CALL_TYPES));
        def.define(CALL_RESULTS_CONFIG, Type.LIST, CALL_RESULTS_DEFAULT, noBlankEntries(), Importance.MEDIUM,
                CALL_RESULTS_DOC, READING_GROUP, ++order, Width.MEDIUM, CALL_RESULTS_DISPLAY,
                recommend(KNOWN_CALL_RESULTS));
        // Calls longer than the API's horizon could not be read back anyway.
        def.define(CALL_MAX_DURATION_MS_CONFIG, Type.LONG, CALL_MAX_DURATION_MS_DEFAULT,
                millisBetween(Duration.ofMinutes(10), ApiLimits.HORIZON), Importance.MEDIUM,
                CALL_MAX_DURATION_MS_DOC, READING_GROUP, ++order, Width.SHORT, CALL_MAX_DURATION_MS_DISPLAY);
        def.define(CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, Type.LONG, CALL_FAST_LANE_MAX_DURATION_MS_DEFAULT,
                millisBetween(Duration.ofMinutes(1), Duration.ofDays(1)), Importance.LOW,
                CALL_FAST_LANE_MAX_DURATION_MS_DOC, READING_GROUP, ++order, Width.SHORT,
                CALL_FAST_LANE_MAX_DURATION_MS_DISPLAY);
        def.define(SETTLE_DELAY_MS_CONFIG, Type.LONG, SETTLE_DELAY_MS_DEFAULT,
                millisBetween(Duration.ZERO, Duration.ofHours(1)), Importance.MEDIUM, SETTLE_DELAY_MS_DOC,
                READING_GROUP, ++order, Width.SHORT, SETTLE_DELAY_MS_DISPLAY);
        def.define(POLL_INTERVAL_MS_CONFIG, Type.LONG, POLL_INTERVAL_MS_DEFAULT,
                millisBetween(Duration.ofMillis(100), Duration.ofHours(1)), Importance.MEDIUM, POLL_INTERVAL_MS_DOC,
                READING_GROUP, ++order, Width.SHORT, POLL_INTERVAL_MS_DISPLAY);
        def.define(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, Type.LONG, LONG_CALL_SWEEP_INTERVAL_MS_DEFAULT,
                millisBetween(Duration.ofSeconds(10), Duration.ofDays(1)), Importance.LOW,
                LONG_CALL_SWEEP_INTERVAL_MS_DOC, READING_GROUP, ++order, Width.SHORT,
                LONG_CALL_SWEEP_INTERVAL_MS_DISPLAY);
        def.define(OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG, Type.LONG, OVERLONG_CALL_SWEEP_INTERVAL_MS_DEFAULT,
                millisBetween(Duration.ofMinutes(1), Duration.ofDays(6)), Importance.LOW,
                OVERLONG_CALL_SWEEP_INTERVAL_MS_DOC, READING_GROUP, ++order, Width.SHORT,
                OVERLONG_CALL_SWEEP_INTERVAL_MS_DISPLAY);
        def.define(PAGE_SIZE_CONFIG, Type.INT, PAGE_SIZE_DEFAULT, Range.between(1, ApiLimits.MAX_PAGE_SIZE),
                Importance.LOW, PAGE_SIZE_DOC, READING_GROUP, ++order, Width.SHORT, PAGE_SIZE_DISPLAY);
        def.define(SLICE_DURATION_MS_CONFIG, Type.LONG, SLICE_DURATION_MS_DEFAULT,
                millisBetween(Duration.ofMinutes(1), Duration.ofDays(1)), Importance.LOW, SLICE_DURATION_MS_DOC,
                READING_GROUP, ++order, Width.SHORT, SLICE_DURATION_MS_DISPLAY);

        order = 0;
        def.define(PROGRESS_TOPIC_CONFIG, Type.STRING, PROGRESS_TOPIC_DEFAULT, topicName(true), Importance.LOW,
                PROGRESS_TOPIC_DOC, PROGRESS_GROUP, ++order, Width.MEDIUM, PROGRESS_TOPIC_DISPLAY);
        def.define(PROGRESS_INTERVAL_MS_CONFIG, Type.LONG, PROGRESS_INTERVAL_MS_DEFAULT,
                millisBetween(Duration.ofSeconds(1), Duration.ofDays(1)), Importance.LOW, PROGRESS_INTERVAL_MS_DOC,
                PROGRESS_GROUP, ++order, Width.SHORT, PROGRESS_INTERVAL_MS_DISPLAY);

        order = 0;
        def.define(INVALID_RECORDS_TOPIC_CONFIG, Type.STRING, INVALID_RECORDS_TOPIC_DEFAULT, topicName(true),
                Importance.LOW, INVALID_RECORDS_TOPIC_DOC, INVALID_RECORDS_GROUP, ++order, Width.MEDIUM,
                INVALID_RECORDS_TOPIC_DISPLAY);
        return def;
    }

    /**
     * Checks that relate keys to each other, for the connector's {@code validate()}. A check runs only when its
     * keys parsed and passed their own validators: {@link ConfigDef#validate(Map)} reports those errors already.
     *
     * @param now the wall clock, which {@code start.time} must not be after
     * @return error messages by the key they concern; a message that concerns two keys is under both
     */
    public static Map<String, List<String>> crossFieldErrors(Map<String, String> props, Instant now) {
        Map<String, Object> parsed = new HashMap<>();
        for (ConfigKey key : CONFIG_DEF.configKeys().values()) {
            boolean given = props.containsKey(key.name);
            if (!given && !key.hasDefault()) {
                continue;
            }
            try {
                Object value = ConfigDef.parseType(key.name, given ? props.get(key.name) : key.defaultValue, key.type);
                if (key.validator != null) {
                    key.validator.ensureValid(key.name, value);
                }
                if (value != null) {
                    parsed.put(key.name, value);
                }
            } catch (ConfigException e) {
                // ConfigDef reports it on the key itself.
            }
        }
        return relationErrors(parsed, now);
    }

    private static Map<String, List<String>> relationErrors(Map<String, ?> values, Instant now) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (values.get(ENDPOINT_CONFIG) instanceof String endpoint
                && values.get(API_VERSION_CONFIG) instanceof String version) {
            dialectMismatch(URI.create(endpoint), ApiDialect.of(version))
                    .ifPresent(message -> addError(errors, message, ENDPOINT_CONFIG, API_VERSION_CONFIG));
        }
        if (values.get(ENDPOINT_CONFIG) instanceof String endpoint
                && values.get(ALLOW_PLAIN_HTTP_CONFIG) instanceof Boolean allowPlainHttp) {
            // Only the plain-http rule can fail here: the key's own validator checked the rest.
            try {
                ApiAccess.checkEndpoint(URI.create(endpoint), allowPlainHttp);
            } catch (IllegalArgumentException e) {
                addError(errors, ENDPOINT_CONFIG + ": " + e.getMessage() + " (" + ALLOW_PLAIN_HTTP_CONFIG + "=true)",
                        ENDPOINT_CONFIG);
            }
        }
        if (values.get(CALL_FAST_LANE_MAX_DURATION_MS_CONFIG) instanceof Long fastLane
                && values.get(CALL_MAX_DURATION_MS_CONFIG) instanceof Long maxDuration
                && fastLane >= maxDuration) {
            addError(errors, relation(CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, fastLane, "must be shorter than",
                    CALL_MAX_DURATION_MS_CONFIG, maxDuration), CALL_FAST_LANE_MAX_DURATION_MS_CONFIG,
                    CALL_MAX_DURATION_MS_CONFIG);
        }
        if (values.get(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG) instanceof Long sweep
                && values.get(CALL_MAX_DURATION_MS_CONFIG) instanceof Long maxDuration
                && sweep > maxDuration) {
            addError(errors, relation(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, sweep, "must not be longer than",
                    CALL_MAX_DURATION_MS_CONFIG, maxDuration), LONG_CALL_SWEEP_INTERVAL_MS_CONFIG,
                    CALL_MAX_DURATION_MS_CONFIG);
        }
        if (values.get(POLL_INTERVAL_MS_CONFIG) instanceof Long poll
                && values.get(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG) instanceof Long sweep
                && poll > sweep) {
            addError(errors, relation(POLL_INTERVAL_MS_CONFIG, poll, "must not be longer than",
                    LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, sweep), POLL_INTERVAL_MS_CONFIG,
                    LONG_CALL_SWEEP_INTERVAL_MS_CONFIG);
        }
        if (values.get(OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG) instanceof Long overlong
                && values.get(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG) instanceof Long sweep
                && overlong < sweep) {
            addError(errors, relation(OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG, overlong, "must not be shorter than",
                    LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, sweep), OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG,
                    LONG_CALL_SWEEP_INTERVAL_MS_CONFIG);
        }
        if (values.get(RETRY_BACKOFF_MAX_MS_CONFIG) instanceof Long maxBackoff
                && values.get(RETRY_BACKOFF_INITIAL_MS_CONFIG) instanceof Long initialBackoff
                && maxBackoff < initialBackoff) {
            addError(errors, relation(RETRY_BACKOFF_MAX_MS_CONFIG, maxBackoff, "must not be shorter than",
                    RETRY_BACKOFF_INITIAL_MS_CONFIG, initialBackoff), RETRY_BACKOFF_MAX_MS_CONFIG,
                    RETRY_BACKOFF_INITIAL_MS_CONFIG);
        }
        if (values.get(START_TIME_CONFIG) instanceof String startTime && !startTime.isEmpty()
                && Instant.parse(startTime).isAfter(now)) {
            addError(errors, START_TIME_CONFIG + " (" + startTime + ") must not be after the current time (" + now
                    + ")", START_TIME_CONFIG);
        }
        if (values.get(TOPIC_CONFIG) instanceof String topic
                && values.get(PROGRESS_TOPIC_CONFIG) instanceof String progressTopic) {
            if (progressTopic.equals(topic)) {
                addError(errors, relation(PROGRESS_TOPIC_CONFIG, progressTopic, "must differ from", TOPIC_CONFIG,
                        topic), PROGRESS_TOPIC_CONFIG, TOPIC_CONFIG);
            } else if (progressTopic.isEmpty()
                    && topic.length() + PROGRESS_TOPIC_SUFFIX.length() > MAX_TOPIC_NAME_LENGTH) {
                addError(errors, PROGRESS_TOPIC_CONFIG + " is empty, so it defaults to " + TOPIC_CONFIG + " + '"
                        + PROGRESS_TOPIC_SUFFIX + "', which is longer than the " + MAX_TOPIC_NAME_LENGTH
                        + " characters a topic name may have: set " + PROGRESS_TOPIC_CONFIG + " explicitly",
                        PROGRESS_TOPIC_CONFIG, TOPIC_CONFIG);
            }
        }
        if (values.get(TOPIC_CONFIG) instanceof String topic
                && values.get(INVALID_RECORDS_TOPIC_CONFIG) instanceof String invalidTopic) {
            if (invalidTopic.equals(topic)) {
                addError(errors, relation(INVALID_RECORDS_TOPIC_CONFIG, invalidTopic, "must differ from", TOPIC_CONFIG,
                        topic), INVALID_RECORDS_TOPIC_CONFIG, TOPIC_CONFIG);
            } else if (invalidTopic.isEmpty()
                    && topic.length() + INVALID_RECORDS_TOPIC_SUFFIX.length() > MAX_TOPIC_NAME_LENGTH) {
                addError(errors, INVALID_RECORDS_TOPIC_CONFIG + " is empty, so it defaults to " + TOPIC_CONFIG + " + '"
                        + INVALID_RECORDS_TOPIC_SUFFIX + "', which is longer than the " + MAX_TOPIC_NAME_LENGTH
                        + " characters a topic name may have: set " + INVALID_RECORDS_TOPIC_CONFIG + " explicitly",
                        INVALID_RECORDS_TOPIC_CONFIG, TOPIC_CONFIG);
            }
            if (values.get(PROGRESS_TOPIC_CONFIG) instanceof String progressTopic
                    && effective(invalidTopic, topic, INVALID_RECORDS_TOPIC_SUFFIX)
                        .equals(effective(progressTopic, topic, PROGRESS_TOPIC_SUFFIX))) {
                addError(errors, INVALID_RECORDS_TOPIC_CONFIG + " ('" + invalidTopic + "', that is '"
                        + effective(invalidTopic, topic, INVALID_RECORDS_TOPIC_SUFFIX) + "') must differ from "
                        + PROGRESS_TOPIC_CONFIG + " ('" + progressTopic + "', that is '"
                        + effective(progressTopic, topic, PROGRESS_TOPIC_SUFFIX) + "')", INVALID_RECORDS_TOPIC_CONFIG,
                        PROGRESS_TOPIC_CONFIG);
            }
        }
        return errors;
    }

    /**
     * An endpoint the vendor documents for the other family cannot answer this one: v4 hosts have no v1
     * path and the other way round, and a request there only fails with an HTTP 404 at run time.
     */
    private static Optional<String> dialectMismatch(URI endpoint, ApiDialect dialect) {
        String host = endpoint.getHost();
        if (host == null || dialect.servesHost(host)) {
            return Optional.empty();
        }
        for (ApiDialect other : ApiDialect.values()) {
            if (other.servesHost(host)) {
                return Optional.of(ENDPOINT_CONFIG + " (" + endpoint + ") is a host of the " + other.configName()
                        + " API, but " + API_VERSION_CONFIG + " is " + dialect.configName() + ": for "
                        + dialect.configName() + " use the host of the application's region, " + dialect.describeRegions()
                        + "; or set " + API_VERSION_CONFIG + "=" + other.configName()
                        + " if the application's calls are kept by that family");
            }
        }
        return Optional.empty();
    }

    private static List<String> dialectNames() {
        List<String> names = new ArrayList<>();
        for (ApiDialect dialect : ApiDialect.values()) {
            names.add(dialect.configName());
        }
        return names;
    }

    /** The topic a key names: its value, or {@code topic + suffix} when it is empty. */
    private static String effective(String configured, String topic, String suffix) {
        return configured.isEmpty() ? topic + suffix : configured;
    }

    private static String relation(String key, Object value, String relation, String otherKey, Object otherValue) {
        return key + " (" + value + ") " + relation + " " + otherKey + " (" + otherValue + ")";
    }

    private static void addError(Map<String, List<String>> errors, String message, String... keys) {
        for (String key : keys) {
            errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
        }
    }

    public long sdkAppId() {
        return getLong(SDKAPPID_CONFIG);
    }

    /** Which API host to ask, for which application and administrator. */
    public ApiAccess apiAccess() {
        return apiAccess(this::get);
    }

    /**
     * The API access from parsed values by key: those of a configuration, or those {@code validate()} checked
     * before there is one.
     */
    static ApiAccess apiAccess(Function<String, Object> values) {
        return new ApiAccess(ApiDialect.of((String) values.apply(API_VERSION_CONFIG)),
                URI.create((String) values.apply(ENDPOINT_CONFIG)), (Long) values.apply(SDKAPPID_CONFIG),
                (String) values.apply(IDENTIFIER_CONFIG), (Password) values.apply(SECRET_KEY_CONFIG),
                (Boolean) values.apply(ALLOW_PLAIN_HTTP_CONFIG));
    }

    /** How long a request may take and how it is retried. */
    public RequestPolicy requestPolicy() {
        return new RequestPolicy(millis(REQUEST_TIMEOUT_MS_CONFIG), millis(CONNECT_TIMEOUT_MS_CONFIG),
                getInt(RETRY_MAX_CONFIG), millis(RETRY_BACKOFF_INITIAL_MS_CONFIG), millis(RETRY_BACKOFF_MAX_MS_CONFIG),
                getInt(RESPONSE_MAX_BYTES_CONFIG));
    }

    /** The request budget of the whole connector, which its tasks share. */
    public double requestsPerSecond() {
        return getDouble(REQUESTS_PER_SECOND_CONFIG);
    }

    /** How many requests, of passes over different slices or pages of one list, a task keeps in flight at most. */
    public int requestsInFlight() {
        return getInt(REQUESTS_IN_FLIGHT_CONFIG);
    }

    /** What each pass reads and keeps. */
    public ReadSettings readSettings() {
        return new ReadSettings(settleDelay().toSeconds(), maxCallDuration().toSeconds(),
                fastLaneMaxDuration().toSeconds(), getInt(PAGE_SIZE_CONFIG),
                new LinkedHashSet<>(getList(CALL_TYPES_CONFIG)), new LinkedHashSet<>(getList(CALL_RESULTS_CONFIG)));
    }

    /** How often each lane is read. */
    public LaneSchedule laneSchedule() {
        return new LaneSchedule(millis(POLL_INTERVAL_MS_CONFIG), millis(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG),
                millis(OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG));
    }

    /**
     * The topics records go to; the progress topic is {@code <topic>.progress} and the invalid-records topic
     * {@code <topic>.invalid} when none is configured.
     */
    public RecordOutput recordOutput() {
        String topic = getString(TOPIC_CONFIG);
        return new RecordOutput(sdkAppId(), topic,
                effective(getString(PROGRESS_TOPIC_CONFIG), topic, PROGRESS_TOPIC_SUFFIX),
                effective(getString(INVALID_RECORDS_TOPIC_CONFIG), topic, INVALID_RECORDS_TOPIC_SUFFIX),
                millis(PROGRESS_INTERVAL_MS_CONFIG), RecordTimestamp.of(getString(RECORD_TIMESTAMP_CONFIG)));
    }

    /** Empty when reading should start at the API's horizon. */
    public Optional<Instant> startTime() {
        String startTime = getString(START_TIME_CONFIG);
        return startTime.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(startTime));
    }

    public Duration maxCallDuration() {
        return millis(CALL_MAX_DURATION_MS_CONFIG);
    }

    public Duration settleDelay() {
        return millis(SETTLE_DELAY_MS_CONFIG);
    }

    public Duration fastLaneMaxDuration() {
        return millis(CALL_FAST_LANE_MAX_DURATION_MS_CONFIG);
    }

    public Duration sliceDuration() {
        return millis(SLICE_DURATION_MS_CONFIG);
    }

    private Duration millis(String key) {
        return Duration.ofMillis(getLong(key));
    }
}

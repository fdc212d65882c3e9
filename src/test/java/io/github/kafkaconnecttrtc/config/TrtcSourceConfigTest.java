package io.github.kafkaconnecttrtc.config;

import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.ALLOW_PLAIN_HTTP_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.API_VERSION_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.RECORD_TIMESTAMP_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.CALL_FAST_LANE_MAX_DURATION_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.CALL_MAX_DURATION_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.CALL_RESULTS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.CALL_TYPES_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.CONNECTION_CHECK_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.CONNECT_TIMEOUT_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.ENDPOINT_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.IDENTIFIER_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.INVALID_RECORDS_TOPIC_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.LONG_CALL_SWEEP_INTERVAL_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.PAGE_SIZE_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.POLL_INTERVAL_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.PROGRESS_INTERVAL_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.PROGRESS_TOPIC_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.REQUESTS_IN_FLIGHT_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.REQUESTS_PER_SECOND_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.RESPONSE_MAX_BYTES_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.RETRY_BACKOFF_INITIAL_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.RETRY_BACKOFF_MAX_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.RETRY_MAX_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.SDKAPPID_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.SECRET_KEY_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.SETTLE_DELAY_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.SLICE_DURATION_MS_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.START_TIME_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.TOPIC_CONFIG;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.configDef;
import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.crossFieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.client.ApiAccess;
import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.client.RequestPolicy;
import io.github.kafkaconnecttrtc.source.LaneSchedule;
import io.github.kafkaconnecttrtc.source.ReadSettings;
import io.github.kafkaconnecttrtc.source.RecordOutput;
import io.github.kafkaconnecttrtc.source.RecordTimestamp;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrtcSourceConfigTest {

    private static final String SECRET = "5bd2850fff3ecb11d7c805251c51ee46-not-for-logs";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Map<String, String> requiredProps() {
        Map<String, String> props = new HashMap<>();
        props.put(SDKAPPID_CONFIG, "1400000000");
        props.put(SECRET_KEY_CONFIG, SECRET);
        props.put(TOPIC_CONFIG, "trtc.calls");
        return props;
    }

    private static Map<String, String> propsWith(Map<String, String> overrides) {
        Map<String, String> props = requiredProps();
        props.putAll(overrides);
        return props;
    }

    private static ConfigValue validated(Map<String, String> props, String key) {
        return configDef().validateAll(props).get(key);
    }

    @Test
    void usesTheDocumentedDefaultsWhenOnlyTheRequiredKeysAreGiven() {
        TrtcSourceConfig config = new TrtcSourceConfig(requiredProps());

        ApiAccess access = config.apiAccess();
        RequestPolicy requests = config.requestPolicy();
        ReadSettings read = config.readSettings();
        LaneSchedule schedule = config.laneSchedule();
        RecordOutput output = config.recordOutput();
        assertThat(access.endpoint()).isEqualTo(ApiAccess.DEFAULT_ENDPOINT);
        assertThat(access.allowPlainHttp()).isFalse();
        assertThat(config.sdkAppId()).isEqualTo(1400000000L);
        assertThat(access.sdkAppId()).isEqualTo(1400000000L);
        assertThat(access.identifier()).isEqualTo("administrator");
        assertThat(access.secretKey().value()).isEqualTo(SECRET);
        assertThat(config.getBoolean(CONNECTION_CHECK_CONFIG)).isFalse();
        assertThat(config.requestsPerSecond()).isEqualTo(200.0);
        assertThat(requests.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(requests.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(requests.maxRetries()).isEqualTo(8);
        assertThat(requests.initialBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(requests.maxBackoff()).isEqualTo(Duration.ofSeconds(15));
        assertThat(requests.maxResponseBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(output.topic()).isEqualTo("trtc.calls");
        assertThat(output.sdkAppId()).isEqualTo(1400000000L);
        assertThat(config.startTime()).isEmpty();
        assertThat(read.callTypes()).containsExactly("single", "group");
        assertThat(read.callResults()).isEmpty();
        assertThat(config.maxCallDuration()).isEqualTo(Duration.ofHours(6));
        assertThat(read.maxCallSeconds()).isEqualTo(Duration.ofHours(6).toSeconds());
        assertThat(read.fastLaneSeconds()).isEqualTo(Duration.ofMinutes(10).toSeconds());
        assertThat(config.settleDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(read.settleSeconds()).isEqualTo(30);
        assertThat(schedule.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.sweepInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(schedule.overlongSweepInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(read.pageSize()).isEqualTo(100);
        assertThat(config.sliceDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(output.progressTopic()).isEqualTo("trtc.calls.progress");
        assertThat(output.progressInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(output.invalidTopic()).isEqualTo("trtc.calls.invalid");
    }

    @Test
    void typedAccessorsReturnTheGivenValues() {
        Map<String, String> props = new HashMap<>();
        props.put(ENDPOINT_CONFIG, "https://callkit.trtc.tencent-cloud.com/");
        props.put(ALLOW_PLAIN_HTTP_CONFIG, "true");
        props.put(SDKAPPID_CONFIG, "1400000001");
        props.put(IDENTIFIER_CONFIG, "ops-admin");
        props.put(SECRET_KEY_CONFIG, SECRET);
        props.put(CONNECTION_CHECK_CONFIG, "true");
        props.put(REQUESTS_PER_SECOND_CONFIG, "50.5");
        props.put(REQUEST_TIMEOUT_MS_CONFIG, "3001");
        props.put(CONNECT_TIMEOUT_MS_CONFIG, "1");
        props.put(RETRY_MAX_CONFIG, "0");
        props.put(RETRY_BACKOFF_INITIAL_MS_CONFIG, "100");
        props.put(RETRY_BACKOFF_MAX_MS_CONFIG, "100");
        props.put(RESPONSE_MAX_BYTES_CONFIG, "65536");
        props.put(TOPIC_CONFIG, "calls");
        props.put(START_TIME_CONFIG, "2026-01-01T08:00:00+08:00");
        props.put(CALL_TYPES_CONFIG, "SINGLE");
        props.put(CALL_RESULTS_CONFIG, "normal_end, offline");
        props.put(CALL_MAX_DURATION_MS_CONFIG, "604800000");
        props.put(CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "86400000");
        props.put(SETTLE_DELAY_MS_CONFIG, "0");
        props.put(POLL_INTERVAL_MS_CONFIG, "100");
        props.put(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "86400000");
        props.put(PAGE_SIZE_CONFIG, "1");
        props.put(SLICE_DURATION_MS_CONFIG, "60000");
        props.put(PROGRESS_TOPIC_CONFIG, "calls-progress");
        props.put(PROGRESS_INTERVAL_MS_CONFIG, "1000");
        props.put(INVALID_RECORDS_TOPIC_CONFIG, "calls-invalid");

        TrtcSourceConfig config = new TrtcSourceConfig(props);

        ApiAccess access = config.apiAccess();
        RequestPolicy requests = config.requestPolicy();
        ReadSettings read = config.readSettings();
        LaneSchedule schedule = config.laneSchedule();
        RecordOutput output = config.recordOutput();
        assertThat(access.endpoint()).isEqualTo(URI.create("https://callkit.trtc.tencent-cloud.com/"));
        assertThat(access.allowPlainHttp()).isTrue();
        assertThat(config.sdkAppId()).isEqualTo(1400000001L);
        assertThat(access.sdkAppId()).isEqualTo(1400000001L);
        assertThat(access.identifier()).isEqualTo("ops-admin");
        assertThat(access.secretKey().value()).isEqualTo(SECRET);
        assertThat(config.getBoolean(CONNECTION_CHECK_CONFIG)).isTrue();
        assertThat(config.requestsPerSecond()).isEqualTo(50.5);
        assertThat(requests.requestTimeout()).isEqualTo(Duration.ofMillis(3001));
        assertThat(requests.connectTimeout()).isEqualTo(Duration.ofMillis(1));
        assertThat(requests.maxRetries()).isZero();
        assertThat(requests.initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(requests.maxBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(requests.maxResponseBytes()).isEqualTo(65536);
        assertThat(output.topic()).isEqualTo("calls");
        assertThat(output.sdkAppId()).isEqualTo(1400000001L);
        assertThat(config.startTime()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(read.callTypes()).containsExactly("single");
        assertThat(read.callResults()).containsExactly("normal_end", "offline");
        assertThat(config.maxCallDuration()).isEqualTo(Duration.ofDays(7));
        assertThat(read.maxCallSeconds()).isEqualTo(Duration.ofDays(7).toSeconds());
        assertThat(read.fastLaneSeconds()).isEqualTo(Duration.ofDays(1).toSeconds());
        assertThat(config.settleDelay()).isZero();
        assertThat(read.settleSeconds()).isZero();
        assertThat(schedule.pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(schedule.sweepInterval()).isEqualTo(Duration.ofDays(1));
        assertThat(read.pageSize()).isEqualTo(1);
        assertThat(config.sliceDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(output.progressTopic()).isEqualTo("calls-progress");
        assertThat(output.invalidTopic()).isEqualTo("calls-invalid");
        assertThat(output.progressInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void typedCollectionsCannotBeModified() {
        TrtcSourceConfig config = new TrtcSourceConfig(requiredProps());

        ReadSettings read = config.readSettings();
        assertThatThrownBy(() -> read.callTypes().add("video")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.callResults().add("cancel")).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> invalidSingleValues() {
        return Stream.of(
                Arguments.of(SDKAPPID_CONFIG, null),
                Arguments.of(SECRET_KEY_CONFIG, null),
                Arguments.of(TOPIC_CONFIG, null),
                Arguments.of(ENDPOINT_CONFIG, "ftp://callkit-intl.trtc.tencent-cloud.com/"),
                Arguments.of(ENDPOINT_CONFIG, "callkit-intl.trtc.tencent-cloud.com"),
                Arguments.of(ENDPOINT_CONFIG, "https://callkit-intl.trtc.tencent-cloud.com/?sdkappid=1"),
                Arguments.of(ENDPOINT_CONFIG, "https://host name/"),
                Arguments.of(ENDPOINT_CONFIG, "https:///no-host"),
                Arguments.of(ALLOW_PLAIN_HTTP_CONFIG, "maybe"),
                Arguments.of(SDKAPPID_CONFIG, "0"),
                Arguments.of(SDKAPPID_CONFIG, "14OOOOOOOO"),
                Arguments.of(IDENTIFIER_CONFIG, "  "),
                Arguments.of(SECRET_KEY_CONFIG, ""),
                Arguments.of(SECRET_KEY_CONFIG, "   "),
                Arguments.of(CONNECTION_CHECK_CONFIG, "yes"),
                Arguments.of(REQUESTS_PER_SECOND_CONFIG, "0"),
                Arguments.of(REQUESTS_PER_SECOND_CONFIG, "200.5"),
                Arguments.of(REQUESTS_PER_SECOND_CONFIG, "NaN"),
                Arguments.of(REQUESTS_PER_SECOND_CONFIG, "fast"),
                Arguments.of(REQUEST_TIMEOUT_MS_CONFIG, "3000"),
                Arguments.of(REQUEST_TIMEOUT_MS_CONFIG, "10s"),
                Arguments.of(REQUEST_TIMEOUT_MS_CONFIG, "30001"),
                Arguments.of(CONNECT_TIMEOUT_MS_CONFIG, "0"),
                Arguments.of(CONNECT_TIMEOUT_MS_CONFIG, "30001"),
                Arguments.of(RETRY_MAX_CONFIG, "-1"),
                Arguments.of(RETRY_MAX_CONFIG, "21"),
                Arguments.of(RETRY_BACKOFF_INITIAL_MS_CONFIG, "0"),
                Arguments.of(RETRY_BACKOFF_INITIAL_MS_CONFIG, "2001"),
                Arguments.of(RETRY_BACKOFF_MAX_MS_CONFIG, "-5"),
                Arguments.of(RETRY_BACKOFF_MAX_MS_CONFIG, "300001"),
                Arguments.of(RESPONSE_MAX_BYTES_CONFIG, "65535"),
                Arguments.of(RESPONSE_MAX_BYTES_CONFIG, "67108865"),
                Arguments.of(RESPONSE_MAX_BYTES_CONFIG, "4MB"),
                Arguments.of(TOPIC_CONFIG, ""),
                Arguments.of(TOPIC_CONFIG, "trtc calls"),
                Arguments.of(TOPIC_CONFIG, "trtc/calls"),
                Arguments.of(TOPIC_CONFIG, "."),
                Arguments.of(TOPIC_CONFIG, ".."),
                Arguments.of(TOPIC_CONFIG, "t".repeat(250)),
                Arguments.of(START_TIME_CONFIG, "yesterday"),
                Arguments.of(START_TIME_CONFIG, "2026-01-01"),
                Arguments.of(START_TIME_CONFIG, "2026-01-01T00:00:00"),
                Arguments.of(CALL_TYPES_CONFIG, ""),
                Arguments.of(CALL_TYPES_CONFIG, "single,video"),
                Arguments.of(CALL_TYPES_CONFIG, "single,"),
                Arguments.of(CALL_RESULTS_CONFIG, "normal_end,,cancel"),
                Arguments.of(CALL_MAX_DURATION_MS_CONFIG, "599999"),
                Arguments.of(CALL_MAX_DURATION_MS_CONFIG, "604800001"),
                Arguments.of(CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "59999"),
                Arguments.of(CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "86400001"),
                Arguments.of(SETTLE_DELAY_MS_CONFIG, "-1"),
                Arguments.of(SETTLE_DELAY_MS_CONFIG, "3600001"),
                Arguments.of(POLL_INTERVAL_MS_CONFIG, "99"),
                Arguments.of(POLL_INTERVAL_MS_CONFIG, "3600001"),
                Arguments.of(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "9999"),
                Arguments.of(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "86400001"),
                Arguments.of(OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "59999"),
                Arguments.of(OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "518400001"),
                Arguments.of(PAGE_SIZE_CONFIG, "0"),
                Arguments.of(PAGE_SIZE_CONFIG, "101"),
                Arguments.of(SLICE_DURATION_MS_CONFIG, "59999"),
                Arguments.of(SLICE_DURATION_MS_CONFIG, "86400001"),
                Arguments.of(PROGRESS_TOPIC_CONFIG, "trtc:progress"),
                Arguments.of(PROGRESS_INTERVAL_MS_CONFIG, "999"),
                Arguments.of(PROGRESS_INTERVAL_MS_CONFIG, "86400001"),
                Arguments.of(INVALID_RECORDS_TOPIC_CONFIG, "trtc calls invalid"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("invalidSingleValues")
    void rejectsAnInvalidValueWithAMessageNamingTheKey(String key, String value) {
        Map<String, String> props = requiredProps();
        if (value == null) {
            props.remove(key);
        } else {
            props.put(key, value);
        }

        assertThatThrownBy(() -> new TrtcSourceConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .message().doesNotContain(SECRET);
        assertThat(validated(props, key).errorMessages())
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message).contains(key).doesNotContain(SECRET));
    }

    @Test
    void explainsWhatAnInvalidValueShouldBe() {
        assertThat(validated(propsWith(Map.of(CALL_MAX_DURATION_MS_CONFIG, "1000")), CALL_MAX_DURATION_MS_CONFIG)
                .errorMessages())
                .singleElement().asString()
                .contains("from 600000 (10 minutes) to 604800000 (7 days)");
        assertThat(validated(propsWith(Map.of(CALL_TYPES_CONFIG, "single,video")), CALL_TYPES_CONFIG).errorMessages())
                .singleElement().asString()
                .contains("'video' is not one of single, group");
        assertThat(validated(propsWith(Map.of(START_TIME_CONFIG, "2026-01-01")), START_TIME_CONFIG).errorMessages())
                .singleElement().asString()
                .contains("ISO-8601 instant such as 2026-01-01T00:00:00Z");
        assertThat(validated(propsWith(Map.of(REQUESTS_PER_SECOND_CONFIG, "0")), REQUESTS_PER_SECOND_CONFIG)
                .errorMessages())
                .singleElement().asString()
                .contains("greater than 0 and at most 200");
        assertThat(validated(propsWith(Map.of(REQUEST_TIMEOUT_MS_CONFIG, "3000")), REQUEST_TIMEOUT_MS_CONFIG)
                .errorMessages())
                .singleElement().asString()
                .contains("from 3001 to 30000 (30 seconds)");
    }

    @Test
    void boundsTheTimeoutsAndBackOffsSoThatAPollCannotBeHeldForMinutes() {
        assertThat(validated(propsWith(Map.of(REQUEST_TIMEOUT_MS_CONFIG, "120000")), REQUEST_TIMEOUT_MS_CONFIG)
                .errorMessages()).singleElement().asString().contains("to 30000 (30 seconds)");
        assertThat(validated(propsWith(Map.of(CONNECT_TIMEOUT_MS_CONFIG, "60000")), CONNECT_TIMEOUT_MS_CONFIG)
                .errorMessages()).singleElement().asString().contains("from 1 to 30000 (30 seconds)");
        assertThat(validated(propsWith(Map.of(RETRY_MAX_CONFIG, "50")), RETRY_MAX_CONFIG)
                .errorMessages()).singleElement().asString().contains("no more than 20");
        assertThat(validated(propsWith(Map.of(RETRY_BACKOFF_INITIAL_MS_CONFIG, "10000")),
                RETRY_BACKOFF_INITIAL_MS_CONFIG).errorMessages()).singleElement().asString()
                .contains("from 1 to 2000 (2 seconds)");
        assertThat(validated(propsWith(Map.of(RETRY_BACKOFF_MAX_MS_CONFIG, Long.toString(Long.MAX_VALUE))),
                RETRY_BACKOFF_MAX_MS_CONFIG).errorMessages()).singleElement().asString()
                .contains("from 1 to 300000 (5 minutes)");
        assertThat(configDef().validate(propsWith(Map.of(REQUEST_TIMEOUT_MS_CONFIG, "30000",
                CONNECT_TIMEOUT_MS_CONFIG, "30000", RETRY_MAX_CONFIG, "20", RETRY_BACKOFF_INITIAL_MS_CONFIG, "2000",
                RETRY_BACKOFF_MAX_MS_CONFIG, "300000"))))
                .allSatisfy(value -> assertThat(value.errorMessages()).isEmpty());
    }

    @Test
    void acceptsCallResultsTheApiAddsLaterAndCallTypesInAnyCaseOrSpelling() {
        Map<String, String> props = propsWith(Map.of(CALL_RESULTS_CONFIG, "hung_up,NotAnswer",
                CALL_TYPES_CONFIG, "Group"));

        TrtcSourceConfig config = new TrtcSourceConfig(props);

        assertThat(config.readSettings().callResults()).containsExactly("hung_up", "not_answer");
        assertThat(config.readSettings().callTypes()).containsExactly("group");
        assertThat(configDef().validate(props)).allSatisfy(value -> assertThat(value.errorMessages()).isEmpty());
    }

    @Test
    void recommendsTheKnownCallTypesAndResults() {
        Map<String, ConfigValue> values = configDef().validateAll(requiredProps());

        assertThat(values.get(CALL_TYPES_CONFIG).recommendedValues()).containsExactly("single", "group");
        assertThat(values.get(CALL_RESULTS_CONFIG).recommendedValues())
                .containsExactly("cancel", "reject", "not_answer", "normal_end", "call_busy", "interrupt", "offline");
    }

    static Stream<Arguments> crossFieldViolations() {
        return Stream.of(
                Arguments.of("v4 with the v1 host, the default endpoint",
                        Map.of(API_VERSION_CONFIG, "v4"),
                        List.of(ENDPOINT_CONFIG, API_VERSION_CONFIG),
                        List.of("is a host of the v1 API, but trtc.api.version is v4",
                                "https://adminapisgp.im.qcloud.com/ (Singapore)", "set trtc.api.version=v1")),
                Arguments.of("v1 with a v4 region domain",
                        Map.of(ENDPOINT_CONFIG, "https://adminapiger.im.qcloud.com/"),
                        List.of(ENDPOINT_CONFIG, API_VERSION_CONFIG),
                        List.of("is a host of the v4 API, but trtc.api.version is v1",
                                "https://callkit.trtc.tencent-cloud.com/ (mainland China)", "set trtc.api.version=v4")),
                Arguments.of("plain http to a remote host",
                        Map.of(ENDPOINT_CONFIG, "http://10.0.0.1:8080/"),
                        List.of(ENDPOINT_CONFIG),
                        List.of(ENDPOINT_CONFIG, "plain http", ALLOW_PLAIN_HTTP_CONFIG + "=true")),
                Arguments.of("plain http to the real API host",
                        Map.of(ENDPOINT_CONFIG, "http://callkit-intl.trtc.tencent-cloud.com/"),
                        List.of(ENDPOINT_CONFIG),
                        List.of(ENDPOINT_CONFIG, "plain http", ALLOW_PLAIN_HTTP_CONFIG)),
                Arguments.of("fast lane as long as the maximum call",
                        Map.of(CALL_MAX_DURATION_MS_CONFIG, "600000", CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "600000",
                                LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "600000"),
                        List.of(CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, CALL_MAX_DURATION_MS_CONFIG),
                        List.of("call.fast.lane.max.duration.ms (600000) must be shorter than "
                                + "call.max.duration.ms (600000)")),
                Arguments.of("fast lane longer than the maximum call",
                        Map.of(CALL_MAX_DURATION_MS_CONFIG, "600000", CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "3600000",
                                LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "600000"),
                        List.of(CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, CALL_MAX_DURATION_MS_CONFIG),
                        List.of("call.fast.lane.max.duration.ms (3600000) must be shorter than "
                                + "call.max.duration.ms (600000)")),
                Arguments.of("sweep less often than the maximum call",
                        Map.of(CALL_MAX_DURATION_MS_CONFIG, "600000", CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "60000",
                                LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "600001"),
                        List.of(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, CALL_MAX_DURATION_MS_CONFIG),
                        List.of("long.call.sweep.interval.ms (600001) must not be longer than "
                                + "call.max.duration.ms (600000)")),
                Arguments.of("poll less often than the sweep",
                        Map.of(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "10000", POLL_INTERVAL_MS_CONFIG, "10001"),
                        List.of(POLL_INTERVAL_MS_CONFIG, LONG_CALL_SWEEP_INTERVAL_MS_CONFIG),
                        List.of("poll.interval.ms (10001) must not be longer than "
                                + "long.call.sweep.interval.ms (10000)")),
                Arguments.of("overlong sweep more often than the long-call sweep",
                        Map.of(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "600000", OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG,
                                "599999"),
                        List.of(OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG, LONG_CALL_SWEEP_INTERVAL_MS_CONFIG),
                        List.of("overlong.call.sweep.interval.ms (599999) must not be shorter than "
                                + "long.call.sweep.interval.ms (600000)")),
                Arguments.of("maximum back-off below the initial one",
                        Map.of(RETRY_BACKOFF_INITIAL_MS_CONFIG, "1000", RETRY_BACKOFF_MAX_MS_CONFIG, "999"),
                        List.of(RETRY_BACKOFF_MAX_MS_CONFIG, RETRY_BACKOFF_INITIAL_MS_CONFIG),
                        List.of("trtc.retry.backoff.max.ms (999) must not be shorter than "
                                + "trtc.retry.backoff.initial.ms (1000)")),
                Arguments.of("start time in the future",
                        Map.of(START_TIME_CONFIG, "2026-03-01T12:00:01Z"),
                        List.of(START_TIME_CONFIG),
                        List.of("start.time (2026-03-01T12:00:01Z) must not be after the current time ("
                                + NOW + ")")),
                Arguments.of("progress records into the call topic",
                        Map.of(PROGRESS_TOPIC_CONFIG, "trtc.calls"),
                        List.of(PROGRESS_TOPIC_CONFIG, TOPIC_CONFIG),
                        List.of("progress.topic (trtc.calls) must differ from topic (trtc.calls)")),
                Arguments.of("default progress topic longer than a topic name may be",
                        Map.of(TOPIC_CONFIG, "t".repeat(241)),
                        List.of(PROGRESS_TOPIC_CONFIG, TOPIC_CONFIG),
                        List.of(PROGRESS_TOPIC_CONFIG, TOPIC_CONFIG, "249", "set progress.topic explicitly")),
                Arguments.of("invalid records into the call topic",
                        Map.of(INVALID_RECORDS_TOPIC_CONFIG, "trtc.calls"),
                        List.of(INVALID_RECORDS_TOPIC_CONFIG, TOPIC_CONFIG),
                        List.of("invalid.records.topic (trtc.calls) must differ from topic (trtc.calls)")),
                Arguments.of("invalid records into the default progress topic",
                        Map.of(INVALID_RECORDS_TOPIC_CONFIG, "trtc.calls.progress"),
                        List.of(INVALID_RECORDS_TOPIC_CONFIG, PROGRESS_TOPIC_CONFIG),
                        List.of("invalid.records.topic", "must differ from progress.topic", "trtc.calls.progress")),
                Arguments.of("progress records into the default invalid-records topic",
                        Map.of(PROGRESS_TOPIC_CONFIG, "trtc.calls.invalid"),
                        List.of(INVALID_RECORDS_TOPIC_CONFIG, PROGRESS_TOPIC_CONFIG),
                        List.of("invalid.records.topic", "must differ from progress.topic", "trtc.calls.invalid")),
                Arguments.of("default invalid-records topic longer than a topic name may be",
                        Map.of(TOPIC_CONFIG, "t".repeat(242), PROGRESS_TOPIC_CONFIG, "progress"),
                        List.of(INVALID_RECORDS_TOPIC_CONFIG, TOPIC_CONFIG),
                        List.of(INVALID_RECORDS_TOPIC_CONFIG, TOPIC_CONFIG, "249",
                                "set invalid.records.topic explicitly")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossFieldViolations")
    void reportsACrossFieldViolationOnEveryKeyItConcerns(String description, Map<String, String> overrides,
            List<String> keys, List<String> fragments) {
        Map<String, List<String>> errors = crossFieldErrors(propsWith(overrides), NOW);

        assertThat(errors).containsOnlyKeys(keys);
        assertThat(errors.values()).allSatisfy(messages -> assertThat(messages).singleElement().asString()
                .contains(fragments)
                .doesNotContain(SECRET));
    }

    static Stream<Arguments> crossFieldBoundariesThatPass() {
        return Stream.of(
                Arguments.of("the defaults", Map.of()),
                Arguments.of("plain http to IPv4 loopback", Map.of(ENDPOINT_CONFIG, "http://127.0.0.1:8080/")),
                Arguments.of("plain http to localhost", Map.of(ENDPOINT_CONFIG, "http://localhost:8080/")),
                Arguments.of("plain http to a remote host when allowed",
                        Map.of(ENDPOINT_CONFIG, "http://10.0.0.1:8080/", ALLOW_PLAIN_HTTP_CONFIG, "true")),
                Arguments.of("fast lane just shorter than the maximum call, sweep as long as it",
                        Map.of(CALL_MAX_DURATION_MS_CONFIG, "600000", CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "599999",
                                LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "600000")),
                Arguments.of("poll as often as the sweep",
                        Map.of(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "10000", POLL_INTERVAL_MS_CONFIG, "10000")),
                Arguments.of("equal back-offs",
                        Map.of(RETRY_BACKOFF_INITIAL_MS_CONFIG, "1000", RETRY_BACKOFF_MAX_MS_CONFIG, "1000")),
                Arguments.of("start time now", Map.of(START_TIME_CONFIG, NOW.toString())),
                Arguments.of("start time in the past", Map.of(START_TIME_CONFIG, "2026-02-22T12:00:00Z")),
                Arguments.of("a separate progress topic", Map.of(PROGRESS_TOPIC_CONFIG, "trtc.calls.progress")),
                Arguments.of("the longest topic whose default progress topic is valid",
                        Map.of(TOPIC_CONFIG, "t".repeat(240))),
                Arguments.of("the longest topic with explicit progress and invalid-records topics",
                        Map.of(TOPIC_CONFIG, "t".repeat(249), PROGRESS_TOPIC_CONFIG, "progress",
                                INVALID_RECORDS_TOPIC_CONFIG, "invalid")),
                Arguments.of("the longest topic whose default invalid-records topic is valid",
                        Map.of(TOPIC_CONFIG, "t".repeat(241), PROGRESS_TOPIC_CONFIG, "progress")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossFieldBoundariesThatPass")
    void acceptsValuesThatMeetEveryRelation(String description, Map<String, String> overrides) {
        Map<String, String> props = propsWith(overrides);

        assertThat(crossFieldErrors(props, NOW)).isEmpty();
        assertThatCode(() -> new TrtcSourceConfig(props)).doesNotThrowAnyException();
    }

    static Stream<Arguments> relationsWithAnUnparsedInput() {
        return Stream.of(
                Arguments.of(Map.of(CALL_MAX_DURATION_MS_CONFIG, "six hours",
                        CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "86400000")),
                Arguments.of(Map.of(CALL_MAX_DURATION_MS_CONFIG, "60000",
                        CALL_FAST_LANE_MAX_DURATION_MS_CONFIG, "60000", LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "60000")),
                Arguments.of(Map.of(LONG_CALL_SWEEP_INTERVAL_MS_CONFIG, "soon", POLL_INTERVAL_MS_CONFIG, "3600000")),
                Arguments.of(Map.of(RETRY_BACKOFF_INITIAL_MS_CONFIG, "1000", RETRY_BACKOFF_MAX_MS_CONFIG, "0")),
                Arguments.of(Map.of(START_TIME_CONFIG, "tomorrow")),
                Arguments.of(Map.of(ENDPOINT_CONFIG, "http://10.0.0.1/", ALLOW_PLAIN_HTTP_CONFIG, "perhaps")),
                Arguments.of(Map.of(ENDPOINT_CONFIG, "ftp://10.0.0.1/")),
                Arguments.of(Map.of(TOPIC_CONFIG, "bad topic", PROGRESS_TOPIC_CONFIG, "bad topic")));
    }

    @ParameterizedTest
    @MethodSource("relationsWithAnUnparsedInput")
    void skipsARelationWhoseInputsDidNotParse(Map<String, String> overrides) {
        assertThat(crossFieldErrors(propsWith(overrides), NOW)).isEmpty();
    }

    @Test
    void skipsRelationsWithAMissingRequiredKey() {
        Map<String, String> props = propsWith(Map.of(PROGRESS_TOPIC_CONFIG, "trtc.calls"));
        props.remove(TOPIC_CONFIG);

        assertThat(crossFieldErrors(props, NOW)).isEmpty();
    }

    @Test
    void refusesToConstructAConfigThatBreaksARelation() {
        Map<String, String> props = propsWith(Map.of(RETRY_BACKOFF_INITIAL_MS_CONFIG, "1000",
                RETRY_BACKOFF_MAX_MS_CONFIG, "999", ENDPOINT_CONFIG, "http://10.0.0.1/"));

        assertThatThrownBy(() -> new TrtcSourceConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("trtc.retry.backoff.max.ms (999) must not be shorter than "
                        + "trtc.retry.backoff.initial.ms (1000)")
                .hasMessageContaining(ENDPOINT_CONFIG + ": endpoint 'http://10.0.0.1/' uses plain http")
                .message().doesNotContain(SECRET);
    }

    @Test
    void leavesTheClockCheckToValidateSoThatAWorkerWithALaggingClockStillStarts() {
        Instant future = Instant.now().plus(Duration.ofHours(1));

        TrtcSourceConfig config = new TrtcSourceConfig(propsWith(Map.of(START_TIME_CONFIG, future.toString())));

        assertThat(config.startTime()).contains(future);
    }

    @Test
    void neverRendersTheSecretKey() {
        Map<String, String> props = propsWith(Map.of(
                ENDPOINT_CONFIG, "http://10.0.0.1/", ALLOW_PLAIN_HTTP_CONFIG, "true"));
        TrtcSourceConfig config = new TrtcSourceConfig(props);

        assertThat(config.toString()).doesNotContain(SECRET);
        assertThat(config.values().toString()).doesNotContain(SECRET);
        assertThat(config.apiAccess().toString()).doesNotContain(SECRET);
        assertThat(configDef().validate(props).toString()).doesNotContain(SECRET);
        assertThat(crossFieldErrors(propsWith(Map.of(PROGRESS_TOPIC_CONFIG, "trtc.calls")), NOW).toString())
                .doesNotContain(SECRET);
        assertThat(configDef().configKeys().get(SECRET_KEY_CONFIG).type).isEqualTo(Type.PASSWORD);
    }

    @Test
    void readsV1UnlessTheApiVersionSaysV4() {
        assertThat(new TrtcSourceConfig(requiredProps()).apiAccess().dialect()).isEqualTo(ApiDialect.V1);
        TrtcSourceConfig v4 = new TrtcSourceConfig(propsWith(Map.of(API_VERSION_CONFIG, "V4",
                ENDPOINT_CONFIG, "https://adminapisgp.im.qcloud.com/")));

        assertThat(v4.apiAccess().dialect()).isEqualTo(ApiDialect.V4);
        assertThat(v4.apiAccess().endpoint()).isEqualTo(URI.create("https://adminapisgp.im.qcloud.com/"));
    }

    @Test
    void stampsCallsWithTheReadTimeUnlessTheirEndIsAskedFor() {
        assertThat(new TrtcSourceConfig(requiredProps()).recordOutput().timestamp()).isEqualTo(RecordTimestamp.READ);
        assertThat(new TrtcSourceConfig(propsWith(Map.of(RECORD_TIMESTAMP_CONFIG, "End"))).recordOutput().timestamp())
                .isEqualTo(RecordTimestamp.END);
        assertThat(validated(propsWith(Map.of(RECORD_TIMESTAMP_CONFIG, "start")), RECORD_TIMESTAMP_CONFIG)
                .errorMessages()).singleElement().asString().contains("read or end");
        assertThat(validated(requiredProps(), RECORD_TIMESTAMP_CONFIG).recommendedValues())
                .containsExactly("read", "end");
    }

    @Test
    void refusesAnUnknownApiVersion() {
        assertThat(validated(propsWith(Map.of(API_VERSION_CONFIG, "v2")), API_VERSION_CONFIG).errorMessages())
                .singleElement().asString().contains("v1 or v4");
    }

    @Test
    void recommendsTheEndpointsOfTheChosenApiVersion() {
        assertThat(validated(requiredProps(), ENDPOINT_CONFIG).recommendedValues()).containsExactly(
                "https://callkit-intl.trtc.tencent-cloud.com/", "https://callkit.trtc.tencent-cloud.com/");
        assertThat(validated(propsWith(Map.of(API_VERSION_CONFIG, "v4")), ENDPOINT_CONFIG).recommendedValues())
                .containsExactly("https://console.tim.qq.com/", "https://adminapisgp.im.qcloud.com/",
                        "https://adminapikr.im.qcloud.com/", "https://adminapiger.im.qcloud.com/",
                        "https://adminapiusa.im.qcloud.com/", "https://adminapiidn.im.qcloud.com/");
        assertThat(validated(requiredProps(), API_VERSION_CONFIG).recommendedValues()).containsExactly("v1", "v4");
    }

    @Test
    void acceptsAnEndpointOfNeitherFamilyForEitherVersion() {
        assertThat(crossFieldErrors(propsWith(Map.of(API_VERSION_CONFIG, "v4",
                ENDPOINT_CONFIG, "https://trtc-proxy.example.com/")), NOW)).isEmpty();
    }

    @Test
    void buildsTheClientsAccessAndRequestPolicy() {
        Map<String, String> props = propsWith(Map.of(
                ENDPOINT_CONFIG, "http://10.0.0.1:8080/",
                ALLOW_PLAIN_HTTP_CONFIG, "true",
                IDENTIFIER_CONFIG, "ops-admin",
                REQUESTS_PER_SECOND_CONFIG, "120",
                REQUEST_TIMEOUT_MS_CONFIG, "4000",
                CONNECT_TIMEOUT_MS_CONFIG, "700",
                RETRY_MAX_CONFIG, "3",
                RETRY_BACKOFF_INITIAL_MS_CONFIG, "50",
                RETRY_BACKOFF_MAX_MS_CONFIG, "2000"));

        TrtcSourceConfig config = new TrtcSourceConfig(props);
        ApiAccess access = config.apiAccess();
        RequestPolicy requests = config.requestPolicy();

        assertThat(access.endpoint()).isEqualTo(URI.create("http://10.0.0.1:8080/"));
        assertThat(access.allowPlainHttp()).isTrue();
        assertThat(access.sdkAppId()).isEqualTo(1400000000L);
        assertThat(access.identifier()).isEqualTo("ops-admin");
        assertThat(access.secretKey().value()).isEqualTo(SECRET);
        assertThat(config.requestsPerSecond()).isEqualTo(120);
        assertThat(requests.requestTimeout()).isEqualTo(Duration.ofMillis(4000));
        assertThat(requests.connectTimeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(requests.maxRetries()).isEqualTo(3);
        assertThat(requests.initialBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(requests.maxBackoff()).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void documentsEveryKeyWithAGroupADisplayNameAndAWidth() {
        assertThat(configDef().groups()).containsExactly("Connection", "Reading", "Progress", "Invalid records");
        assertThat(configDef().configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isIn(configDef().groups());
            assertThat(key.displayName).as(key.name).isNotBlank();
            assertThat(key.width).as(key.name).isNotNull();
            assertThat(key.importance).as(key.name).isNotNull();
        });
        assertThat(configDef().toRst()).contains(configDef().configKeys().keySet());
    }

    @Test
    void ordersKeysWithinEachGroupAsDocumented() {
        Map<String, List<String>> byGroup = configDef().configKeys().values().stream()
                .sorted(Comparator.comparingInt(key -> key.orderInGroup))
                .collect(Collectors.groupingBy(key -> key.group,
                        Collectors.mapping(key -> key.name, Collectors.toList())));
        Map<String, List<Integer>> orders = configDef().configKeys().values().stream()
                .collect(Collectors.groupingBy(key -> key.group,
                        Collectors.mapping((ConfigKey key) -> key.orderInGroup, Collectors.toList())));

        assertThat(byGroup.get("Connection")).containsExactly(API_VERSION_CONFIG, ENDPOINT_CONFIG, ALLOW_PLAIN_HTTP_CONFIG,
                SDKAPPID_CONFIG, IDENTIFIER_CONFIG, SECRET_KEY_CONFIG, CONNECTION_CHECK_CONFIG,
                REQUESTS_PER_SECOND_CONFIG, REQUESTS_IN_FLIGHT_CONFIG, REQUEST_TIMEOUT_MS_CONFIG,
                CONNECT_TIMEOUT_MS_CONFIG, RETRY_MAX_CONFIG, RETRY_BACKOFF_INITIAL_MS_CONFIG,
                RETRY_BACKOFF_MAX_MS_CONFIG, RESPONSE_MAX_BYTES_CONFIG);
        assertThat(byGroup.get("Reading")).containsExactly(TOPIC_CONFIG, RECORD_TIMESTAMP_CONFIG, START_TIME_CONFIG,
                CALL_TYPES_CONFIG,
                CALL_RESULTS_CONFIG, CALL_MAX_DURATION_MS_CONFIG, CALL_FAST_LANE_MAX_DURATION_MS_CONFIG,
                SETTLE_DELAY_MS_CONFIG, POLL_INTERVAL_MS_CONFIG, LONG_CALL_SWEEP_INTERVAL_MS_CONFIG,
                OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG, PAGE_SIZE_CONFIG,
                SLICE_DURATION_MS_CONFIG);
        assertThat(byGroup.get("Progress")).containsExactly(PROGRESS_TOPIC_CONFIG, PROGRESS_INTERVAL_MS_CONFIG);
        assertThat(byGroup.get("Invalid records")).containsExactly(INVALID_RECORDS_TOPIC_CONFIG);
        assertThat(orders.values()).allSatisfy(list -> assertThat(list).doesNotHaveDuplicates());
    }

    @Test
    void documentsThatTheConnectionCheckSendsARequestWithTheGivenCredentials() {
        assertThat(configDef().configKeys().get(CONNECTION_CHECK_CONFIG).documentation)
                .contains("validate", "one request to the API", "credentials");
        assertThat(configDef().configKeys().get(CONNECTION_CHECK_CONFIG).defaultValue).isEqualTo(false);
    }

    @Test
    void documentsHowToKeepTheSecretKeyOutOfTheStoredConfiguration() {
        assertThat(configDef().configKeys().get(SECRET_KEY_CONFIG).documentation)
                .contains("${file:/etc/kafka/trtc.properties:secret.key}", "${env:TRTC_SECRET_KEY}");
    }
}

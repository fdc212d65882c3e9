package io.github.kafkaconnecttrtc.config;

import io.github.kafkaconnecttrtc.client.ApiAccess;
import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.source.RecordTimestamp;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef.LambdaValidator;
import org.apache.kafka.common.config.ConfigDef.Recommender;
import org.apache.kafka.common.config.ConfigDef.Validator;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Validators and recommenders of {@link TrtcSourceConfig}. A {@link ConfigException} built from the key's name
 * and value reads "Invalid value X for configuration KEY: ...", so each message here only says what is expected;
 * the {@code toString()} of each validator is what the generated documentation shows as valid values.
 */
final class ConfigValidators {

    static final int MAX_TOPIC_NAME_LENGTH = 249;
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]+");

    private ConfigValidators() {
    }

    /** Plain http to a non-loopback host is a cross-field question, so this allows it. */
    static Validator httpUri() {
        String expected = "an absolute https:// URI without query, such as " + ApiAccess.DEFAULT_ENDPOINT;
        return LambdaValidator.with((name, value) -> {
            URI uri;
            try {
                uri = new URI(requireString(name, value));
            } catch (URISyntaxException e) {
                throw new ConfigException(name, value, "Expected " + expected + " (" + e.getReason() + ")");
            }
            try {
                ApiAccess.checkEndpoint(uri, true);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }, () -> expected);
    }

    static Validator positiveAtMost(double max) {
        String expected = "a number greater than 0 and at most " + number(max);
        return LambdaValidator.with((name, value) -> {
            // Written so that NaN fails too.
            if (!(value instanceof Double d && d > 0 && d <= max)) {
                throw new ConfigException(name, value, "Expected " + expected);
            }
        }, () -> "(0, " + number(max) + "]");
    }

    static Validator millisBetween(Duration min, Duration max) {
        String expected = "from " + millis(min) + " to " + millis(max);
        return LambdaValidator.with((name, value) -> {
            boolean inRange = value instanceof Long ms && ms >= min.toMillis() && ms <= max.toMillis();
            if (!inRange) {
                throw new ConfigException(name, value, "Expected a duration in milliseconds " + expected);
            }
        }, () -> expected);
    }

    static Validator topicName(boolean emptyMeansDefault) {
        String expected = "a Kafka topic name: 1 to " + MAX_TOPIC_NAME_LENGTH
                + " characters of a-z, A-Z, 0-9, '.', '_' and '-', other than '.' and '..'"
                + (emptyMeansDefault ? ", or empty for the default" : "");
        return LambdaValidator.with((name, value) -> {
            String topic = requireString(name, value);
            if (emptyMeansDefault && topic.isEmpty()) {
                return;
            }
            if (!isValidTopicName(topic)) {
                throw new ConfigException(name, value, "Expected " + expected);
            }
        }, () -> expected);
    }

    static Validator isoInstantOrEmpty() {
        String expected = "empty, or an ISO-8601 instant such as 2026-01-01T00:00:00Z";
        return LambdaValidator.with((name, value) -> {
            String text = requireString(name, value);
            if (text.isEmpty()) {
                return;
            }
            try {
                Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new ConfigException(name, value, "Expected " + expected);
            }
        }, () -> expected);
    }

    /** Entries are compared ignoring case, since the accessor lower-cases them. */
    static Validator nonEmptySubsetOf(List<String> allowed) {
        String expected = "a non-empty comma-separated list of " + String.join(", ", allowed);
        return LambdaValidator.with((name, value) -> {
            List<String> entries = requireList(name, value);
            if (entries.isEmpty()) {
                throw new ConfigException(name, value, "Expected " + expected);
            }
            for (String entry : entries) {
                if (!allowed.contains(entry.toLowerCase(Locale.ROOT))) {
                    throw new ConfigException(name, value,
                            "'" + entry + "' is not one of " + String.join(", ", allowed));
                }
            }
        }, () -> expected);
    }

    static Validator noBlankEntries() {
        String expected = "a comma-separated list without empty entries";
        return LambdaValidator.with((name, value) -> {
            for (String entry : requireList(name, value)) {
                if (entry.isBlank()) {
                    throw new ConfigException(name, value, "Expected " + expected);
                }
            }
        }, () -> expected);
    }

    static Validator nonEmptyPassword() {
        return LambdaValidator.with((name, value) -> {
            // Password.toString() is "[hidden]", so the exception never shows the secret.
            if (!(value instanceof Password p && p.value() != null && !p.value().isEmpty())) {
                throw new ConfigException(name, value, "Expected a non-empty secret");
            }
        }, () -> "non-empty");
    }

    /**
     * Lists values for the UI without restricting them. The list is a fresh copy because ConfigDef filters
     * recommended values in place when a key is validated as a dependent.
     */
    static Recommender recommend(List<String> values) {
        return new Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return new ArrayList<>(values);
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return true;
            }
        };
    }

    /** {@code v1} or {@code v4}, in any case, as {@link ApiDialect#of} reads it. */
    static Validator apiVersion() {
        return readBy(ApiDialect::of, "v1 or v4");
    }

    /** {@code read} or {@code end}, in any case, as {@link RecordTimestamp#of} reads it. */
    static Validator recordTimestamp() {
        return readBy(RecordTimestamp::of, "read or end");
    }

    /** A string that {@code read} accepts, which throws IllegalArgumentException for any other. */
    private static Validator readBy(Consumer<String> read, String expected) {
        return LambdaValidator.with((name, value) -> {
            try {
                read.accept(requireString(name, value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "Expected " + expected);
            }
        }, () -> expected);
    }

    /** Recommends the hosts the vendor documents for the chosen family; any other endpoint stays acceptable. */
    static Recommender endpointsOfDialect(String versionKey) {
        return new Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                ApiDialect dialect = ApiDialect.V1;
                if (parsedConfig.get(versionKey) instanceof String version) {
                    try {
                        dialect = ApiDialect.of(version);
                    } catch (IllegalArgumentException e) {
                        // The version's own validator reports it.
                    }
                }
                List<Object> endpoints = new ArrayList<>();
                dialect.regions().forEach(region -> endpoints.add(region.endpoint()));
                return endpoints;
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return true;
            }
        };
    }

    private static boolean isValidTopicName(String topic) {
        return topic.length() <= MAX_TOPIC_NAME_LENGTH
                && TOPIC_NAME.matcher(topic).matches()
                && !topic.equals(".")
                && !topic.equals("..");
    }

    /** Whole numbers without the ".0" that {@code Double.toString} adds. */
    static String number(double value) {
        boolean whole = value == Math.rint(value) && !Double.isInfinite(value);
        return whole ? Long.toString((long) value) : Double.toString(value);
    }

    /** A millisecond count, with a readable form when it is a whole number of larger units. */
    private static String millis(Duration duration) {
        long ms = duration.toMillis();
        String readable = readable(ms);
        return readable == null ? Long.toString(ms) : ms + " (" + readable + ")";
    }

    private static String readable(long ms) {
        long[] units = {Duration.ofDays(1).toMillis(), Duration.ofHours(1).toMillis(), Duration.ofMinutes(1).toMillis(),
            Duration.ofSeconds(1).toMillis()};
        String[] names = {"day", "hour", "minute", "second"};
        for (int i = 0; i < units.length; i++) {
            if (ms > 0 && ms % units[i] == 0) {
                long count = ms / units[i];
                return count + " " + names[i] + (count == 1 ? "" : "s");
            }
        }
        return null;
    }

    private static String requireString(String name, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new ConfigException(name, value, "Expected a string");
    }

    @SuppressWarnings("unchecked")
    private static List<String> requireList(String name, Object value) {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return (List<String>) list;
        }
        throw new ConfigException(name, value, "Expected a comma-separated list");
    }
}

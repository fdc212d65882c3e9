package io.github.kafkaconnecttrtc.streams.app;

import io.github.kafkaconnecttrtc.streams.CallStatsSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The application's settings from its arguments: each a properties file or a {@code key=value},
 * later ones winning. The application's own keys and the serde's {@code apicurio.registry.*} keys
 * are taken out; every other key goes to Kafka Streams as it is.
 *
 * @param topology      the topics and the window
 * @param registryUrl   Apicurio Registry's native API
 * @param serdeSettings the other {@code apicurio.registry.*} keys
 * @param streams       Kafka Streams' settings, with {@code application.id} defaulted
 */
public record AppConfig(CallStatsSettings topology, String registryUrl, Map<String, String> serdeSettings,
        Properties streams) {

    public static final String INPUT_TOPIC = "input.topic";
    public static final String COUNTS_TOPIC = "counts.topic";
    public static final String ANSWER_RATE_TOPIC = "answer.rate.topic";
    public static final String WINDOW = "dedup.window";
    public static final String REGISTRY_URL = "apicurio.registry.url";
    public static final String DEFAULT_APPLICATION_ID = "trtc-call-stats";

    private static final String SERDE_PREFIX = "apicurio.registry.";

    public static AppConfig fromArgs(String... args) throws IOException {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                settings.put(arg.substring(0, eq).trim(), arg.substring(eq + 1).trim());
            } else {
                Properties file = new Properties();
                try (Reader reader = Files.newBufferedReader(Path.of(arg))) {
                    file.load(reader);
                }
                file.stringPropertyNames().forEach(key -> settings.put(key, file.getProperty(key).trim()));
            }
        }
        return from(settings);
    }

    static AppConfig from(Map<String, String> given) {
        Map<String, String> settings = new HashMap<>(given);
        List<String> missing = new ArrayList<>();
        for (String required : List.of("bootstrap.servers", REGISTRY_URL, INPUT_TOPIC)) {
            if (settings.getOrDefault(required, "").isBlank()) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing " + String.join(", ", missing)
                    + ": give them as key=value arguments or in a properties file");
        }
        CallStatsSettings defaults = CallStatsSettings.forInput(settings.remove(INPUT_TOPIC), window(settings));
        CallStatsSettings topology = new CallStatsSettings(defaults.inputTopic(),
                orDefault(settings.remove(COUNTS_TOPIC), defaults.countsTopic()),
                orDefault(settings.remove(ANSWER_RATE_TOPIC), defaults.answerRateTopic()), defaults.window());
        String registryUrl = settings.remove(REGISTRY_URL);
        Map<String, String> serde = new HashMap<>();
        Properties streams = new Properties();
        streams.setProperty("application.id", DEFAULT_APPLICATION_ID);
        settings.forEach((key, value) -> {
            if (key.startsWith(SERDE_PREFIX)) {
                serde.put(key, value);
            } else {
                streams.setProperty(key, value);
            }
        });
        return new AppConfig(topology, registryUrl, Map.copyOf(serde), streams);
    }

    private static Duration window(Map<String, String> settings) {
        String text = settings.remove(WINDOW);
        if (text == null || text.isBlank()) {
            return CallStatsSettings.DEFAULT_WINDOW;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(WINDOW + " must be an ISO-8601 duration such as PT1H or P8D: " + text, e);
        }
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}

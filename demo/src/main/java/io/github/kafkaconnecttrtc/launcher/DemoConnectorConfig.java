package io.github.kafkaconnecttrtc.launcher;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import io.github.kafkaconnecttrtc.source.ReadSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connector configuration the demo deploys: a file of connector-config/ with the addresses of
 * this run (simulator or real endpoint, registry) and the API version put in, and relative
 * {@code ${file:...}} paths made absolute, since the worker resolves them against its own working
 * directory.
 */
public final class DemoConnectorConfig {

    public static final String APICURIO_URL = "value.converter.apicurio.registry.url";
    static final String CONFLUENT_URL = "value.converter.schema.registry.url";
    private static final Pattern FILE_REFERENCE = Pattern.compile("\\$\\{file:([^:}]+):([^}]+)}");

    private DemoConnectorConfig() {
    }

    public static Map<String, String> read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() { });
    }

    /**
     * @param simulator the simulator's endpoint, or null for the real endpoint of {@code options}
     * @param simulatorSdkAppId the simulator's application, when {@code simulator} is given
     */
    static Map<String, String> prepare(Map<String, String> file, DemoOptions options, URI simulator,
            long simulatorSdkAppId, RegistryUrls registry, Path basedir) {
        Map<String, String> config = new LinkedHashMap<>(file);
        if (simulator != null) {
            config.put(TrtcSourceConfig.ENDPOINT_CONFIG, simulator.toString());
            config.put(TrtcSourceConfig.SDKAPPID_CONFIG, Long.toString(simulatorSdkAppId));
        } else {
            config.put(TrtcSourceConfig.ENDPOINT_CONFIG, options.trtcEndpoint().toString());
            config.put(TrtcSourceConfig.SDKAPPID_CONFIG, Long.toString(options.sdkAppId()));
            config.put(TrtcSourceConfig.IDENTIFIER_CONFIG, options.identifier());
            config.put(TrtcSourceConfig.SECRET_KEY_CONFIG,
                    "${file:" + basedir.resolve(options.secretKeyFile()).toAbsolutePath().normalize() + ":secret.key}");
            // The simulator's values are tuned to its 5 s indexing delay; the API needs the default.
            config.remove(TrtcSourceConfig.SETTLE_DELAY_MS_CONFIG);
            config.remove(TrtcSourceConfig.ALLOW_PLAIN_HTTP_CONFIG);
        }
        // Always explicit: the deployed configuration names the endpoint it reads, whatever the plugin's default.
        config.put(TrtcSourceConfig.API_VERSION_CONFIG, apiVersion(file, options).configName());
        if (options.topic() != null) {
            config.put(TrtcSourceConfig.TOPIC_CONFIG, options.topic());
        }
        if (config.containsKey(APICURIO_URL) || String.valueOf(config.get("value.converter")).startsWith("io.apicurio")) {
            config.put(APICURIO_URL, registry.v2());
        }
        if (config.containsKey(CONFLUENT_URL)) {
            config.put(CONFLUENT_URL, registry.ccompat());
        }
        config.replaceAll((key, value) -> absoluteFileReferences(value, basedir));
        return config;
    }

    /** The API version the demo deploys: {@code --api}, else the configuration file's. */
    static ApiDialect apiVersion(Map<String, String> file, DemoOptions options) {
        return options.api() != null ? options.api() : ApiVersions.of(file);
    }

    /**
     * Refuses a real endpoint of the other version before anything starts: the connector's validation
     * would refuse it too, but only once the stack runs, and in terms of its keys rather than the options.
     */
    static void checkEndpointVersion(URI endpoint, ApiDialect api) {
        for (ApiDialect other : ApiDialect.values()) {
            if (other != api && other.servesHost(endpoint.getHost())) {
                throw new IllegalArgumentException("--trtc-endpoint " + endpoint + " is a host of the "
                        + other.configName() + " API, but the connector would read " + api.configName()
                        + ": add --api " + other.configName() + ", or use the " + api.configName()
                        + " host of the application's region");
            }
        }
    }

    public static String absoluteFileReferences(String value, Path basedir) {
        Matcher matcher = FILE_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Path path = Path.of(matcher.group(1));
            Path absolute = path.isAbsolute() ? path : basedir.resolve(path).toAbsolutePath().normalize();
            matcher.appendReplacement(out, Matcher.quoteReplacement("${file:" + absolute + ":" + matcher.group(2) + "}"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** What the progress view needs to know about the slices: their size, the longest call, where reading starts. */
    public record SliceGeometry(long sliceSeconds, long maxCallSeconds, Long startSeconds) {

        /** SlicePlanner.DEFAULT_START_GRACE_SECONDS, which is package-private. */
        private static final Duration DEFAULT_START_GRACE = Duration.ofHours(1);

        public static SliceGeometry of(Map<String, String> config) {
            long slice = millis(config, TrtcSourceConfig.SLICE_DURATION_MS_CONFIG,
                    TrtcSourceConfig.SLICE_DURATION_MS_DEFAULT);
            long maxCall = millis(config, TrtcSourceConfig.CALL_MAX_DURATION_MS_CONFIG,
                    TrtcSourceConfig.CALL_MAX_DURATION_MS_DEFAULT);
            String start = config.getOrDefault(TrtcSourceConfig.START_TIME_CONFIG, "").trim();
            return new SliceGeometry(slice / 1000, maxCall / 1000,
                    start.isEmpty() || start.startsWith("${") ? null : Instant.parse(start).getEpochSecond());
        }

        private static long millis(Map<String, String> config, String key, long fallback) {
            String value = config.get(key);
            try {
                return value == null ? fallback : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        /** Where the history starts: start.time, or the horizon plus an hour (SlicePlanner's rule). */
        long readFrom(long nowSeconds) {
            long floor = ReadSettings.horizonFloor(nowSeconds);
            return startSeconds == null ? floor + DEFAULT_START_GRACE.toSeconds() : Math.max(startSeconds, floor);
        }
    }
}

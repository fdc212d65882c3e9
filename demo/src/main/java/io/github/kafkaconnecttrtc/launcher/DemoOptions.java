package io.github.kafkaconnecttrtc.launcher;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's command line ({@code -Ddemo.args="..."}): what to run locally and what to use instead.
 *
 * @param trtcEndpoint a real TRTC records API to read, or null to start the simulator
 * @param api the API version the connector reads ({@code trtc.api.version}), or null for the configuration's
 * @param sdkAppId the application of {@code trtcEndpoint}
 * @param identifier its administrator account
 * @param secretKeyFile a properties file with {@code secret.key=...}, read by the worker's FileConfigProvider
 * @param bootstrapServers an existing Kafka, or null to start a broker
 * @param connectUrl an existing Connect cluster's REST API, or null to start a worker
 * @param registryUrl an existing Apicurio Registry 2.x (base URL), or null to start one
 * @param connectorConfig the connector configuration to deploy
 * @param connectorName the connector's name
 * @param topic the topic to write to instead of the configuration's, or null
 * @param callsPerSecond the simulator's call rate
 * @param historyDays days of history the simulator generates
 * @param latencyMillis the simulator's network delay per answer, in real time
 * @param redraw whether the progress view redraws in place (ANSI) or prints block after block; null: on a terminal
 * @param exitAfterRecords stop and exit once the connector runs and this many records arrived, or null to run
 *     until Ctrl-C
 * @param lake the folder of the data lake, an Iceberg table the Iceberg sink fills from the topic in the same
 *     worker, or null for none
 * @param help whether the usage text was asked for
 */
public record DemoOptions(
        URI trtcEndpoint,
        ApiDialect api,
        Long sdkAppId,
        String identifier,
        Path secretKeyFile,
        String bootstrapServers,
        URI connectUrl,
        URI registryUrl,
        Path connectorConfig,
        String connectorName,
        String topic,
        double callsPerSecond,
        int historyDays,
        long latencyMillis,
        Boolean redraw,
        Integer exitAfterRecords,
        Path lake,
        boolean help) {

    public static final Path DEFAULT_CONNECTOR_CONFIG = Path.of("connector-config", "trtc-local-simulator.json");
    public static final String DEFAULT_CONNECTOR_NAME = "trtc-call-records";
    public static final String DEFAULT_IDENTIFIER = "administrator";
    public static final double DEFAULT_CALLS_PER_SECOND = 0.5;
    public static final int DEFAULT_HISTORY_DAYS = 7;
    /** None: the demo shows a week's backfill in seconds; the benchmark measures with a realistic distance. */
    public static final long DEFAULT_LATENCY_MILLIS = 0;
    /** The simulator's bound on a delay. */
    static final int MAX_LATENCY_MILLIS = 10_000;

    public static final String USAGE = """
            Usage: mvn -q package -DskipTests exec:java@demo [-Ddemo.args="OPTIONS"]
              Starts a KRaft broker, a distributed Connect worker with the plugin from src/target/plugin,
              Apicurio Registry and the TRTC simulator, deploys the connector and shows its progress.
              Ctrl-C stops everything.

              A real TRTC application instead of the simulator (all four, but --identifier, together;
              and --api v4 for an application whose calls the v4 API keeps):
              --trtc-endpoint URL        e.g. https://callkit-intl.trtc.tencent-cloud.com/ (v1) or
                                         https://adminapisgp.im.qcloud.com/ (v4, Singapore)
              --sdkappid N               the application's SDKAppID
              --identifier ID            an administrator account (default administrator)
              --secret-key-file PATH     a properties file with secret.key=...; the worker reads it
                                         through its FileConfigProvider, so it must see the same path

              Existing services instead of the embedded ones:
              --bootstrap-servers H:P    an existing Kafka (needs --connect-url)
              --connect-url URL          an existing Connect cluster with this plugin and
                                         config.providers=file (needs --bootstrap-servers)
              --registry-url URL         an existing Apicurio Registry 2.x, e.g. http://127.0.0.1:8081

              --api v1|v4                the TRTC API version the connector reads (trtc.api.version):
                                         v1 for calls started with TUICallKit's call()/groupCall(),
                                         v4 for calls of its current API (default: the configuration's,
                                         v1); the simulator serves both
              --connector-config PATH    the configuration to deploy
                                         (default connector-config/trtc-local-simulator.json)
              --name NAME                the connector's name (default trtc-call-records)
              --topic NAME               the topic to write to (default: the configuration's,
                                         trtc.call-records)
              --calls-per-second X       the simulator's call rate (default 0.5)
              --history-days N           days of simulated history, 0..7 (default 7)
              --latency-ms N             the simulator's network delay of each answer, in ms, as the real
                                         API's distance adds (default 0: none, the quickest demo)
              --lake DIR                 also run the Apache Iceberg sink in the worker: every call
                                         of the topic into the Iceberg table trtc.calls, partitioned
                                         by the day the call ended, in a HadoopCatalog warehouse in
                                         DIR (e.g. target/lake), committed every second; the
                                         progress shows its row count (not with --connect-url)
              --plain                    print the progress block after block instead of redrawing it
              --exit-after-records N     stop everything and exit, with status 0 if every child
                                         stopped, once the connector and all its tasks are RUNNING
                                         and N records have arrived in the topic: a start-up check
                                         for scripts (demo/scripts/demo-starts.sh)
              --help                     print this text
            """;

    /**
     * Reads {@code args}; each option takes {@code --name value} or {@code --name=value}.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    public static DemoOptions parse(String... args) {
        URI trtcEndpoint = null;
        ApiDialect api = null;
        Long sdkAppId = null;
        String identifier = null;
        Path secretKeyFile = null;
        String bootstrapServers = null;
        URI connectUrl = null;
        URI registryUrl = null;
        Path connectorConfig = DEFAULT_CONNECTOR_CONFIG;
        String connectorName = DEFAULT_CONNECTOR_NAME;
        String topic = null;
        double callsPerSecond = DEFAULT_CALLS_PER_SECOND;
        int historyDays = DEFAULT_HISTORY_DAYS;
        long latencyMillis = DEFAULT_LATENCY_MILLIS;
        Boolean redraw = null;
        Integer exitAfterRecords = null;
        Path lake = null;
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg == null || arg.isBlank()) {
                continue; // an empty -Ddemo.args
            }
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                rest.add(arg.substring(0, equals));
                rest.add(arg.substring(equals + 1));
            } else {
                rest.add(arg);
            }
        }
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            switch (flag) {
                case "--help", "-h" -> {
                    return defaults(true);
                }
                case "--trtc-endpoint" -> trtcEndpoint = httpUrl(flag, value(flag, rest));
                case "--api" -> api = ApiVersions.parse(flag, value(flag, rest));
                case "--sdkappid" -> sdkAppId = positiveLong(flag, value(flag, rest));
                case "--identifier" -> identifier = nonBlank(flag, value(flag, rest));
                case "--secret-key-file" -> secretKeyFile = Path.of(nonBlank(flag, value(flag, rest)));
                case "--bootstrap-servers" -> bootstrapServers = hostPorts(flag, value(flag, rest));
                case "--connect-url" -> connectUrl = httpUrl(flag, value(flag, rest));
                case "--registry-url" -> registryUrl = httpUrl(flag, value(flag, rest));
                case "--connector-config" -> connectorConfig = Path.of(nonBlank(flag, value(flag, rest)));
                case "--name" -> connectorName = nonBlank(flag, value(flag, rest));
                case "--topic" -> topic = nonBlank(flag, value(flag, rest));
                case "--calls-per-second" -> callsPerSecond = number(flag, value(flag, rest), 0, 1000);
                case "--history-days" -> historyDays = integer(flag, value(flag, rest), 0, 7);
                case "--latency-ms" -> latencyMillis = integer(flag, value(flag, rest), 0, MAX_LATENCY_MILLIS);
                case "--lake" -> lake = Path.of(nonBlank(flag, value(flag, rest)));
                case "--plain" -> redraw = false;
                case "--exit-after-records" -> exitAfterRecords = integer(flag, value(flag, rest), 1, 1_000_000_000);
                default -> throw new IllegalArgumentException("unknown option " + flag + " (see --help)");
            }
        }
        boolean real = trtcEndpoint != null || sdkAppId != null || identifier != null || secretKeyFile != null;
        if (real && (trtcEndpoint == null || sdkAppId == null || secretKeyFile == null)) {
            throw new IllegalArgumentException("a real TRTC application needs --trtc-endpoint, --sdkappid and "
                    + "--secret-key-file together (--identifier defaults to " + DEFAULT_IDENTIFIER + ")");
        }
        if (real && latencyMillis > 0) {
            throw new IllegalArgumentException("--latency-ms delays the simulator's answers; a real TRTC application"
                    + " is as far away as it is");
        }
        if ((bootstrapServers == null) != (connectUrl == null)) {
            throw new IllegalArgumentException("--bootstrap-servers and --connect-url go together: an existing "
                    + "Connect cluster and the Kafka it writes to");
        }
        if (lake != null && connectUrl != null) {
            throw new IllegalArgumentException("--lake runs the Iceberg sink in the worker the demo starts; for an "
                    + "existing Connect cluster, put lake-plugin/target/plugin on its plugin.path and deploy the sink "
                    + "as docs/lake.md shows");
        }
        return new DemoOptions(trtcEndpoint, api, sdkAppId,
                real && identifier == null ? DEFAULT_IDENTIFIER : identifier,
                secretKeyFile, bootstrapServers, connectUrl, registryUrl, connectorConfig, connectorName, topic,
                callsPerSecond, historyDays, latencyMillis, redraw, exitAfterRecords, lake, false);
    }

    private static DemoOptions defaults(boolean help) {
        return new DemoOptions(null, null, null, null, null, null, null, null, DEFAULT_CONNECTOR_CONFIG,
                DEFAULT_CONNECTOR_NAME, null, DEFAULT_CALLS_PER_SECOND, DEFAULT_HISTORY_DAYS, DEFAULT_LATENCY_MILLIS,
                null, null, null, help);
    }

    /** Whether the simulator stands in for TRTC. */
    public boolean simulated() {
        return trtcEndpoint == null;
    }

    /** Whether the demo starts its own broker and worker. */
    public boolean embeddedConnect() {
        return connectUrl == null;
    }

    /** Whether the demo starts its own Apicurio Registry. */
    public boolean embeddedRegistry() {
        return registryUrl == null;
    }

    private static String value(String flag, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.remove(0);
    }

    private static String nonBlank(String flag, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return text.trim();
    }

    private static URI httpUrl(String flag, String text) {
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " needs a URL, got " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(flag + " needs an http(s) URL with a host, got " + text);
        }
        return uri;
    }

    private static String hostPorts(String flag, String text) {
        for (String hostPort : text.split(",")) {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(flag + " needs HOST:PORT[,HOST:PORT...], got " + text);
            }
            number(flag, hostPort.substring(colon + 1), 1, 65535);
        }
        return text.trim();
    }

    private static long positiveLong(String flag, String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a positive integer, got " + text);
    }

    private static double number(String flag, String text, double min, double max) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + text);
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(flag + " must be within " + fmt(min) + ".." + fmt(max) + ", got " + text);
        }
        return value;
    }

    private static int integer(String flag, String text, int min, int max) {
        double value = number(flag, text, min, max);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(flag + " needs a whole number, got " + text);
        }
        return (int) value;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

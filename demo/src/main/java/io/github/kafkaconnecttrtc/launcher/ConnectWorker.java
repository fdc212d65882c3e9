package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A Kafka Connect worker in distributed mode ({@code ConnectDistributed}) as a child JVM: REST on
 * 127.0.0.1, the connector from {@code plugin.path} with {@code plugin.discovery=service_load},
 * and the FileConfigProvider for the secret key.
 */
public final class ConnectWorker {

    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);
    /** A worker stopped to be started again has nothing to save yet. */
    private static final Duration RESTART_GRACE = Duration.ofSeconds(5);

    /** Everything a start needs but the ports and the broker's address. */
    private record Launch(ProcessSupervisor supervisor, Path runDir, Path workDir, String classpath,
            Path log4jConfig, Path pluginPath, String name, String configFile, List<String> extraJvmOptions,
            Map<String, String> extraProperties, Optional<PrometheusAgent> agent) {
    }

    private final Launch launch;
    private String bootstrapServers;
    private int port;
    private URI url;
    private URI metricsUrl;
    private ProcessSupervisor.Child child;

    private ConnectWorker(Launch launch, String bootstrapServers) {
        this.launch = launch;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * The demo's worker, with {@code extraProperties} added to or replacing its configuration and
     * {@code agent} serving its metrics to Prometheus.
     */
    public static ConnectWorker start(ProcessSupervisor supervisor, Path runDir, Path workDir, String classpath,
            Path log4jConfig, String bootstrapServers, Path pluginPath, Map<String, String> extraProperties,
            PrometheusAgent agent) throws IOException {
        agent.requireFiles();
        return start(supervisor, runDir, workDir, classpath, log4jConfig, bootstrapServers, pluginPath,
                "connect-worker", "worker.properties", List.of(), extraProperties, Optional.of(agent));
    }

    /**
     * A worker as {@link #start(ProcessSupervisor, Path, Path, String, Path, String, Path, Map, PrometheusAgent)}
     * starts it, without the agent, named {@code name} (its log {@code <name>.log}, its configuration
     * {@code <name>.properties}), with {@code extraProperties} added to or replacing the demo's
     * worker configuration and {@code extraJvmOptions} after the demo's JVM options, so that
     * they win: the benchmark runs workers in other modes, groups and heaps, one after the other.
     */
    public static ConnectWorker start(ProcessSupervisor supervisor, Path runDir, Path workDir, String classpath,
            Path log4jConfig, String bootstrapServers, Path pluginPath, String name, List<String> extraJvmOptions,
            Map<String, String> extraProperties) throws IOException {
        return start(supervisor, runDir, workDir, classpath, log4jConfig, bootstrapServers, pluginPath, name,
                name + ".properties", extraJvmOptions, extraProperties, Optional.empty());
    }

    private static ConnectWorker start(ProcessSupervisor supervisor, Path runDir, Path workDir, String classpath,
            Path log4jConfig, String bootstrapServers, Path pluginPath, String name, String configFile,
            List<String> extraJvmOptions, Map<String, String> extraProperties, Optional<PrometheusAgent> agent)
            throws IOException {
        ConnectWorker worker = new ConnectWorker(new Launch(supervisor, runDir, workDir, classpath, log4jConfig,
                pluginPath, name, configFile, List.copyOf(extraJvmOptions), Map.copyOf(extraProperties), agent),
                bootstrapServers);
        worker.launch();
        return worker;
    }

    private void launch() throws IOException {
        Path config = launch.runDir().resolve(launch.configFile());
        List<String> agentOptions = new ArrayList<>();
        try (PortAllocator.Reservation reservation = PortAllocator.loopback().reserve();
                PortAllocator.Reservation metricsPort = PortAllocator.loopback().reserve()) {
            port = reservation.port();
            Files.writeString(config, workerProperties(bootstrapServers, port, launch.pluginPath())
                    + propertiesText(launch.extraProperties()));
            launch.agent().ifPresent(agent -> agentOptions.add(agent.jvmOption(metricsPort.port())));
            metricsUrl = launch.agent().isPresent() ? PrometheusAgent.metricsUrl(metricsPort.port()) : null;
        } // unbound the moment before the JVM starts
        // ParallelGC: the worker's garbage is short-lived records, and collecting it on every core
        // halved its GC time against SerialGC in the benchmark (docs/benchmark-results.md).
        List<String> jvmOptions = new ArrayList<>(List.of("-Xms256m", "-Xmx1g", "-XX:+UseParallelGC",
                "-Dlog4j2.configurationFile=" + launch.log4jConfig().toAbsolutePath()));
        jvmOptions.addAll(launch.extraJvmOptions());
        jvmOptions.addAll(agentOptions);
        child = launch.supervisor().startJava(launch.name(), launch.classpath(), jvmOptions,
                List.of("org.apache.kafka.connect.cli.ConnectDistributed", config.toAbsolutePath().toString()),
                launch.workDir(), launch.runDir().resolve(launch.name() + ".log"), Map.of());
        url = URI.create("http://" + Net.LOOPBACK + ":" + port);
    }

    /** Starts the worker again on a new port, after it exited because another process had taken its port. */
    public void restartOnOtherPort() throws IOException {
        restart(bootstrapServers);
    }

    /** Stops the worker (if it still runs) and starts it again on a new port, with {@code bootstrapServers}. */
    public void restart(String bootstrapServers) throws IOException {
        launch.supervisor().stop(child, RESTART_GRACE);
        this.bootstrapServers = bootstrapServers;
        launch();
    }

    /**
     * The check of the worker on its current port.
     *
     * @param kafkaClusterId the cluster of the broker it must be connected to, or null for any
     */
    public IdentityCheck identityCheck(String kafkaClusterId) {
        return new WorkerCheck(url, kafkaClusterId, CHECK_TIMEOUT);
    }

    public List<Integer> ports() {
        return List.of(port);
    }

    /** Lines in properties syntax; a key that appears twice takes its last value when loaded. */
    static String propertiesText(Map<String, String> properties) {
        if (properties.isEmpty()) {
            return "";
        }
        Properties escaped = new Properties();
        escaped.putAll(properties);
        StringWriter out = new StringWriter();
        try {
            escaped.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // store() starts with a date comment, which would make the file differ on every run.
        return out.toString().lines().filter(line -> !line.startsWith("#")).sorted()
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static String workerProperties(String bootstrapServers, int port, Path pluginPath) {
        return String.join("\n",
                "# Written by the demo launcher; one distributed worker on 127.0.0.1.",
                "bootstrap.servers=" + bootstrapServers,
                "group.id=trtc-demo",
                "listeners=http://" + Net.LOOPBACK + ":" + port,
                "rest.advertised.host.name=" + Net.LOOPBACK,
                "rest.advertised.port=" + port,
                "config.storage.topic=trtc-demo-configs",
                "offset.storage.topic=trtc-demo-offsets",
                "status.storage.topic=trtc-demo-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "offset.storage.partitions=5",
                "status.storage.replication.factor=1",
                "status.storage.partitions=1",
                "offset.flush.interval.ms=1000",
                "key.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "plugin.path=" + pluginPath.toAbsolutePath(),
                "plugin.discovery=service_load",
                "config.providers=file",
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                "scheduled.rebalance.max.delay.ms=1000",
                "");
    }

    public URI url() {
        return url;
    }

    /** The Prometheus agent's {@code /metrics} on the current start, if the worker runs one. */
    public Optional<URI> metricsUrl() {
        return Optional.ofNullable(metricsUrl);
    }

    public ProcessSupervisor.Child child() {
        return child;
    }
}

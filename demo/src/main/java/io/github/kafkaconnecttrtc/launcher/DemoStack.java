package io.github.kafkaconnecttrtc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts what the options ask for (simulator, Apicurio Registry, broker, worker), deploys the
 * connector, and stops it all again: the connector first, then the worker, then the rest.
 */
final class DemoStack {

    static final String CONNECTOR_CLASS = "io.github.kafkaconnecttrtc.TrtcSourceConnector";
    private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);
    private static final Duration START_PATIENCE = Duration.ofSeconds(180);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    /** Where things are: the project, the run directory, the build's outputs. */
    record Paths(Path basedir, Path runDir, Path pluginPath, Path icebergPluginPath, Path apicurioHome,
            Path workerClasspathFile) {
        static Paths fromSystemProperties() {
            Path basedir = Path.of(System.getProperty("demo.basedir", System.getProperty("user.dir")))
                    .toAbsolutePath().normalize();
            Path target = basedir.resolve("target");
            return new Paths(basedir, target.resolve("demo"),
                    Path.of(System.getProperty("connect.plugin.path", target.resolve("plugin").toString())),
                    Path.of(System.getProperty("iceberg.plugin.path",
                            basedir.resolve("lake-plugin").resolve("target").resolve("plugin").toString())),
                    Path.of(System.getProperty("apicurio.home", target.resolve("apicurio-registry").toString())),
                    Path.of(System.getProperty("demo.worker.classpath",
                            target.resolve("demo-worker.classpath").toString())));
        }
    }

    private final DemoOptions options;
    private final Paths paths;
    private final Terminal terminal;
    private final long startNanos;
    private ProcessSupervisor supervisor;
    private TrtcSimulator simulator;
    private RegistryProcess registry;
    private KafkaBroker broker;
    private ConnectWorker worker;
    private ConnectRest connect;
    private RegistryUrls registryUrls;
    private String bootstrapServers;
    private Map<String, String> connectorConfig;
    private volatile boolean deployed;
    private Path lake;
    private volatile boolean lakeDeployed;
    private volatile boolean stopRequested;

    DemoStack(DemoOptions options, Paths paths, Terminal terminal, long startNanos) {
        this.options = options;
        this.paths = paths;
        this.terminal = terminal;
        this.startNanos = startNanos;
    }

    /** Starts everything and deploys the connector; returns once the connector is created. */
    void start() throws Exception {
        Files.createDirectories(paths.runDir());
        if (options.embeddedConnect() || options.embeddedRegistry()) {
            supervisor = ProcessSupervisor.open(paths.runDir());
            for (String leftover : supervisor.killLeftovers()) {
                terminal.message("  ended a leftover of an earlier run: " + leftover);
            }
        }
        Map<String, String> fileConfig = DemoConnectorConfig.read(paths.basedir().resolve(options.connectorConfig()));
        if (!options.simulated()) {
            DemoConnectorConfig.checkEndpointVersion(options.trtcEndpoint(),
                    DemoConnectorConfig.apiVersion(fileConfig, options));
        }
        if (!options.simulated() && options.embeddedConnect()) {
            checkSecretKeyFile(paths.basedir().resolve(options.secretKeyFile()));
        }
        terminal.message("kafka-connect-trtc demo; logs in " + paths.basedir().relativize(paths.runDir()) + "/");

        if (options.embeddedRegistry()) {
            registry = RegistryProcess.start(supervisor, paths.apicurioHome(), paths.runDir());
        } else {
            registryUrls = RegistryUrls.of(options.registryUrl());
        }
        if (options.embeddedConnect()) {
            DemoFiles.requirePackagedPlugin(paths.pluginPath(), "mvn -q package -DskipTests exec:java@demo");
            Map<String, String> extraWorkerProperties = Map.of();
            if (options.lake() != null) {
                DemoFiles.requireIcebergPlugin(paths.icebergPluginPath(), "mvn -q package -DskipTests exec:java@demo");
                extraWorkerProperties = Map.of("plugin.path", paths.pluginPath().toAbsolutePath() + ","
                        + paths.icebergPluginPath().toAbsolutePath());
                prepareLake();
            }
            String classpath = DemoFiles.readWorkerClasspath(paths.workerClasspathFile(), paths.basedir());
            Path log4j = DemoFiles.writeChildLogConfig(paths.runDir());
            broker = KafkaBroker.prepare(paths.runDir());
            // The worker first, so that its JVM boots while the storage is formatted: it waits for the
            // broker by itself (it looks the cluster id up for a minute).
            worker = ConnectWorker.start(supervisor, paths.runDir(), paths.basedir(), classpath, log4j,
                    broker.bootstrapServers(), paths.pluginPath(), extraWorkerProperties,
                    PrometheusAgent.of(paths.basedir()));
            broker.start(supervisor, paths.basedir(), classpath, log4j);
        } else {
            bootstrapServers = options.bootstrapServers();
            connect = new ConnectRest(options.connectUrl());
        }

        URI endpoint = null;
        long sdkAppId = 0;
        if (options.simulated()) {
            simulator = TrtcSimulator.start(SimulatorSettings.builder().callsPerSecond(options.callsPerSecond())
                    .historyDays(options.historyDays()).latencyMillis(options.latencyMillis()).build(),
                    InstantSource.system());
            endpoint = simulator.endpoint();
            sdkAppId = simulator.settings().sdkAppId();
            terminal.message(line("simulator", endpoint.toString(), String.format(Locale.ROOT,
                    "%,d calls over %d days, %s calls/s%s", simulator.groundTruth().size(), options.historyDays(),
                    options.callsPerSecond(), options.latencyMillis() == 0 ? ""
                            : ", " + options.latencyMillis() + " ms latency")));
        } else {
            terminal.message(line("TRTC API", options.trtcEndpoint().toString(), "application "
                    + options.sdkAppId() + " as " + options.identifier()));
        }

        awaitAll();
        // Their addresses as they are now that they answer: a server started again on another port has moved.
        if (registry != null) {
            registryUrls = new RegistryUrls(registry.baseUrl());
        }
        if (broker != null) {
            bootstrapServers = broker.bootstrapServers();
            connect = new ConnectRest(worker.url());
        }

        checkPluginLoaded();
        if (worker != null) {
            worker.metricsUrl().ifPresent(metrics -> terminal.message(line("metrics", metrics.toString(),
                    "the worker's, for Prometheus (monitoring/jmx-exporter-rules.yml)")));
        }
        connectorConfig = DemoConnectorConfig.prepare(fileConfig, options, endpoint, sdkAppId, registryUrls,
                paths.basedir());
        connect.putConfig(options.connectorName(), connectorConfig, Duration.ofSeconds(90));
        deployed = true;
        try {
            connect.resume(options.connectorName()); // in case an earlier run against this Connect stopped it
        } catch (IOException e) {
            // a new connector may not be known to every worker yet; it starts running anyway
        }
        terminal.message(line("connector", options.connectorName(), "deployed from " + options.connectorConfig()
                + " (" + TrtcSourceConfig.API_VERSION_CONFIG + "=" + ApiVersions.of(connectorConfig).configName()
                + ") after " + seconds(System.nanoTime() - startNanos) + " s"));
    }

    /**
     * Waits until registry, broker and worker each answer as themselves (a mere open port is no
     * sign: another process may hold it); a child that lost its port to another process is
     * started again on another one, the worker with it when the broker moves. The worker, started
     * first so that its JVM boots meanwhile, is started again should it exit before the broker is
     * ready (having met another process on the broker's port, say).
     */
    private void awaitAll() throws InterruptedException {
        List<StartupWait.Server> servers = new ArrayList<>();
        if (registry != null) {
            servers.add(new StartupWait.Server("registry", () -> registry.baseUrl().toString(),
                    registry::identityCheck, registry::child, registry::ports, registry::restartOnOtherPort));
        } else {
            servers.add(StartupWait.Server.existing("registry", registryUrls.base().toString(),
                    new RegistryCheck(registryUrls.base(), false, CHECK_TIMEOUT)));
        }
        if (broker != null) {
            servers.add(new StartupWait.Server("kafka broker", broker::bootstrapServers, broker::identityCheck,
                    broker::child, broker::ports, () -> {
                        broker.restartOnOtherPorts();
                        worker.restart(broker.bootstrapServers());
                        terminal.message(line("connect worker", worker.url().toString(),
                                "started again for the broker's new address"));
                    }));
            servers.add(new StartupWait.Server("connect worker", () -> worker.url().toString(),
                    () -> worker.identityCheck(broker.clusterId()), worker::child, worker::ports,
                    worker::restartOnOtherPort, "kafka broker"));
        } else {
            servers.add(StartupWait.Server.existing("connect", connect.base().toString(),
                    new WorkerCheck(connect.base(), null, CHECK_TIMEOUT)));
        }
        new StartupWait(START_PATIENCE, startNanos, paths.basedir(),
                (server, detail) -> terminal.message(line(server.name(), server.where().get(), detail)),
                this::checkNotStopping).await(servers);
        checkNotStopping();
    }

    /**
     * The lake's folder, emptied of the table an earlier run left: the broker starts empty on every run,
     * and the sink, whose commits the table records by their place in the control topic, would take the
     * new run's first commits for ones it has made already.
     */
    private void prepareLake() throws IOException {
        lake = paths.basedir().resolve(options.lake()).toAbsolutePath().normalize();
        Path table = LakeSink.tableDir(lake);
        if (Files.exists(table)) {
            DemoFiles.deleteRecursively(table);
            terminal.message(line("lake", paths.basedir().relativize(lake) + "/", "removed the table "
                    + LakeSink.NAMESPACE + "." + LakeSink.TABLE + " of an earlier run"));
        }
        Files.createDirectories(lake);
    }

    /** The Iceberg sink's name: the connector's, with -lake. */
    String lakeSinkName() {
        return options.connectorName() + "-lake";
    }

    /** Whether the lake is asked for and its sink not deployed yet. */
    boolean lakePending() {
        return lake != null && !lakeDeployed;
    }

    /**
     * Deploys the Iceberg sink, once the connector has created its topic: a sink subscribed to a topic that
     * does not exist yet sees it only at its consumer's next metadata refresh, minutes later.
     */
    void deployLake() throws IOException, InterruptedException, TimeoutException {
        String topic = connectorConfig.get(TrtcSourceConfig.TOPIC_CONFIG);
        String controlTopic = lakeSinkName() + "-control";
        LakeSink.createControlTopic(bootstrapServers, controlTopic);
        connect.putConfig(lakeSinkName(), LakeSink.config(connectorConfig, topic, lake, bootstrapServers, controlTopic),
                Duration.ofSeconds(30));
        lakeDeployed = true;
        terminal.message(line("lake", lakeSinkName(), "Iceberg sink deployed: " + topic + " into table "
                + LakeSink.NAMESPACE + "." + LakeSink.TABLE + " in " + paths.basedir().relativize(lake) + "/, by "
                + LakeSink.PARTITION_BY + ", commits every " + LakeSink.COMMIT_INTERVAL.toSeconds() + " s, after "
                + seconds(System.nanoTime() - startNanos) + " s"));
    }

    /** The lake's folder, or null without --lake. */
    Path lake() {
        return lake;
    }

    /** Tells {@link #start} to give up (Ctrl-C while starting): it throws at its next check. */
    void requestStop() {
        stopRequested = true;
    }

    private void checkNotStopping() {
        if (stopRequested) {
            throw new IllegalStateException("stopping");
        }
    }

    /** The worker reads the key through its FileConfigProvider: a properties file with secret.key. */
    private static void checkSecretKeyFile(Path file) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("--secret-key-file " + file + " does not exist");
        }
        if (properties.getProperty("secret.key", "").isBlank()) {
            throw new IllegalStateException("--secret-key-file " + file + " has no secret.key=... line (it is read "
                    + "as a properties file, like connector-config/secrets/trtc.properties.example)");
        }
    }

    private void checkPluginLoaded() throws IOException, InterruptedException {
        for (JsonNode plugin : connect.connectorPlugins()) {
            if (CONNECTOR_CLASS.equals(plugin.path("class").asText())) {
                terminal.message(line("plugin", "TrtcSourceConnector " + plugin.path("version").asText(),
                        options.embeddedConnect() ? "loaded from " + paths.basedir().relativize(paths.pluginPath())
                                + " (plugin.discovery=service_load)" : "found on the Connect cluster"));
                return;
            }
        }
        throw new IllegalStateException("the Connect worker at " + connect.base() + " has no " + CONNECTOR_CLASS
                + (options.embeddedConnect() ? "; see " + paths.runDir().resolve("connect-worker.log")
                        : "; put src/target/plugin/kafka-connect-trtc on its plugin.path"));
    }

    /**
     * Stops the connector (its configuration and offsets stay), then the worker, then broker and
     * registry together, then the simulator; waits for every child process to be gone.
     *
     * @return whether no child process is left
     */
    boolean stop() {
        if (lakeDeployed) {
            try {
                connect.stop(lakeSinkName());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not stop the Iceberg sink", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (deployed && connect != null) {
            try {
                connect.stop(options.connectorName());
                terminal.message("  connector " + options.connectorName() + " stopped");
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not stop the connector", e);
                terminal.message("  could not stop the connector: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (supervisor != null) {
            String outcome = supervisor.shutDown(worker == null ? null : worker.child());
            if (outcome != null) {
                terminal.message(outcome);
            }
        }
        if (simulator != null) {
            simulator.close();
        }
        return supervisor == null || supervisor.children().isEmpty();
    }

    static String line(String what, String where, String detail) {
        return String.format(Locale.ROOT, "  %-15s %-33s %s", what, where, detail);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    ConnectRest connect() {
        return connect;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    RegistryUrls registryUrls() {
        return registryUrls;
    }

    Map<String, String> connectorConfig() {
        return connectorConfig;
    }

    TrtcSimulator simulator() {
        return simulator;
    }

    /** A child process that died on its own, or null. */
    ProcessSupervisor.Child deadChild() {
        if (supervisor == null) {
            return null;
        }
        return supervisor.children().stream().filter(c -> !c.alive()).findFirst().orElse(null);
    }
}

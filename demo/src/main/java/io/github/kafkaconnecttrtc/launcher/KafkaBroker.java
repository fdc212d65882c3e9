package io.github.kafkaconnecttrtc.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * One KRaft node, broker and controller in one, as a child JVM ({@code kafka.Kafka}) listening on
 * 127.0.0.1 only, with its data under {@code <run dir>/kafka-data}, fresh on every run.
 *
 * <p>Its two ports come from {@link PortAllocator} and stay bound by the launcher until the
 * moment the JVM starts. It is ready when an admin client's {@code describeCluster()} on its port
 * answers with the cluster id its storage was formatted with ({@link BrokerCheck}).
 */
public final class KafkaBroker {

    public static final int NODE_ID = 1;
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Path runDir;
    private final Path dataDir;
    private final Path config;
    private final String clusterId;
    private PortAllocator.Reservation port;
    private PortAllocator.Reservation controllerPort;
    private ProcessSupervisor supervisor;
    private Path workDir;
    private String classpath;
    private Path log4jConfig;
    private ProcessSupervisor.Child child;
    private BrokerCheck check;

    private KafkaBroker(Path runDir, String clusterId) {
        this.runDir = runDir;
        this.dataDir = runDir.resolve("kafka-data");
        this.config = runDir.resolve("server.properties");
        this.clusterId = clusterId;
    }

    /**
     * Chooses the cluster id and the ports (held until {@link #start}) and writes
     * server.properties; {@link #start} formats the storage and starts the node.
     */
    public static KafkaBroker prepare(Path runDir) throws IOException {
        KafkaBroker broker = new KafkaBroker(runDir, Uuid.randomUuid().toString());
        broker.choosePorts();
        return broker;
    }

    private void choosePorts() throws IOException {
        closeCheck();
        port = PortAllocator.loopback().reserve();
        controllerPort = PortAllocator.loopback().reserve();
        DemoFiles.deleteRecursively(dataDir);
        Files.writeString(config, serverProperties(port.port(), controllerPort.port(), dataDir));
    }

    /** Formats the storage (what kafka-storage.sh format does, in this JVM) and starts the node. */
    public void start(ProcessSupervisor supervisor, Path workDir, String classpath, Path log4jConfig)
            throws IOException {
        this.supervisor = supervisor;
        this.workDir = workDir;
        this.classpath = classpath;
        this.log4jConfig = log4jConfig;
        launch();
    }

    /**
     * Starts the node again on two new ports with fresh storage (the same cluster id), after it
     * exited because another process had taken one of its ports; whoever used the old address
     * must be told {@link #bootstrapServers()} again.
     */
    public void restartOnOtherPorts() throws IOException {
        if (child != null) {
            supervisor.stop(child, ProcessSupervisor.GRACE);
        }
        choosePorts();
        launch();
    }

    private void launch() throws IOException {
        format(config, clusterId, runDir.resolve("kafka-storage-format.log"));
        // Unbound the moment before the JVM starts: it binds them within seconds.
        port.close();
        controllerPort.close();
        child = supervisor.startJava("kafka-broker", classpath,
                List.of("-Xms256m", "-Xmx768m", "-XX:+UseSerialGC",
                        "-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath()),
                List.of("kafka.Kafka", config.toAbsolutePath().toString()),
                workDir, runDir.resolve("kafka-broker.log"), Map.of());
    }

    static String serverProperties(int port, int controllerPort, Path dataDir) {
        return String.join("\n",
                "# Written by the demo launcher; one KRaft node on 127.0.0.1.",
                "process.roles=broker,controller",
                "node.id=" + NODE_ID,
                "controller.quorum.voters=" + NODE_ID + "@" + Net.LOOPBACK + ":" + controllerPort,
                "listeners=PLAINTEXT://" + Net.LOOPBACK + ":" + port + ",CONTROLLER://" + Net.LOOPBACK + ":"
                        + controllerPort,
                "advertised.listeners=PLAINTEXT://" + Net.LOOPBACK + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.segment.bytes=67108864",
                "");
    }

    private static void format(Path config, String clusterId, Path log) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            code = kafka.tools.StorageTool.execute(new String[] {"format", "--cluster-id", clusterId,
                "--config", config.toAbsolutePath().toString()}, print);
        } catch (RuntimeException e) {
            Files.writeString(log, out.toString(StandardCharsets.UTF_8) + e);
            throw new IllegalStateException("formatting the broker's storage failed, see " + log, e);
        }
        Files.writeString(log, out.toString(StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("formatting the broker's storage failed (" + code + "), see " + log);
        }
    }

    public String bootstrapServers() {
        return Net.LOOPBACK + ":" + port.port();
    }

    /** The cluster id the storage is formatted with: what the broker and its Connect worker must answer. */
    public String clusterId() {
        return clusterId;
    }

    /** The client port and the controller port. */
    public List<Integer> ports() {
        return List.of(port.port(), controllerPort.port());
    }

    /** The check of the broker on its current port: {@code describeCluster()} answers this run's cluster id. */
    public IdentityCheck identityCheck() {
        if (check == null) {
            check = new BrokerCheck(Net.LOOPBACK, port.port(), clusterId, NODE_ID, CHECK_TIMEOUT);
        }
        return check;
    }

    private void closeCheck() {
        if (check != null) {
            check.close();
            check = null;
        }
    }

    public ProcessSupervisor.Child child() {
        return child;
    }
}

package io.github.kafkaconnecttrtc.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * One KRaft node, broker and controller in one, as a child JVM ({@code kafka.Kafka}) listening on
 * 127.0.0.1 only, with its data under {@code <run dir>/kafka-data}, fresh on every run.
 */
public final class KafkaBroker {

    private final int port;
    private final Path config;
    private ProcessSupervisor.Child child;

    private KafkaBroker(int port, Path config) {
        this.port = port;
        this.config = config;
    }

    /** Picks the ports and writes server.properties; {@link #start} formats the storage and starts the node. */
    public static KafkaBroker prepare(Path runDir) throws IOException {
        int port = Net.freePort();
        int controllerPort = Net.freePort();
        Path dataDir = runDir.resolve("kafka-data");
        DemoFiles.deleteRecursively(dataDir);
        Path config = runDir.resolve("server.properties");
        Files.writeString(config, serverProperties(port, controllerPort, dataDir));
        return new KafkaBroker(port, config);
    }

    /** Formats the storage (what kafka-storage.sh format does, in this JVM) and starts the node. */
    public void start(ProcessSupervisor supervisor, Path runDir, Path workDir, String classpath, Path log4jConfig)
            throws IOException {
        format(config, runDir.resolve("kafka-storage-format.log"));
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
                "node.id=1",
                "controller.quorum.voters=1@" + Net.LOOPBACK + ":" + controllerPort,
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

    private static void format(Path config, Path log) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            code = kafka.tools.StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
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
        return Net.LOOPBACK + ":" + port;
    }

    public boolean ready() {
        return Net.accepts(Net.LOOPBACK, port);
    }

    public ProcessSupervisor.Child child() {
        return child;
    }
}

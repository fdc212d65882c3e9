package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect worker in distributed mode ({@code ConnectDistributed}) as a child JVM: REST on
 * 127.0.0.1, the connector from {@code plugin.path} with {@code plugin.discovery=service_load},
 * and the FileConfigProvider for the secret key.
 */
final class ConnectWorker {

    private final URI url;
    private final ProcessSupervisor.Child child;

    private ConnectWorker(URI url, ProcessSupervisor.Child child) {
        this.url = url;
        this.child = child;
    }

    static ConnectWorker start(ProcessSupervisor supervisor, Path runDir, Path workDir, String classpath,
            Path log4jConfig, String bootstrapServers, Path pluginPath) throws IOException {
        int port = Net.freePort();
        Path config = runDir.resolve("worker.properties");
        Files.writeString(config, workerProperties(bootstrapServers, port, pluginPath));
        ProcessSupervisor.Child child = supervisor.startJava("connect-worker", classpath,
                List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC",
                        "-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath()),
                List.of("org.apache.kafka.connect.cli.ConnectDistributed", config.toAbsolutePath().toString()),
                workDir, runDir.resolve("connect-worker.log"), Map.of());
        return new ConnectWorker(URI.create("http://" + Net.LOOPBACK + ":" + port), child);
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

    URI url() {
        return url;
    }

    ProcessSupervisor.Child child() {
        return child;
    }
}

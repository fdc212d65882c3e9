package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The data lake beside the connector: the Apache Iceberg sink connector, from its own plugin
 * directory on the worker's plugin.path, copying the calls topic into an Iceberg table
 * {@code trtc.calls} of a HadoopCatalog in a local folder, partitioned by the day the call ended.
 */
public final class LakeSink {

    public static final String CONNECTOR_CLASS = "org.apache.iceberg.connect.IcebergSinkConnector";
    public static final String NAMESPACE = "trtc";
    public static final String TABLE = "calls";
    /** The partition transform: {@code endTs} is a timestamp-millis, which the sink makes a timestamptz. */
    public static final String PARTITION_BY = "day(endTs)";
    /** How often the sink commits: rows show up in the table this long after they are in the topic. */
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** A commit a second writes a metadata file a second: only the newest are kept. */
    static final int METADATA_VERSIONS_KEPT = 20;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private LakeSink() {
    }

    /**
     * The sink's configuration.
     *
     * @param sourceConfig the source connector's configuration, whose converters the sink reads with
     * @param topic the calls topic, the only one the sink reads (not its {@code .progress} and {@code .invalid})
     * @param warehouse the folder the table lives in
     * @param bootstrapServers the Kafka the worker uses: the sink's coordinator talks to it over its
     *     control topic with clients of its own
     * @param controlTopic that topic, made by {@link #createControlTopic} beforehand
     */
    public static Map<String, String> config(Map<String, String> sourceConfig, String topic, Path warehouse,
            String bootstrapServers, String controlTopic) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.put("topics", topic);
        sourceConfig.forEach((key, value) -> {
            if (key.startsWith("key.converter") || key.startsWith("value.converter")) {
                config.put(key, value);
            }
        });
        // An exactly-once source writes in transactions: only committed ones are calls, once each.
        config.put("consumer.override.isolation.level", "read_committed");
        config.put("iceberg.tables", NAMESPACE + "." + TABLE);
        config.put("iceberg.tables.auto-create-enabled", "true");
        config.put("iceberg.tables.default-partition-by", PARTITION_BY);
        config.put("iceberg.tables.auto-create-props.write.metadata.delete-after-commit.enabled", "true");
        config.put("iceberg.tables.auto-create-props.write.metadata.previous-versions-max",
                Integer.toString(METADATA_VERSIONS_KEPT));
        config.put("iceberg.catalog.type", "hadoop");
        config.put("iceberg.catalog.warehouse", warehouse.toAbsolutePath().normalize().toUri().toString());
        config.put("iceberg.control.topic", controlTopic);
        config.put("iceberg.control.commit.interval-ms", Long.toString(COMMIT_INTERVAL.toMillis()));
        // The sink looks for the worker's properties file on the JVM's command line, which an in-process
        // worker does not have; given here, its clients find the broker either way.
        config.put("iceberg.kafka.bootstrap.servers", bootstrapServers);
        return config;
    }

    /** The sink's control topic, one partition; a broker that creates no topic on use needs it made. */
    public static void createControlTopic(String bootstrapServers, String controlTopic)
            throws InterruptedException, TimeoutException {
        try (Admin admin = admin(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(controlTopic, 1, (short) 1)))
                    .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + controlTopic + ": " + e.getCause(), e);
            }
        }
    }

    /**
     * The rows in the table's current snapshot ({@code total-records} of its summary), read from the
     * metadata file the catalog's version hint names: no Hadoop client needed for that.
     *
     * @return the row count, or -1 while the sink has not created the table yet
     */
    public static long rowCount(Path warehouse) throws IOException {
        Path metadata = tableDir(warehouse).resolve("metadata");
        String version;
        try {
            version = Files.readString(metadata.resolve("version-hint.text")).trim();
        } catch (NoSuchFileException e) {
            return -1;
        }
        TableMetadata table = TableMetadataParser.fromJson(
                Files.readString(metadata.resolve("v" + version + ".metadata.json")));
        Snapshot current = table.currentSnapshot();
        return current == null ? 0 : Long.parseLong(current.summary().getOrDefault(SnapshotSummary.TOTAL_RECORDS_PROP, "0"));
    }

    /** Where the HadoopCatalog keeps the table: a folder per namespace, then per table. */
    public static Path tableDir(Path warehouse) {
        return warehouse.resolve(NAMESPACE).resolve(TABLE);
    }

    private static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "trtc-demo-lake");
        return Admin.create(props);
    }
}

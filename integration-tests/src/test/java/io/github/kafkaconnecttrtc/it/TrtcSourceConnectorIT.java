package io.github.kafkaconnecttrtc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kafkaconnecttrtc.launcher.LakeSink;
import io.github.kafkaconnecttrtc.simulator.ApiDialect;
import io.github.kafkaconnecttrtc.simulator.ApiRecord;
import io.github.kafkaconnecttrtc.simulator.EndTimestampReading;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.streams.app.AppConfig;
import io.github.kafkaconnecttrtc.streams.app.CallStatsApp;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged plugin in real Connect workers, against the simulator, writing Avro through
 * Apicurio Registry; every value is checked against the simulator's ground truth, decoded with
 * plain Apache Avro.
 */
class TrtcSourceConnectorIT {

    private static final String CONNECTOR_CLASS = ItStack.CONNECTOR_CLASS;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApicurioRegistryProcess registry;
    private static EmbeddedConnectCluster connect;
    private static CallRecordAvro avro;
    private Deployments deployments;

    @BeforeAll
    static void startStack() throws Exception {
        assertThatThrownBy(() -> Class.forName(CONNECTOR_CLASS))
                .as("the connector must come from plugin.path, not from the test class path")
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName(LakeSink.CONNECTOR_CLASS))
                .as("the Iceberg sink must come from plugin.path, not from the test class path")
                .isInstanceOf(ClassNotFoundException.class);
        registry = ApicurioRegistryProcess.start(ApicurioRegistryProcess.defaultHome(),
                Path.of("target", "apicurio-registry.log"), Duration.ofSeconds(90));
        avro = new CallRecordAvro(registry.ccompatUrl());
        // The Iceberg sink beside the connector, as the demo's lake runs it.
        Map<String, String> worker = ItStack.workerProps();
        worker.put("plugin.path", ItStack.PLUGIN_PATH + "," + ItStack.ICEBERG_PLUGIN_PATH);
        connect = new EmbeddedConnectCluster.Builder().name("trtc-it").numBrokers(1).numWorkers(2)
                .brokerProps(ItStack.brokerProps()).workerProps(worker).build();
        connect.start();
        connect.assertions().assertAtLeastNumWorkersAreUp(2, "workers did not come up");
        assertThat(ListeningSockets.nonLoopbackListenersOfThisJvm()).as("non-loopback listeners").isEmpty();
    }

    @AfterAll
    static void stopStack() throws Exception {
        try {
            if (connect != null) {
                connect.stop();
            }
        } finally {
            if (registry != null) {
                registry.close();
            }
        }
    }

    @BeforeEach
    void trackDeployments() {
        deployments = new Deployments(connect);
    }

    @AfterEach
    void removeDeployments() {
        deployments.close();
    }

    @Test
    void theWorkerFindsThePluginWithItsVersion() throws Exception {
        String plugins = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(connect.endpointForResource("connector-plugins?connectorsOnly=true"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(plugins).contains(CONNECTOR_CLASS).containsPattern("\"version\":\"\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void theRegistryFindsVersion2OfTheContractBackwardCompatibleWithVersion1() throws Exception {
        String subject = "trtc-contract-evolution-value";
        String v1 = Files.readString(
                RepoFiles.file("src", "test", "resources", "schema-history", "CallRecord-v1.avsc"));
        String v2 = Files.readString(RepoFiles.file("schemas", "CallRecord.avsc"));
        assertThat(ccompat("POST", "/subjects/" + subject + "/versions", schemaBody(v1)).statusCode()).isEqualTo(200);
        assertThat(ccompat("PUT", "/config/" + subject, "{\"compatibility\":\"BACKWARD\"}").statusCode())
                .isEqualTo(200);

        assertThat(isCompatibleWithLatest(subject, v2)).isTrue();
        // A new field without a default cannot be read from what version 1 wrote: the rule is on and refuses it.
        ObjectNode withRequiredField = (ObjectNode) JSON.readTree(v2);
        ((ArrayNode) withRequiredField.get("fields")).addObject().put("name", "newWithoutDefault").put("type", "int");
        assertThat(isCompatibleWithLatest(subject, JSON.writeValueAsString(withRequiredField))).isFalse();
    }

    private static boolean isCompatibleWithLatest(String subject, String schema) throws Exception {
        HttpResponse<String> answer = ccompat("POST", "/compatibility/subjects/" + subject + "/versions/latest",
                schemaBody(schema));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode isCompatible = JSON.readTree(answer.body()).get("is_compatible");
        assertThat(isCompatible != null && isCompatible.isBoolean()).as(answer.body()).isTrue();
        return isCompatible.booleanValue();
    }

    private static String schemaBody(String schema) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode().put("schema", schema));
    }

    /** A request to the registry's Confluent-compatible API, as a user's Schema Registry client makes it. */
    private static HttpResponse<String> ccompat(String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One run per reading of the end-time filter, each in one dialect: the model check runs every
     * pairing, this checks both dialects and both readings end to end through the registry.
     */
    static Stream<Arguments> readingsAndDialects() {
        return Stream.of(Arguments.of(EndTimestampReading.END, ApiDialect.V1),
                Arguments.of(EndTimestampReading.START, ApiDialect.V4));
    }

    @ParameterizedTest(name = "{0} reading, {1}")
    @MethodSource("readingsAndDialects")
    void deliversHistoryThenLiveAndLongCallsThenResumesAfterARestart(EndTimestampReading reading, ApiDialect dialect)
            throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(reading.ordinal() + 1).historyDays(1)
                .callsPerSecond(0.05).longCallFraction(0.05).maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds())
                .visibilityDelaySeconds(2).endTimestampReading(reading).build());
        String name = "trtc-" + reading.name().toLowerCase() + "-" + dialect.name().toLowerCase();
        String topic = name + "-calls";
        Instant start = Instant.now().minus(Duration.ofHours(20));
        Map<String, String> config = connectorConfig(simulator, topic, start, 3);
        config.put("trtc.api.version", dialect.name().toLowerCase());
        // One run stamps the calls with their end, the other with the time they were read (the default).
        boolean byEnd = dialect == ApiDialect.V4;
        if (byEnd) {
            config.put("record.timestamp", "end");
        } else {
            // The other runs the SMT recipe of operations.md, with progress records every second: they have a
            // key and no value, which ValueToKey refuses, so the predicate keeps them out of the transforms.
            config.putAll(ItStack.keyFromValueTransforms());
            config.put("progress.interval.ms", "1000");
        }
        long deployed = System.currentTimeMillis();
        deployments.configure(name, config);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(name, 1, name + " did not start");

        Map<String, List<GenericRecord>> seen = new HashMap<>();
        awaitEvery(simulator, dialect, start, topic, "read_uncommitted", seen);
        assertThat(seen.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
        for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consume(seen.size(), PATIENCE.toMillis(), topic)) {
            long end = (Long) avro.decode(record.value()).get("endTs");
            String call = new String(record.key(), StandardCharsets.UTF_8);
            if (byEnd) {
                assertThat(record.timestamp()).as("timestamp of %s", call).isEqualTo(end);
            } else {
                assertThat(record.timestamp()).as("timestamp of %s", call).isGreaterThanOrEqualTo(deployed);
            }
        }
        assertThat(simulator.stats().answersByErrorCode(dialect)).as("answers of the %s endpoint", dialect)
                .containsKey(0);
        if (!byEnd) {
            assertThat(connect.kafka().consume(1, PATIENCE.toMillis(), topic + ".progress").count())
                    .as("progress records past the transforms' predicate").isPositive();
            assertThat(connect.connectorStatus(name).tasks()).as("tasks of %s", name).isNotEmpty()
                    .allSatisfy(task -> assertThat(task.state()).isEqualTo("RUNNING"));
        }
        assertThat(avro.writerSchemas()).allSatisfy(schema ->
                assertThat(SchemaNormalization.toParsingForm(schema)).isEqualTo(CallRecordAvro.canonicalContract()));

        long now = Instant.now().getEpochSecond();
        String[] live = {addCall(simulator, "live-short", now - 60, now),
            addCall(simulator, "live-long", now - Duration.ofMinutes(30).toSeconds(), now),
            addCall(simulator, "live-offline", now - 20, now)};
        awaitEvery(simulator, dialect, start, topic, "read_uncommitted", seen, live);

        connect.restartConnectorAndTasks(name, false, true, false);
        now = Instant.now().getEpochSecond();
        String afterRestart = addCall(simulator, "after-restart-long", now - Duration.ofMinutes(20).toSeconds(), now + 3);
        awaitEvery(simulator, dialect, start, topic, "read_uncommitted", seen, afterRestart);
    }

    @Test
    void exactlyOnceShowsNoDuplicateWhenAWorkerIsRemovedMidStream() throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(9).historyDays(1).callsPerSecond(1)
                .maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).visibilityDelaySeconds(2).build());
        String name = "trtc-eos";
        String topic = name + "-calls";
        Instant start = Instant.now().minus(Duration.ofHours(3));
        Map<String, String> config = exactlyOnceConfig(simulator, topic, start);
        config.put("producer.override.transaction.timeout.ms", "10000");
        deployments.configure(name, config);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(name, 1, name + " did not start");
        connect.kafka().consume(100, PATIENCE.toMillis(),
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), topic);

        connect.removeWorker();
        connect.addWorker();
        connect.assertions().assertAtLeastNumWorkersAreUp(2, "the new worker did not come up");

        Map<String, List<GenericRecord>> seen = new HashMap<>();
        awaitEvery(simulator, start, topic, "read_committed", seen);
        assertThat(seen.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
    }

    @Test
    void theIcebergSinkWritesEveryCallOfTheTopicOnceIntoATablePartitionedByEndDay() throws Exception {
        // No call starts in the last 45 minutes, and none lasts 40: what is due now is all there will be.
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(41).historyDays(1)
                .callsPerSecond(0.05).liveRate(Instant.now().minus(Duration.ofMinutes(45)).getEpochSecond(), 0)
                .maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).visibilityDelaySeconds(2).build());
        String name = "trtc-lake";
        String topic = name + "-calls";
        Instant start = Instant.now().minus(Duration.ofHours(30));
        Map<String, String> config = exactlyOnceConfig(simulator, topic, start);
        // Progress records into <topic>.progress: the sink must not read them.
        config.put("progress.interval.ms", "1000");
        deployments.configure(name, config);
        Path warehouse = Path.of("target", "lake-" + System.currentTimeMillis()).toAbsolutePath();
        String bootstrap = connect.kafka().bootstrapServers();
        LakeSink.createControlTopic(bootstrap, name + "-control");
        // Once the topic exists: a sink subscribed before would see it only at its next metadata refresh.
        connect.assertions().assertTopicsExist(topic);
        deployments.configure(name + "-sink", LakeSink.config(config, topic, warehouse, bootstrap, name + "-control"));

        Map<String, List<GenericRecord>> seen = new HashMap<>();
        awaitEvery(simulator, start, topic, "read_committed", seen);
        assertThat(seen.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));

        Map<String, Long> endTsByCall = new HashMap<>();
        seen.forEach((id, copies) -> endTsByCall.put(id, (Long) copies.get(0).get("endTs")));
        Instant deadline = Instant.now().plus(PATIENCE);
        while (LakeSink.rowCount(warehouse) < seen.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        Table table = new HadoopCatalog(new Configuration(), warehouse.toUri().toString())
                .loadTable(TableIdentifier.of(LakeSink.NAMESPACE, LakeSink.TABLE));
        Map<String, Long> rowsByCall = new HashMap<>();
        try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
            for (Record row : rows) {
                String call = (String) row.getField("callId");
                rowsByCall.merge(call, 1L, Long::sum);
                assertThat(((OffsetDateTime) row.getField("endTs")).toInstant().toEpochMilli())
                        .as("endTs of %s", call).isEqualTo(endTsByCall.get(call));
            }
        }
        assertThat(rowsByCall).as("rows per call").hasSize(seen.size()).allSatisfy((call, rows) -> {
            assertThat(seen).containsKey(call);
            assertThat(rows).as("rows of %s", call).isEqualTo(1);
        });
        assertThat(LakeSink.rowCount(warehouse)).isEqualTo(seen.size());
        assertThat(table.spec().fields()).singleElement().satisfies(field -> {
            assertThat(field.transform().toString()).isEqualTo("day");
            assertThat(table.schema().findColumnName(field.sourceId())).isEqualTo("endTs");
        });
        // A day of history spans a midnight: the files fall into the days the calls ended on, UTC.
        Set<Integer> days = new HashSet<>();
        try (CloseableIterable<FileScanTask> files = table.newScan().planFiles()) {
            files.forEach(file -> days.add(file.file().partition().get(0, Integer.class)));
        }
        assertThat(days).hasSizeGreaterThan(1).isEqualTo(endTsByCall.values().stream()
                .map(end -> (int) Math.floorDiv(end, Duration.ofDays(1).toMillis())).collect(Collectors.toSet()));
        connect.assertions().assertConnectorActiveTopics(name + "-sink", List.of(topic),
                "the sink reads the calls topic only, not " + topic + ".progress");
    }

    /**
     * Also runs the streams example over the topic while the phases fill it with copies of every
     * call: its counts are those of the ground truth, each call once.
     */
    @Test
    void offsetsMovedBackOrDeletedAreReadAgainMalformedOnesRefusedAndTheStreamsExampleCountsEachCallOnce()
            throws Exception {
        // No call starts in the last 45 minutes, and none lasts 40: every call has ended before the test,
        // so each phase below knows exactly how many copies of each call it adds.
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(21).historyDays(1).callsPerSecond(0.05)
                .liveRate(Instant.now().minus(Duration.ofMinutes(45)).getEpochSecond(), 0)
                .maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).visibilityDelaySeconds(2).build());
        String name = "trtc-offsets";
        String topic = name + "-calls";
        Instant start = Instant.now().minus(Duration.ofHours(6));
        deployments.configure(name, connectorConfig(simulator, topic, start, 2));
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(name, 1, name + " did not start");
        Map<String, List<GenericRecord>> seen = new HashMap<>();
        awaitEvery(simulator, start, topic, "read_uncommitted", seen);
        AppConfig stats = CallStatsCheck.config(connect.kafka(), registry.registryV2Url(), topic);
        deployments.application(CallStatsApp.start(stats));
        connect.stopConnector(name);
        connect.assertions().assertConnectorIsStopped(name, name + " did not stop");

        HttpResponse<String> refused = patchOffsets(name, "{\"offsets\":[{\"partition\":{\"sdkappid\":\""
                + simulator.settings().sdkAppId() + "\",\"slice\":\"tail/fast\"},\"offset\":{\"endTs\":\"yesterday\"}}]}");
        // Connect answers any ConnectException from alterOffsets with 500; the message is ours.
        assertThat(refused.statusCode()).as(refused.body()).isIn(400, 500);
        assertThat(refused.body()).contains("tail/fast").contains("endTs").contains("whole number");

        // Move both tail lanes back to the start of the tail: everything the tail read comes again. The
        // long lane holds an offset by now (it reads the hours before the first start); the fast lane,
        // which starts minutes before it, may have had no call to store one with yet.
        Map<String, Object> tailOffset = new HashMap<>(connect.connectorOffsets(name).offsets().stream()
                .filter(o -> "tail/long".equals(o.partition().get("slice"))).findFirst().orElseThrow().offset());
        long tailStart = ((Number) tailOffset.get("tailStart")).longValue();
        tailOffset.put("endTs", tailStart - 1);
        tailOffset.remove("callId");
        for (String lane : List.of("tail/fast", "tail/long")) {
            connect.alterSourceConnectorOffset(name,
                    Map.of("sdkappid", Long.toString(simulator.settings().sdkAppId()), "slice", lane), tailOffset);
        }
        connect.resumeConnector(name);
        awaitCopies(simulator, start, topic, "read_uncommitted", seen, call -> call.startCallTs() >= tailStart ? 2 : 1);

        // Without offsets the connector starts over: every call comes once more.
        connect.stopConnector(name);
        connect.assertions().assertConnectorIsStopped(name, name + " did not stop");
        connect.resetConnectorOffsets(name);
        connect.resumeConnector(name);
        awaitCopies(simulator, start, topic, "read_uncommitted", seen,
                call -> call.startCallTs() >= tailStart ? 3 : 2);

        CallStatsCheck.assertOutputs(connect.kafka(), stats, ItStack.due(simulator, start.getEpochSecond()), PATIENCE);
    }

    @Test
    void reconfiguringARunningConnectorKeepsEveryCallItStillReads() throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(31).historyDays(1).callsPerSecond(0.05)
                .maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).visibilityDelaySeconds(2).build());
        String name = "trtc-reconfigured";
        String topic = name + "-calls";
        Instant start = Instant.now().minus(Duration.ofHours(8));
        Map<String, String> config = connectorConfig(simulator, topic, start, 2);
        deployments.configure(name, config);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(name, 1, name + " did not start");
        Map<String, List<GenericRecord>> seen = new HashMap<>();
        awaitEvery(simulator, start, topic, "read_uncommitted", seen);

        for (String tasks : List.of("4", "1")) {
            config.put("tasks.max", tasks);
            deployments.configure(name, config);
            addCall(simulator, "after-tasks-" + tasks, Instant.now().getEpochSecond() - 30, Instant.now().getEpochSecond());
            awaitEvery(simulator, start, topic, "read_uncommitted", seen, "after-tasks-" + tasks);
        }

        Instant later = Instant.now().minus(Duration.ofHours(3));
        config.put("start.time", later.toString());
        config.put("call.types", "single");
        deployments.configure(name, config);
        long now = Instant.now().getEpochSecond();
        addCall(simulator, "single-after-filter", now - 40, now);
        awaitCopies(simulator, later, topic, "read_uncommitted", seen,
                call -> "single".equals(call.callType()) ? 1 : 0, "single-after-filter");
    }

    private static HttpResponse<String> patchOffsets(String connector, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(connect.endpointForResource("connectors/" + connector + "/offsets")))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRunningConnectorReportsItsMetricsOverJmxAndRemovesThemWhenDeleted() throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(11).historyDays(1).callsPerSecond(0.05)
                .maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).build());
        String name = "trtc-metrics";
        String topic = name + "-calls";
        Instant start = Instant.now().minus(Duration.ofHours(6));
        // A few throttled answers, so that an outcome other than ok shows up by its code.
        simulator.faults().injectNext(io.github.kafkaconnecttrtc.simulator.Fault.RATE_LIMITED, 3);
        deployments.configure(name, connectorConfig(simulator, topic, start, 2));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 2, name + " did not start");
        awaitEvery(simulator, start, topic, "read_uncommitted", new HashMap<>());

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName task0 = ItStack.pluginMetrics(name, "task=0");
        ObjectName task1 = ItStack.pluginMetrics(name, "task=1");
        double emitted = (Double) jmx.getAttribute(task0, "records-emitted-total")
                + (Double) jmx.getAttribute(task1, "records-emitted-total");
        assertThat(emitted).isGreaterThanOrEqualTo(ItStack.due(simulator, start.getEpochSecond()).size());
        assertThat((Long) jmx.getAttribute(task0, "requests-total")).isPositive();
        assertThat((Double) jmx.getAttribute(task0, "passes-total")).isPositive();
        assertThat(jmx.getAttribute(ItStack.pluginMetrics(name, "task=0,outcome=ok"), "requests-total"))
                .isNotEqualTo(0L);
        long throttled = 0;
        for (ObjectName outcome : jmx.queryNames(ItStack.pluginMetrics(name, "task=*,outcome=api_70005"), null)) {
            throttled += (Long) jmx.getAttribute(outcome, "requests-total");
        }
        assertThat(throttled).isEqualTo(3);
        ObjectName fastLane = ItStack.pluginMetrics(name, "task=0,slice=" + ObjectName.quote("tail/fast"));
        assertThat((Long) jmx.getAttribute(fastLane, "seconds-behind"))
                .isBetween(ItStack.SETTLE_SECONDS, ItStack.SETTLE_SECONDS + 3 * ItStack.POLL_SECONDS + 5);
        assertThat(jmx.getAttribute(ItStack.pluginMetrics(name, ""), "tasks")).isEqualTo(2);

        connect.deleteConnector(name);
        deployments.deleted(name);
        ObjectName all = ItStack.pluginMetrics(name, "*");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!jmx.queryNames(all, null).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(jmx.queryNames(all, null)).as("MBeans left after the connector was deleted").isEmpty();
    }




    private static String addCall(TrtcSimulator simulator, String id, long start, long end) {
        simulator.addCall(new ApiRecord(id, simulator.settings().sdkAppId(), "video", "77", start,
                start + 5, end, "caller-1", 2, "single", id.contains("offline") ? "offline" : "normal_end",
                List.of("callee-1")), end + 1);
        return id;
    }

    private static Map<String, String> connectorConfig(TrtcSimulator simulator, String topic, Instant start, int tasks) {
        Map<String, String> config = ItStack.connectorConfig(simulator, topic, start, tasks);
        config.put("topic.creation.default.partitions", "1");
        config.put("value.converter", "io.apicurio.registry.utils.converter.AvroConverter");
        config.put("value.converter.apicurio.registry.url", registry.registryV2Url());
        config.put("value.converter.apicurio.registry.auto-register", "true");
        config.put("value.converter.apicurio.registry.as-confluent", "true");
        config.put("value.converter.apicurio.registry.use-id", "contentId");
        config.put("value.converter.apicurio.registry.headers.enabled", "false");
        // Without it, converters write the three enums as plain strings.
        config.put("value.converter.enhanced.avro.schema.support", "true");
        return config;
    }

    /**
     * Consumes {@code topic} into {@code seen} until every call that has settled since
     * {@code start}, and every call of {@code required}, is there, each value equal to the ground
     * truth. What is due grows while this waits, as calls keep ending.
     */
    /** Two tasks that require exactly-once and commit a transaction per poll. */
    private static Map<String, String> exactlyOnceConfig(TrtcSimulator simulator, String topic, Instant start) {
        Map<String, String> config = connectorConfig(simulator, topic, start, 2);
        config.put("exactly.once.support", "required");
        config.put("transaction.boundary", "poll");
        return config;
    }

    private static void awaitEvery(TrtcSimulator simulator, Instant start, String topic, String isolation,
            Map<String, List<GenericRecord>> seen, String... required) {
        awaitEvery(simulator, ApiDialect.V1, start, topic, isolation, seen, required);
    }

    /** As above, for a connector that reads the API of {@code dialect}. */
    private static void awaitEvery(TrtcSimulator simulator, ApiDialect dialect, Instant start, String topic,
            String isolation, Map<String, List<GenericRecord>> seen, String... required) {
        awaitCopies(simulator, dialect, start, topic, isolation, seen, call -> 1, required);
    }

    /** As {@link #awaitEvery}, until each due call is there at least {@code copies} times. */
    private static void awaitCopies(TrtcSimulator simulator, Instant start, String topic, String isolation,
            Map<String, List<GenericRecord>> seen, ToIntFunction<ApiRecord> copies, String... required) {
        awaitCopies(simulator, ApiDialect.V1, start, topic, isolation, seen, copies, required);
    }

    private static void awaitCopies(TrtcSimulator simulator, ApiDialect dialect, Instant start, String topic,
            String isolation, Map<String, List<GenericRecord>> seen, ToIntFunction<ApiRecord> copies,
            String... required) {
        Map<String, Object> props = Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + topic + "-" + System.nanoTime());
        Instant deadline = Instant.now().plus(PATIENCE);
        seen.clear();
        Map<String, Integer> expected = Map.of();
        Map<String, ApiRecord> truth = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(props, topic)) {
            do {
                simulator.groundTruth().forEach(call -> truth.put(call.call().callId(), call.call()));
                Map<String, Integer> wanted = new HashMap<>();
                for (String id : required) {
                    wanted.put(id, 1);
                }
                for (ApiRecord call : ItStack.due(simulator, start.getEpochSecond())) {
                    wanted.merge(call.callId(), copies.applyAsInt(call), Math::max);
                }
                expected = wanted;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    GenericRecord value = avro.decode(record.value());
                    assertThat(truth).as("unknown call %s", key).containsKey(key);
                    CallRecordAvro.assertHolds(value, truth.get(key), dialect);
                    seen.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                }
            } while (!wanting(expected, seen).isEmpty() && Instant.now().isBefore(deadline));
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Integer> finalExpected = expected;
        List<String> missing = wanting(expected, seen).stream()
                .map(id -> id + " (" + seen.getOrDefault(id, List.of()).size() + " of " + finalExpected.get(id)
                        + " copies; started " + (now - truth.get(id).startCallTs()) + " s ago, lasted "
                        + truth.get(id).durationSeconds() + " s)")
                .toList();
        assertThat(missing).as("calls missing from %s, %d seen", topic, seen.size()).isEmpty();
    }

    private static List<String> wanting(Map<String, Integer> expected, Map<String, List<GenericRecord>> seen) {
        return expected.entrySet().stream()
                .filter(e -> seen.getOrDefault(e.getKey(), List.of()).size() < e.getValue())
                .map(Map.Entry::getKey).toList();
    }

}

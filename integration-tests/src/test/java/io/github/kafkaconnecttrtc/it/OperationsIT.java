package io.github.kafkaconnecttrtc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.kafkaconnecttrtc.launcher.ConnectRest;
import io.github.kafkaconnecttrtc.launcher.ConnectWorker;
import io.github.kafkaconnecttrtc.launcher.DemoFiles;
import io.github.kafkaconnecttrtc.launcher.IdentityCheck;
import io.github.kafkaconnecttrtc.launcher.ProcessSupervisor;
import io.github.kafkaconnecttrtc.launcher.PrometheusAgent;
import io.github.kafkaconnecttrtc.simulator.ApiRecord;
import io.github.kafkaconnecttrtc.simulator.Fault;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.LogCapture;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a running connector: no secret in logs (the worker's at DEBUG
 * included), REST answers or task traces; log lines that carry the connector's context and stay
 * quiet at INFO in steady state; and a connector that was stopped for longer than the API's
 * 7-day horizon, which says once what it lost, counts it and goes on from the earliest readable
 * point. The secret reaches the worker through a {@code FileConfigProvider}, as in production.
 * And the demo's worker, a JVM of its own with the Prometheus JMX exporter, on this test's broker:
 * what Prometheus scrapes from it.
 */
class OperationsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SECRET = "c0ffee-not-for-logs-" + Long.toHexString(System.nanoTime());

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @TempDir
    static Path secrets;

    private static EmbeddedConnectCluster connect;
    private Deployments deployments;

    @BeforeAll
    static void startStack() throws Exception {
        // The worker's own DEBUG lines too: configs, task configs and errors pass through them.
        Configurator.setLevel("org.apache.kafka.connect", Level.DEBUG);
        // The test kit's own REST logging at DEBUG trips over its log format; it is not the worker's.
        Configurator.setLevel("org.apache.kafka.connect.util.clusters", Level.INFO);
        Map<String, String> worker = ItStack.workerProps();
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        connect = new EmbeddedConnectCluster.Builder().name("trtc-ops-it").numBrokers(1).numWorkers(1)
                .brokerProps(ItStack.brokerProps()).workerProps(worker).build();
        connect.start();
        connect.assertions().assertAtLeastNumWorkersAreUp(1, "worker did not come up");
    }

    @AfterAll
    static void stopStack() {
        try {
            if (connect != null) {
                connect.stop();
            }
        } finally {
            Configurator.setLevel("org.apache.kafka.connect", Level.INFO);
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
    void neitherTheSecretKeyNorAUserSigReachesLogsRestAnswersOrTaskTraces() throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(41).secretKey(SECRET).historyDays(1)
                .callsPerSecond(0.05).maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).build());
        Path secretFile = secrets.resolve("trtc.properties");
        Files.writeString(secretFile, "secret.key=" + SECRET + "\n");
        String name = "trtc-secrets";
        Instant start = Instant.now().minus(Duration.ofHours(3));
        Map<String, String> config = ItStack.jsonConnectorConfig(simulator, name + "-calls", start, 2);
        config.put("trtc.secret.key", "${file:" + secretFile + ":secret.key}");
        // Retried failures log their causes; the UserSig travels in every request's query string.
        simulator.faults().injectNext(Fault.USERSIG_EXPIRED, 2);
        simulator.faults().injectNext(Fault.GATEWAY_502, 2);
        simulator.faults().injectNext(Fault.MALFORMED_JSON, 2);
        deployments.configure(name, config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 2, name + " did not start");
        awaitKeys(name + "-calls", ids(ItStack.due(simulator, start.getEpochSecond())));

        // A second connector whose key the API refuses: its task fails with a trace.
        Path wrongFile = secrets.resolve("wrong.properties");
        String wrongSecret = SECRET + "-wrong";
        Files.writeString(wrongFile, "secret.key=" + wrongSecret + "\n");
        String failing = "trtc-secrets-wrong";
        Map<String, String> wrong = ItStack.jsonConnectorConfig(simulator, failing + "-calls", start, 2);
        wrong.put("trtc.secret.key", "${file:" + wrongFile + ":secret.key}");
        wrong.put("tasks.max", "1");
        deployments.configure(failing, wrong);
        connect.assertions().assertConnectorIsRunningAndTasksHaveFailed(failing, 1, failing + " did not fail");

        Map<String, String> inline = ItStack.jsonConnectorConfig(simulator, name + "-calls", start, 2);
        inline.put("trtc.secret.key", SECRET);
        List<String> answers = List.of(
                get("connectors/" + name + "/config"), get("connectors/" + name + "/status"),
                get("connectors/" + name + "/tasks"), get("connectors/" + failing + "/status"),
                get("connectors?expand=info&expand=status"),
                put("connector-plugins/TrtcSourceConnector/config/validate", json(inline)));
        String userSig = simulator.lastUserSig();
        assertThat(userSig).isNotBlank();
        assertThat(get("connectors/" + failing + "/status")).contains("70002");
        List<String> secretsToHide = List.of(SECRET, userSig);
        for (String answer : answers) {
            assertThat(answer).doesNotContain(secretsToHide);
        }
        assertThat(logs.lines()).hasSizeGreaterThan(100);
        assertThat(logs.text()).as("worker and connector logs at DEBUG").doesNotContain(secretsToHide)
                .doesNotContain(wrongSecret);
    }

    @Test
    void logLinesCarryTheConnectorAndTaskContextAndStayQuietAtInfoInSteadyState() throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(43).historyDays(1).callsPerSecond(0.05)
                .maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).build());
        String name = "trtc-quiet";
        // Later than the tail's start: no history, so no slice completes and no rebalance happens meanwhile.
        Instant start = Instant.now().minus(Duration.ofMinutes(20));
        deployments.configure(name, ItStack.jsonConnectorConfig(simulator, name + "-calls", start, 2));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 2, name + " did not start");
        awaitKeys(name + "-calls", ids(ItStack.due(simulator, start.getEpochSecond())));

        int before = logs.events().size();
        Thread.sleep(Duration.ofSeconds(15).toMillis());
        List<LogCapture.Event> steady = logs.events().subList(before, logs.events().size()).stream()
                .filter(e -> e.logger().startsWith("io.github.kafkaconnecttrtc")
                        && !e.logger().startsWith("io.github.kafkaconnecttrtc.simulator"))
                .toList();

        // Some 15 polls of the fast lane and a long-lane sweep happen meanwhile: DEBUG only.
        assertThat(steady).as("our DEBUG lines in steady state").isNotEmpty();
        assertThat(steady).filteredOn(e -> e.level().isMoreSpecificThan(Level.INFO))
                .as("our INFO and above in 15 s of steady state").isEmpty();
        List<LogCapture.Event> ours = logs.events().stream()
                .filter(e -> e.logger().startsWith("io.github.kafkaconnecttrtc")
                        && !e.logger().startsWith("io.github.kafkaconnecttrtc.simulator"))
                .toList();
        assertThat(ours).allSatisfy(e -> assertThat(e.context()).as(e.toString()).startsWith("[" + name + "|"));
        assertThat(ours).extracting(LogCapture.Event::context)
                .contains("[" + name + "|task-0] ", "[" + name + "|task-1] ");
    }

    /**
     * The connector's offsets are moved back to eight days ago, as if it had been stopped that
     * long: the history and the first eight hours of the tail are beyond the API's reach.
     */
    @Test
    void aConnectorStoppedLongerThanTheHorizonLogsTheLossOnceCountsItAndReadsFromTheEarliestReadablePoint()
            throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(47).historyDays(7).callsPerSecond(0.002)
                .maxCallDurationSeconds(Duration.ofMinutes(40).toSeconds()).build());
        String name = "trtc-horizon";
        String topic = name + "-calls";
        // Without start.time the connector starts near the horizon and keeps that start in its offsets.
        Map<String, String> config = ItStack.jsonConnectorConfig(simulator, topic, Instant.now(), 2);
        config.remove("start.time");
        deployments.configure(name, config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 2, name + " did not start");
        awaitKeys(topic, ids(ItStack.due(simulator, Instant.now().minus(Duration.ofDays(6)).getEpochSecond())));
        connect.stopConnector(name);
        connect.assertions().assertConnectorIsStopped(name, name + " did not stop");

        long now = Instant.now().getEpochSecond();
        // On the grid of one-hour slices, as the connector itself places the tail's start.
        long tailStart = Math.floorDiv(now - Duration.ofDays(8).toSeconds(), 3600) * 3600;
        Map<String, Object> offset = new HashMap<>();
        offset.put("v", 1);
        offset.put("endTs", tailStart + Duration.ofHours(8).toSeconds());
        offset.put("tailStart", tailStart);
        offset.put("readFrom", tailStart - Duration.ofHours(4).toSeconds());
        String app = Long.toString(simulator.settings().sdkAppId());
        for (String lane : List.of("tail/fast", "tail/long", "tail/overlong")) {
            connect.alterSourceConnectorOffset(name, Map.of("sdkappid", app, "slice", lane), offset);
        }
        int before = logs.events().size();
        connect.resumeConnector(name);

        long floor = now - Duration.ofDays(7).toSeconds() + Duration.ofMinutes(10).toSeconds();
        // The earliest readable point on: a margin for the horizon moving while the test runs.
        long readable = floor + Duration.ofMinutes(5).toSeconds();
        awaitKeys(topic, ids(ItStack.due(simulator, readable)));
        Thread.sleep(Duration.ofSeconds(5).toMillis());

        List<String> warnings = logs.events().subList(before, logs.events().size()).stream()
                .filter(e -> e.level() == Level.WARN && e.logger().startsWith("io.github.kafkaconnecttrtc"))
                .map(LogCapture.Event::message).toList();
        assertThat(warnings).filteredOn(w -> w.contains("history slices are skipped")).hasSize(1);
        assertThat(warnings).filteredOn(w -> w.contains("Calls of slice tail/fast") && w.contains("7-day horizon"))
                .hasSize(1);
        assertThat(warnings).filteredOn(w -> w.contains("Calls of slice tail/long") && w.contains("7-day horizon"))
                .hasSize(1);
        assertThat(warnings).noneMatch(w -> w.contains("tail/overlong"));

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        double lostSeconds = 0;
        for (ObjectName task : jmx.queryNames(ItStack.pluginMetrics(name, "task=*"), null)) {
            lostSeconds += (Double) jmx.getAttribute(task, "horizon-lost-seconds-total");
        }
        assertThat(lostSeconds).as("start seconds lost by both tail lanes").isGreaterThan(0);
        ObjectName connector = ItStack.pluginMetrics(name, "");
        assertThat((Long) jmx.getAttribute(connector, "horizon-lost-slices-total")).isEqualTo(4);
    }




    /**
     * The demo's worker runs the Prometheus JMX exporter as its agent with monitoring/'s rules: its
     * {@code /metrics} carries every metric of the connector and its tasks under the rules' names,
     * the worker's count of running tasks, and every series the dashboard and the alerts query.
     */
    @Test
    void theDemosWorkerServesTheConnectorsSeriesToPrometheusUnderTheRulesNames() throws Exception {
        TrtcSimulator simulator = deployments.simulator(SimulatorSettings.builder().seed(43).historyDays(1)
                .callsPerSecond(0.05).build());
        String name = "trtc-scraped";
        Path runDir = Files.createDirectories(Path.of("target", "prometheus-it")).toAbsolutePath();
        try (ProcessSupervisor supervisor = ProcessSupervisor.open(runDir)) {
            supervisor.killLeftovers();
            String classpath = DemoFiles.readWorkerClasspath(RepoFiles.file("demo", "target", "demo-worker.classpath"),
                    RepoFiles.ROOT);
            ConnectWorker worker = ConnectWorker.start(supervisor, runDir, RepoFiles.ROOT, classpath,
                    DemoFiles.writeChildLogConfig(runDir), connect.kafka().bootstrapServers(), ItStack.PLUGIN_PATH,
                    Map.of(), PrometheusAgent.of(RepoFiles.ROOT));
            // Its REST API answers 404 to connectors until the worker has joined its group; the demo waits too.
            try (IdentityCheck check = worker.identityCheck(null)) {
                Instant up = Instant.now().plus(PATIENCE);
                while (!check.check().ready() && Instant.now().isBefore(up)) {
                    Thread.sleep(250);
                }
            }
            Instant start = Instant.now().minus(Duration.ofHours(2));
            new ConnectRest(worker.url()).putConfig(name,
                    ItStack.jsonConnectorConfig(simulator, name + "-calls", start, 1), Duration.ofSeconds(90));

            URI metrics = worker.metricsUrl().orElseThrow();
            String connector = "connector=\"" + name + "\"";
            Map<String, List<String>> series = Map.of();
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline)) {
                series = scrape(metrics);
                if (series.getOrDefault("trtc_requests_total", List.of()).stream()
                        .anyMatch(line -> line.contains(connector) && line.contains("outcome=\"ok\""))) {
                    break;
                }
                Thread.sleep(500);
            }
            List<String> expected = new ArrayList<>(List.of("trtc_requests_total",
                    "trtc_slice_seconds_behind", "trtc_connector_history_slices_remaining", "trtc_connector_tasks",
                    "trtc_connector_tail_start_seconds", "trtc_connector_reconfigurations_requested_total",
                    "trtc_connector_horizon_lost_slices_total", "trtc_task_records_emitted_rate",
                    "trtc_task_pages_per_pass_avg", "trtc_task_pages_per_pass_max", "trtc_task_slices_stalled"));
            for (String counter : List.of("records_emitted", "passes", "requests", "retries", "rate_limit_wait_seconds",
                    "calls_overlong", "calls_late", "horizon_lost_seconds", "invalid_records", "paging_anomalies",
                    "pass_failures")) {
                expected.add("trtc_task_" + counter + "_total");
            }
            for (String metric : expected) {
                assertThat(series.getOrDefault(metric, List.of())).as(metric).anyMatch(line -> line.contains(connector));
            }
            assertThat(series.get("trtc_task_records_emitted_total")).as("records emitted")
                    .anyMatch(line -> line.contains(connector) && !line.endsWith(" 0.0"));
            assertThat(series.get("trtc_slice_seconds_behind")).as("the fast lane's lag")
                    .anyMatch(line -> line.contains(connector) && line.contains("slice=\"tail/fast\""));
            assertThat(series.get("kafka_connect_connector_tasks")).as("the worker's task count")
                    .anyMatch(line -> line.contains(connector) && line.contains("state=\"running\"")
                            && line.endsWith(" 1.0"));

            // The queries where Grafana and Prometheus take them: each panel's targets, each alerting rule.
            List<String> queries = new ArrayList<>();
            new ObjectMapper().readTree(RepoFiles.file("monitoring", "grafana-dashboard.json").toFile()).path("panels")
                    .forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asText())));
            new YAMLMapper().readTree(RepoFiles.file("monitoring", "prometheus-alerts.yml").toFile()).path("groups")
                    .forEach(group -> group.path("rules").forEach(rule -> queries.add(rule.path("expr").asText())));
            assertThat(queries).as("the dashboard's and the alerts' queries").hasSizeGreaterThan(15)
                    .allSatisfy(query -> assertThat(query).isNotBlank());
            Set<String> queried = new HashSet<>();
            Pattern seriesName = Pattern.compile("\\b(trtc_[a-z_]+|kafka_connect_connector_tasks)\\b");
            for (String query : queries) {
                Matcher metric = seriesName.matcher(query);
                while (metric.find()) {
                    queried.add(metric.group(1));
                }
            }
            assertThat(series.keySet()).containsAll(queried);
        }
    }

    /** Samples of the exposition text by metric name; comments left out. */
    private static Map<String, List<String>> scrape(URI metrics) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        // The last scrape stays for whoever reads the test's output: target/prometheus-it/metrics.txt.
        Files.writeString(Path.of("target", "prometheus-it", "metrics.txt"), response.body());
        return response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .collect(Collectors.groupingBy(line -> line.split("[{ ]", 2)[0]));
    }

    private static Set<String> ids(List<ApiRecord> calls) {
        return calls.stream().map(ApiRecord::callId).collect(Collectors.toSet());
    }

    /** Consumes {@code topic} from the start until every key of {@code expected} was seen. */
    private static void awaitKeys(String topic, Set<String> expected) {
        assertThat(expected).as("calls this test waits for").isNotEmpty();
        Map<String, Object> props = Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "ops-it-" + System.nanoTime());
        Set<String> seen = new HashSet<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(props, topic)) {
            while (!seen.containsAll(expected) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(new String(record.key(), StandardCharsets.UTF_8));
                }
            }
        }
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(seen);
        assertThat(missing).as("calls missing from " + topic).isEmpty();
    }

    private static String get(String resource) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(connect.endpointForResource(resource))).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String put(String resource, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(connect.endpointForResource(resource)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String json(Map<String, String> config) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(config);
    }
}

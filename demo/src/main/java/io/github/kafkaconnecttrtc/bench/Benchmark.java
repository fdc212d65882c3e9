package io.github.kafkaconnecttrtc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import io.github.kafkaconnecttrtc.launcher.ApiVersions;
import io.github.kafkaconnecttrtc.launcher.ConnectRest;
import io.github.kafkaconnecttrtc.launcher.ConnectWorker;
import io.github.kafkaconnecttrtc.launcher.DemoConnectorConfig;
import io.github.kafkaconnecttrtc.launcher.DemoFiles;
import io.github.kafkaconnecttrtc.launcher.KafkaBroker;
import io.github.kafkaconnecttrtc.launcher.Net;
import io.github.kafkaconnecttrtc.launcher.ProcessSupervisor;
import io.github.kafkaconnecttrtc.launcher.RegistryProcess;
import io.github.kafkaconnecttrtc.launcher.RegistryUrls;
import io.github.kafkaconnecttrtc.launcher.SliceProgress;
import io.github.kafkaconnecttrtc.launcher.StartupWait;
import io.github.kafkaconnecttrtc.simulator.AppliedLatency;
import io.github.kafkaconnecttrtc.simulator.QuerySnapshot;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.SimulatorStats;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run: the simulator with a large history, Apicurio Registry and a broker for the
 * whole run; then, per delivery mode, a fresh Connect worker (child JVM, JMX on a loopback port)
 * and a fresh topic, the connector deployed, the backfill watched until the connector's offsets
 * cover every call that ended before the deploy, a warm-up, a few minutes of live traffic, and
 * finally a read of the whole topic, whose LogAppendTime stamps give when each record arrived.
 * {@link BenchmarkMatrix} runs backfills alone on the same stack, with a simulator per latency.
 *
 * <p>Everything runs on the main thread, which also starts every child process: their
 * parent-death signal is tied to it (see {@link ProcessSupervisor}). {@link #abort} may be called
 * from any thread; the main thread notices within a second and {@link #close()}s.
 */
final class Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
    static final String CONNECTOR_CLASS = "io.github.kafkaconnecttrtc.TrtcSourceConnector";
    private static final Duration START_PATIENCE = Duration.ofSeconds(180);
    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    /** After the steady state: records appended just before its end still reach the live reader. */
    private static final Duration LIVE_DRAIN = Duration.ofSeconds(3);
    private static final long SECONDS_PER_DAY = 86_400;

    /** Where things are: the project, the run directory, the build's outputs. */
    record Paths(Path basedir, Path runDir, Path pluginPath, Path apicurioHome, Path workerClasspathFile) {
        static Paths fromSystemProperties() {
            Path basedir = Path.of(System.getProperty("demo.basedir", System.getProperty("user.dir")))
                    .toAbsolutePath().normalize();
            Path target = basedir.resolve("target");
            return new Paths(basedir, target.resolve("benchmark"),
                    Path.of(System.getProperty("connect.plugin.path", target.resolve("plugin").toString())),
                    Path.of(System.getProperty("apicurio.home", target.resolve("apicurio-registry").toString())),
                    Path.of(System.getProperty("demo.worker.classpath",
                            target.resolve("demo-worker.classpath").toString())));
        }
    }

    /** Thrown on the main thread when the run was aborted (Ctrl-C). */
    static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("aborted");
        }
    }

    private final BenchmarkOptions options;
    private final Paths paths;
    private final Output out;
    private final List<ModeResult> results = new ArrayList<>();
    private final ThreadMXBean localThreads = ManagementFactory.getThreadMXBean();
    private volatile boolean aborted;
    private volatile TopicReader activeReader;

    private ProcessSupervisor supervisor;
    private TrtcSimulator simulator;
    /** What each simulator of the run, closed or current, has added to its answers. */
    private final List<SimulatorLatency> appliedLatencies = new ArrayList<>();
    private RegistryProcess registry;
    private RegistryUrls registryUrls;
    private KafkaBroker broker;
    private Admin admin;
    private String classpath;
    private Path childLog4j;
    private ConnectWorker worker;
    private ConnectRest connect;
    private String deployedConnector;
    private boolean closed;
    private String machineAtStart;
    private long historyCalls;
    private int generatedCalls;

    Benchmark(BenchmarkOptions options, Paths paths, Output out) {
        this.options = options;
        this.paths = paths;
        this.out = out;
    }

    List<ModeResult> results() {
        return results;
    }

    /** The latency a simulator was asked for, and what it added to its answers. */
    record SimulatorLatency(long latencyMillis, AppliedLatency applied) {
    }

    /** A full run: each delivery mode in turn, backfill and steady state. */
    void run() throws Exception {
        startStack(options.latencyMillis());
        for (BenchmarkOptions.Mode mode : options.modes()) {
            ModeResult result = ModeResult.full(mode, options.latencyMillis(), options.tasksMax());
            results.add(result);
            runMode(result);
        }
    }

    /** Ends the run from another thread (Ctrl-C): readers are woken, the main thread stops at its next check. */
    void abort() {
        aborted = true;
        TopicReader reader = activeReader;
        if (reader != null) {
            reader.stop();
        }
    }

    boolean aborted() {
        return aborted;
    }

    String machineAtStart() {
        return machineAtStart;
    }

    long historyCalls() {
        return historyCalls;
    }

    int generatedCalls() {
        return generatedCalls;
    }

    /** The broker, the registry and a simulator with a latency of {@code latencyMillis}. */
    void startStack(long latencyMillis) throws Exception {
        Files.createDirectories(paths.runDir());
        machineAtStart = MachineStats.uptime();
        out.say("kafka-connect-trtc benchmark; logs in " + paths.basedir().relativize(paths.runDir()) + "/");
        out.say("  machine    " + MachineStats.size() + "; " + machineAtStart);
        supervisor = ProcessSupervisor.open(paths.runDir());
        for (String leftover : supervisor.killLeftovers()) {
            out.say("  ended a leftover of an earlier run: " + leftover);
        }
        DemoFiles.requirePackagedPlugin(paths.pluginPath(), "mvn -q package -DskipTests exec:java@benchmark");
        classpath = DemoFiles.readWorkerClasspath(paths.workerClasspathFile(), paths.basedir());
        childLog4j = DemoFiles.writeChildLogConfig(paths.runDir());
        long t0 = System.nanoTime();
        registry = RegistryProcess.start(supervisor, paths.apicurioHome(), paths.runDir());
        broker = KafkaBroker.prepare(paths.runDir());
        broker.start(supervisor, paths.basedir(), classpath, childLog4j);

        // The registry and the broker boot in their own JVMs meanwhile.
        startSimulator(latencyMillis);

        awaitReady(t0,
                new StartupWait.Server("registry", () -> registry.baseUrl().toString(), registry::identityCheck,
                        registry::child, registry::ports, registry::restartOnOtherPort),
                new StartupWait.Server("broker", broker::bootstrapServers, broker::identityCheck, broker::child,
                        broker::ports, broker::restartOnOtherPorts));
        registryUrls = new RegistryUrls(registry.baseUrl());
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, "trtc-benchmark-admin");
        admin = Admin.create(adminProps);
    }

    /**
     * A simulator with the options' history and a latency of {@code latencyMillis}, in place of the
     * one running: the latency is fixed when a simulator starts. The calls are generated again from
     * the same seed, up to now.
     */
    void startSimulator(long latencyMillis) {
        closeSimulator();
        long now = Instant.now().getEpochSecond();
        SimulatorSettings settings = SimulatorSettings.builder()
                .seed(options.seed())
                .historyDays(options.generatedHistoryDays())
                .callsPerSecond(options.historyCallsPerSecond())
                .liveRate(now + 1, options.liveRate())
                .rateLimitPerSecond(options.rateLimit())
                .latencyMillis(latencyMillis)
                .latencyJitterMillis(options.jitterAt(latencyMillis))
                .slowAnswerRate(options.slowAnswerRateAt(latencyMillis))
                .build();
        long g0 = System.nanoTime();
        simulator = TrtcSimulator.start(settings, InstantSource.system());
        List<SimulatedCall> truth = simulator.groundTruth();
        generatedCalls = truth.size();
        long readFrom = now - Math.round(options.historyDays() * SECONDS_PER_DAY);
        historyCalls = truth.stream().filter(call -> call.call().startCallTs() >= readFrom).count();
        out.say(String.format(Locale.ROOT, "  simulator  %-34s %,d calls generated over %d days in %.1f s (%,d in the"
                + " last %s days), %.2f calls/s live, limit %d requests/s; latency %s", simulator.endpoint(),
                generatedCalls, options.generatedHistoryDays(), (System.nanoTime() - g0) / 1e9, historyCalls,
                Report.number(options.historyDays()), options.liveRate(), options.rateLimit(),
                Report.latencyModel(settings)));
    }

    private void closeSimulator() {
        if (simulator != null) {
            appliedLatencies.add(new SimulatorLatency(simulator.settings().latencyMillis(),
                    simulator.stats().latency()));
            simulator.close();
            simulator = null;
        }
    }

    List<SimulatorLatency> appliedLatencies() {
        return appliedLatencies;
    }

    /** Runs one delivery mode, or one matrix cell (the backfill only), on a fresh worker, connector and topic. */
    void runMode(ModeResult result) throws Exception {
        out.say("");
        out.say("== " + result.title() + " ==");
        Map<String, String> config = connectorConfig(result);
        if (!options.schemaPerRecord() && ValueSchemaRegistration.registersPerRecord(config)) {
            ValueSchemaRegistration.registerOnce(config, result.topic);
            result.schemaRegisteredOnce = true;
        }
        result.api = ApiVersions.of(config);
        result.pollMillis = millis(config, TrtcSourceConfig.POLL_INTERVAL_MS_CONFIG,
                TrtcSourceConfig.POLL_INTERVAL_MS_DEFAULT);
        result.sweepMillis = millis(config, TrtcSourceConfig.LONG_CALL_SWEEP_INTERVAL_MS_CONFIG,
                TrtcSourceConfig.LONG_CALL_SWEEP_INTERVAL_MS_DEFAULT);
        result.overlongMillis = millis(config, TrtcSourceConfig.OVERLONG_CALL_SWEEP_INTERVAL_MS_CONFIG,
                TrtcSourceConfig.OVERLONG_CALL_SWEEP_INTERVAL_MS_DEFAULT);
        result.settleMillis = millis(config, TrtcSourceConfig.SETTLE_DELAY_MS_CONFIG,
                TrtcSourceConfig.SETTLE_DELAY_MS_DEFAULT);
        result.fastLaneMillis = millis(config, TrtcSourceConfig.CALL_FAST_LANE_MAX_DURATION_MS_CONFIG,
                TrtcSourceConfig.CALL_FAST_LANE_MAX_DURATION_MS_DEFAULT);
        result.maxCallMillis = millis(config, TrtcSourceConfig.CALL_MAX_DURATION_MS_CONFIG,
                TrtcSourceConfig.CALL_MAX_DURATION_MS_DEFAULT);
        result.pageSize = (int) millis(config, TrtcSourceConfig.PAGE_SIZE_CONFIG, TrtcSourceConfig.PAGE_SIZE_DEFAULT);
        result.budget = Double.parseDouble(config.get(TrtcSourceConfig.REQUESTS_PER_SECOND_CONFIG));
        result.partitions = Integer.parseInt(config.getOrDefault("topic.creation.default.partitions", "3"));
        result.tasksMax = (int) millis(config, "tasks.max", 1);
        result.requestsInFlightDefault = !config.containsKey(TrtcSourceConfig.REQUESTS_IN_FLIGHT_CONFIG);
        result.requestsInFlight = (int) millis(config, TrtcSourceConfig.REQUESTS_IN_FLIGHT_CONFIG,
                TrtcSourceConfig.REQUESTS_IN_FLIGHT_DEFAULT);

        // A worker of its own for each mode: exactly.once.source.support makes EVERY source task transactional.
        int jmxPort = Net.freePort();
        Map<String, String> workerProps = new LinkedHashMap<>();
        // A group and storage topics of its own: a new worker must not find the stopped connectors of earlier ones.
        String group = result.connector;
        workerProps.put("group.id", group);
        workerProps.put("config.storage.topic", group + "-configs");
        workerProps.put("offset.storage.topic", group + "-offsets");
        workerProps.put("status.storage.topic", group + "-status");
        workerProps.put("exactly.once.source.support",
                result.mode == BenchmarkOptions.Mode.EOS ? "enabled" : "disabled");
        options.producer().forEach((key, value) -> workerProps.put("producer." + key, value));
        workerProps.putAll(options.worker());
        List<String> jvm = new ArrayList<>(WorkerProbe.jvmOptions(jmxPort));
        jvm.add("-Xmx" + options.workerHeap());
        jvm.addAll(options.workerJvm());
        long w0 = System.nanoTime();
        worker = ConnectWorker.start(supervisor, paths.runDir(), paths.basedir(), classpath, childLog4j,
                broker.bootstrapServers(), paths.pluginPath(), "connect-worker-" + result.id, jvm, workerProps);
        connect = new ConnectRest(worker.url());
        // Not started again on a taken port: its JMX port is in its JVM options.
        String support = workerProps.get("exactly.once.source.support");
        awaitReady(w0, new StartupWait.Server("worker", () -> worker.url() + " (" + support + ")",
                () -> worker.identityCheck(broker.clusterId()), worker::child, worker::ports, null));
        checkPluginLoaded();
        createTopic(result.topic, result.partitions);

        try (WorkerProbe probe = WorkerProbe.connect(jmxPort, Duration.ofSeconds(60), worker.child()::alive)) {
            result.heapMax = probe.heapMax();
            Sampler sampler = new Sampler(probe, result.connector);
            result.workerStartupSeconds = (System.nanoTime() - w0) / 1e9;
            result.workerStartupCpu = cpuSeconds(worker.child());
            backfill(result, config, sampler);
            if (!result.matrixCell) {
                warmUp(result, sampler);
                steady(result, sampler);
            }
            connect.stop(result.connector);
            deployedConnector = null;
            sampler.sample();
            result.workerTotalCpu = cpuSeconds(worker.child());
        }
        supervisor.stop(worker.child(), ProcessSupervisor.GRACE);
        worker = null;
        out.say("  worker stopped; reading " + result.topic + " from the beginning ...");

        long r0 = System.nanoTime();
        Deliveries all;
        try (TopicReader reader = TopicReader.fromBeginning(broker.bootstrapServers(), result.topic,
                registryUrls.ccompat())) {
            activeReader = reader;
            all = reader.readToEnd();
        } finally {
            activeReader = null;
        }
        checkAborted();
        result.scanSeconds = (System.nanoTime() - r0) / 1e9;
        Analysis.topic(result, all, simulator.stats().requestsPerSecond(), options.rateLimit());
        out.say(String.format(Locale.ROOT, "  read %,d records in %.1f s", all.size(), result.scanSeconds));
    }

    /** Deploys the connector and samples until its offsets cover every call that ended before the deploy. */
    private void backfill(ModeResult result, Map<String, String> config, Sampler sampler) throws Exception {
        sampler.probe.resetPeaks();
        WorkerUsage usage = sampler.startPhase("backfill");
        Instant deploy = Instant.now();
        long deploySecond = deploy.getEpochSecond();
        result.deployEpochMillis = deploy.toEpochMilli();
        result.readFromSecond = deploySecond - Math.round(options.historyDays() * SECONDS_PER_DAY);
        config.put(TrtcSourceConfig.START_TIME_CONFIG, Instant.ofEpochSecond(result.readFromSecond).toString());
        // The history at the deploy: what the connector may read at once, every call that ended a settle delay ago.
        result.historyUntilSecond = deploySecond - result.settleMillis / 1000;
        result.expectedCalls = simulator.groundTruth().stream()
                .filter(call -> call.call().startCallTs() >= result.readFromSecond
                        && call.call().endTs() <= result.historyUntilSecond)
                .count();
        result.backfillStart = mark(result);
        connect.putConfig(result.connector, config, Duration.ofSeconds(90));
        deployedConnector = result.connector;
        out.say(String.format(Locale.ROOT, "  connector  %-34s deployed: %s=%s, tasks.max=%d, start.time=%s, %,d"
                + " calls to backfill", result.connector, TrtcSourceConfig.API_VERSION_CONFIG, result.api.configName(),
                result.tasksMax, config.get(TrtcSourceConfig.START_TIME_CONFIG), result.expectedCalls));

        DemoConnectorConfig.SliceGeometry geometry = DemoConnectorConfig.SliceGeometry.of(config);
        long deadline = System.nanoTime() + options.backfillTimeout().toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
        long lastRecords = 0;
        long lastRequests = result.backfillStart.requests();
        long lastProgressNanos = System.nanoTime();
        int tick = 0;
        while (true) {
            sampler.sleepAndSample();
            checkWorker();
            if (++tick % 2 == 0) {
                checkTasks(result.connector);
                if (backfillDone(result.connector, geometry, result.historyUntilSecond)) {
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the backfill did not finish within " + options.backfillTimeout()
                        .toMinutes() + " minutes; see " + worker.child().log());
            }
            if (System.nanoTime() >= nextProgress) {
                long records = topicRecords(result.topic, result.partitions);
                long requests = simulator.stats().totalRequests();
                double seconds = (System.nanoTime() - lastProgressNanos) / 1e9;
                out.say(String.format(Locale.ROOT, "  [%s] %s backfill: %,d records in the topic (%,.0f/s), API %.0f"
                        + " requests/s, history slices left %s", result.id,
                        Report.clock((System.nanoTime() - result.backfillStart.nanos()) / 1e9), records,
                        (records - lastRecords) / seconds,
                        (requests - lastRequests) / seconds, Report.gauge(sampler.latest().connectorGauges()
                                .get("history-slices-remaining"))));
                lastRecords = records;
                lastRequests = requests;
                lastProgressNanos = System.nanoTime();
                nextProgress += PROGRESS_INTERVAL.toNanos();
            }
        }
        sampler.sample();
        result.backfillEnd = mark(result);
        result.backfillUsage = usage;
        result.detectedSeconds = result.backfillEnd.secondsSince(result.backfillStart);
        result.backfillHeapPeaks = sampler.probe.heapPeaks();
        result.loadAfterBackfill = MachineStats.uptime();
        out.say(String.format(Locale.ROOT, "  [%s] backfill complete by the connector's offsets after %.1f s",
                result.id, result.detectedSeconds));
    }

    /** Waits out the rebalance that follows the last history slice, so that the steady state sees settled tasks. */
    private void warmUp(ModeResult result, Sampler sampler) throws Exception {
        sampler.startPhase("warm-up");
        long end = System.nanoTime() + options.warmup().toNanos();
        while (System.nanoTime() < end || !allTasksRunning(result.connector)) {
            sampler.sleepAndSample();
            checkWorker();
            checkTasks(result.connector);
        }
    }

    private void steady(ModeResult result, Sampler sampler) throws Exception {
        TopicReader live = TopicReader.follow(broker.bootstrapServers(), result.topic, registryUrls.ccompat());
        Deliveries[] received = new Deliveries[1];
        Exception[] failure = new Exception[1];
        Thread reader = new Thread(() -> {
            try {
                received[0] = live.followUntilStopped();
            } catch (Exception e) {
                failure[0] = e;
            }
        }, "trtc-benchmark-live-reader");
        reader.setDaemon(true);
        reader.start();
        activeReader = live;
        try {
            sampler.probe.resetPeaks();
            WorkerUsage usage = sampler.startPhase("steady");
            result.steadyStart = mark(result);
            Duration steady = options.steadyFor(Duration.ofMillis(result.sweepMillis));
            out.say(String.format(Locale.ROOT, "  [%s] steady state for %s ...", result.id,
                    Report.clock(steady.toSeconds())));
            long end = System.nanoTime() + steady.toNanos();
            long nextProgress = System.nanoTime() + PROGRESS_INTERVAL.toNanos() * 3;
            while (System.nanoTime() < end) {
                sampler.sleepAndSample();
                checkWorker();
                if (System.nanoTime() >= nextProgress) {
                    double seconds = (System.nanoTime() - result.steadyStart.nanos()) / 1e9;
                    long requests = simulator.stats().totalRequests() - result.steadyStart.requests();
                    out.say(String.format(Locale.ROOT, "  [%s] %s steady: %,.0f requests/min", result.id,
                            Report.clock(seconds), requests / seconds * 60));
                    nextProgress += PROGRESS_INTERVAL.toNanos() * 3;
                }
            }
            sampler.sample();
            result.steadyEnd = mark(result);
            result.steadyUsage = usage;
            result.steadyHeapPeaks = sampler.probe.heapPeaks();
            result.longLaneTasks = usage.longLaneTasks();
            result.fastLaneTasks = usage.fastLaneTasks();
            List<QuerySnapshot> window = Analysis.steadyQueries(result, simulator.stats());
            Analysis.ByStart truth = Analysis.ByStart.of(simulator.groundTruth());
            if (window != null) {
                Analysis.classifyQueries(result, window);
                Analysis.listPages(result, window, truth);
            }
            Analysis.lookBackPages(result, truth);
            result.loadAfterSteady = MachineStats.uptime();
            sleep(LIVE_DRAIN);
        } finally {
            live.stop();
            reader.join(TimeUnit.SECONDS.toMillis(10));
            activeReader = null;
            live.close();
        }
        checkAborted();
        if (failure[0] != null) {
            throw failure[0];
        }
        Deliveries arrivals = received[0];
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            if (arrivals.appended(i) >= result.steadyStart.epochMillis()
                    && arrivals.appended(i) <= result.steadyEnd.epochMillis()) {
                fresh.add((arrivals.received(i) - arrivals.ended(i)) / 1e3);
            }
        }
        result.freshnessReceive = Analysis.sorted(fresh);
        result.liveReceived = arrivals.size();
        result.liveDuplicates = arrivals.size() - arrivals.distinctKeys(i -> true);
    }

    private boolean backfillDone(String connector, DemoConnectorConfig.SliceGeometry geometry, long historyUntil)
            throws IOException, InterruptedException {
        JsonNode offsets = connect.offsets(connector);
        long now = Instant.now().getEpochSecond();
        SliceProgress progress = SliceProgress.of(offsets, now, geometry);
        // Every history slice finished, and both tail lanes' cursors past the history's last end time.
        return progress.waiting() == 0 && progress.reading().isEmpty() && progress.tails().size() >= 2
                && progress.tails().stream().allMatch(row -> now - row.behindSeconds() >= historyUntil);
    }

    private boolean allTasksRunning(String connector) throws IOException, InterruptedException {
        JsonNode status = connect.status(connector);
        if (!"RUNNING".equals(status.path("connector").path("state").asText()) || status.path("tasks").isEmpty()) {
            return false;
        }
        for (JsonNode task : status.path("tasks")) {
            if (!"RUNNING".equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    private void checkTasks(String connector) throws IOException, InterruptedException {
        JsonNode status = connect.status(connector);
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                throw new IllegalStateException("task " + task.path("id").asText() + " failed: "
                        + task.path("trace").asText("").lines().limit(3).toList());
            }
        }
    }

    private void checkWorker() {
        checkAborted();
        for (ProcessSupervisor.Child child : supervisor.children()) {
            if (!child.alive()) {
                throw new IllegalStateException(child.name() + " exited with " + child.process().exitValue()
                        + "; the end of " + child.log() + ":\n" + child.logTail(30));
            }
        }
    }

    private void checkAborted() {
        if (aborted) {
            throw new Aborted();
        }
    }

    private Map<String, String> connectorConfig(ModeResult result) throws IOException {
        Map<String, String> config = new LinkedHashMap<>(DemoConnectorConfig.read(
                paths.basedir().resolve(options.connectorConfig())));
        config.put(TrtcSourceConfig.ENDPOINT_CONFIG, simulator.endpoint().toString());
        config.put(TrtcSourceConfig.SDKAPPID_CONFIG, Long.toString(simulator.settings().sdkAppId()));
        config.put(TrtcSourceConfig.TOPIC_CONFIG, result.topic);
        if (result.askedTasks != null) {
            config.put("tasks.max", Integer.toString(result.askedTasks));
        }
        if (options.requestsInFlight() != null) {
            config.put(TrtcSourceConfig.REQUESTS_IN_FLIGHT_CONFIG, Integer.toString(options.requestsInFlight()));
        }
        config.put(TrtcSourceConfig.REQUESTS_PER_SECOND_CONFIG, Integer.toString(options.rateLimit()));
        if (options.api() != null) {
            config.put(TrtcSourceConfig.API_VERSION_CONFIG, options.api().configName());
        }
        if (config.containsKey(DemoConnectorConfig.APICURIO_URL)
                || String.valueOf(config.get("value.converter")).startsWith("io.apicurio")) {
            config.put(DemoConnectorConfig.APICURIO_URL, registryUrls.v2());
        }
        if (result.mode == BenchmarkOptions.Mode.EOS) {
            config.put("exactly.once.support", "required");
        }
        config.putAll(options.connector());
        config.replaceAll((key, value) -> DemoConnectorConfig.absoluteFileReferences(value, paths.basedir()));
        return config;
    }

    private static long millis(Map<String, String> config, String key, long fallback) {
        String value = config.get(key);
        return value == null ? fallback : Long.parseLong(value.trim());
    }

    /** The topic with LogAppendTime, so that each record's timestamp is when the broker appended it. */
    private void createTopic(String topic, int partitions) throws InterruptedException {
        NewTopic newTopic = new NewTopic(topic, partitions, (short) 1)
                .configs(Map.of("message.timestamp.type", "LogAppendTime"));
        try {
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("creating " + topic + ": " + e.getCause(), e.getCause());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("creating " + topic + " timed out", e);
        }
    }

    /** Records in the topic, transaction markers included under exactly-once: for the progress lines only. */
    private long topicRecords(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try {
            long total = 0;
            for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(latest).all()
                    .get(10, TimeUnit.SECONDS).values()) {
                total += info.offset();
            }
            return total;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Could not read the end offsets of {}", topic, e);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private Mark mark(ModeResult result) {
        SimulatorStats stats = simulator.stats();
        return new Mark(System.nanoTime(), System.currentTimeMillis(),
                worker == null ? 0 : cpuSeconds(worker.child()), cpuSeconds(broker.child()),
                cpuSeconds(registry.child()), simulatorCpuSeconds(), launcherCpuSeconds(), MachineStats.cpuTimes(),
                stats.totalRequests(), stats.answersByErrorCode(ApiVersions.simulatorEndpoint(result.api)),
                stats.rateLimitedAnswers(), stats.latency());
    }

    private static double cpuSeconds(ProcessSupervisor.Child child) {
        return child.process().toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static double launcherCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** CPU of the simulator's HTTP threads in this JVM: answering, querying the store, generating live calls. */
    private double simulatorCpuSeconds() {
        long nanos = 0;
        for (ThreadInfo info : localThreads.getThreadInfo(localThreads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("trtc-simulator-http-")) {
                nanos += Math.max(0, localThreads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos / 1e9;
    }

    /** Waits until each server answers as itself; a registry or broker that lost its port starts again on another. */
    private void awaitReady(long sinceNanos, StartupWait.Server... servers) throws InterruptedException {
        new StartupWait(START_PATIENCE, sinceNanos, null, (server, detail) -> out.say(String.format(Locale.ROOT,
                "  %-10s %-34s %s", server.name(), server.where().get(), detail)), this::checkAborted)
                .await(List.of(servers));
    }

    private void checkPluginLoaded() throws IOException, InterruptedException {
        for (JsonNode plugin : connect.connectorPlugins()) {
            if (CONNECTOR_CLASS.equals(plugin.path("class").asText())) {
                return;
            }
        }
        throw new IllegalStateException("the worker has no " + CONNECTOR_CLASS + "; see " + worker.child().log());
    }

    private void sleep(Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            checkAborted();
            Thread.sleep(Math.min(200, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    /**
     * Stops everything, on the main thread: the connector (so that its last offsets are written),
     * the worker, then broker and registry together, then the simulator. Runs once.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (deployedConnector != null && connect != null && worker != null && worker.child().alive()) {
            try {
                connect.stop(deployedConnector);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not stop the connector", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
        if (supervisor != null) {
            String outcome = supervisor.shutDown(worker == null ? null : worker.child());
            if (outcome != null) {
                out.say(outcome);
            }
        }
        closeSimulator();
    }

    /**
     * After a matrix cell failed: stops its connector and worker, so that the next cell starts as
     * the others did. Whether the rest can run at all is {@link #stackAlive()}.
     */
    void abandonCell() {
        if (deployedConnector != null && connect != null && worker != null && worker.child().alive()) {
            try {
                connect.stop(deployedConnector);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not stop the connector {}", deployedConnector, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deployedConnector = null;
        if (worker != null) {
            supervisor.stop(worker.child(), ProcessSupervisor.GRACE);
            worker = null;
        }
    }

    /** Whether the broker and the registry still run, so that another cell may. */
    boolean stackAlive() {
        return broker != null && broker.child().alive() && registry != null && registry.child().alive();
    }

    /** Samples the worker every second into the current phase's {@link WorkerUsage}. */
    private final class Sampler {
        final WorkerProbe probe;
        final String connector;
        WorkerProbe.Snapshot previous;
        WorkerUsage phase;
        long next = System.nanoTime();

        Sampler(WorkerProbe probe, String connector) throws IOException {
            this.probe = probe;
            this.connector = connector;
            this.previous = probe.snapshot(connector);
        }

        WorkerUsage startPhase(String name) throws IOException {
            sample();
            phase = new WorkerUsage(name);
            phase.add(null, previous);
            next = System.nanoTime() + SAMPLE_INTERVAL.toNanos();
            return phase;
        }

        void sample() throws IOException {
            WorkerProbe.Snapshot current = probe.snapshot(connector);
            if (phase != null) {
                phase.add(previous, current);
            }
            previous = current;
        }

        void sleepAndSample() throws IOException, InterruptedException {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(Duration.ofNanos(wait));
            }
            next = Math.max(next + SAMPLE_INTERVAL.toNanos(), System.nanoTime());
            sample();
        }

        WorkerProbe.Snapshot latest() {
            return previous;
        }
    }
}

package io.github.kafkaconnecttrtc;

import io.github.kafkaconnecttrtc.config.ConnectionCheck;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import io.github.kafkaconnecttrtc.metrics.ConnectorMetrics;
import io.github.kafkaconnecttrtc.source.EpochSeconds;
import io.github.kafkaconnecttrtc.source.Slice;
import io.github.kafkaconnecttrtc.source.SliceOffset;
import io.github.kafkaconnecttrtc.source.SlicePlan;
import io.github.kafkaconnecttrtc.source.SlicePlanner;
import io.github.kafkaconnecttrtc.source.StoredOffsets;
import io.github.kafkaconnecttrtc.source.TaskAssignment;
import io.github.kafkaconnecttrtc.source.TaskSettings;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Streams the call records of one TRTC application into a Kafka topic.
 *
 * <p>The range to read is cut into slices (see {@link Slice}); {@link #taskConfigs} hands the
 * unfinished ones to tasks, the live tail always to the first. A monitor re-reads the stored
 * offsets every {@link #MONITOR_INTERVAL} and asks Connect for new task configurations when a
 * task has run out of history while another still has several slices to read.
 */
public class TrtcSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(TrtcSourceConnector.class);
    static final Duration MONITOR_INTERVAL = Duration.ofSeconds(30);

    private final InstantSource clock;
    private final ConnectionCheck connectionCheck;
    private Map<String, String> props;
    private TrtcSourceConfig config;
    private SlicePlanner planner;
    private ScheduledExecutorService monitor;
    private ConnectorMetrics metrics;
    private volatile List<List<String>> assignment = List.of();

    public TrtcSourceConnector() {
        this(InstantSource.system());
    }

    TrtcSourceConnector(InstantSource clock) {
        this(clock, new ConnectionCheck(clock));
    }

    TrtcSourceConnector(InstantSource clock, ConnectionCheck connectionCheck) {
        this.clock = clock;
        this.connectionCheck = connectionCheck;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new TrtcSourceConfig(props);
        OptionalLong start = config.startTime().map(i -> OptionalLong.of(i.getEpochSecond())).orElse(OptionalLong.empty());
        this.planner = new SlicePlanner(config.sliceDuration(), config.settleDelay(), config.maxCallDuration(),
                config.fastLaneMaxDuration(), start);
        String name = TrtcSourceTask.connectorName(props);
        this.metrics = new ConnectorMetrics(name, context(), planner::lostSlices);
        // The worker's threads carry the connector's logging context; the monitor's own thread gets a copy.
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                runnable.run();
            }, "trtc-connector-monitor-" + name);
            thread.setDaemon(true);
            return thread;
        });
        monitor.scheduleWithFixedDelay(this::checkBalance, MONITOR_INTERVAL.toMillis(), MONITOR_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TrtcSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        SlicePlan plan = planner.plan(clock.instant().getEpochSecond(), this::storedOffsets);
        List<List<String>> tasks = TaskAssignment.assign(plan.sliceNames(), maxTasks,
                TaskAssignment.longLaneCells(config.maxCallDuration(), config.sliceDuration()));
        assignment = tasks;
        metrics.planned(plan.history().size(), plan.tailStart(), tasks.size());
        List<Map<String, String>> configs = new ArrayList<>(tasks.size());
        for (int task = 0; task < tasks.size(); task++) {
            configs.add(new TaskSettings(tasks.get(task), plan.tailStart(), plan.fastStart(), plan.readFrom(),
                    tasks.size(), task).toTaskConfig(props));
        }
        log.info("Assigned the live tail and {} history slices to {} tasks", plan.history().size(), tasks.size());
        return configs;
    }

    private Map<String, SliceOffset> storedOffsets(List<String> sliceNames) {
        return StoredOffsets.read(context().offsetStorageReader(), config.sdkAppId(), sliceNames,
                clock.instant().getEpochSecond(), (name, problem) ->
                log.warn("Ignoring the unreadable stored offset of slice {}: {}", name, problem.getMessage()));
    }

    /** Asks for a reconfiguration when the remaining history is spread unevenly. */
    void checkBalance() {
        try {
            List<List<String>> current = assignment;
            SlicePlan plan = planner.plan(clock.instant().getEpochSecond(), this::storedOffsets);
            List<String> unfinished = plan.history().stream().map(Slice::name).toList();
            metrics.planned(unfinished.size(), plan.tailStart(), 0);
            int most = 0;
            boolean someoneIdle = false;
            boolean finishedAssigned = false;
            for (List<String> task : current) {
                long history = task.stream().filter(name -> !name.startsWith("tail/")).count();
                long left = task.stream().filter(unfinished::contains).count();
                most = (int) Math.max(most, left);
                someoneIdle |= history > 0 && left == 0;
                finishedAssigned |= left < history;
            }
            if ((someoneIdle && most >= 2) || (unfinished.isEmpty() && finishedAssigned)) {
                log.info("Rebalancing: {} history slices left", unfinished.size());
                metrics.reconfigurationRequested();
                context().requestTaskReconfiguration();
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the progress of the history slices: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.shutdownNow();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public ConfigDef config() {
        return TrtcSourceConfig.configDef();
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        Map<String, List<String>> errors = TrtcSourceConfig.crossFieldErrors(connectorConfigs, clock.instant());
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (ConfigValue validated : result.configValues()) {
            ConfigValue value = new ConfigValue(validated.name(), validated.value(), validated.recommendedValues(),
                    withoutRepeatedNullError(validated));
            value.visible(validated.visible());
            errors.getOrDefault(value.name(), List.of()).forEach(value::addErrorMessage);
            values.put(value.name(), value);
        }
        // Last, because it only runs when the keys it sends had no error so far.
        connectionCheck.addErrors(values);
        return new Config(new ArrayList<>(values.values()));
    }

    /**
     * ConfigDef runs a key's validator even when the value was missing or did not parse, and the validator then
     * refuses "null": a second error that repeats the first in words that say nothing of what is expected. It stays
     * when it is the only one, as for a key explicitly set to null.
     */
    private static List<String> withoutRepeatedNullError(ConfigValue value) {
        String repeated = "Invalid value null for configuration " + value.name() + ":";
        List<String> kept = new ArrayList<>();
        value.errorMessages().stream().filter(message -> !message.startsWith(repeated)).forEach(kept::add);
        return kept.isEmpty() ? new ArrayList<>(value.errorMessages()) : kept;
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        // Each poll returns one whole pass whose offsets travel with its records, so a
        // transaction per poll commits a pass and its position together.
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Accepts offsets written through the REST API when they name a slice of this connector and
     * hold a readable position in range (see {@link EpochSeconds}); a null offset deletes the
     * slice's position.
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        long now = clock.instant().getEpochSecond();
        offsets.forEach((partition, offset) -> {
            Object app = partition.get(Slice.PARTITION_APP_KEY);
            Object slice = partition.get(Slice.PARTITION_SLICE_KEY);
            if (!(app instanceof String) || !(slice instanceof String)) {
                throw new ConnectException("Partition " + partition + " is not one of this connector: it needs the"
                        + " text fields '" + Slice.PARTITION_APP_KEY + "' and '" + Slice.PARTITION_SLICE_KEY + "'");
            }
            try {
                // With no start to read from, a history cell keeps the bounds its name gives.
                Slice parsed = Slice.parse((String) slice, 0, 0, Long.MIN_VALUE, 0);
                if (!parsed.isTail()) {
                    // No plan makes a cell with such bounds, so its offset would never be read: say so now.
                    EpochSeconds.check("the start of slice " + parsed.name(), parsed.startFrom(), now);
                    EpochSeconds.check("the end of slice " + parsed.name(), parsed.startUntil(), now);
                }
                SliceOffset.fromMap(offset, now);
            } catch (IllegalArgumentException e) {
                throw new ConnectException("Invalid offset for " + partition + ": " + e.getMessage(), e);
            }
        });
        return true;
    }
}

package io.github.kafkaconnecttrtc;

import io.github.kafkaconnecttrtc.client.ClientInterruptedException;
import io.github.kafkaconnecttrtc.client.HttpTrtcRecordsClient;
import io.github.kafkaconnecttrtc.client.RequestRateLimiter;
import io.github.kafkaconnecttrtc.client.SharedRequestBudget;
import io.github.kafkaconnecttrtc.client.TrtcFatalException;
import io.github.kafkaconnecttrtc.client.TrtcRecordsClient;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import io.github.kafkaconnecttrtc.metrics.TaskMetrics;
import io.github.kafkaconnecttrtc.source.PageRequests;
import io.github.kafkaconnecttrtc.source.PassAbortedException;
import io.github.kafkaconnecttrtc.source.RecordOutput;
import io.github.kafkaconnecttrtc.source.SliceOffset;
import io.github.kafkaconnecttrtc.source.SliceReader;
import io.github.kafkaconnecttrtc.source.StoredOffsets;
import io.github.kafkaconnecttrtc.source.TaskEngine;
import io.github.kafkaconnecttrtc.source.TaskSettings;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads the slices the connector assigned and emits one record per call.
 *
 * <p>Connect 4 stops a task between polls: it calls {@link #stop()} on the poll thread once
 * {@code poll()} has returned, so what keeps stopping quick is that a poll never works on a pass
 * for more than about a second (see {@link TaskEngine}): the requests are made on threads of the
 * task's own, up to {@code trtc.requests.in.flight} at once, while the poll thread takes their
 * outcomes. A request stops retrying
 * {@link io.github.kafkaconnecttrtc.client.RequestPolicy#RETRY_BUDGET} after its first attempt, so
 * that a pass goes on or fails within seconds during an outage too. A worker that calls
 * {@link #stop()} from another thread while a poll runs makes that poll return at once: the idle
 * wait wakes, the poll thread is interrupted in its wait for outcomes, the flag cleared again before
 * the poll returns to the worker, and the request threads are interrupted and stop.
 */
public class TrtcSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(TrtcSourceTask.class);

    private final InstantSource clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object pollLock = new Object();
    private volatile boolean stopping;
    private Thread pollThread;
    private TrtcRecordsClient client;
    private SharedRequestBudget.Lease budget;
    private TaskMetrics metrics;
    private TaskEngine engine;
    private ExecutorService passThreads;

    public TrtcSourceTask() {
        this(InstantSource.system());
    }

    TrtcSourceTask(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        TrtcSourceConfig config = new TrtcSourceConfig(props);
        TaskSettings settings;
        try {
            settings = TaskSettings.fromTaskConfig(props);
        } catch (IllegalArgumentException e) {
            throw new ConnectException("Invalid task configuration: " + e.getMessage(), e);
        }
        double share = RequestRateLimiter.permitRate(config.requestsPerSecond(), settings.taskCount())
                / settings.taskCount();
        budget = SharedRequestBudget.join(connectorName(props) + "/" + config.sdkAppId(), share);
        client = new HttpTrtcRecordsClient(config.apiAccess(), config.requestPolicy(), clock, budget.limiter());
        int inFlight = config.requestsInFlight();
        // Steps of passes and the pages they ask at once share the threads: at most one each per request in flight.
        passThreads = Executors.newFixedThreadPool(inFlight,
                passThreadFactory(connectorName(props), settings.taskId()));
        Executor requestThreads = withLogContext(passThreads);
        SliceReader reader = new SliceReader(client, PageRequests.concurrent(requestThreads), config.readSettings(),
                clock, () -> stopping, SliceReader.heldPerPass(TaskEngine.passesAtOnce(inFlight)));
        metrics = new TaskMetrics(connectorName(props), settings.taskId(), context, client.stats(), clock);
        RecordOutput output = config.recordOutput();
        Map<String, SliceOffset> stored = storedOffsets(connectorName(props), config.sdkAppId(), settings.sliceNames());
        engine = TaskEngine.create(settings, stored, config.laneSchedule(), output, reader, clock,
                duration -> stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS), metrics,
                requestThreads, inFlight);
        log.info("Reading {} slices of application {} from the {} records API at {} into {}",
                settings.sliceNames().size(), config.sdkAppId(), config.apiAccess().dialect().configName(),
                config.apiAccess().endpoint().getHost(), output.topic());
    }

    /**
     * Runs each step with the worker's log context of this task ({@code [connector|task-n]}), which
     * Connect sets on the task's own thread only, so that the lines a request logs say whose it is.
     */
    private static Executor withLogContext(ExecutorService threads) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return step -> threads.execute(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                step.run();
            } finally {
                MDC.clear();
            }
        });
    }

    /** Daemon threads named after the task, so that a thread dump shows whose requests they make. */
    private static ThreadFactory passThreadFactory(String connector, int taskId) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable,
                    "trtc-pass-" + connector + "-" + taskId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Connect puts the connector's name into its configuration, and so into every task's. */
    static String connectorName(Map<String, String> props) {
        String name = props.get("name");
        return name == null || name.isBlank() ? "unnamed" : name;
    }

    private Map<String, SliceOffset> storedOffsets(String connector, long sdkAppId, List<String> sliceNames) {
        return StoredOffsets.read(context.offsetStorageReader(), sdkAppId, sliceNames,
                clock.instant().getEpochSecond(), (name, problem) ->
                // Re-reading the slice duplicates calls but loses none; failing would loop on restart.
                log.error("The stored offset of slice {} cannot be read ({}); reading the slice again from its start."
                        + " To choose otherwise, stop the connector and set the offset through the REST API (PATCH"
                        + " /connectors/{}/offsets, times in seconds since the epoch).", name, problem.getMessage(),
                        connector));
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        synchronized (pollLock) {
            if (stopping) {
                return null;
            }
            pollThread = Thread.currentThread();
        }
        try {
            return engine.poll();
        } catch (InterruptedException e) {
            if (stopping) {
                return null;
            }
            throw e;
        } catch (PassAbortedException | ClientInterruptedException e) {
            if (stopping) {
                return null;
            }
            throw new RetriableException("Reading was interrupted: " + e.getMessage(), e);
        } catch (TrtcFatalException e) {
            throw new ConnectException(e.getMessage(), e);
        } catch (RejectedExecutionException e) {
            // The request threads were shut down by a stop() from another thread.
            if (stopping) {
                return null;
            }
            throw e;
        } finally {
            synchronized (pollLock) {
                pollThread = null;
            }
            if (stopping) {
                // The interrupt was meant for our request only; the worker's thread goes on.
                Thread.interrupted();
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        stopped.countDown();
        synchronized (pollLock) {
            if (pollThread != null) {
                pollThread.interrupt();
            }
        }
        if (passThreads != null) {
            // Each pass stops at its next request once it sees the task stopping; its request is interrupted.
            passThreads.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
        if (budget != null) {
            budget.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}

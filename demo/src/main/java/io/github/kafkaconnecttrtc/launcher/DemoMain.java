package io.github.kafkaconnecttrtc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole stack on this machine in one command, {@code mvn -q package -DskipTests exec:java@demo}
 * (options in {@code -Ddemo.args="..."}, see {@link DemoOptions#USAGE}): a KRaft broker and a
 * distributed Connect worker as child JVMs, the worker loading the connector from src/target/plugin;
 * Apicurio Registry as a child JVM; the TRTC simulator in this JVM. It deploys the connector and
 * shows its progress every 2 seconds until Ctrl-C, which stops everything and waits for every child.
 */
public final class DemoMain {

    private static final Duration FRAME_INTERVAL = Duration.ofSeconds(2);
    private static final Duration FIRST_EVENTS_CHECK = Duration.ofMillis(250);

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        long startNanos = System.nanoTime();
        DemoStack.Paths paths = DemoStack.Paths.fromSystemProperties();
        // Before anything logs: the launcher's own logging goes to target/demo/launcher.log.
        System.setProperty("trtc.demo.runDir", paths.runDir().toString());
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-demo.xml");
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.print(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(DemoOptions.USAGE);
            return;
        }
        boolean redraw = options.redraw() != null ? options.redraw() : System.console() != null;
        Terminal terminal = new Terminal(System.out, redraw);
        DemoMain demo = new DemoMain();
        demo.run(options, paths, terminal, startNanos);
        if (demo.exitedAfterRecords) {
            // Done on purpose: leave exec:java at once, whatever threads of libraries linger.
            System.exit(demo.stoppedEveryChild ? 0 : 1);
        }
    }

    private volatile boolean stopping;
    private final CountDownLatch loopDone = new CountDownLatch(1);
    private final CountDownLatch stopDone = new CountDownLatch(1);
    private final Object stopLock = new Object();
    private boolean stopped;
    private volatile TopicWatcher watcher;
    /** Whether --exit-after-records was reached (and the stack stopped for that reason). */
    private volatile boolean exitedAfterRecords;
    private volatile boolean stoppedEveryChild;

    private void run(DemoOptions options, DemoStack.Paths paths, Terminal terminal, long startNanos) throws Exception {
        DemoStack stack = new DemoStack(options, paths, terminal, startNanos);
        Thread hook = new Thread(() -> shutdown(stack, terminal, "Ctrl-C or SIGTERM"), "trtc-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.start();
            watch(stack, options, terminal, startNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!stopping) {
                terminal.message("demo failed: " + e.getMessage());
                throw e;
            }
        } finally {
            loopDone.countDown();
            if (stopping) {
                // The shutdown hook is stopping the children; this thread started them, and they get
                // SIGKILL from the kernel when it ends (ProcessSupervisor), so it waits.
                awaitUninterruptibly(stopDone, Duration.ofMinutes(2));
            } else {
                shutdown(stack, terminal, exitedAfterRecords
                        ? "--exit-after-records " + options.exitAfterRecords() + " reached" : "an error");
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway and finds the work done
                }
            }
        }
    }

    private void watch(DemoStack stack, DemoOptions options, Terminal terminal, long startNanos) throws Exception {
        String topic = stack.connectorConfig().get(TrtcSourceConfig.TOPIC_CONFIG);
        EventDecoder decoder = new EventDecoder(stack.registryUrls().ccompat());
        try (TopicWatcher topicWatcher = new TopicWatcher(stack.bootstrapServers(), topic)) {
            watcher = topicWatcher;
            ProgressProbe probe = new ProgressProbe(stack.connect(), options.connectorName(), topic, topicWatcher,
                    decoder, ApiVersions.of(stack.connectorConfig()),
                    stack.simulator() == null ? null : stack.simulator().stats(),
                    DemoConnectorConfig.SliceGeometry.of(stack.connectorConfig()), startNanos);
            long baseline = -1;
            boolean first = true;
            long next = System.nanoTime();
            while (!stopping) {
                ProgressSnapshot snapshot = probe.next();
                if (baseline < 0) {
                    baseline = Math.max(0, snapshot.records());
                }
                if (first && snapshot.records() > baseline) {
                    first = false;
                    terminal.message(firstEvents(startNanos));
                }
                if (stopping) {
                    break;
                }
                if (stack.lakePending() && snapshot.records() >= 0) {
                    stack.deployLake();
                }
                List<String> frame = ProgressView.render(snapshot);
                if (stack.lake() != null) {
                    frame = ProgressView.withLake(frame, lakeLine(stack));
                }
                terminal.frame(frame);
                if (probe.lastProblem() != null) {
                    terminal.message("  (reading the topic: " + probe.lastProblem() + ")");
                }
                if (options.exitAfterRecords() != null
                        && cleanStart(snapshot, options.embeddedConnect() ? 0 : baseline, options.exitAfterRecords())) {
                    terminal.message(String.format(Locale.ROOT, "clean start: connector %s RUNNING with %d/%d tasks,"
                            + " %,d records in %s after %s s", snapshot.connector(), snapshot.tasksRunning(),
                            snapshot.tasksTotal(), snapshot.records(), snapshot.topic(),
                            DemoStack.seconds(System.nanoTime() - startNanos)));
                    exitedAfterRecords = true;
                    return;
                }
                ProcessSupervisor.Child dead = stack.deadChild();
                if (dead != null && !stopping) {
                    throw new IllegalStateException(dead.name() + " exited with " + dead.process().exitValue()
                            + "; the end of its log " + dead.log() + ":\n" + dead.logTail(30));
                }
                next += FRAME_INTERVAL.toNanos();
                // Until the first events, look at the topic's size often, to time them to a quarter second.
                while (first && !stopping && next - System.nanoTime() > FIRST_EVENTS_CHECK.toNanos()) {
                    TimeUnit.NANOSECONDS.sleep(FIRST_EVENTS_CHECK.toNanos());
                    if (recordsOrMinusOne(topicWatcher) > baseline) {
                        first = false;
                        terminal.message(firstEvents(startNanos));
                    }
                }
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                } else {
                    next = System.nanoTime();
                }
            }
        } finally {
            watcher = null;
        }
    }

    /** The lake's line of the progress: the sink's state and the table's row count. */
    private static String lakeLine(DemoStack stack) throws InterruptedException {
        if (stack.lakePending()) {
            return ProgressView.lake(stack.lakeSinkName(), "waiting for the topic", -1);
        }
        String state;
        try {
            JsonNode status = stack.connect().status(stack.lakeSinkName());
            state = status.path("connector").path("state").asText("UNKNOWN");
            for (JsonNode task : status.path("tasks")) {
                if ("FAILED".equals(task.path("state").asText())) {
                    state += ", task failed: " + task.path("trace").asText("").lines().findFirst().orElse("");
                    break;
                }
            }
        } catch (IOException e) {
            state = "status unavailable (" + e.getMessage() + ")";
        }
        long rows;
        try {
            rows = LakeSink.rowCount(stack.lake());
        } catch (IOException | RuntimeException e) {
            // A metadata file the sink is writing at this very moment: the next frame reads the next one.
            rows = -1;
        }
        return ProgressView.lake(stack.lakeSinkName(), state, rows);
    }

    /**
     * Whether the start-up is complete for --exit-after-records: the connector and every one of its
     * tasks RUNNING, and at least {@code records} records written to the topic since {@code baseline}.
     */
    static boolean cleanStart(ProgressSnapshot snapshot, long baseline, long records) {
        return "RUNNING".equals(snapshot.state()) && snapshot.tasksTotal() > 0
                && snapshot.tasksRunning() == snapshot.tasksTotal() && snapshot.records() - baseline >= records;
    }

    private static void awaitUninterruptibly(CountDownLatch latch, Duration timeout) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                latch.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The topic's size; -1 when it cannot be read right now (the next frame tells why). */
    private long recordsOrMinusOne(TopicWatcher topicWatcher) throws InterruptedException {
        try {
            return topicWatcher.records();
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            throw new InterruptedException("stopping");
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static String firstEvents(long startNanos) {
        String since = "first events after " + DemoStack.seconds(System.nanoTime() - startNanos) + " s";
        Optional<Instant> jvmStart = ProcessHandle.current().info().startInstant();
        return jvmStart.map(start -> since + " (" + DemoStack.seconds(Duration.between(start, Instant.now()).toNanos())
                + " s since mvn started, build included)").orElse(since);
    }

    /** Stops the progress loop, then the stack; runs once, from the shutdown hook or after an error. */
    private void shutdown(DemoStack stack, Terminal terminal, String why) {
        synchronized (stopLock) {
            if (stopped) {
                return;
            }
            stopped = true;
            stopping = true;
            long t0 = System.nanoTime();
            terminal.message("stopping (" + why + ") ...");
            stack.requestStop(); // a start still under way gives up at its next check
            TopicWatcher w = watcher;
            if (w != null) {
                w.wakeup();
            }
            try {
                loopDone.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                stoppedEveryChild = stack.stop();
                terminal.message("stopped in " + DemoStack.seconds(System.nanoTime() - t0) + " s");
            } catch (RuntimeException | Error e) {
                // Not a static logger: logging must not start before main() has pointed it at target/demo.
                org.slf4j.LoggerFactory.getLogger(DemoMain.class).error("Stopping failed", e);
                terminal.message("stopping failed: " + e + " (see target/demo/launcher.log)");
            } finally {
                stopDone.countDown();
            }
        }
    }
}

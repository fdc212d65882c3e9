package io.github.kafkaconnecttrtc.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupWaitTest {

    @TempDir
    Path dir;

    private final List<String> said = new ArrayList<>();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private StartupWait waiting(Duration patience) {
        return new StartupWait(patience, System.nanoTime(), dir,
                (server, detail) -> said.add(server.name() + ": " + detail), () -> { });
    }

    /** A child that has exited with 1, its log saying {@code log}. */
    private ProcessSupervisor.Child exited(String name, String log) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".log");
        Files.writeString(file, log);
        Process process = new ProcessBuilder("sh", "-c", "exit 1").start();
        started.add(process);
        process.waitFor(10, TimeUnit.SECONDS);
        return new ProcessSupervisor.Child(name, process, file);
    }

    /** A child that runs until the test ends. */
    private ProcessSupervisor.Child running(String name) throws IOException {
        Path file = dir.resolve(name + "-running.log");
        Files.writeString(file, "");
        Process process = new ProcessBuilder("sleep", "60").start();
        started.add(process);
        return new ProcessSupervisor.Child(name, process, file);
    }

    /** A check answering these verdicts in turn, the last one from then on. */
    private static IdentityCheck answering(Readiness... verdicts) {
        Iterator<Readiness> next = List.of(verdicts).iterator();
        AtomicReference<Readiness> last = new AtomicReference<>();
        return () -> {
            if (next.hasNext()) {
                last.set(next.next());
            }
            return last.get();
        };
    }

    @Test
    void returnsOnceEveryServerAnswersAsItself() throws InterruptedException {
        StartupWait.Server registry = StartupWait.Server.existing("registry", "http://127.0.0.1:1",
                answering(Readiness.notListening(1), Readiness.starting("port 1 starts"),
                        Readiness.ready("apicurio-registry 2.6.13.Final")));
        StartupWait.Server worker = StartupWait.Server.existing("worker", "http://127.0.0.1:2",
                answering(Readiness.ready("Kafka Connect 4.1.1, cluster c")));

        waiting(Duration.ofSeconds(30)).await(List.of(registry, worker));

        assertThat(said).hasSize(2);
        assertThat(said).anySatisfy(line -> assertThat(line).startsWith("registry: ready after ")
                .endsWith("(apicurio-registry 2.6.13.Final)"));
        assertThat(said).anySatisfy(line -> assertThat(line).startsWith("worker: ready after "));
    }

    @Test
    void aWrongServiceIsNeverReadyAndTheFailureSaysWhatAnswered() {
        StartupWait.Server broker = StartupWait.Server.existing("kafka broker", "127.0.0.1:42017",
                answering(Readiness.wrongService(42017, "the Kafka broker", "an HTTP server: HTTP/1.1 404 Not Found")));

        assertThatThrownBy(() -> waiting(Duration.ofSeconds(1)).await(List.of(broker)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not ready after 1 s: kafka broker at 127.0.0.1:42017")
                .hasMessageContaining("port 42017 answers but not as the Kafka broker: an HTTP server");
        assertThat(said).isEmpty();
    }

    @Test
    void aChildThatLostItsPortIsStartedAgainOnAnother() throws Exception {
        AtomicReference<ProcessSupervisor.Child> child = new AtomicReference<>(exited("kafka-broker",
                "[2026-01-01 10:00:00,000] ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)\n"
                        + "org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:42017:"
                        + " Address already in use.\n"));
        AtomicReference<String> where = new AtomicReference<>("127.0.0.1:42017");
        AtomicInteger restarts = new AtomicInteger();
        IdentityCheck check = () -> child.get().alive() ? Readiness.ready("cluster c, node 1")
                : Readiness.notListening(42017);
        StartupWait.Server broker = new StartupWait.Server("kafka broker", where::get, () -> check, child::get,
                () -> List.of(), () -> {
                    restarts.incrementAndGet();
                    child.set(running("kafka-broker"));
                    where.set("127.0.0.1:27113");
                });

        waiting(Duration.ofSeconds(30)).await(List.of(broker));

        assertThat(restarts).hasValue(1);
        assertThat(said).hasSize(2);
        assertThat(said.get(0)).startsWith("kafka broker: exited: its port was taken: ")
                .contains("Address already in use").endsWith("; starting it again on another port");
        assertThat(said.get(1)).startsWith("kafka broker: ready after ");
    }

    @Test
    void aWorkerThatExitedBeforeItsBrokerWasReadyIsStartedAgainOnceItIs() throws Exception {
        // The worker met another process on the broker's port (an HTTP server: it ran out of memory).
        AtomicReference<ProcessSupervisor.Child> workerChild = new AtomicReference<>(exited("connect-worker",
                "java.lang.OutOfMemoryError: Java heap space\nERROR Stopping due to error"));
        AtomicInteger restarts = new AtomicInteger();
        StartupWait.Server broker = StartupWait.Server.existing("kafka broker", "127.0.0.1:27120",
                answering(Readiness.notListening(27120), Readiness.notListening(27120),
                        Readiness.starting("port 27120 accepts connections but gave no Kafka answer"),
                        Readiness.ready("cluster c, node 1")));
        StartupWait.Server worker = new StartupWait.Server("connect worker", () -> "http://127.0.0.1:27121",
                () -> () -> workerChild.get().alive() ? Readiness.ready("Kafka Connect 4.1.1, cluster c")
                        : Readiness.notListening(27121),
                workerChild::get, List::of, () -> {
                    restarts.incrementAndGet();
                    workerChild.set(running("connect-worker"));
                }, "kafka broker");

        waiting(Duration.ofSeconds(30)).await(List.of(broker, worker));

        assertThat(restarts).hasValue(1);
        assertThat(said).containsSubsequence(
                "connect worker: exited before the kafka broker was ready; starting it again once it is",
                "connect worker: starting it again now that the kafka broker is ready");
        assertThat(said).anySatisfy(line -> assertThat(line).startsWith("kafka broker: ready after "));
        assertThat(said.get(said.size() - 1)).startsWith("connect worker: ready after ");
    }

    @Test
    void aChildThatExitedForAnotherReasonIsAnErrorWithTheEndOfItsLog() throws Exception {
        ProcessSupervisor.Child child = exited("connect-worker", "ERROR Stopping due to error\n"
                + "org.apache.kafka.connect.errors.ConnectException: Failed to connect to and describe Kafka cluster.");
        AtomicInteger restarts = new AtomicInteger();
        StartupWait.Server worker = new StartupWait.Server("connect worker", () -> "http://127.0.0.1:27114",
                () -> () -> Readiness.notListening(27114), () -> child, List::of, restarts::incrementAndGet);

        assertThatThrownBy(() -> waiting(Duration.ofSeconds(30)).await(List.of(worker)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("connect worker exited with 1; the end of connect-worker.log:")
                .hasMessageContaining("Failed to connect to and describe Kafka cluster");
        assertThat(restarts).hasValue(0);
    }

    @Test
    void givesUpAfterAFewRestarts() throws Exception {
        String log = "ERROR Port 27115 seems to be in use by another process. Quarkus may already be running";
        AtomicReference<ProcessSupervisor.Child> child = new AtomicReference<>(exited("apicurio-registry", log));
        AtomicInteger restarts = new AtomicInteger();
        StartupWait.Server registry = new StartupWait.Server("registry", () -> "http://127.0.0.1:27115",
                () -> () -> Readiness.notListening(27115), child::get, List::of, () -> {
                    restarts.incrementAndGet();
                    try {
                        child.set(exited("apicurio-registry", log));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });

        assertThatThrownBy(() -> waiting(Duration.ofSeconds(30)).await(List.of(registry)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("registry exited with 1 (its port was taken: ")
                .hasMessageContaining("for the fourth time");
        assertThat(restarts).hasValue(StartupWait.MAX_RESTARTS);
    }

    @Test
    void recognisesTheBindFailuresOfBrokerRegistryAndWorker() {
        assertThat(StartupWait.bindFailure("INFO starting\norg.apache.kafka.common.KafkaException: Socket server"
                + " failed to bind to 127.0.0.1:42017: Address already in use.\nmore")).startsWith(
                        "org.apache.kafka.common.KafkaException: Socket server failed to bind");
        assertThat(StartupWait.bindFailure("ERROR [io.qua.run.Application] Port 42017 seems to be in use by another"
                + " process. Quarkus may already be running or the port is used by another application."))
                .contains("seems to be in use");
        assertThat(StartupWait.bindFailure("Caused by: java.io.IOException: Failed to bind to /127.0.0.1:42017\n"
                + "Caused by: java.net.BindException: Address already in use")).contains("Failed to bind");
        assertThat(StartupWait.bindFailure("ERROR Stopping due to error\nConnectException: Failed to connect to"
                + " and describe Kafka cluster")).isNull();
    }
}

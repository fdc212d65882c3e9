package io.github.kafkaconnecttrtc.it;

import io.github.kafkaconnecttrtc.launcher.ApicurioRunner;
import io.github.kafkaconnecttrtc.launcher.IdentityCheck;
import io.github.kafkaconnecttrtc.launcher.PortAllocator;
import io.github.kafkaconnecttrtc.launcher.Readiness;
import io.github.kafkaconnecttrtc.launcher.RegistryCheck;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry 2.6.x (Quarkus legacy-jar, unpacked by maven-dependency-plugin) as a child process
 * bound to 127.0.0.1 on a free port, with the default in-memory storage (H2 mem). Always close() it.
 */
public final class ApicurioRegistryProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook;
    private final long readyMillis;

    private ApicurioRegistryProcess(Process process, int port, Path log, Thread hook, long readyMillis) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = hook;
        this.readyMillis = readyMillis;
    }

    /** @param home directory containing apicurio-registry-app-*-runner.jar and lib/ */
    public static ApicurioRegistryProcess start(Path home, Path logFile, Duration timeout) throws Exception {
        Path runner = ApicurioRunner.runnerJar(home,
                "run `mvn verify`: the dependency plugin unpacks it before the integration tests");
        int port;
        try (PortAllocator.Reservation reservation = PortAllocator.loopback().reserve()) {
            port = reservation.port();
        } // released the moment before the registry's JVM binds it
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(ApicurioRunner.jvmOptions(port, logFile.toAbsolutePath().getParent().resolve("apicurio-vertx-cache")));
        cmd.addAll(List.of("-jar", runner.toString()));
        Files.createDirectories(logFile.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        pb.environment().put("HTTP_PORT", String.valueOf(port)); // belt and braces
        long t0 = System.nanoTime();
        Process p = pb.start();
        Thread hook = new Thread(p::destroyForcibly, "apicurio-registry-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
        ApicurioRegistryProcess reg = null;
        try {
            awaitReady(p, port, timeout, logFile);
            long readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            reg = new ApicurioRegistryProcess(p, port, logFile, hook, readyMs);
            return reg;
        } finally {
            if (reg == null) { // failed to start: never leak the child
                stop(p, hook);
            }
        }
    }

    /** Ready when the port answers as Apicurio Registry and its health says ready, never on a mere connect. */
    private static void awaitReady(Process p, int port, Duration timeout, Path logFile) throws Exception {
        Readiness last;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (IdentityCheck check = new RegistryCheck(URI.create("http://127.0.0.1:" + port), true,
                Duration.ofSeconds(2))) {
            do {
                if (!p.isAlive()) {
                    throw new IllegalStateException("Apicurio Registry exited with " + p.exitValue() + ", see " + logFile);
                }
                last = check.check();
                if (last.ready()) {
                    return;
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
        }
        throw new IllegalStateException("Apicurio Registry not ready after " + timeout + " (" + last.detail()
                + "), see " + logFile);
    }

    public int port() { return port; }
    public long readyMillis() { return readyMillis; }
    public Path logFile() { return log; }
    public String baseUrl() { return "http://127.0.0.1:" + port; }
    public String registryV2Url() { return baseUrl() + "/apis/registry/v2"; }
    public String ccompatUrl() { return baseUrl() + "/apis/ccompat/v7"; }

    @Override
    public void close() throws InterruptedException {
        stop(process, shutdownHook);
    }

    private static void stop(Process p, Thread hook) throws InterruptedException {
        try {
            p.destroy(); // SIGTERM: Quarkus shuts down gracefully
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // JVM already shutting down: the hook will run anyway
            }
        }
    }

    static Path defaultHome() {
        return new File(System.getProperty("apicurio.home", "target/apicurio-registry")).toPath();
    }
}

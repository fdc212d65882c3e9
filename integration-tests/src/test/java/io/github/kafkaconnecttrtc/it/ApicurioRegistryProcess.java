package io.github.kafkaconnecttrtc.it;

import io.github.kafkaconnecttrtc.launcher.ApicurioRunner;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        int port = freePort();
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

    private static void awaitReady(Process p, int port, Duration timeout, Path logFile) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + p.exitValue() + ", see " + logFile);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // connection refused while booting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Apicurio Registry not ready after " + timeout + ", see " + logFile);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
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

package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 2.6 (the Quarkus runner jar that the build unpacks into target/apicurio-registry)
 * as a child JVM on 127.0.0.1 with in-memory storage, on a port from {@link PortAllocator}. It is
 * ready when its system information says Apicurio Registry and {@code /health/ready} answers 200
 * ({@link RegistryCheck}).
 */
public final class RegistryProcess {

    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final ProcessSupervisor supervisor;
    private final Path runner;
    private final Path home;
    private final Path runDir;
    private int port;
    private URI baseUrl;
    private ProcessSupervisor.Child child;
    private IdentityCheck check;

    private RegistryProcess(ProcessSupervisor supervisor, Path runner, Path home, Path runDir) {
        this.supervisor = supervisor;
        this.runner = runner;
        this.home = home;
        this.runDir = runDir;
    }

    public static RegistryProcess start(ProcessSupervisor supervisor, Path home, Path runDir) throws IOException {
        Path runner = ApicurioRunner.runnerJar(home, "mvn package unpacks it: run `mvn -q package -DskipTests exec:java@demo`");
        RegistryProcess registry = new RegistryProcess(supervisor, runner, home, runDir);
        registry.launch();
        return registry;
    }

    private void launch() throws IOException {
        try (PortAllocator.Reservation reservation = PortAllocator.loopback().reserve()) {
            port = reservation.port();
        } // unbound the moment before the JVM starts
        child = supervisor.startJava("apicurio-registry", null,
                ApicurioRunner.jvmOptions(port, runDir.resolve("apicurio-vertx-cache")),
                List.of("-jar", runner.toAbsolutePath().toString()),
                home, runDir.resolve("apicurio-registry.log"), Map.of("HTTP_PORT", Integer.toString(port)));
        baseUrl = URI.create("http://" + Net.LOOPBACK + ":" + port);
        check = new RegistryCheck(baseUrl, true, CHECK_TIMEOUT);
    }

    /** Starts the registry again on a new port, after it exited because another process had taken its port. */
    public void restartOnOtherPort() throws IOException {
        supervisor.stop(child, ProcessSupervisor.GRACE);
        launch();
    }

    /** The check of the registry on its current port. */
    public IdentityCheck identityCheck() {
        return check;
    }

    public List<Integer> ports() {
        return List.of(port);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public ProcessSupervisor.Child child() {
        return child;
    }
}

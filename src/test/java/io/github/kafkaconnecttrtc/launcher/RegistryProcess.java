package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Apicurio Registry 2.6 (the Quarkus runner jar that the build unpacks into target/apicurio-registry)
 * as a child JVM on 127.0.0.1 with in-memory storage.
 */
final class RegistryProcess {

    private final URI baseUrl;
    private final ProcessSupervisor.Child child;

    private RegistryProcess(URI baseUrl, ProcessSupervisor.Child child) {
        this.baseUrl = baseUrl;
        this.child = child;
    }

    static RegistryProcess start(ProcessSupervisor supervisor, Path home, Path runDir) throws IOException {
        Path runner;
        try (Stream<Path> files = Files.exists(home) ? Files.list(home) : Stream.empty()) {
            runner = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Apicurio Registry *-runner.jar in " + home
                            + " (mvn package unpacks it: run `mvn -q package -DskipTests exec:java@demo`)"));
        }
        int port = Net.freePort();
        ProcessSupervisor.Child child = supervisor.startJava("apicurio-registry", null,
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-Dquarkus.http.host=" + Net.LOOPBACK, // Quarkus binds 0.0.0.0 by default
                        "-Dquarkus.http.port=" + port,
                        "-Dquarkus.log.level=WARN",
                        "-Dvertx.cacheDirBase=" + runDir.resolve("apicurio-vertx-cache").toAbsolutePath()),
                List.of("-jar", runner.toAbsolutePath().toString()),
                home, runDir.resolve("apicurio-registry.log"), Map.of("HTTP_PORT", Integer.toString(port)));
        return new RegistryProcess(URI.create("http://" + Net.LOOPBACK + ":" + port), child);
    }

    boolean ready() {
        return Net.answers200(baseUrl.resolve("/health/ready"));
    }

    URI baseUrl() {
        return baseUrl;
    }

    ProcessSupervisor.Child child() {
        return child;
    }
}

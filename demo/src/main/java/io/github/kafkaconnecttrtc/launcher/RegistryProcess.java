package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 2.6 (the Quarkus runner jar that the build unpacks into target/apicurio-registry)
 * as a child JVM on 127.0.0.1 with in-memory storage.
 */
public final class RegistryProcess {

    private final URI baseUrl;
    private final ProcessSupervisor.Child child;

    private RegistryProcess(URI baseUrl, ProcessSupervisor.Child child) {
        this.baseUrl = baseUrl;
        this.child = child;
    }

    public static RegistryProcess start(ProcessSupervisor supervisor, Path home, Path runDir) throws IOException {
        Path runner = ApicurioRunner.runnerJar(home, "mvn package unpacks it: run `mvn -q package -DskipTests exec:java@demo`");
        int port = Net.freePort();
        ProcessSupervisor.Child child = supervisor.startJava("apicurio-registry", null,
                ApicurioRunner.jvmOptions(port, runDir.resolve("apicurio-vertx-cache")),
                List.of("-jar", runner.toAbsolutePath().toString()),
                home, runDir.resolve("apicurio-registry.log"), Map.of("HTTP_PORT", Integer.toString(port)));
        return new RegistryProcess(URI.create("http://" + Net.LOOPBACK + ":" + port), child);
    }

    public boolean ready() {
        return Net.answers200(baseUrl.resolve("/health/ready"));
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public ProcessSupervisor.Child child() {
        return child;
    }
}

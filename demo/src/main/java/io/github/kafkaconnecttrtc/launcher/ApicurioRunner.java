package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How to run Apicurio Registry 2.6 from the Quarkus runner jar that the build unpacks: on
 * 127.0.0.1 only, with its default in-memory storage.
 */
public final class ApicurioRunner {

    private ApicurioRunner() {
    }

    /**
     * The runner jar in {@code home}.
     *
     * @throws IllegalStateException naming {@code hint} (how to get it unpacked) when it is missing
     */
    public static Path runnerJar(Path home, String hint) throws IOException {
        try (Stream<Path> files = Files.exists(home) ? Files.list(home) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Apicurio Registry *-runner.jar in " + home
                            + " (" + hint + ")"));
        }
    }

    /** JVM options for a small, quick registry on {@code port}; Vert.x's cache goes to {@code cacheDir}. */
    public static List<String> jvmOptions(int port, Path cacheDir) {
        return List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                // Quarkus binds 0.0.0.0 in its production profile.
                "-Dquarkus.http.host=127.0.0.1",
                // Overrides %prod.quarkus.http.port=${HTTP_PORT:8080}.
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN",
                // Otherwise /tmp/vertx-cache, shared with everything else on the machine.
                "-Dvertx.cacheDirBase=" + cacheDir.toAbsolutePath());
    }
}

package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The demo's files: run directory, child logging configuration, the worker's class path. */
public final class DemoFiles {

    private DemoFiles() {
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A log4j2 configuration for the child JVMs: INFO and up to standard output, which goes to their log file. */
    public static Path writeChildLogConfig(Path runDir) throws IOException {
        Path file = runDir.resolve("log4j2-child.properties");
        Files.writeString(file, String.join("\n",
                "# Written by the demo launcher: child JVMs log to standard output, redirected to target/demo/*.log.",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %X{connector.context}%m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = out",
                "logger.trtc.name = io.github.kafkaconnecttrtc",
                "logger.trtc.level = INFO",
                "logger.reflections.name = org.reflections",
                "logger.reflections.level = ERROR",
                ""));
        return file;
    }

    /**
     * The worker's and broker's class path, written by maven-dependency-plugin (build-classpath) at
     * package: Kafka, Connect, log4j and the Apicurio converter, but neither target/classes nor the
     * plugin jar, so that the connector can only come from plugin.path.
     */
    public static String readWorkerClasspath(Path file, Path basedir) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no worker class path at " + file
                    + " (mvn package writes it: run `mvn -q package -DskipTests exec:java@demo`)");
        }
        String classpath = Files.readString(file).trim();
        Path classes = basedir.resolve("target").resolve("classes").toAbsolutePath();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (path.startsWith(classes) || path.getFileName().toString().startsWith("kafka-connect-trtc")) {
                throw new IllegalStateException("the worker class path holds " + entry
                        + ": the connector must come from plugin.path only");
            }
        }
        return classpath;
    }

    /**
     * Fails with what to run when {@code pluginPath} holds no packaged plugin.
     *
     * @param command the command that packages it and starts the caller
     */
    public static void requirePackagedPlugin(Path pluginPath, String command) throws IOException {
        requireJar(pluginPath.resolve("kafka-connect-trtc").resolve("lib"), "kafka-connect-trtc", "no plugin", command);
    }

    /** As {@link #requirePackagedPlugin}, for the Iceberg sink's directory that lake-plugin/ lays out. */
    static void requireIcebergPlugin(Path icebergPluginPath, String command) throws IOException {
        requireJar(icebergPluginPath.resolve("iceberg-kafka-connect").resolve("lib"), "iceberg-kafka-connect",
                "no Iceberg sink", command);
    }

    private static void requireJar(Path lib, String prefix, String what, String command) throws IOException {
        boolean jar;
        try (Stream<Path> files = Files.exists(lib) ? Files.list(lib) : Stream.empty()) {
            jar = files.anyMatch(f -> f.getFileName().toString().startsWith(prefix));
        }
        if (!jar) {
            throw new IllegalStateException(what + " in " + lib + " (mvn package lays it out: run `" + command + "`)");
        }
    }
}

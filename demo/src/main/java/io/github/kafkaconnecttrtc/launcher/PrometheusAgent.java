package io.github.kafkaconnecttrtc.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Prometheus JMX exporter as a Java agent of a child JVM: it serves the JVM's MBeans, named by
 * {@code rules}, at {@code /metrics} on a loopback port.
 */
public record PrometheusAgent(Path jar, Path rules) {

    /** The agent's jar as the demo module's build lays it out, and the repository's rules. */
    public static PrometheusAgent of(Path basedir) {
        return new PrometheusAgent(Path.of(System.getProperty("prometheus.agent",
                basedir.resolve("demo/target/prometheus/jmx_prometheus_javaagent.jar").toString())),
                basedir.resolve("monitoring").resolve("jmx-exporter-rules.yml"));
    }

    /** Fails before a JVM starts without its agent: a missing jar would stop the JVM at once. */
    public void requireFiles() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no Prometheus JMX exporter at " + jar
                    + "; build it with mvn -q package -DskipTests in demo/");
        }
        if (!Files.isRegularFile(rules)) {
            throw new IllegalStateException("no exporter rules at " + rules);
        }
    }

    String jvmOption(int port) {
        return "-javaagent:" + jar.toAbsolutePath() + "=" + Net.LOOPBACK + ":" + port + ":" + rules.toAbsolutePath();
    }

    static URI metricsUrl(int port) {
        return URI.create("http://" + Net.LOOPBACK + ":" + port + "/metrics");
    }
}

package io.github.kafkaconnecttrtc.it;

import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.streams.app.CallStatsApp;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * The connectors, simulators and applications one test made on a shared cluster, deleted and
 * stopped after it whatever happened, so the next test starts clean.
 */
final class Deployments implements AutoCloseable {

    private final EmbeddedConnectCluster connect;
    private final List<TrtcSimulator> simulators = new ArrayList<>();
    private final List<String> connectors = new ArrayList<>();
    private final List<CallStatsApp> applications = new ArrayList<>();

    Deployments(EmbeddedConnectCluster connect) {
        this.connect = connect;
    }

    /** A simulator on the system clock, stopped after the test. */
    TrtcSimulator simulator(SimulatorSettings settings) {
        TrtcSimulator simulator = TrtcSimulator.start(settings, InstantSource.system());
        simulators.add(simulator);
        return simulator;
    }

    /** Creates or reconfigures connector {@code name}; it is deleted after the test. */
    void configure(String name, Map<String, String> config) {
        if (!connectors.contains(name)) {
            connectors.add(name);
        }
        connect.configureConnector(name, config);
    }

    /** The streams example, running on the cluster; closed after the test. */
    CallStatsApp application(CallStatsApp application) {
        applications.add(application);
        return application;
    }

    /** The test deleted connector {@code name} itself. */
    void deleted(String name) {
        connectors.remove(name);
    }

    @Override
    public void close() {
        try {
            applications.forEach(CallStatsApp::close);
        } finally {
            try {
                connectors.forEach(connect::deleteConnector);
            } finally {
                simulators.forEach(TrtcSimulator::close);
            }
        }
    }
}

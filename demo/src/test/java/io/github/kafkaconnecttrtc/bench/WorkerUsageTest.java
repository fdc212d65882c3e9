package io.github.kafkaconnecttrtc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerUsageTest {

    private static WorkerProbe.Snapshot withGauges(long second, Map<String, Double> gauges) {
        return new WorkerProbe.Snapshot(second * 1_000_000_000L, Map.of(), 0, 0, Map.of(), List.of(), List.of(), gauges);
    }

    @Test
    void aConnectorGaugeChangesFromItsFirstReadingToItsLastWhileTheConnectorRan() {
        WorkerUsage usage = new WorkerUsage("backfill");
        WorkerProbe.Snapshot beforeTheDeploy = withGauges(0, Map.of());
        WorkerProbe.Snapshot started = withGauges(1, Map.of("reconfigurations-requested-total", 0.0));
        WorkerProbe.Snapshot later = withGauges(2, Map.of("reconfigurations-requested-total", 2.0));
        WorkerProbe.Snapshot stopped = withGauges(3, Map.of());

        usage.add(null, beforeTheDeploy);
        usage.add(beforeTheDeploy, started);
        usage.add(started, later);
        usage.add(later, stopped);

        assertThat(usage.connectorGaugeChange("reconfigurations-requested-total")).isEqualTo(2.0);
    }
}

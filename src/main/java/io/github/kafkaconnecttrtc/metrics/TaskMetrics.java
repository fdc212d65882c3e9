package io.github.kafkaconnecttrtc.metrics;

import io.github.kafkaconnecttrtc.client.ClientStats;
import io.github.kafkaconnecttrtc.source.Cursor;
import io.github.kafkaconnecttrtc.source.PassObserver;
import io.github.kafkaconnecttrtc.source.PassResult;
import io.github.kafkaconnecttrtc.source.Slice;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.connect.source.SourceTaskContext;

/**
 * The metrics of one task: what it emitted, what it asked the API and how that went, and how far
 * behind each of its slices is. Names and tags ({@link MetricsRegistry} says where they are reported:
 * over JMX, MBeans {@code <domain>:type=plugins,...}):
 * <ul>
 *   <li>{@code connector=<name>,task=<n>}: records, passes, pages per pass,
 *       requests, retries, rate-limit waits, overlong and late calls, start times lost to the
 *       horizon, invalid records, paging anomalies, failed passes and stalled slices;</li>
 *   <li>{@code connector=<name>,task=<n>,outcome=<outcome>}: requests by
 *       outcome ({@code ok}, {@code no_records}, {@code api_<code>}, {@code http_<status>},
 *       {@code timeout}, {@code io_error}, {@code too_large}, {@code malformed});</li>
 *   <li>{@code connector=<name>,task=<n>,slice=<slice>}: seconds behind now.</li>
 * </ul>
 */
public final class TaskMetrics implements PassObserver, AutoCloseable {

    private final MetricsRegistry metrics;
    private final ClientStats client;
    private final InstantSource clock;
    private final Sensor records;
    private final Sensor passes;
    private final MetricName passesTotal;
    private final Sensor overlong;
    private final Sensor late;
    private final Sensor lostSeconds;
    private final Sensor invalid;
    private final Sensor pagingAnomalies;
    private final Sensor passFailures;
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> sliceEnds = new ConcurrentHashMap<>();
    private final Set<String> outcomes = ConcurrentHashMap.newKeySet();
    /** A poll still running when the task stops must not register MBeans again after close. */
    private volatile boolean closed;

    /** {@code context}: the task's, whose plugin metrics take these where the worker has them. */
    public TaskMetrics(String connector, int task, SourceTaskContext context, ClientStats client,
            InstantSource clock) {
        Map<String, String> tags = Map.of("connector", connector, "task", Integer.toString(task));
        this.metrics = new MetricsRegistry(tags, WorkerMetricsMirror.forTask(context, tags.keySet()));
        this.client = client;
        this.clock = clock;
        records = metrics.registry().sensor("records");
        records.add(name("records-emitted-total", "Call records emitted"), new CumulativeSum());
        records.add(name("records-emitted-rate", "Call records emitted per second"), new Rate());
        passes = metrics.registry().sensor("passes");
        passesTotal = name("passes-total", "Passes over a slice");
        passes.add(passesTotal, new CumulativeCount());
        passes.add(name("pages-per-pass-avg", "Average API requests per pass"), new Avg());
        passes.add(name("pages-per-pass-max", "Most API requests in one pass"), new Max());
        overlong = total("calls-overlong-total", "Calls emitted that lasted longer than call.max.duration.ms");
        late = total("calls-late-total", "Calls emitted that became visible later than settle.delay.ms");
        lostSeconds = total("horizon-lost-seconds-total",
                "Seconds of call start time that fell behind the API's 7-day horizon before they were read");
        invalid = total("invalid-records-total",
                "Records the API sent that cannot be emitted as calls, written to the invalid-records topic");
        pagingAnomalies = total("paging-anomalies-total",
                "Answers that ended a list before their own totalNum and were believed after being asked again");
        passFailures = total("pass-failures-total",
                "Passes over a slice that failed; the slice is read again after a back-off");
        gauge("slices-stalled", "Slices whose passes have failed for five minutes or more", stalled::size);
        gauge("requests-total", "API requests, retries included", client::requests);
        gauge("retries-total", "API requests that were retries", client::retries);
        gauge("rate-limit-wait-seconds-total", "Seconds spent waiting for the request budget",
                () -> client.rateLimitWaitNanos() / 1e9);
    }

    private MetricName name(String name, String description) {
        return metrics.name(name, description);
    }

    private Sensor total(String name, String description) {
        Sensor sensor = metrics.registry().sensor(name);
        sensor.add(name(name, description), new CumulativeSum());
        return sensor;
    }

    private void gauge(String name, String description, Supplier<Number> value) {
        metrics.registry().addMetric(name(name, description), (Gauge<Number>) (config, now) -> value.get());
    }

    @Override
    public void assigned(Slice slice, Cursor cursor) {
        if (closed) {
            return;
        }
        sliceEnds.put(slice.name(), cursor.endTs());
        MetricName behind = metrics.name("seconds-behind",
                "Seconds between now and the end time up to which every call of the slice was emitted",
                Map.of("slice", slice.name()));
        metrics.registry().addMetric(behind, (Gauge<Long>) (config, now) -> {
            Long end = sliceEnds.get(slice.name());
            return end == null ? null : Math.max(0, clock.instant().getEpochSecond() - end);
        });
    }

    @Override
    public void passed(Slice slice, PassResult result, Instant started) {
        if (closed) {
            return;
        }
        // Sensors keep their own (wall-clock) time: averages and rates are about the worker, not the data.
        sliceEnds.put(slice.name(), result.cursor().endTs());
        records.record(result.records().size());
        passes.record(result.requests());
        if (result.overlong() > 0) {
            overlong.record(result.overlong());
        }
        if (result.late() > 0) {
            late.record(result.late());
        }
        if (result.lost() != null) {
            lostSeconds.record(result.lost().startUntil() - result.lost().startFrom());
        }
        if (!result.invalid().isEmpty()) {
            invalid.record(result.invalid().size());
        }
        if (result.pagingAnomalies() > 0) {
            pagingAnomalies.record(result.pagingAnomalies());
        }
        registerNewOutcomes();
        metrics.restoreIfMissing(passesTotal);
    }

    @Override
    public void failed(Slice slice) {
        if (closed) {
            return;
        }
        passFailures.record();
        // A pass can fail at its first request, before any passed() registered the outcome.
        registerNewOutcomes();
    }

    @Override
    public void stalled(Slice slice) {
        stalled.add(slice.name());
    }

    @Override
    public void recovered(Slice slice) {
        stalled.remove(slice.name());
    }

    @Override
    public void finished(Slice slice) {
        if (closed) {
            return;
        }
        sliceEnds.remove(slice.name());
        metrics.registry().removeMetric(metrics.name("seconds-behind", "", Map.of("slice", slice.name())));
    }

    /** Outcomes appear as they happen; each gets its MBean the first time. */
    private void registerNewOutcomes() {
        for (String outcome : client.outcomes().keySet()) {
            if (outcomes.add(outcome)) {
                metrics.registry().addMetric(metrics.name("requests-total",
                        "API requests with this outcome", Map.of("outcome", outcome)),
                        (Gauge<Long>) (config, now) -> client.outcomes().getOrDefault(outcome, 0L));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        metrics.close();
    }
}

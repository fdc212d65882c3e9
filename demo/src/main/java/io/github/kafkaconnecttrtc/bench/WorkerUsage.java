package io.github.kafkaconnecttrtc.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the worker used in one phase of a run (start-up, backfill, steady state), from the
 * {@link WorkerProbe.Snapshot}s taken every second: CPU seconds per kind of thread, the task and
 * producer counters' increase, the highest heap use seen, and time in garbage collection.
 *
 * <p>Counters are differences between successive snapshots, not between the phase's first and
 * last, because tasks restart when the connector rebalances: their MBeans start again from zero,
 * and a counter that went down (or an MBean or thread that is new) counts from zero. A thread's
 * CPU goes to the kind its name says at the later snapshot: Connect runs tasks on pool threads
 * that it renames {@code task-thread-<connector>-<n>} for the task's life. A thread that ends
 * between two snapshots loses its CPU time since the earlier one; it shows up in the process's
 * total, which {@link #cpuSeconds()} leaves to the caller.
 */
final class WorkerUsage {

    static final String TASK_THREADS = "task threads (poll, convert, send)";
    static final String PRODUCERS = "task producers' I/O";
    static final String HTTP = "TRTC HTTP client";
    static final String JMX = "JMX sampling";
    static final String OTHER = "rest of the worker";

    private final String name;
    private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
    private final Map<String, Double> taskCounters = new TreeMap<>();
    private final Map<String, Double> producerCounters = new TreeMap<>();
    /** CPU seconds of each task's thread, by task number. */
    private final Map<String, Double> taskThreadCpu = new TreeMap<>();
    private long maxHeapUsed;
    private double gcSeconds;
    private List<String> longLaneTasks = List.of();
    private List<String> fastLaneTasks = List.of();
    private Map<String, Double> connectorGauges = Map.of();
    private final Map<String, Double> connectorGaugesAtStart = new TreeMap<>();

    WorkerUsage(String name) {
        this.name = name;
        for (String category : List.of(TASK_THREADS, PRODUCERS, HTTP, OTHER, JMX)) {
            cpuSeconds.put(category, 0.0);
        }
    }

    String name() {
        return name;
    }

    /** Adds what happened between {@code previous} (null: nothing before) and {@code current}. */
    void add(WorkerProbe.Snapshot previous, WorkerProbe.Snapshot current) {
        maxHeapUsed = Math.max(maxHeapUsed, current.heapUsed());
        longLaneTasks = current.longLaneTasks();
        fastLaneTasks = current.fastLaneTasks();
        // The phase's last sample may come after the connector stopped, when it reports nothing.
        if (!current.connectorGauges().isEmpty()) {
            connectorGauges = current.connectorGauges();
        }
        if (connectorGaugesAtStart.isEmpty()) {
            connectorGaugesAtStart.putAll(previous != null ? previous.connectorGauges() : current.connectorGauges());
        }
        if (previous == null) {
            return;
        }
        current.threads().forEach((id, thread) -> {
            WorkerProbe.ThreadCpu before = previous.threads().get(id);
            // Thread ids are never reused, but names are: Connect renames a pool thread while it runs a task.
            long delta = before != null && before.cpuNanos() <= thread.cpuNanos()
                    ? thread.cpuNanos() - before.cpuNanos() : thread.cpuNanos();
            cpuSeconds.merge(category(thread.name()), delta / 1e9, Double::sum);
            String task = taskOf(thread.name());
            if (task != null) {
                taskThreadCpu.merge(task, delta / 1e9, Double::sum);
            }
        });
        gcSeconds += Math.max(0, current.gcMillis() - previous.gcMillis()) / 1e3;
        current.counters().forEach((key, value) -> {
            Double before = previous.counters().get(key);
            double delta = before == null || value < before ? value : value - before;
            int bar = key.indexOf('|');
            String owner = key.substring(0, bar);
            String attribute = key.substring(bar + 1);
            if (owner.startsWith("task ")) {
                taskCounters.merge(owner + "|" + attribute, delta, Double::sum);
            } else {
                producerCounters.merge(attribute, delta, Double::sum);
            }
        });
    }

    /** The task number of a task thread ({@code task-thread-<connector>-<n>}), else null. */
    static String taskOf(String thread) {
        if (!thread.startsWith("task-thread-")) {
            return null;
        }
        String number = thread.substring(thread.lastIndexOf('-') + 1);
        return number.chars().allMatch(Character::isDigit) && !number.isEmpty() ? number : null;
    }

    /** CPU seconds of each task's thread (every thread that ran as that task), by task number. */
    Map<String, Double> taskThreadCpu() {
        return taskThreadCpu;
    }

    /** The task numbers that have counters in this phase. */
    SortedSet<String> tasks() {
        SortedSet<String> tasks = new TreeSet<>(Comparator.comparingInt(Integer::parseInt));
        for (String key : taskCounters.keySet()) {
            tasks.add(key.substring("task ".length(), key.indexOf('|')));
        }
        return tasks;
    }

    static String category(String thread) {
        if (thread.startsWith("task-thread-")) {
            return TASK_THREADS;
        }
        if (thread.contains("connector-producer-")) {
            return PRODUCERS;
        }
        if (thread.startsWith("trtc-http") || thread.startsWith("HttpClient-")) {
            return HTTP;
        }
        if (thread.startsWith("RMI ") || thread.startsWith("JMX ")) {
            return JMX;
        }
        return OTHER;
    }

    /** CPU seconds of the worker's Java threads, by kind; GC and JIT threads are not among them. */
    Map<String, Double> cpuSeconds() {
        return cpuSeconds;
    }

    double threadCpuSeconds() {
        return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The increase of a task counter, summed over the tasks that {@code tasks} names (all when null). */
    double taskCounter(String attribute, List<String> tasks) {
        double sum = 0;
        for (Map.Entry<String, Double> entry : taskCounters.entrySet()) {
            String key = entry.getKey();
            String task = key.substring("task ".length(), key.indexOf('|'));
            if (key.endsWith("|" + attribute) && (tasks == null || tasks.contains(task))) {
                sum += entry.getValue();
            }
        }
        return sum;
    }

    /** The increase of a producer counter, summed over the tasks' producers. */
    double producerCounter(String attribute) {
        return producerCounters.getOrDefault(attribute, 0.0);
    }

    long maxHeapUsed() {
        return maxHeapUsed;
    }

    double gcSeconds() {
        return gcSeconds;
    }

    /** The tasks holding the long-call lane at the last snapshot. */
    List<String> longLaneTasks() {
        return longLaneTasks;
    }

    List<String> fastLaneTasks() {
        return fastLaneTasks;
    }

    /** The increase of a connector gauge (e.g. reconfigurations) over the phase, NaN when unknown. */
    double connectorGaugeChange(String gauge) {
        Double start = connectorGaugesAtStart.get(gauge);
        Double end = connectorGauges.get(gauge);
        return start == null || end == null ? Double.NaN : end - start;
    }
}

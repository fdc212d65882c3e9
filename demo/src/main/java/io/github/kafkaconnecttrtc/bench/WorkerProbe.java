package io.github.kafkaconnecttrtc.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Looks into the Connect worker's JVM over JMX on a loopback port: CPU time per thread, heap use,
 * garbage collection, and the counters of the connector's tasks and of their producers. Totals
 * only; {@link WorkerUsage} turns successive {@link Snapshot}s into what each phase of a run used.
 */
final class WorkerProbe implements AutoCloseable {

    /** Where a Kafka 4.1 worker reports the plugin's metrics over JMX. */
    static final String PLUGIN_METRICS = "kafka.connect:type=plugins";
    /** Cumulative task counters of the plugin (a task's MBean: connector and task keys only). */
    static final List<String> TASK_COUNTERS = List.of("requests-total", "rate-limit-wait-seconds-total",
            "records-emitted-total", "retries-total", "passes-total");
    /** Cumulative producer counters: time blocked for buffer space, and spent on transactions and flushes. */
    static final List<String> PRODUCER_COUNTERS = List.of("record-send-total", "bufferpool-wait-time-ns-total",
            "txn-begin-time-ns-total", "txn-send-offsets-time-ns-total", "txn-commit-time-ns-total",
            "flush-time-ns-total");

    /** One thread's name and CPU time so far. */
    record ThreadCpu(String name, long cpuNanos) {
    }

    /**
     * Everything read at one moment.
     *
     * @param threads CPU per live thread, by thread id
     * @param counters cumulative counters by "task N|attribute" and "producer CLIENT-ID|attribute"
     * @param longLaneTasks the tasks that hold the long-call lane (slice {@code tail/long})
     * @param fastLaneTasks the tasks that hold the fast lane (slice {@code tail/fast})
     */
    record Snapshot(long nanos, Map<Long, ThreadCpu> threads, long heapUsed, long gcMillis,
            Map<String, Double> counters, List<String> longLaneTasks, List<String> fastLaneTasks,
            Map<String, Double> connectorGauges) {
    }

    private final JMXConnector jmx;
    private final MBeanServerConnection mbeans;
    private final com.sun.management.ThreadMXBean threadBean;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> heapPools;
    private final List<GarbageCollectorMXBean> collectors;

    private WorkerProbe(JMXConnector jmx) throws IOException {
        this.jmx = jmx;
        this.mbeans = jmx.getMBeanServerConnection();
        this.threadBean = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.THREAD_MXBEAN_NAME,
                com.sun.management.ThreadMXBean.class);
        this.memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        this.heapPools = ManagementFactory.getPlatformMXBeans(mbeans, MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        this.collectors = ManagementFactory.getPlatformMXBeans(mbeans, GarbageCollectorMXBean.class);
    }

    /**
     * The options that open JMX on {@code port}, on 127.0.0.1 only and without authentication:
     * the benchmark's worker runs on loopback like everything else.
     */
    static List<String> jvmOptions(int port) {
        return List.of("-Dcom.sun.management.jmxremote",
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Dcom.sun.management.jmxremote.local.only=true",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false");
    }

    /** Connects once the worker's JMX port answers. */
    static WorkerProbe connect(int port, Duration patience, BooleanSupplier alive) throws IOException,
            InterruptedException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return new WorkerProbe(JMXConnectorFactory.connect(url, Map.of()));
            } catch (IOException | SecurityException e) {
                if (System.nanoTime() > deadline || !alive.getAsBoolean()) {
                    throw new IOException("no JMX on port " + port + ": " + e.getMessage(), e);
                }
                Thread.sleep(250);
            }
        }
    }

    Snapshot snapshot(String connector) throws IOException {
        long nanos = System.nanoTime();
        Map<Long, ThreadCpu> threads = new HashMap<>();
        long[] ids = threadBean.getAllThreadIds();
        ThreadInfo[] infos = threadBean.getThreadInfo(ids);
        long[] cpu = threadBean.getThreadCpuTime(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && cpu[i] >= 0) {
                threads.put(ids[i], new ThreadCpu(infos[i].getThreadName(), cpu[i]));
            }
        }
        long heapUsed = memory.getHeapMemoryUsage().getUsed();
        long gcMillis = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        Map<String, Double> counters = new HashMap<>();
        try {
            read(counters, PLUGIN_METRICS + ",connector=" + connector + ",task=*", TASK_COUNTERS,
                    name -> "task " + name.getKeyProperty("task"));
            read(counters, "kafka.producer:type=producer-metrics,client-id=connector-producer-" + connector + "-*",
                    PRODUCER_COUNTERS, name -> "producer " + name.getKeyProperty("client-id"));
        } catch (JMException e) {
            throw new IOException("reading the worker's metrics: " + e.getMessage(), e);
        }
        List<String> longLane = new ArrayList<>();
        List<String> fastLane = new ArrayList<>();
        Map<String, Double> gauges = new HashMap<>();
        try {
            for (ObjectName name : mbeans.queryNames(new ObjectName(PLUGIN_METRICS + ",connector="
                    + connector + ",task=*,slice=*"), null)) {
                String slice = unquote(name.getKeyProperty("slice"));
                if ("tail/long".equals(slice)) {
                    longLane.add(name.getKeyProperty("task"));
                } else if ("tail/fast".equals(slice)) {
                    fastLane.add(name.getKeyProperty("task"));
                }
            }
            ObjectName connectorMetrics = new ObjectName(PLUGIN_METRICS + ",connector=" + connector);
            if (mbeans.isRegistered(connectorMetrics)) {
                for (Attribute attribute : mbeans.getAttributes(connectorMetrics, new String[] {
                    "history-slices-remaining", "tasks", "reconfigurations-requested-total"}).asList()) {
                    if (attribute.getValue() instanceof Number number) {
                        gauges.put(attribute.getName(), number.doubleValue());
                    }
                }
            }
        } catch (JMException e) {
            throw new IOException("reading the connector's metrics: " + e.getMessage(), e);
        }
        return new Snapshot(nanos, threads, heapUsed, gcMillis, counters, List.copyOf(longLane),
                List.copyOf(fastLane), gauges);
    }

    /** Reads {@code attributes} of every MBean matching {@code pattern} into "owner|attribute" keys. */
    private void read(Map<String, Double> into, String pattern, List<String> attributes,
            Function<ObjectName, String> owner) throws IOException, JMException {
        for (ObjectName name : mbeans.queryNames(new ObjectName(pattern), null)) {
            AttributeList values;
            try {
                values = mbeans.getAttributes(name, attributes.toArray(String[]::new));
            } catch (javax.management.InstanceNotFoundException e) {
                continue; // a task stopped between the query and the read
            }
            for (Attribute attribute : values.asList()) {
                if (attribute.getValue() instanceof Number number && !Double.isNaN(number.doubleValue())) {
                    into.put(owner.apply(name) + "|" + attribute.getName(), number.doubleValue());
                }
            }
        }
    }

    /** Forgets the heap pools' peaks, so that the next {@link #heapPeaks()} covers a phase alone. */
    void resetPeaks() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Peak use of each heap pool since the last {@link #resetPeaks()}, by pool name. */
    Map<String, Long> heapPeaks() {
        Map<String, Long> peaks = new HashMap<>();
        for (MemoryPoolMXBean pool : heapPools) {
            peaks.put(pool.getName(), pool.getPeakUsage().getUsed());
        }
        return peaks;
    }

    /** The heap's maximum size (-Xmx as the JVM applied it). */
    long heapMax() {
        return memory.getHeapMemoryUsage().getMax();
    }

    private static String unquote(String value) {
        if (value != null && value.startsWith("\"")) {
            return ObjectName.unquote(value);
        }
        return value;
    }

    @Override
    public void close() {
        try {
            jmx.close();
        } catch (IOException e) {
            // the worker may be gone already
        }
    }
}

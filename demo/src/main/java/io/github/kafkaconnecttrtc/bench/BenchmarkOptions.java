package io.github.kafkaconnecttrtc.bench;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import io.github.kafkaconnecttrtc.launcher.ApiVersions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The benchmark's command line ({@code -Dbenchmark.args="..."}): how large a history, how much
 * live traffic, how long to watch it, and how the connector, its worker and the tasks' producers
 * are set up.
 *
 * @param calls calls that start within the {@code historyDays} before the connector is deployed
 * @param historyDays how far back the connector reads ({@code start.time}), in days
 * @param liveCallsPerSecond the live call rate once the simulator runs; null for the history's mean rate
 * @param rateLimit the simulator's limit, requests per second of each endpoint (answers "frequency limited" above
 *     it), and the connector's budget
 * @param api the API version the connector reads ({@code trtc.api.version}), or null for the configuration's
 * @param latencyMillis the simulator's network delay per answer, in real time; 0 for none at all
 * @param latencyJitterMillis the most added to a delay above 0 ({@link #jitterAt})
 * @param slowAnswerRate the share of answers that wait a slow answer's 2.8 s instead, when the delay is above 0
 * @param latencies the delays of a matrix run, each with a simulator of its own; empty for {@code latencyMillis}
 * @param tasksList the {@code tasks.max} of a matrix run; empty for {@code tasksMax}
 * @param tasksMax the connector's {@code tasks.max}; null for the configuration file's
 * @param requestsInFlight the connector's {@code trtc.requests.in.flight}; null for the connector's default
 * @param steady how long to measure live traffic after the backfill; null for {@link #steadyFor}
 * @param warmup how long to wait between the end of the backfill and the steady-state measurement
 * @param backfillTimeout how long a backfill may take before the run gives up
 * @param modes the delivery modes to run, in order
 * @param producer worker settings for the tasks' producers, without the {@code producer.} prefix
 * @param connector connector settings that replace the configuration file's
 * @param worker worker settings that replace the launcher's
 * @param workerHeap the worker's {@code -Xmx}
 * @param workerJvm further options of the worker's JVM, after the launcher's (a later GC option wins)
 * @param connectorConfig the connector configuration to start from, relative to the project
 * @param schemaPerRecord whether Apicurio's converter keeps {@code auto-register}, which finds the value
 *     schema by its content on every record, rather than the schema being registered once before the
 *     deploy ({@link ValueSchemaRegistration})
 * @param seed the simulator's seed
 * @param output the results file; null for {@code target/benchmark/results-<time>.txt}
 */
record BenchmarkOptions(
        long calls,
        double historyDays,
        Double liveCallsPerSecond,
        int rateLimit,
        ApiDialect api,
        long latencyMillis,
        long latencyJitterMillis,
        double slowAnswerRate,
        List<Long> latencies,
        List<Integer> tasksList,
        Integer tasksMax,
        Integer requestsInFlight,
        Duration steady,
        Duration warmup,
        Duration backfillTimeout,
        List<Mode> modes,
        Map<String, String> producer,
        Map<String, String> connector,
        Map<String, String> worker,
        String workerHeap,
        List<String> workerJvm,
        Path connectorConfig,
        boolean schemaPerRecord,
        long seed,
        Path output,
        boolean help) {

    /** Delivery modes: each gets a worker of its own and fresh topics. */
    enum Mode {
        ALO("at-least-once", "alo"),
        EOS("exactly-once", "eos");

        final String title;
        final String id;

        Mode(String title, String id) {
            this.title = title;
            this.id = id;
        }

        static Mode parse(String text) {
            for (Mode mode : values()) {
                if (mode.id.equalsIgnoreCase(text.trim())) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("--modes takes alo and eos, not '" + text + "'");
        }
    }

    /** The simulator never generates more than the API keeps; the connector stays an hour inside it. */
    static final double MAX_HISTORY_DAYS = 6.9;

    /** A realistic distance to the API: its hosts are tens to hundreds of milliseconds away. */
    static final long DEFAULT_LATENCY_MILLIS = 80;
    static final long DEFAULT_LATENCY_JITTER_MILLIS = 20;
    /** One answer in a thousand near the backend's 3 s limit. */
    static final double DEFAULT_SLOW_ANSWER_RATE = 0.001;

    /** The simulator's own bound on a delay: beyond it a value is more likely a unit mistake. */
    static final long MAX_LATENCY_MILLIS = 10_000;

    static final String USAGE = String.join("\n",
            "Usage: mvn -q package -DskipTests exec:java@benchmark -Dbenchmark.args=\"[options]\"",
            "",
            "Starts the TRTC simulator with a large history, a Kafka broker, Apicurio Registry and, for each",
            "mode, a fresh Connect worker; deploys the connector, measures the backfill, then a few minutes",
            "of live traffic, and prints the results (also written to target/benchmark/).",
            "",
            "  --calls N                calls in the history the connector reads (default 2,000,000)",
            "  --history-days D         how far back it reads, in days, at most " + MAX_HISTORY_DAYS
                    + " (default 6.5)",
            "  --live-rate X            live calls per second (default: the history's mean rate)",
            "  --rate-limit N           the API's requests per second (default 200) and the connector's budget",
            "  --api v1|v4              the API version the connector reads, trtc.api.version (default: the",
            "                           configuration's, v1); the simulator serves both, with the same calls",
            "  --latency-ms N           the network delay of each answer, in ms (default 80: a realistic",
            "                           distance; 0: no network at all, the in-process figures of before)",
            "  --latency-jitter-ms N    a uniform 0..N ms added to each delay (default 20; none at 0 ms)",
            "  --slow-answer-rate X     the share of answers that take 2.8 s instead (default 0.001; none at 0 ms)",
            "  --tasks N                tasks.max (default: the configuration's, 8)",
            "  --requests-in-flight N   the connector's trtc.requests.in.flight (default: the connector's, "
                    + TrtcSourceConfig.REQUESTS_IN_FLIGHT_DEFAULT + ")",
            "  --latencies L1,L2,...    a matrix of backfills, one per latency (a simulator each) and tasks.max",
            "  --tasks-list T1,T2,...   (a worker, a connector and a topic each), without the steady state,",
            "                           at-least-once unless --modes says otherwise, ending with one table;",
            "                           either alone takes the other from --latency-ms or --tasks",
            "  --steady-minutes M       minutes of live traffic measured (default: the long-call sweep",
            "                           interval plus one, at least 3, so that one sweep falls inside)",
            "  --warmup-seconds S       wait after the backfill before measuring (default 40: the connector",
            "                           rebalances its tasks within 30 s of the last history slice)",
            "  --backfill-timeout-minutes M  give up a backfill after M minutes (default 30)",
            "  --modes alo,eos          which delivery modes to run, in order (default alo,eos; alo in a matrix)",
            "  --producer KEY=VALUE     a setting of the tasks' producers (worker producer.KEY), repeatable,",
            "                           e.g. --producer linger.ms=20 --producer compression.type=lz4",
            "  --connector KEY=VALUE    a connector setting, repeatable (e.g. poll.interval.ms=5000)",
            "  --worker KEY=VALUE       a worker setting, repeatable",
            "  --worker-heap SIZE       the worker's -Xmx (default 1g, as in the demo)",
            "  --worker-jvm OPTION      an option of the worker's JVM, repeatable (e.g. -XX:-UseParallelGC",
            "                           -XX:+UseG1GC to compare collectors)",
            "  --connector-config PATH  the configuration to start from (default",
            "                           connector-config/trtc-benchmark.json: the plugin's default timing)",
            "  --schema-per-record      leave Apicurio's converter registering the value schema by its content",
            "                           on every record (auto-register, as runs 1-7 did) instead of registering",
            "                           it once before the deploy",
            "  --seed N                 the simulator's seed (default 42)",
            "  --output PATH            the results file (default target/benchmark/results-<time>.txt)",
            "  --help                   this text",
            "");

    BenchmarkOptions {
        latencies = List.copyOf(latencies);
        tasksList = List.copyOf(tasksList);
        modes = List.copyOf(modes);
        workerJvm = List.copyOf(workerJvm);
        producer = Map.copyOf(producer);
        connector = Map.copyOf(connector);
        worker = Map.copyOf(worker);
    }

    /**
     * Parses the arguments; a single argument holding spaces is split, since exec:java passes
     * {@code -Dbenchmark.args} as one string when the shell quoted it.
     *
     * @throws IllegalArgumentException naming the first option that is wrong
     */
    static BenchmarkOptions parse(String... args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            for (String word : arg.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        long calls = 2_000_000;
        double historyDays = 6.5;
        Double liveRate = null;
        int rateLimit = 200;
        ApiDialect api = null;
        Long latency = null;
        long jitter = DEFAULT_LATENCY_JITTER_MILLIS;
        double slowRate = DEFAULT_SLOW_ANSWER_RATE;
        List<Long> latencies = List.of();
        List<Integer> tasksList = List.of();
        Integer tasks = null;
        Integer inFlight = null;
        Double steadyMinutes = null;
        double warmupSeconds = 40;
        double backfillTimeoutMinutes = 30;
        List<Mode> modes = null;
        Map<String, String> producer = new LinkedHashMap<>();
        Map<String, String> connector = new LinkedHashMap<>();
        Map<String, String> worker = new LinkedHashMap<>();
        String heap = "1g";
        List<String> workerJvm = new ArrayList<>();
        Path connectorConfig = Path.of("connector-config", "trtc-benchmark.json");
        boolean schemaPerRecord = false;
        long seed = 42;
        Path output = null;
        boolean help = false;
        for (int i = 0; i < words.size(); i++) {
            String flag = words.get(i);
            switch (flag) {
                case "--help", "-h" -> help = true;
                case "--calls" -> calls = positiveLong(flag, value(words, ++i, flag).replace(",", "").replace("_", ""));
                case "--history-days" -> historyDays = number(flag, value(words, ++i, flag));
                case "--live-rate" -> liveRate = number(flag, value(words, ++i, flag));
                case "--rate-limit" -> rateLimit = (int) positiveLong(flag, value(words, ++i, flag));
                case "--api" -> api = ApiVersions.parse(flag, value(words, ++i, flag));
                case "--latency-ms" -> latency = millis(flag, value(words, ++i, flag));
                case "--latency-jitter-ms" -> jitter = millis(flag, value(words, ++i, flag));
                case "--slow-answer-rate" -> slowRate = number(flag, value(words, ++i, flag));
                case "--latencies" -> latencies = list(flag, value(words, ++i, flag), text -> millis(flag, text));
                case "--tasks" -> tasks = (int) positiveLong(flag, value(words, ++i, flag));
                case "--tasks-list" -> tasksList = list(flag, value(words, ++i, flag),
                        text -> (int) positiveLong(flag, text));
                case "--requests-in-flight" -> inFlight = (int) whole(flag, value(words, ++i, flag), 1,
                        TrtcSourceConfig.REQUESTS_IN_FLIGHT_MAX);
                case "--steady-minutes" -> steadyMinutes = number(flag, value(words, ++i, flag));
                case "--warmup-seconds" -> warmupSeconds = number(flag, value(words, ++i, flag));
                case "--backfill-timeout-minutes" -> backfillTimeoutMinutes = number(flag, value(words, ++i, flag));
                case "--modes" -> {
                    List<Mode> chosen = new ArrayList<>();
                    for (String mode : value(words, ++i, flag).split(",")) {
                        chosen.add(Mode.parse(mode));
                    }
                    modes = chosen;
                }
                case "--producer" -> keyValue(flag, value(words, ++i, flag), producer);
                case "--connector" -> keyValue(flag, value(words, ++i, flag), connector);
                case "--worker" -> keyValue(flag, value(words, ++i, flag), worker);
                case "--worker-heap" -> heap = value(words, ++i, flag);
                case "--worker-jvm" -> workerJvm.add(jvmOption(flag, words, ++i));
                case "--connector-config" -> connectorConfig = Path.of(value(words, ++i, flag));
                case "--schema-per-record" -> schemaPerRecord = true;
                case "--seed" -> seed = Long.parseLong(value(words, ++i, flag));
                case "--output" -> output = Path.of(value(words, ++i, flag));
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        if (!(historyDays > 0 && historyDays <= MAX_HISTORY_DAYS)) {
            throw new IllegalArgumentException("--history-days must be within (0, " + MAX_HISTORY_DAYS + "], was "
                    + historyDays);
        }
        if (liveRate != null && !(liveRate >= 0)) {
            throw new IllegalArgumentException("--live-rate must not be negative, was " + liveRate);
        }
        if ((steadyMinutes != null && !(steadyMinutes > 0)) || !(warmupSeconds >= 0) || !(backfillTimeoutMinutes > 0)) {
            throw new IllegalArgumentException("--steady-minutes and --backfill-timeout-minutes must be positive,"
                    + " --warmup-seconds not negative");
        }
        if (!(slowRate >= 0 && slowRate <= 1)) {
            throw new IllegalArgumentException("--slow-answer-rate must be within 0..1, was " + slowRate);
        }
        if (!latencies.isEmpty() && latency != null || !tasksList.isEmpty() && tasks != null) {
            throw new IllegalArgumentException("--latencies replaces --latency-ms and --tasks-list replaces --tasks:"
                    + " give one of each pair");
        }
        if (modes == null) {
            // A matrix compares the read path, which both modes share; exactly-once would double its length.
            modes = latencies.isEmpty() && tasksList.isEmpty() ? List.of(Mode.ALO, Mode.EOS) : List.of(Mode.ALO);
        }
        if (modes.isEmpty() || modes.size() != modes.stream().distinct().count()) {
            throw new IllegalArgumentException("--modes must name alo, eos or both, each once");
        }
        if (!heap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("--worker-heap takes a size such as 1g or 1536m, not '" + heap + "'");
        }
        return new BenchmarkOptions(calls, historyDays, liveRate, rateLimit, api,
                latency == null ? DEFAULT_LATENCY_MILLIS : latency, jitter, slowRate, latencies, tasksList, tasks,
                inFlight, steadyMinutes == null ? null : seconds(steadyMinutes * 60),
                seconds(warmupSeconds), seconds(backfillTimeoutMinutes * 60), modes, producer, connector, worker, heap,
                workerJvm, connectorConfig, schemaPerRecord, seed, output, help);
    }

    /** Whether this is a matrix run ({@code --latencies} or {@code --tasks-list}): backfills only, one table. */
    boolean matrix() {
        return !latencies.isEmpty() || !tasksList.isEmpty();
    }

    /** The latencies to run, in order: a matrix's, or the one of {@code --latency-ms}. */
    List<Long> cellLatencies() {
        return latencies.isEmpty() ? List.of(latencyMillis) : latencies;
    }

    /** The {@code tasks.max} to run, in order: a matrix's, or {@code --tasks} (null: the configuration's). */
    List<Integer> cellTasks() {
        return tasksList.isEmpty() ? Collections.singletonList(tasksMax) : tasksList;
    }

    /** The jitter at {@code latency}: none at 0, so that 0 ms is the in-process simulator of old. */
    long jitterAt(long latency) {
        return latency == 0 ? 0 : latencyJitterMillis;
    }

    /** The share of slow answers at {@code latency}: none at 0, as {@link #jitterAt}. */
    double slowAnswerRateAt(long latency) {
        return latency == 0 ? 0 : slowAnswerRate;
    }

    /** How long to measure live traffic for a connector that sweeps for long calls every {@code sweep}. */
    Duration steadyFor(Duration sweep) {
        if (steady != null) {
            return steady;
        }
        Duration oneSweep = sweep.plusMinutes(1);
        return oneSweep.compareTo(Duration.ofMinutes(3)) > 0 ? oneSweep : Duration.ofMinutes(3);
    }

    /** The mean rate that puts {@link #calls} into {@link #historyDays}. */
    double historyCallsPerSecond() {
        return calls / (historyDays * 86_400);
    }

    double liveRate() {
        return liveCallsPerSecond != null ? liveCallsPerSecond : historyCallsPerSecond();
    }

    /** Whole days of history the simulator generates: enough for the connector's start, however late a mode deploys. */
    int generatedHistoryDays() {
        return (int) Math.min(7, Math.ceil(historyDays));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static String value(List<String> words, int index, String flag) {
        if (index >= words.size() || words.get(index).startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return words.get(index);
    }

    /** Comma-separated values, each once (a matrix cell is named by them). */
    private static <T> List<T> list(String flag, String text, Function<String, T> parse) {
        List<T> values = new ArrayList<>();
        for (String item : text.split(",")) {
            T value = parse.apply(item.trim());
            if (values.contains(value)) {
                throw new IllegalArgumentException(flag + " names " + item.trim() + " twice");
            }
            values.add(value);
        }
        return values;
    }

    private static long millis(String flag, String text) {
        return whole(flag, text, 0, MAX_LATENCY_MILLIS);
    }

    private static long whole(String flag, String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number, not '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(flag + " must be within " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    /** A JVM option starts with a dash, so {@link #value} would take it for the next flag. */
    private static String jvmOption(String flag, List<String> words, int index) {
        if (index >= words.size() || !words.get(index).startsWith("-X")) {
            throw new IllegalArgumentException(flag + " needs a JVM option such as -XX:+UseG1GC");
        }
        return words.get(index);
    }

    private static long positiveLong(String flag, String text) {
        try {
            long value = Long.parseLong(text);
            if (value <= 0) {
                throw new IllegalArgumentException(flag + " must be positive, was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number, not '" + text + "'");
        }
    }

    private static double number(String flag, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a number, not '" + text + "'");
        }
    }

    private static void keyValue(String flag, String text, Map<String, String> into) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(flag + " takes KEY=VALUE, not '" + text + "'");
        }
        into.put(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }

    /** One line for the results: what was asked for beyond the defaults of the stack. */
    String describeOverrides() {
        List<String> parts = new ArrayList<>();
        producer.forEach((k, v) -> parts.add("producer." + k + "=" + v));
        worker.forEach((k, v) -> parts.add(k + "=" + v));
        return parts.isEmpty() ? "worker and producer defaults" : String.join(", ", parts);
    }

    String modesText() {
        return String.join(",", modes.stream().map(m -> m.id.toLowerCase(Locale.ROOT)).toList());
    }
}

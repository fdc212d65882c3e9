package io.github.kafkaconnecttrtc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The connector's throughput and cost in one command, {@code mvn -q package -DskipTests
 * exec:java@benchmark -Dbenchmark.args="..."} (options: {@link BenchmarkOptions#USAGE}); see
 * {@link Benchmark} for what a run does, {@link BenchmarkMatrix} for a matrix of backfills. Not a
 * test: it takes 10 to 20 minutes at full size and reports figures rather than passing or failing. The results, with the set-up and progress lines
 * before them, go to the terminal and to {@code target/benchmark/results-<time>.txt}. Ctrl-C stops
 * every process it started, as the demo does.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Benchmark.Paths paths = Benchmark.Paths.fromSystemProperties();
        // Before anything logs: the launcher JVM's own logging goes to target/benchmark/launcher.log.
        System.setProperty("trtc.demo.runDir", paths.runDir().toString());
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-demo.xml");
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        Path output = options.output() != null ? paths.basedir().resolve(options.output())
                : paths.runDir().resolve("results-" + LocalDateTime.now().format(
                        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
        Output out = new Output(System.out);
        Benchmark benchmark = new Benchmark(options, paths, out);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.say("stopping (Ctrl-C or SIGTERM) ...");
            benchmark.abort();
            // The main thread started the children and stops them; the JVM must not end before it has.
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trtc-benchmark-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean failed = false;
        try {
            if (options.matrix()) {
                new BenchmarkMatrix(benchmark, options, out).run();
            } else {
                benchmark.run();
            }
        } catch (Benchmark.Aborted e) {
            failed = true;
            if (!benchmark.results().isEmpty()) {
                benchmark.results().get(benchmark.results().size() - 1).problem = "stopped by Ctrl-C or SIGTERM";
            }
        } catch (Exception | Error e) {
            failed = true;
            out.say("benchmark failed: " + e);
            org.slf4j.LoggerFactory.getLogger(BenchmarkMain.class).error("Benchmark failed", e);
            if (!benchmark.results().isEmpty()) {
                benchmark.results().get(benchmark.results().size() - 1).problem = e.getMessage();
            }
        } finally {
            try {
                benchmark.close();
                // A matrix goes on past a cell that failed; the run still did not give every figure.
                failed |= benchmark.results().stream().anyMatch(result -> !result.complete());
                report(options, benchmark, out, output, failed);
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running and finds the work done
                }
            }
        }
        if (failed && !benchmark.aborted()) {
            System.exit(1);
        }
    }

    private static void report(BenchmarkOptions options, Benchmark benchmark, Output out, Path output,
            boolean failed) {
        List<String> table = options.matrix() && !benchmark.results().isEmpty()
                ? BenchmarkMatrix.table(options, benchmark.results()) : List.of();
        if (!benchmark.results().isEmpty()) {
            for (String line : Report.lines(options, benchmark, benchmark.results())) {
                out.say(line);
            }
            out.say("machine at end   " + MachineStats.uptime());
        }
        if (!table.isEmpty()) {
            out.show("");
            table.forEach(out::show);
        }
        try {
            out.write(output, table);
            out.say((failed ? "partial results in " : "results in ") + output);
        } catch (IOException e) {
            out.say("could not write " + output + ": " + e);
        }
    }
}

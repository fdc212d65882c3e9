package io.github.kafkaconnecttrtc.simulator;

import java.io.PrintStream;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone simulator for demos and manual tests:
 * {@code mvn -q compile exec:java@simulator -Dexec.args="--port 18080"}. Runs on the system clock
 * until Ctrl-C. Prints where it listens and for which application, never the secret key.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorCommandLine commandLine;
        try {
            commandLine = SimulatorCommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("trtc-simulator: " + e.getMessage());
            System.err.print(SimulatorCommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (commandLine.help()) {
            System.out.print(SimulatorCommandLine.USAGE);
            return;
        }
        SimulatorSettings settings = commandLine.settings();
        TrtcSimulator simulator = TrtcSimulator.start(settings, InstantSource.system());
        simulator.faults().setRates(commandLine.faultRates());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "trtc-simulator-shutdown"));
        printBanner(System.out, simulator, commandLine);
        stopped.await();
    }

    private static void printBanner(PrintStream out, TrtcSimulator simulator, SimulatorCommandLine commandLine) {
        SimulatorSettings settings = simulator.settings();
        out.println("TRTC records API simulator listening on " + simulator.endpoint());
        for (ApiDialect dialect : ApiDialect.values()) {
            out.println("  " + dialect.name().toLowerCase(Locale.ROOT) + " endpoint:    POST "
                    + simulator.endpoint().resolve(dialect.path().substring(1)));
        }
        out.println("  sdkappid:       " + settings.sdkAppId());
        out.println("  identifier:     " + String.join(", ", settings.administrators()));
        out.println("  secret key:     " + (SimulatorSettings.DEMO_SECRET_KEY.equals(settings.secretKey())
                ? "the demo key (SimulatorSettings.DEMO_SECRET_KEY)" : "as given on the command line"));
        out.println("  history:        " + simulator.groundTruth().size() + " calls over " + settings.historyDays()
                + " days, seed " + settings.seed());
        String reading = settings.endTimestampReading().name().toLowerCase(Locale.ROOT);
        out.println("  end bound:      bounds the call's " + reading
                + "; group-call package: " + (settings.groupPackage() ? "yes" : "no"));
        out.println("  limits:         " + settings.rateLimitPerSecond()
                + " requests/s per endpoint (0: none); v4 pages of at most " + settings.v4MaxPageSize() + " records");
        out.println("  latency:        " + settings.latencyMillis() + " ms + up to " + settings.latencyJitterMillis()
                + " ms jitter; slow answers (" + settings.slowAnswerMillis() + " ms) at rate "
                + settings.slowAnswerRate());
        out.println("  faults:         " + (commandLine.faultRates().isEmpty() ? "none" : commandLine.faultRates()));
        out.println("  admin:          GET " + simulator.endpoint() + "simulator/stats, PUT "
                + simulator.endpoint() + "simulator/faults");
        out.println("Ctrl-C stops it.");
        out.flush();
    }
}

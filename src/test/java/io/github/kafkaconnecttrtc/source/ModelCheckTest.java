package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.client.ApiLimits;
import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.schema.CallRecordSchema;
import io.github.kafkaconnecttrtc.simulator.EndTimestampReading;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import io.github.kafkaconnecttrtc.testing.SimulatorCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A randomized model check of the planner and the task poll loops against the simulator: for
 * each seed, the API's dialect (v1 for odd seeds, v4 for even ones, whose service may page with
 * fewer records than asked), and a {@link SplittableRandom} picks the reading of {@code endTimestamp}, the traffic,
 * the connector's settings and a script of runs, clock jumps (outages below 6 days) and restarts
 * (clean, or after a crash that loses the offsets of each task's last few batches) with a new
 * {@code tasks.max} each time. The connector's output is then compared with the ground truth.
 *
 * <p>Replay one seed with {@code mvn -q test -Dtest=ModelCheckTest -Dmodel.seed=<n>}; run another
 * number of seeds with {@code -Dmodel.seeds=<count>}.
 */
class ModelCheckTest {

    private static final long T0 = 1_767_225_600L;
    private static final int DEFAULT_SEEDS = 30;
    private static final int DEFAULT_BUSY_SEEDS = 6;
    private static final long DAY = 86_400;

    /** Copies of parameters of the check itself; change one to see the check fail. */
    private static final long EXPECTED_DURATION_FACTOR = 1;

    private static final AtomicLong RUNS = new AtomicLong();
    private static final AtomicLong CALLS = new AtomicLong();
    private static final AtomicLong EXPECTED = new AtomicLong();
    private static final AtomicLong EMISSIONS = new AtomicLong();
    private static final AtomicLong ALLOWED_DUPLICATES = new AtomicLong();
    private static final AtomicLong CRASHES = new AtomicLong();
    private static final AtomicLong RESTARTS = new AtomicLong();
    private static final AtomicLong OVERLONG = new AtomicLong();
    private static final AtomicLong LATE = new AtomicLong();
    private static final AtomicLong OVERLONG_DELIVERED = new AtomicLong();
    private static final AtomicLong LATE_DELIVERED = new AtomicLong();
    private static final AtomicLong LATE_COUNTED = new AtomicLong();
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong START_READING = new AtomicLong();
    private static final AtomicLong V4_RUNS = new AtomicLong();

    @TestFactory
    Stream<DynamicTest> connectorMatchesTheGroundTruth() {
        return scenarios("seed", "model.seed", "model.seeds", DEFAULT_SEEDS, ModelCheckTest::runScenario);
    }

    /** A scenario drawn from a seed's random numbers, logging what it draws and does. */
    @FunctionalInterface
    private interface ScenarioRun {
        void run(long seed, SplittableRandom random, Scenario scenario) throws Exception;
    }

    /**
     * One test per seed: 1 to the count in property {@code countKey} (else {@code defaultCount}), or the
     * one seed in property {@code seedKey}; a failure names its seed and how to replay it.
     */
    private static Stream<DynamicTest> scenarios(String name, String seedKey, String countKey, int defaultCount,
            ScenarioRun scenarioRun) {
        String single = System.getProperty(seedKey);
        LongStream seeds = single != null && !single.isBlank()
                ? LongStream.of(Long.parseLong(single.trim()))
                : LongStream.rangeClosed(1, Integer.getInteger(countKey, defaultCount));
        return seeds.mapToObj(seed -> DynamicTest.dynamicTest(name + " " + seed, () -> {
            Scenario scenario = new Scenario();
            try {
                scenarioRun.run(seed, new SplittableRandom(seed), scenario);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("model check failed for " + name + " " + seed + "; replay it with: mvn -q"
                        + " test -Dtest=ModelCheckTest -D" + seedKey + "=" + seed + "\nscenario: " + scenario.script
                        + "\n" + e.getMessage(), e);
            }
        }));
    }

    /**
     * Lists that change while several of their pages are read at once: busy traffic (0.2 to 0.5 calls a
     * second) read in pages of 10 with requests in flight, so that steps ask many pages of tail lists
     * that calls join meanwhile (under the start reading, every call that ends joins its list), the
     * clock moving up to 2 s between the answers of a step, which come in a shuffled order.
     * Fewer, shorter scenarios than {@link #connectorMatchesTheGroundTruth}: about three hours from a
     * start an hour back, with restarts.
     */
    @TestFactory
    Stream<DynamicTest> busyListsReadSeveralPagesAtOnceMatchTheGroundTruth() {
        return scenarios("busy seed", "model.busySeed", "model.busySeeds", DEFAULT_BUSY_SEEDS,
                ModelCheckTest::runBusyScenario);
    }

    private static void runBusyScenario(long seed, SplittableRandom random, Scenario scenario) throws Exception {
        EndTimestampReading reading = random.nextInt(4) == 0 ? EndTimestampReading.END : EndTimestampReading.START;
        if (reading == EndTimestampReading.START) {
            START_READING.incrementAndGet();
        }
        double rate = 0.2 + random.nextDouble() * 0.3;
        long maxCall = 3600;
        long settle = random.nextLong(5, 61);
        long visibility = random.nextInt(4) == 0 ? random.nextLong(settle + 1, settle + 121)
                : random.nextLong(0, settle + 1);
        long fastLane = random.nextLong(300, 901);
        Duration poll = Duration.ofSeconds(random.nextLong(60, 181));
        Duration sweep = Duration.ofMinutes(random.nextLong(10, 31));
        ApiDialect dialect = seed % 2 == 0 ? ApiDialect.V4 : ApiDialect.V1;
        int pageSize = 10;
        scenario.log("dialect=%s reading=%s rate=%.3f/s settle=%ds visibility=%ds fastLane=%ds poll=%s sweep=%s"
                + " pageSize=%d", dialect.configName(), reading, rate, settle, visibility, fastLane, poll, sweep,
                pageSize);
        MutableClock clock = MutableClock.atEpochSecond(T0);
        try (TrtcSimulator simulator = TrtcSimulator.start(SimulatorSettings.builder().seed(seed).historyDays(1)
                .callsPerSecond(0.001).liveRate(T0 - 2 * 3600, rate).longCallFraction(0.05)
                .maxCallDurationSeconds(maxCall).visibilityDelaySeconds(visibility).endTimestampReading(reading)
                .rateLimitPerSecond(0).build(), clock);
                RestartableConnector connector = new RestartableConnector(simulator, dialect, clock,
                        new ReadSettings(settle, maxCall, fastLane, pageSize, Set.of("single", "group"), Set.of()),
                        poll, sweep, Duration.ofMinutes(30), OptionalLong.of(T0 - 3600))) {
            // The clock moves only between the answers of a step, so that passes of a few dozen pages
            // stay shorter than a poll interval, and the overlong lane's sweeps of every call the API
            // holds (hundreds of pages) shorter than the sweep interval: else the tasks never drain.
            connector.secondsBetweenAnswers = 2;
            for (int run = 0; run < 3; run++) {
                int tasks = random.nextInt(1, 4);
                int inFlight = new int[] {4, 8, 16}[random.nextInt(3)];
                connector.start(tasks, inFlight);
                scenario.log("tasks.max=%d requests in flight=%d", tasks, inFlight);
                run(connector, random.nextLong(1200, 2400), scenario);
            }
            run(connector, sweep.toSeconds() * 2 + maxCall / 4, scenario);
            connector.drain();
            REQUESTS.addAndGet(simulator.stats().totalRequests());
            verify(connector, simulator, dialect, scenario, settle, maxCall, fastLane, poll, sweep);
            if (dialect == ApiDialect.V4) {
                V4_RUNS.incrementAndGet();
            }
        }
    }

    @AfterAll
    static void summary() {
        System.out.printf("ModelCheckTest: %d seeds (%d with the start reading, %d in v4), %d calls in the ground truth, %d expected, %d emitted"
                + " (%d allowed re-emissions after %d crashes, %d restarts), %d requests; generator produced %d calls"
                + " longer than the maximum duration (%d records of them emitted and counted) and %d visible later"
                + " than the settle delay (%d of them delivered, %d rescued and counted as late)%n",
                RUNS.get(), START_READING.get(), V4_RUNS.get(), CALLS.get(), EXPECTED.get(), EMISSIONS.get(), ALLOWED_DUPLICATES.get(), CRASHES.get(),
                RESTARTS.get(), REQUESTS.get(), OVERLONG.get(), OVERLONG_DELIVERED.get(), LATE.get(),
                LATE_DELIVERED.get(), LATE_COUNTED.get());
        System.out.printf("ModelCheckTest: %d steps asked several pages of a list at once, %d of them answered with a"
                + " page counting fewer records than one before it (the list changed between their answers)%n",
                ShuffledPageRequests.SEVERAL_PAGES.get(), ShuffledPageRequests.DISAGREEING.get());
    }

    /** The scenario a seed draws, kept for the failure message. */
    private static final class Scenario {
        final StringBuilder script = new StringBuilder();
        boolean crashed;

        void log(String format, Object... args) {
            script.append(String.format(format, args)).append("; ");
        }
    }

    private static void runScenario(long seed, SplittableRandom random, Scenario scenario) throws Exception {
        EndTimestampReading reading = random.nextBoolean() ? EndTimestampReading.END : EndTimestampReading.START;
        if (reading == EndTimestampReading.START) {
            START_READING.incrementAndGet();
        }
        double rate = 0.002 + random.nextDouble() * 0.008;
        long maxCall = new long[] {3600, 7200, 4 * 3600, 6 * 3600}[random.nextInt(4)];
        // A third of the scenarios break the promise: calls longer than the maximum...
        long simMaxCall = random.nextInt(3) == 0 ? random.nextLong(maxCall + 1, 2 * maxCall + 1)
                : random.nextLong(Math.min(maxCall, 3600), maxCall + 1);
        double longFraction = random.nextDouble() * 0.1;
        long settle = random.nextLong(5, 121);
        // ...and a quarter records that show up later than the settle delay.
        long visibility = random.nextInt(4) == 0 ? random.nextLong(settle + 1, settle + 301)
                : random.nextLong(0, settle + 1);
        long fastLane = random.nextLong(300, 1201);
        Duration poll = Duration.ofSeconds(random.nextLong(30, 301));
        Duration sweep = Duration.ofMinutes(random.nextLong(10, 61));
        Duration slice = Duration.ofMinutes(new long[] {30, 60, 120, 180}[random.nextInt(4)]);
        long startBack = random.nextLong(0, 36 * 3600 + 1);
        long start = T0 - startBack;
        int tasks = random.nextInt(1, 6);
        long maxShift = random.nextInt(3); // clock seconds per request: 0..2, at random
        // Odd seeds read v1, even ones v4 through a service that may page with fewer records than asked;
        // drawn apart from the rest, so that a seed's scenario is the same in either dialect.
        ApiDialect dialect = seed % 2 == 0 ? ApiDialect.V4 : ApiDialect.V1;
        SplittableRandom apart = new SplittableRandom(seed);
        int v4PageCap = new int[] {100, 100, 64, 37}[apart.nextInt(4)];
        // Passes in progress at once per task, drawn anew at each start: they take turns request by
        // request, so that the clock moves between the answers of concurrent passes.
        SplittableRandom inFlight = apart.split();
        scenario.log("dialect=%s%s", dialect.configName(), dialect == ApiDialect.V4 ? " pageCap=" + v4PageCap : "");
        scenario.log("reading=%s rate=%.4f/s maxCall=%ds simMaxCall=%ds longFraction=%.3f settle=%ds visibility=%ds"
                + " fastLane=%ds poll=%s sweep=%s slice=%s start=T0-%ds tasks=%d shiftPerRequest<=%ds", reading, rate,
                maxCall, simMaxCall, longFraction, settle, visibility, fastLane, poll, sweep, slice, startBack, tasks,
                maxShift);

        MutableClock clock = MutableClock.atEpochSecond(T0);
        SplittableRandom shifts = random.split();
        try (TrtcSimulator simulator = TrtcSimulator.start(SimulatorSettings.builder().seed(seed).historyDays(2)
                .callsPerSecond(rate).longCallFraction(longFraction).maxCallDurationSeconds(simMaxCall)
                .visibilityDelaySeconds(visibility).endTimestampReading(reading).rateLimitPerSecond(0)
                .v4MaxPageSize(v4PageCap).build(), clock);
                RestartableConnector connector = new RestartableConnector(simulator, dialect, clock,
                        new ReadSettings(settle, maxCall, fastLane, ApiLimits.MAX_PAGE_SIZE, Set.of("single", "group"),
                                Set.of()), poll, sweep, slice, OptionalLong.of(start))) {
            simulator.beforeEachRequest(() -> {
                synchronized (shifts) {
                    clock.advanceSeconds(shifts.nextLong(0, maxShift + 1));
                }
            });
            // Keep the start of the history well inside the 7-day horizon to the end: the horizon is
            // covered elsewhere.
            long budget = 6 * DAY - startBack - 12 * 3600;
            long overlongCatchUp = simMaxCall > maxCall ? simMaxCall + 2 * SimulatedConnector.OVERLONG_SWEEP.toSeconds() : 0;
            long used = 0;
            int passes = new int[] {1, 2, 4, 16}[inFlight.nextInt(4)];
            connector.start(tasks, passes);
            scenario.log("passes=%d", passes);
            long firstRun = random.nextLong(600, 4 * 3600);
            used += run(connector, firstRun, scenario);
            int steps = random.nextInt(6, 13);
            for (int step = 0; step < steps; step++) {
                int action = random.nextInt(10);
                if (action < 4) {
                    used += run(connector, random.nextLong(300, 4 * 3600), scenario);
                } else if (action < 6) {
                    long room = budget - used - 4 * 3600 - overlongCatchUp;
                    if (room > 3600) {
                        long jump = random.nextLong(3600, Math.min(room, 5 * DAY) + 1);
                        clock.advanceSeconds(jump);
                        used += jump;
                        scenario.log("jump %ds", jump);
                    }
                } else {
                    boolean crash = random.nextBoolean();
                    if (crash) {
                        int[] drop = new int[connector.taskCount()];
                        for (int task = 0; task < drop.length; task++) {
                            int batches = random.nextInt(0, 4);
                            drop[task] = connector.recordsInLastBatches(task, batches);
                            // Now and then Connect flushed part of a batch.
                            if (random.nextInt(3) == 0) {
                                drop[task] += random.nextInt(0, 3);
                            }
                        }
                        int lost = connector.crash(task -> drop[task]);
                        scenario.crashed |= lost > 0;
                        CRASHES.incrementAndGet();
                        scenario.log("crash dropping %s records per task (%d calls)", java.util.Arrays.toString(drop),
                                lost);
                    } else {
                        RESTARTS.incrementAndGet();
                        scenario.log("restart");
                    }
                    tasks = random.nextInt(1, 6);
                    passes = new int[] {1, 2, 4, 16}[inFlight.nextInt(4)];
                    connector.start(tasks, passes);
                    scenario.log("tasks.max=%d passes=%d (%d tasks, %d history slices)", tasks, passes,
                            connector.taskCount(), connector.plan.history().size());
                    used += run(connector, random.nextLong(1800, 4 * 3600), scenario);
                }
            }
            // Catch up after the last event: a sweep and more, then until no slice is due.
            used += run(connector, sweep.toSeconds() * 2 + maxCall / 4, scenario);
            if (simMaxCall > maxCall) {
                // Long enough for the overlong lane to sweep past the last overlong call.
                used += run(connector, overlongCatchUp, scenario);
            }
            connector.drain();
            REQUESTS.addAndGet(simulator.stats().totalRequests());
            verify(connector, simulator, dialect, scenario, settle, maxCall, fastLane, poll, sweep);
            if (dialect == ApiDialect.V4) {
                V4_RUNS.incrementAndGet();
            }
        }
    }

    private static long run(RestartableConnector connector, long seconds, Scenario scenario)
            throws InterruptedException {
        long from = connector.clock.epochSecond();
        connector.runUntil(Instant.ofEpochSecond(from + seconds));
        scenario.log("run %ds", seconds);
        return connector.clock.epochSecond() - from;
    }

    private static void verify(RestartableConnector connector, TrtcSimulator simulator, ApiDialect dialect,
            Scenario scenario, long settle, long maxCall, long fastLane, Duration poll, Duration sweep) {
        long now = connector.clock.epochSecond();
        long readFrom = connector.plan.readFrom();
        List<SimulatedCall> groundTruth = simulator.groundTruth();
        Map<String, CallRecord> truth = new HashMap<>();
        for (SimulatedCall call : groundTruth) {
            truth.put(call.call().callId(), SimulatorCalls.expected(call, dialect));
            if (call.call().durationSeconds() > maxCall) {
                OVERLONG.incrementAndGet();
            }
            if (call.visibleAt() - call.call().endTs() > settle) {
                LATE.incrementAndGet();
            }
        }
        long expectedMax = maxCall * EXPECTED_DURATION_FACTOR;
        long overlongDelay = SimulatedConnector.OVERLONG_SWEEP.toSeconds() + sweep.toSeconds();
        // Calls later than the settle delay are delivered only when a pass still looks back far enough.
        Set<String> late = groundTruth.stream().filter(c -> c.visibleAt() - c.call().endTs() > settle)
                .map(c -> c.call().callId()).collect(Collectors.toSet());
        List<CallRecord> expected = groundTruth.stream().map(call -> SimulatorCalls.expected(call, dialect))
                .filter(c -> c.startCallTs() >= readFrom)
                .filter(c -> !late.contains(c.callId()))
                .filter(c -> c.endTs() <= now - settle - (c.durationSeconds() > expectedMax ? overlongDelay
                        : c.durationSeconds() <= fastLane ? poll.toSeconds() : sweep.toSeconds()))
                .toList();

        List<String> problems = new ArrayList<>();
        Map<String, Integer> surviving = new HashMap<>();
        Map<String, Integer> all = new HashMap<>();
        long allowed = 0;
        for (RestartableConnector.Emission emission : connector.emitted) {
            CallRecord call = truth.get(emission.callId);
            if (call == null) {
                problems.add("emitted " + emission.callId + ", which is not in the ground truth");
                continue;
            }
            Struct expectedValue = CallRecordSchema.toStruct(call);
            Struct value = (Struct) emission.record.value();
            if (!expectedValue.equals(value)) {
                for (org.apache.kafka.connect.data.Field field : expectedValue.schema().fields()) {
                    if (!java.util.Objects.equals(expectedValue.get(field), value.get(field.name()))) {
                        problems.add("call " + emission.callId + " field " + field.name() + ": emitted "
                                + value.get(field.name()) + ", truth " + expectedValue.get(field));
                    }
                }
            }
            all.merge(emission.callId, 1, Integer::sum);
            if (emission.rolledBack) {
                allowed++;
            } else {
                surviving.merge(emission.callId, 1, Integer::sum);
            }
        }
        surviving.forEach((id, count) -> {
            if (count > 1) {
                CallRecord call = truth.get(id);
                problems.add("call " + id + " emitted " + count + " times with committed offsets (start "
                        + call.startCallTs() + ", end " + call.endTs() + ", duration " + call.durationSeconds()
                        + "s); duplicates are allowed only for records whose offsets a crash lost");
            }
        });
        int missing = 0;
        for (CallRecord call : expected) {
            if (!all.containsKey(call.callId())) {
                if (missing++ < 10) {
                    problems.add("missing call " + call.callId() + " (start T0" + signed(call.startCallTs() - T0)
                            + ", end T0" + signed(call.endTs() - T0) + ", duration " + call.durationSeconds()
                            + "s, type " + call.callType() + ") at now T0" + signed(now - T0) + ", readFrom T0"
                            + signed(readFrom - T0));
                }
            }
        }
        if (missing > 10) {
            problems.add("... " + (missing - 10) + " more missing");
        }
        long overlongEmissions = connector.emitted.stream()
                .filter(e -> truth.get(e.callId) != null && truth.get(e.callId).durationSeconds() > maxCall).count();
        if (connector.counts.overlong != overlongEmissions) {
            problems.add("passes counted " + connector.counts.overlong + " overlong calls, but " + overlongEmissions
                    + " records of calls longer than the maximum were emitted");
        }
        long lateEmissions = connector.emitted.stream().filter(e -> late.contains(e.callId)).count();
        if (connector.counts.late > lateEmissions) {
            problems.add("passes counted " + connector.counts.late + " late calls, but only " + lateEmissions
                    + " records of calls visible later than the settle delay were emitted");
        }
        // A pass emits a call behind its slice's cursor only when the pass before it did not see the call:
        // a call visible within the settle delay was there to see, so a pass missed it.
        connector.counts.behindCursor.stream().filter(id -> !late.contains(id)).sorted().limit(10)
                .forEach(id -> problems.add("call " + id + " was emitted behind its slice's cursor, though it was"
                        + " visible within the settle delay: the pass before missed it"));
        if (!scenario.crashed && allowed > 0) {
            problems.add("re-emissions allowed without a crash that lost offsets");
        }
        if (expected.isEmpty()) {
            problems.add("the scenario expects no calls at all: it checks nothing");
        }

        RUNS.incrementAndGet();
        CALLS.addAndGet(groundTruth.size());
        EXPECTED.addAndGet(expected.size());
        EMISSIONS.addAndGet(connector.emitted.size());
        OVERLONG_DELIVERED.addAndGet(overlongEmissions);
        LATE_DELIVERED.addAndGet(connector.emitted.stream().filter(e -> late.contains(e.callId))
                .map(e -> e.callId).distinct().count());
        LATE_COUNTED.addAndGet(connector.counts.late);
        ALLOWED_DUPLICATES.addAndGet(all.values().stream().mapToInt(i -> i).sum() - all.size());
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problem(s) with " + expected.size() + " calls expected, "
                    + connector.emitted.size() + " emitted:\n  " + String.join("\n  ", problems));
        }
    }

    private static String signed(long seconds) {
        return seconds >= 0 ? "+" + seconds : Long.toString(seconds);
    }
}

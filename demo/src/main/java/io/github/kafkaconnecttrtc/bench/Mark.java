package io.github.kafkaconnecttrtc.bench;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.launcher.ApiVersions;
import io.github.kafkaconnecttrtc.simulator.AppliedLatency;
import java.util.Map;

/**
 * The counters of every process of the stack at one moment, so that a phase's cost is the
 * difference of two marks: CPU seconds of the worker, broker and registry (their processes'
 * {@code totalCpuDuration}), of the simulator's HTTP threads and of the whole launcher JVM, the
 * machine's CPU time, and the simulator's request and answer counts.
 *
 * @param answers JSON answers of the endpoint the connector reads, by code: its version's meanings
 * @param rateLimited answers "frequency limited" of either endpoint
 * @param latency the network latency the simulator has added so far
 */
record Mark(long nanos, long epochMillis, double workerCpu, double brokerCpu, double registryCpu,
        double simulatorCpu, double launcherCpu, MachineStats.CpuTimes machine, long requests,
        Map<Integer, Long> answers, long rateLimited, AppliedLatency latency) {

    double secondsSince(Mark earlier) {
        return (nanos - earlier.nanos) / 1e9;
    }

    long answersSince(Mark earlier, int code) {
        return answers.getOrDefault(code, 0L) - earlier.answers.getOrDefault(code, 0L);
    }

    long rateLimitedSince(Mark earlier) {
        return rateLimited - earlier.rateLimited;
    }

    /** Error answers since {@code earlier}: neither success, nor an empty page, nor "frequency limited". */
    long errorsSince(Mark earlier, ApiDialect api) {
        return answers.keySet().stream().filter(code -> ApiVersions.isError(api, code))
                .mapToLong(code -> answersSince(earlier, code)).sum();
    }

    /** Answers that crossed the simulated network since {@code earlier}. */
    long networkAnswersSince(Mark earlier) {
        return latency.answers() - earlier.latency.answers();
    }

    /** The mean delay of those answers, in milliseconds; NaN when there were none. */
    double meanLatencyMillisSince(Mark earlier) {
        long answers = networkAnswersSince(earlier);
        if (answers == 0) {
            return Double.NaN;
        }
        // The simulator keeps a mean, so the window's total is the difference of two mean x count.
        double nanos = (double) latency.mean().toNanos() * latency.answers()
                - (double) earlier.latency.mean().toNanos() * earlier.latency.answers();
        return nanos / answers / 1e6;
    }

    long slowAnswersSince(Mark earlier) {
        return latency.slowAnswers() - earlier.latency.slowAnswers();
    }
}

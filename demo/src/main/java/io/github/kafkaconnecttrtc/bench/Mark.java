package io.github.kafkaconnecttrtc.bench;

import java.util.Map;

/**
 * The counters of every process of the stack at one moment, so that a phase's cost is the
 * difference of two marks: CPU seconds of the worker, broker and registry (their processes'
 * {@code totalCpuDuration}), of the simulator's HTTP threads and of the whole launcher JVM, the
 * machine's CPU time, and the simulator's request and answer counts.
 */
record Mark(long nanos, long epochMillis, double workerCpu, double brokerCpu, double registryCpu,
        double simulatorCpu, double launcherCpu, MachineStats.CpuTimes machine, long requests,
        Map<Integer, Long> answers) {

    double secondsSince(Mark earlier) {
        return (nanos - earlier.nanos) / 1e9;
    }

    long answersSince(Mark earlier, int code) {
        return answers.getOrDefault(code, 0L) - earlier.answers.getOrDefault(code, 0L);
    }
}

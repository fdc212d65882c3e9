package io.github.kafkaconnecttrtc.simulator;

import java.time.Duration;

/**
 * The network latency the simulator added to its answers ({@link SimulatorSettings#latencyMillis()}
 * and the settings after it), so that a benchmark can say what it ran with.
 *
 * @param answers the answers that crossed the simulated network, with or without a delay; {@link
 *     Fault#SLOW} answers are not among them, their own wait stands for the network
 * @param mean the mean delay of those answers, both ways together; zero when there were none
 * @param max the longest such delay
 * @param slowAnswers how many of them were slow answers ({@link SimulatorSettings#slowAnswerRate()})
 */
public record AppliedLatency(long answers, Duration mean, Duration max, long slowAnswers) {
}

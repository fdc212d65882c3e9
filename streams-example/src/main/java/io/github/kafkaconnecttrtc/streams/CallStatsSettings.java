package io.github.kafkaconnecttrtc.streams;

import java.time.Duration;
import java.util.Objects;

/**
 * What the topology reads and writes, and how long it remembers a call.
 *
 * @param inputTopic      the connector's topic of CallRecord values
 * @param countsTopic     where the per-minute counts by callResult go
 * @param answerRateTopic where the answer rate per caller goes
 * @param window          how long, in event time, a callId is remembered to drop its copies; also how
 *                        late a call may come and still be counted in its minute
 */
public record CallStatsSettings(String inputTopic, String countsTopic, String answerRateTopic, Duration window) {

    /**
     * The API keeps 7 days, and a first backfill reads all of them while the live tail is already at
     * the newest calls: a day more than that counts every call of a backfill in its minute.
     */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(8);

    public CallStatsSettings {
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(countsTopic, "countsTopic");
        Objects.requireNonNull(answerRateTopic, "answerRateTopic");
        if (window.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("the window must be at least a minute, the size of a count's window: "
                    + window);
        }
    }

    /** The output topics named after the input topic, as the connector names its own. */
    public static CallStatsSettings forInput(String inputTopic, Duration window) {
        return new CallStatsSettings(inputTopic, inputTopic + ".results-per-minute", inputTopic + ".answer-rate",
                window);
    }
}

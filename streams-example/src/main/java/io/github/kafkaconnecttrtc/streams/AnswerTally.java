package io.github.kafkaconnecttrtc.streams;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** A caller's calls so far: how many, and how many of them the callee answered. */
public record AnswerTally(long answered, long total) {

    static final AnswerTally NONE = new AnswerTally(0, 0);

    /** The tally in the state store and its changelog: the two counts, eight bytes each. */
    static final Serde<AnswerTally> SERDE = Serdes.serdeFrom(
            (topic, tally) -> tally == null ? null
                    : ByteBuffer.allocate(16).putLong(tally.answered).putLong(tally.total).array(),
            (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                return new AnswerTally(buffer.getLong(), buffer.getLong());
            });

    AnswerTally add(boolean answeredCall) {
        return new AnswerTally(answered + (answeredCall ? 1 : 0), total + 1);
    }

    /** answered / total, 0 before the first call. */
    public double rate() {
        return total == 0 ? 0 : (double) answered / total;
    }
}

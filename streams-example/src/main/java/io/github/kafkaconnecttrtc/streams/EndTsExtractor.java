package io.github.kafkaconnecttrtc.streams;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * A call's event time is when it ended, its {@code endTs}. The record's own timestamp is, by the
 * connector's default, the time the call was read from the API: seconds to days after the call
 * (a backfill reads a week of history within minutes), so counting by it would pile up a backfill's
 * calls in the minutes it ran.
 */
public final class EndTsExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof GenericRecord call) {
            return (Long) call.get("endTs");
        }
        // A record without a value, which the topology drops right after reading it, before any
        // window: its own time will do.
        return record.timestamp();
    }
}

package io.github.kafkaconnecttrtc.streams;

import java.time.Duration;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Passes on the first copy of each call and drops the copies that follow within the window.
 *
 * <p>The connector delivers at least once unless it runs exactly-once: after a crash or a restart
 * its tasks read again from their last committed offsets, and the calls read since then come a
 * second time, with the same {@code callId} and {@code endTs}. Such a copy follows its first one by
 * the time the connector took to recover, so the ids need only be remembered for a while; kept
 * forever, they would fill the disk. The store is therefore a window store whose retention is the
 * window: it drops whole segments of ids once the stream time (the newest {@code endTs} seen) has
 * moved a window past them. A copy later than that passes as a new call.
 */
final class CallDeduplicator implements FixedKeyProcessor<String, GenericRecord, GenericRecord> {

    private final String storeName;
    private final long windowMillis;
    private FixedKeyProcessorContext<String, GenericRecord> context;
    private WindowStore<String, Long> seen;

    CallDeduplicator(String storeName, Duration window) {
        this.storeName = storeName;
        this.windowMillis = window.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, GenericRecord> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, GenericRecord> record) {
        String callId = record.value().get("callId").toString();
        long endTs = record.timestamp();
        // Any copy of the call within the window, not only one that carries the same endTs.
        try (WindowStoreIterator<Long> copies = seen.fetch(callId, endTs - windowMillis, endTs + windowMillis)) {
            if (copies.hasNext()) {
                return;
            }
        }
        seen.put(callId, endTs, endTs);
        context.forward(record);
    }
}

package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.InvalidRecord;
import io.github.kafkaconnecttrtc.schema.CallRecordSchema;
import io.github.kafkaconnecttrtc.schema.InvalidCallRecordSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a pass into Connect records: first one per invalid record, to the invalid-records topic,
 * then one per call, keyed by callId, each carrying its own position as offset, except the last
 * record of all, which carries the position of the whole pass. A late call (one behind the cursor
 * the pass began at) and an invalid record carry that cursor instead: an offset never moves back, or
 * a restart after it would read calls again that earlier passes emitted.
 *
 * <p>Records are stamped with the time they were read unless the call's end is asked for
 * ({@link RecordTimestamp}): a call from six days ago stamped with its end time falls to the default
 * 7-day retention a day later. Progress and invalid records always carry the read time: the first
 * have no call, the second may have no readable end.
 */
final class RecordFactory {

    private final long sdkAppId;
    private final String topic;
    private final String progressTopic;
    private final String invalidTopic;
    private final long tailStart;
    private final long fastStart;
    private final long readFrom;
    private final RecordTimestamp timestamp;

    RecordFactory(long sdkAppId, String topic, String progressTopic, String invalidTopic, long tailStart,
            long fastStart, long readFrom, RecordTimestamp timestamp) {
        this.sdkAppId = sdkAppId;
        this.topic = topic;
        this.progressTopic = progressTopic;
        this.invalidTopic = invalidTopic;
        this.tailStart = tailStart;
        this.fastStart = fastStart;
        this.readFrom = readFrom;
        this.timestamp = timestamp;
    }

    List<SourceRecord> records(Slice slice, Cursor passStart, PassResult result, long timestampMillis) {
        Map<String, String> partition = slice.partition(sdkAppId);
        List<CallRecord> calls = result.records();
        List<PassResult.Rejected> invalid = result.invalid();
        int last = invalid.size() + calls.size() - 1;
        List<SourceRecord> records = new ArrayList<>(last + 1);
        for (int i = 0; i < invalid.size(); i++) {
            PassResult.Rejected rejected = invalid.get(i);
            InvalidRecord record = rejected.record();
            Cursor position = i == last ? result.cursor() : passStart;
            records.add(new SourceRecord(partition, offset(slice, position), invalidTopic, null,
                    InvalidCallRecordSchema.KEY_SCHEMA, record.callId(), InvalidCallRecordSchema.VALUE_SCHEMA,
                    InvalidCallRecordSchema.toStruct(record.raw(), record.reason(), record.callId(),
                            rejected.requestId(), slice.name(), sdkAppId), timestampMillis));
        }
        for (int i = 0; i < calls.size(); i++) {
            CallRecord call = calls.get(i);
            // The last record of a pass also says that the pass is complete, so that a restart
            // after it does not read the pass again.
            Cursor position = invalid.size() + i == last ? result.cursor()
                    : passStart.precedes(call) ? Cursor.after(call) : passStart;
            records.add(new SourceRecord(partition, offset(slice, position), topic, null,
                    CallRecordSchema.KEY_SCHEMA, call.callId(),
                    CallRecordSchema.VALUE_SCHEMA, CallRecordSchema.toStruct(call),
                    timestamp == RecordTimestamp.END ? call.endTs() * 1000 : timestampMillis));
        }
        return records;
    }

    /**
     * A record for the progress topic that saves a slice's position when no call carried it:
     * Connect stores source offsets only together with records.
     */
    SourceRecord progress(Slice slice, Cursor cursor, long timestampMillis) {
        return new SourceRecord(slice.partition(sdkAppId), offset(slice, cursor), progressTopic, null,
                Schema.STRING_SCHEMA, slice.name(), null, null, timestampMillis);
    }

    Map<String, Object> offset(Slice slice, Cursor cursor) {
        SliceOffset offset = slice.isTail() ? new SliceOffset(cursor, tailStart, readFrom, fastStart)
                : new SliceOffset(cursor, null);
        return offset.toMap();
    }
}

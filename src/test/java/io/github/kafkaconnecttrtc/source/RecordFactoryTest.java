package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.InvalidRecord;
import io.github.kafkaconnecttrtc.schema.InvalidCallRecordSchema;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class RecordFactoryTest {

    private static final long NOW = 1_767_225_600L;
    private static final Slice FAST = Slice.tailFast(NOW - 3600);
    private static final Cursor PASS_START = Cursor.throughSecond(NOW - 600);
    private static final Cursor PASS_END = Cursor.throughSecond(NOW - 30);
    private static final PassResult.Rejected REJECTED = new PassResult.Rejected(
            new InvalidRecord("{\"callId\":\"bad\"}", "no endTs", "bad"), "req-7");

    private final RecordFactory factory = new RecordFactory(1_400_000_000L, "calls", "calls.progress",
            "calls.invalid", NOW - 3600, NOW - 3600, NOW - 3600, RecordTimestamp.READ);

    private static CallRecord call(String id, long end) {
        return new CallRecord(id, 1_400_000_000L, "audio", "r", null, end - 60, end - 60, end, "u", 2, "single",
                "normal_end", List.of("v"));
    }

    private static Cursor offset(SourceRecord record) {
        return SliceOffset.fromMap(record.sourceOffset(), NOW).cursor();
    }

    @Test
    void invalidRecordsComeFirstToTheirTopicWithThePassStartAsOffsetAndTheCallsKeepTheirPositions() {
        CallRecord first = call("a", NOW - 500);
        CallRecord last = call("b", NOW - 400);
        PassResult result = new PassResult(List.of(first, last), PASS_END, 2, null, 0, 0, null, List.of(REJECTED), 0);

        List<SourceRecord> records = factory.records(FAST, PASS_START, result, NOW * 1000);

        assertThat(records).extracting(SourceRecord::topic).containsExactly("calls.invalid", "calls", "calls");
        SourceRecord invalid = records.get(0);
        assertThat(invalid.key()).isEqualTo("bad");
        assertThat(invalid.valueSchema()).isEqualTo(InvalidCallRecordSchema.VALUE_SCHEMA);
        assertThat(((Struct) invalid.value()).getString("requestId")).isEqualTo("req-7");
        assertThat(((Struct) invalid.value()).getString("slice")).isEqualTo(Slice.TAIL_FAST);
        assertThat(invalid.timestamp()).isEqualTo(NOW * 1000);
        assertThat(offset(invalid)).isEqualTo(PASS_START);
        assertThat(offset(records.get(1))).isEqualTo(Cursor.after(first));
        assertThat(offset(records.get(2))).isEqualTo(PASS_END);
        assertThat(records).extracting(SourceRecord::timestamp).containsOnly(NOW * 1000);
    }

    @Test
    void callsCarryTheirEndAsTimestampWhenAskedAndTheOtherRecordsTheReadTime() {
        RecordFactory byEnd = new RecordFactory(1_400_000_000L, "calls", "calls.progress", "calls.invalid",
                NOW - 3600, NOW - 3600, NOW - 3600, RecordTimestamp.END);
        CallRecord call = call("a", NOW - 500);
        PassResult result = new PassResult(List.of(call), PASS_END, 1, null, 0, 0, null, List.of(REJECTED), 0);

        List<SourceRecord> records = byEnd.records(FAST, PASS_START, result, NOW * 1000);
        SourceRecord progress = byEnd.progress(FAST, PASS_END, NOW * 1000);

        assertThat(records).extracting(SourceRecord::topic).containsExactly("calls.invalid", "calls");
        assertThat(records.get(0).timestamp()).isEqualTo(NOW * 1000);
        assertThat(records.get(1).timestamp()).isEqualTo((NOW - 500) * 1000);
        assertThat(progress.timestamp()).isEqualTo(NOW * 1000);
    }

    @Test
    void aPassWithInvalidRecordsOnlySavesItsEndWithTheLastOfThem() {
        PassResult result = new PassResult(List.of(), PASS_END, 1, null, 0, 0, null, List.of(REJECTED, REJECTED), 0);

        List<SourceRecord> records = factory.records(FAST, PASS_START, result, NOW * 1000);

        assertThat(records).extracting(RecordFactoryTest::offset).containsExactly(PASS_START, PASS_END);
    }
}

package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.CallRecord;
import java.util.List;

/**
 * What one pass over a slice found.
 *
 * @param records the calls to emit, in (endTs, callId) order
 * @param cursor where the slice stands after the pass
 * @param requests API requests the pass made
 * @param lost start times the pass could not read because the API no longer holds them, or null
 * @param overlong calls seen that lasted longer than the promised maximum (emitted all the same)
 */
public record PassResult(List<CallRecord> records, Cursor cursor, int requests, LostRange lost, long overlong) {

    public PassResult {
        records = List.copyOf(records);
    }

    /** A range of call start times, {@code [startFrom, startUntil)}, that fell behind the 7-day horizon. */
    public record LostRange(long startFrom, long startUntil) {
    }
}

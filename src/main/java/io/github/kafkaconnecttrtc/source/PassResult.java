package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.InvalidRecord;
import java.util.List;
import java.util.Set;

/**
 * What one pass over a slice found, or one part of a pass that held too many calls to wait for its
 * end (see {@link SliceReader#MAX_HELD_RECORDS}).
 *
 * @param records the calls to emit, in (endTs, callId) order
 * @param cursor where the slice stands after the pass, or after this part of it
 * @param requests API requests made for this result
 * @param lost start times the pass could not read because the API no longer holds them, or null
 * @param overlong calls emitted that lasted longer than the promised maximum
 * @param late calls emitted that became visible later than the settle delay, behind the cursor
 * @param seen what the pass saw, for the next pass to recognise late calls; null when unknown,
 *     and in a part of a pass
 * @param invalid records the API sent that cannot be emitted as calls, each once, in the order met
 * @param pagingAnomalies answers that ended the list before their own {@code totalNum} and were
 *     believed after being asked again
 */
public record PassResult(List<CallRecord> records, Cursor cursor, int requests, LostRange lost, long overlong,
        long late, SeenWindow seen, List<Rejected> invalid, int pagingAnomalies) {

    public PassResult {
        records = List.copyOf(records);
        invalid = List.copyOf(invalid);
    }

    /** A pass that had nothing to read: the cursor already covers everything that has settled. */
    static PassResult nothingNew(Cursor cursor, SeenWindow seen) {
        return new PassResult(List.of(), cursor, 0, null, 0, 0, seen, List.of(), 0);
    }

    /** The same result with only {@code kept} of its invalid records. */
    PassResult withInvalid(List<Rejected> kept) {
        return new PassResult(records, cursor, requests, lost, overlong, late, seen, kept, pagingAnomalies);
    }

    /** A range of call start times, {@code [startFrom, startUntil)}, that fell behind the 7-day horizon. */
    public record LostRange(long startFrom, long startUntil) {
    }

    /**
     * A record the API sent that cannot be emitted as a call, with the answer it came in.
     *
     * @param record the record's text and what is wrong with it
     * @param requestId the API's request id of the answer, for a support ticket; may be null
     */
    public record Rejected(InvalidRecord record, String requestId) {
    }

    /**
     * The calls of a slice a complete pass saw: every call that started from {@code queryStart},
     * ended by {@code hi} and belongs to the slice.
     */
    public record SeenWindow(long queryStart, long hi, Set<String> callIds) {

        public SeenWindow {
            callIds = Set.copyOf(callIds);
        }

        /**
         * Whether this window was seen by the pass right before one that starts at {@code cursor}
         * and queries from {@code nextQueryStart}: then it covers every call that the next pass
         * finds at or before the cursor.
         */
        boolean follows(Cursor cursor, long nextQueryStart) {
            return cursor.equals(Cursor.throughSecond(hi)) && nextQueryStart >= queryStart;
        }
    }
}

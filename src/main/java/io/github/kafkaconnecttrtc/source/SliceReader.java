package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.RecordsPage;
import io.github.kafkaconnecttrtc.client.RecordsQuery;
import io.github.kafkaconnecttrtc.client.TrtcRecordsClient;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one pass over a slice: every call of the slice that ended after its cursor and no later
 * than {@code hi = now - settle delay}. It pages through one query for the calls that started
 * from {@code max(slice start, cursor - look-back)} with {@code endTimestamp = hi}, drops repeated
 * records by callId, and compares the answer with the previous pass's
 * ({@link PassResult.SeenWindow}) to catch calls that became visible late. That query misses no
 * call under either reading of {@code endTimestamp}, while pages shift under the reader and calls
 * age out at the horizon; the reasoning is in docs/how-it-reads.md, section "Why a pass misses no
 * call".
 */
public final class SliceReader {

    private static final Logger log = LoggerFactory.getLogger(SliceReader.class);
    private static final Comparator<CallRecord> END_ORDER =
            Comparator.comparingLong(CallRecord::endTs).thenComparing(CallRecord::callId);

    private final TrtcRecordsClient client;
    private final ReadSettings settings;
    private final InstantSource clock;
    private final BooleanSupplier stopRequested;
    private boolean startOrdered = true;

    public SliceReader(TrtcRecordsClient client, ReadSettings settings, InstantSource clock, BooleanSupplier stopRequested) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.stopRequested = stopRequested;
    }

    /**
     * Starts a pass that its caller drives one request at a time, so that a long pass can be spread
     * over several polls: Connect stops a task only between polls.
     *
     * @param previous what the previous pass over this slice saw, or null when unknown
     */
    public Pass begin(Slice slice, Cursor cursor, PassResult.SeenWindow previous) {
        long now = nowSeconds();
        long settled = now - settings.settleSeconds();
        long hi = settled;
        if (slice.kind() == SliceKind.HISTORY) {
            hi = Math.min(hi, slice.handover());
        }
        long span = settings.passSpanSeconds(slice.kind());
        boolean behind = false;
        if (span != Long.MAX_VALUE) {
            // Calls the API no longer holds need no pass of their own: the span counts from the horizon.
            long reach = Math.max(cursor.endTs(), ReadSettings.horizonFloor(now)) + span;
            behind = reach < settled;
            hi = Math.min(hi, reach);
        }
        long from = switch (slice.kind()) {
            case TAIL_FAST -> cursor.lookBack(settings.fastLaneSeconds());
            case TAIL_LONG, HISTORY -> cursor.lookBack(settings.maxCallSeconds());
            // A call past the promise may have started at any time the API still holds.
            case TAIL_OVERLONG -> Long.MIN_VALUE;
        };
        long queryStart = Math.max(slice.startFrom(), from);
        PassResult.SeenWindow usable = previous != null && previous.follows(cursor, queryStart) ? previous : null;
        return new Pass(slice, cursor, hi, queryStart, usable, previous, behind);
    }

    /** What each pass reads, as configured. */
    ReadSettings settings() {
        return settings;
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    /**
     * One pass in progress. {@link #step()} makes at most one request; a step that fails leaves the
     * pass as it was, so the same request is made again by the next step.
     */
    public final class Pass {

        final Slice slice;
        final Cursor cursor;
        final long hi;
        final long queryStart;
        /** Calls cannot start after they end, so nothing of interest starts after this. */
        final long lastStart;
        final PassResult.SeenWindow previous;
        private final PassResult.SeenWindow previousAsGiven;
        private final boolean behind;
        final Map<String, CallRecord> found = new HashMap<>();
        final Set<String> seen = new HashSet<>();
        int requests;
        long overlong;
        long late;
        PassResult.LostRange lost;
        private boolean done;
        private boolean unordered = !startOrdered;
        /** The start of the list being paged through; it moves only when the horizon catches up with it. */
        private long anchor;
        /** The latest start time read so far. */
        private long reached;
        private int page = 1;

        Pass(Slice slice, Cursor cursor, long hi, long queryStart, PassResult.SeenWindow previous,
                PassResult.SeenWindow previousAsGiven, boolean behind) {
            this.slice = slice;
            this.cursor = cursor;
            this.hi = hi;
            this.queryStart = queryStart;
            this.previous = previous;
            this.previousAsGiven = previousAsGiven;
            this.behind = behind;
            this.lastStart = Math.min(slice.startUntil() - 1, hi);
            this.anchor = queryStart;
            this.reached = queryStart;
            this.done = cursor.covers(hi);
        }

        /**
         * Makes the next request of the pass.
         *
         * @return whether the pass is complete
         * @throws PassAbortedException when the task stops meanwhile
         */
        public boolean step() {
            if (!done) {
                done = unordered ? stepUnordered() : stepInStartOrder();
            }
            return done;
        }

        /**
         * Whether the pass stops short of what has settled: a tail lane far behind reads one
         * span per pass, and the next pass is due at once.
         */
        public boolean behind() {
            return behind;
        }

        /** What the pass found; only once {@link #step()} said it is complete. */
        public PassResult result() {
            if (!done) {
                throw new IllegalStateException("pass over " + slice.name() + " is not complete");
            }
            if (cursor.covers(hi)) {
                return PassResult.nothingNew(cursor, previousAsGiven);
            }
            List<CallRecord> records = new ArrayList<>(found.values());
            records.sort(END_ORDER);
            // Only a complete answer in start order tells the next pass which calls were not visible yet.
            PassResult.SeenWindow window = !unordered && slice.isTail()
                    ? new PassResult.SeenWindow(queryStart, hi, seen) : null;
            return new PassResult(records, Cursor.throughSecond(hi), requests, lost, overlong, late, window);
        }

        /** Returns true when the pass is complete. */
        private boolean stepInStartOrder() {
            if (anchor < ReadSettings.horizonFloor(nowSeconds())) {
                // A new start means a new list: its first page, from where the reading stands.
                anchor = clampToHorizon(reached);
                page = 1;
            }
            if (anchor > lastStart) {
                return true;
            }
            RecordsPage answer = fetch(anchor, page);
            long previousStart = anchor;
            String previousId = null;
            for (CallRecord record : answer.records()) {
                if (record.startCallTs() < previousStart
                        || (record.startCallTs() == previousStart && previousId != null
                            && record.callId().compareTo(previousId) < 0)) {
                    startOrdered = false;
                    log.warn("The records API answered out of start-time order (call {} after one that started at"
                            + " {}); reading by page number from now on", record.callId(), previousStart);
                    unordered = true;
                    page = 1;
                    return false;
                }
                previousStart = record.startCallTs();
                previousId = record.callId();
                if (record.startCallTs() > lastStart) {
                    return true;
                }
                consider(record);
            }
            reached = Math.max(reached, previousStart);
            if (!answer.hasMore()) {
                return true;
            }
            page++;
            return false;
        }

        /** Returns true when the pass is complete. */
        private boolean stepUnordered() {
            long start = clampToHorizon(queryStart);
            if (start > lastStart) {
                return true;
            }
            RecordsPage answer = fetch(start, page);
            answer.records().forEach(this::consider);
            page++;
            return !answer.hasMore();
        }

        private RecordsPage fetch(long start, int pageNumber) {
            if (stopRequested.getAsBoolean()) {
                throw new PassAbortedException();
            }
            RecordsQuery query = new RecordsQuery(start, OptionalLong.of(hi), settings.callTypeParameter(), null,
                    settings.pageSize());
            RecordsPage answer = client.fetchPage(query, pageNumber);
            requests++;
            return answer;
        }

        private long clampToHorizon(long start) {
            long floor = ReadSettings.horizonFloor(nowSeconds());
            if (start >= floor) {
                return start;
            }
            if (slice.kind() == SliceKind.TAIL_OVERLONG) {
                // This lane always reads back to the horizon; what lies beyond was never promised.
                return floor;
            }
            long lostUntil = Math.min(floor, lastStart + 1);
            lost = new PassResult.LostRange(lost == null ? start : Math.min(lost.startFrom(), start),
                    Math.max(lostUntil, lost == null ? lostUntil : lost.startUntil()));
            return floor;
        }

        private void consider(CallRecord record) {
            long start = record.startCallTs();
            if (start < slice.startFrom() || start >= slice.startUntil() || record.endTs() > hi
                    || !settings.inLane(slice.kind(), record.durationSeconds())
                    || !settings.keepsType(record.callType()) || !settings.keepsResult(record.callResult())) {
                return;
            }
            seen.add(record.callId());
            boolean isLate = !cursor.precedes(record);
            if (isLate && (previous == null || previous.callIds().contains(record.callId()))) {
                return;
            }
            if (found.put(record.callId(), record) != null) {
                return;
            }
            // A call can be both: an overlong call that showed up late is counted as each.
            if (isLate) {
                late++;
            }
            if (record.durationSeconds() > settings.maxCallSeconds()) {
                overlong++;
            }
        }
    }
}

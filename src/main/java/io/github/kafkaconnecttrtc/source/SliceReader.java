package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.ApiLimits;
import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.InvalidRecord;
import io.github.kafkaconnecttrtc.client.RecordsPage;
import io.github.kafkaconnecttrtc.client.RecordsQuery;
import io.github.kafkaconnecttrtc.client.TrtcRecordsClient;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
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
 *
 * <p>The API's answers are not trusted further than they can be checked: a record with times no
 * call can have is set aside as invalid rather than read, paging stops at what {@code totalNum}
 * allows, an early end of the list is asked again before it is believed, and a pass holds at most
 * its share of {@link #MAX_HELD_RECORDS} records before it hands over a part (docs/operations.md,
 * "Memory"). Passes of one reader may run on several threads at once, each pass on one at a time;
 * a step of a pass may ask several pages of its list at once, through {@link PageRequests}.
 */
public final class SliceReader {

    /**
     * The most records (calls and invalid records) the passes of a task hold together, a page more
     * each at most: then a pass hands over a part, and when the calls still in progress at its reading
     * position fill half of its share, it covers less end time. Only more than half of a share of
     * calls of a slice ending within one second could exceed it.
     */
    static final int MAX_HELD_RECORDS = 50_000;
    /** The least share of a pass, so that many passes at once do not cut every pass into small parts. */
    static final int MIN_HELD_PER_PASS = 5_000;
    /**
     * The most callIds a tail pass keeps to recognise late calls in the next pass. A pass that
     * sees more keeps none, and the next pass rescues no late call, as after a restart.
     */
    static final int MAX_SEEN_IDS = 100_000;
    /** How often an answer that ends the list before its own {@code totalNum} is asked again. */
    static final int EARLY_END_RETRIES = 3;
    /** How many times in a row a page may repeat the one before it: a page shift repeats records, but not all of them for long. */
    static final int REPEATED_PAGES_TOLERATED = 2;
    /** Pages allowed beyond what {@code totalNum} accounts for, for races between two answers. */
    static final int PAGE_MARGIN = 2;
    /** A {@code totalNum} beyond any real list, where the page arithmetic stops short of overflowing. */
    private static final long MAX_TOTAL = 1L << 40;
    /**
     * The share of the pages that the start times read so far predict before a list's last start
     * that a step asks at once: a list read past its slice's end costs requests for records of no use.
     */
    private static final double PREDICTED_PAGES_ASKED = 0.75;

    private static final Logger log = LoggerFactory.getLogger(SliceReader.class);
    private static final Comparator<CallRecord> END_ORDER =
            Comparator.comparingLong(CallRecord::endTs).thenComparing(CallRecord::callId);

    private final TrtcRecordsClient client;
    private final PageRequests pageRequests;
    private final ReadSettings settings;
    private final InstantSource clock;
    private final BooleanSupplier stopRequested;
    private final int maxHeld;
    /** Whether the API has answered in start order so far; once not, every pass reads by page number. */
    private volatile boolean startOrdered = true;
    /** Slices whose paging anomaly was logged at WARN; later ones are logged at DEBUG and counted. */
    private final Set<String> anomaliesReported = ConcurrentHashMap.newKeySet();

    /**
     * @param maxHeld the most records one pass holds before it hands over a part: {@link #heldPerPass}
     *     of the passes a task runs at once
     * @param requests makes the requests of a step that asks several pages at once
     */
    public SliceReader(TrtcRecordsClient client, PageRequests requests, ReadSettings settings, InstantSource clock,
            BooleanSupplier stopRequested, int maxHeld) {
        if (maxHeld < ApiLimits.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("a pass must hold at least a page, not " + maxHeld);
        }
        this.client = client;
        this.pageRequests = requests;
        this.settings = settings;
        this.clock = clock;
        this.stopRequested = stopRequested;
        this.maxHeld = maxHeld;
    }

    /**
     * The share of {@link #MAX_HELD_RECORDS} of each of {@code passes} passes at once,
     * {@link #MIN_HELD_PER_PASS} at least.
     */
    public static int heldPerPass(int passes) {
        return Math.max(MIN_HELD_PER_PASS, MAX_HELD_RECORDS / passes);
    }

    /**
     * Starts a pass that its caller drives one step at a time, so that a long pass can be spread
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
            if (settled - reach < span) {
                // Less than a span would be left: a pass of its own would read its whole look-back again
                // for it (the long lane's first start read its six hours twice for the last minutes).
                reach = settled;
            }
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

    /** How the answers to one page request are taken. */
    private enum Verdict {
        /** More pages follow. */
        MORE,
        /** This was the last page. */
        LAST,
        /** The answer ended the list before its own count; the same page is asked again. */
        ASK_AGAIN
    }

    /** What taking one page of a step leads to. */
    private enum Next {
        /** The next page of the step, if any. */
        GO_ON,
        /** The pass is complete: the page reached the end of what it reads. */
        COMPLETE,
        /** The rest of the step is of no use: the list is read anew. */
        STOP
    }

    /** The answers of one step that can be taken in page order, and the failure that ended them early. */
    private record Wave(List<RecordsPage> answers, RuntimeException failure) {

        void throwFailure() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * One pass in progress. {@link #step(int)} asks one page or several of the same list at once,
     * and takes the answers in page order as far as they agree; a request that fails ends the step
     * after the pages before it, so the next step asks the failed page again.
     */
    public final class Pass {

        final Slice slice;
        final Cursor cursor;
        /** The end time the pass covers; it only shrinks, when the pass holds too much. */
        long hi;
        /** The {@code endTimestamp} of the list being paged through: {@link #hi} when the list began. */
        private long listHi;
        final long queryStart;
        /** Calls cannot start after they end, so nothing of interest starts after this. */
        long lastStart;
        PassResult.SeenWindow previous;
        private final PassResult.SeenWindow previousAsGiven;
        private boolean behind;
        final Map<String, CallRecord> found = new HashMap<>();
        /** The callIds of the slice this pass saw, for the next pass; null for history and once too many. */
        Set<String> seen;
        private List<PassResult.Rejected> invalid = new ArrayList<>();
        /** Up to where parts of this pass were handed over; calls up to here are out. */
        private Cursor emitted;
        private PassResult part;
        int requests;
        private int pagingAnomalies;
        PassResult.LostRange lost;
        private boolean done;
        private boolean unordered = !startOrdered;
        /** The start of the list being paged through; it moves only when the horizon catches up with it. */
        private long anchor;
        /** The latest start time read so far. */
        private long reached;
        private int page = 1;
        private ListPaging paging = new ListPaging();
        /**
         * The most pages a step asks at once: halved when the list changed under the pages of a step,
         * doubled again by a step whose pages all agreed.
         */
        private int window = Integer.MAX_VALUE;

        Pass(Slice slice, Cursor cursor, long hi, long queryStart, PassResult.SeenWindow previous,
                PassResult.SeenWindow previousAsGiven, boolean behind) {
            this.slice = slice;
            this.cursor = cursor;
            this.hi = hi;
            this.listHi = hi;
            this.queryStart = queryStart;
            this.previous = previous;
            this.previousAsGiven = previousAsGiven;
            this.behind = behind;
            this.lastStart = Math.min(slice.startUntil() - 1, hi);
            this.anchor = queryStart;
            this.reached = queryStart;
            this.emitted = cursor;
            this.seen = slice.isTail() ? new HashSet<>() : null;
            this.done = cursor.covers(hi);
        }

        /**
         * Makes the next requests of the pass: up to {@code width} pages of its list at once.
         *
         * @return whether the pass is complete
         * @throws PassAbortedException when the task stops meanwhile
         * @throws PagingException when the API's pages cannot be followed further and records are missing
         */
        public boolean step(int width) {
            if (width < 1) {
                throw new IllegalArgumentException("a step asks at least one page, not " + width);
            }
            if (!done) {
                done = unordered ? stepUnordered(width) : stepInStartOrder(width);
            }
            return done;
        }

        /**
         * How many pages the next step can use at once: one while the list's length is unknown, then
         * about what it has left, fewer after the list changed under a step.
         */
        public int wantedWidth() {
            return done ? 1 : (int) Math.min(window, paging.pagesAhead());
        }

        /**
         * Whether the pass stops short of what has settled: a tail lane far behind reads one
         * span per pass, and the next pass is due at once.
         */
        public boolean behind() {
            return behind;
        }

        /**
         * A part of the pass ready to hand over, once, or null: when a pass holds
         * its share of records, the calls that ended before the start times it has read
         * are complete and leave it.
         */
        public PassResult takePart() {
            PassResult ready = part;
            part = null;
            return ready;
        }

        /** What the pass found since its last part; only once {@link #step(int)} said it is complete. */
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
            PassResult.SeenWindow window = !unordered && seen != null
                    ? new PassResult.SeenWindow(queryStart, hi, seen) : null;
            return collect(records, Cursor.throughSecond(hi), window);
        }

        private PassResult collect(List<CallRecord> records, Cursor through, PassResult.SeenWindow window) {
            long overlong = 0;
            long late = 0;
            for (CallRecord record : records) {
                // A call can be both: an overlong call that showed up late is counted as each.
                if (!cursor.precedes(record)) {
                    late++;
                }
                if (record.durationSeconds() > settings.maxCallSeconds()) {
                    overlong++;
                }
            }
            PassResult result = new PassResult(records, through, requests, lost, overlong, late, window, invalid,
                    pagingAnomalies);
            requests = 0;
            lost = null;
            invalid = new ArrayList<>();
            pagingAnomalies = 0;
            return result;
        }

        /** Returns true when the pass is complete. */
        private boolean stepInStartOrder(int width) {
            if (anchor < ReadSettings.horizonFloor(nowSeconds())) {
                // A new start means a new list: its first page, from where the reading stands.
                anchor = clampToHorizon(reached);
                newList();
            }
            if (anchor > lastStart || !paging.mayAsk()) {
                return true;
            }
            if (takeWave(fetchWave(anchor, width), this::takeInStartOrder)) {
                return true;
            }
            if (!unordered && held() >= maxHeld) {
                // Every call that ended before the latest start read has been read: it started earlier.
                handOver(Math.min(hi, reached - 1));
                // What is left are calls in progress at the reading position: cover less end time.
                while (found.size() >= maxHeld / 2 && narrowed()) {
                    found.values().removeIf(record -> record.endTs() > hi);
                }
            }
            return false;
        }

        /** Takes one page of a list read in start order. */
        private Next takeInStartOrder(RecordsPage answer) {
            List<CallRecord> records = answers(answer, anchor);
            long previousStart = anchor;
            String previousId = null;
            for (CallRecord record : records) {
                if (record.startCallTs() < previousStart
                        || (record.startCallTs() == previousStart && previousId != null
                            && record.callId().compareTo(previousId) < 0)) {
                    startOrdered = false;
                    log.warn("The records API answered out of start-time order (call {} after one that started at"
                            + " {}); reading by page number from now on", LogText.quote(record.callId()),
                            previousStart);
                    unordered = true;
                    newList();
                    return Next.STOP;
                }
                previousStart = record.startCallTs();
                previousId = record.callId();
            }
            for (CallRecord record : records) {
                if (record.startCallTs() > lastStart) {
                    return Next.COMPLETE;
                }
                consider(record);
            }
            reached = Math.max(reached, previousStart);
            return Next.GO_ON;
        }

        /** Returns true when the pass is complete. */
        private boolean stepUnordered(int width) {
            long start = clampToHorizon(queryStart);
            if (start > lastStart || !paging.mayAsk()) {
                return true;
            }
            if (takeWave(fetchWave(start, width), answer -> {
                answers(answer, start).forEach(this::consider);
                return Next.GO_ON;
            })) {
                return true;
            }
            if (held() >= maxHeld) {
                if (!invalid.isEmpty()) {
                    part = collect(List.of(), emitted, null);
                }
                // Out of start order no call is complete before the list ends: start again over less end
                // time. Late calls are complete, and this pass has seen them: they stay.
                if (found.size() >= maxHeld / 2 && narrowed()) {
                    found.values().removeIf(cursor::precedes);
                    newList();
                }
            }
            return false;
        }

        /**
         * Takes the answers of a step in page order, each judged by {@link ListPaging} before
         * {@code take} reads it, up to the end of the list or the first answer asked again; then
         * throws the failure that ended the step's answers, if any.
         *
         * @return whether the pass is complete
         */
        private boolean takeWave(Wave wave, Function<RecordsPage, Next> take) {
            for (int i = 0; i < wave.answers().size(); i++) {
                if (i > 0 && !paging.mayAsk()) {
                    return true;
                }
                RecordsPage answer = wave.answers().get(i);
                Verdict verdict = paging.take(answer);
                if (verdict == Verdict.ASK_AGAIN) {
                    break;
                }
                Next next = take.apply(answer);
                if (next == Next.COMPLETE || (next == Next.GO_ON && verdict == Verdict.LAST)) {
                    return true;
                }
                if (next == Next.STOP) {
                    break;
                }
                page++;
            }
            wave.throwFailure();
            return false;
        }

        /**
         * The records of {@code answer} that answer a query from {@code start}: the invalid ones are
         * set aside, and those outside {@code [start, hi]} dropped, since the API should not have sent
         * them (a later pass or another slice reads them by a query that covers them) and they must
         * not look like an answer out of order.
         */
        private List<CallRecord> answers(RecordsPage answer, long start) {
            answer.invalid().forEach(record -> invalid.add(new PassResult.Rejected(record, answer.requestId())));
            long now = nowSeconds();
            List<CallRecord> records = new ArrayList<>(answer.records().size());
            for (CallRecord record : answer.records()) {
                String problem = RecordChecks.problem(record, now);
                if (problem != null) {
                    invalid.add(new PassResult.Rejected(
                            new InvalidRecord(RecordChecks.json(record), problem, record.callId()), answer.requestId()));
                } else if (record.startCallTs() >= start && record.startCallTs() <= listHi) {
                    records.add(record);
                }
            }
            return records;
        }

        /** The records the pass holds. */
        int held() {
            return found.size() + invalid.size();
        }

        /**
         * Hands over as a part the invalid records met and the calls that ended by {@code through},
         * when that moves the slice on; the pass goes on reading after them.
         */
        private void handOver(long through) {
            Cursor position = emitted.covers(through) ? emitted : Cursor.throughSecond(through);
            List<CallRecord> records = new ArrayList<>();
            for (Iterator<CallRecord> it = found.values().iterator(); it.hasNext(); ) {
                CallRecord record = it.next();
                if (!position.precedes(record)) {
                    records.add(record);
                    it.remove();
                }
            }
            if (records.isEmpty() && invalid.isEmpty()) {
                return;
            }
            records.sort(END_ORDER);
            emitted = position;
            part = collect(records, position, null);
        }

        /**
         * Halves the end time the pass covers beyond what it handed over, and makes the next pass due
         * at once for the rest.
         *
         * @return false when there is no end time left to give up
         */
        private boolean narrowed() {
            long base = emitted.endTs();
            long shorter = base + (hi - base) / 2;
            if (shorter >= hi || emitted.covers(shorter)) {
                return false;
            }
            log.debug("Slice {}: more than {} calls in progress in one pass; this pass reads calls up to {}",
                    slice.name(), maxHeld / 2, shorter);
            hi = shorter;
            lastStart = Math.min(slice.startUntil() - 1, hi);
            behind = true;
            return true;
        }

        private void newList() {
            page = 1;
            listHi = hi;
            paging = new ListPaging();
        }

        /**
         * Asks pages {@code page .. page + width - 1} of the list from {@code start} at once and keeps the
         * answers that can be taken in page order: up to the first failure, and up to the first whose
         * {@code totalNum} is below that of a page before it. The list only grows while it is read (see
         * {@link ListPaging}), so answers with equal counts saw the same list, and rising counts are pages
         * read in page order of time: either reads the list as one request at a time would. A page that
         * counts fewer than one before it was computed before a call joined the list in front of it, and
         * may have missed the record that call pushed onto it: it and those after it are asked again.
         */
        private Wave fetchWave(long start, int width) {
            if (stopRequested.getAsBoolean()) {
                throw new PassAbortedException();
            }
            RecordsQuery query = new RecordsQuery(start, OptionalLong.of(listHi), settings.callTypeParameter(), null,
                    settings.pageSize());
            List<Supplier<RecordsPage>> asks = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                int number = page + i;
                asks.add(() -> {
                    if (stopRequested.getAsBoolean()) {
                        throw new PassAbortedException();
                    }
                    return client.fetchPage(query, number);
                });
            }
            List<PageRequests.Fetched> fetched = pageRequests.makeAll(asks);
            List<RecordsPage> answers = new ArrayList<>(width);
            RuntimeException failure = null;
            long mostTotal = Long.MIN_VALUE;
            for (PageRequests.Fetched one : fetched) {
                if (one.page() != null) {
                    requests++;
                }
            }
            for (PageRequests.Fetched one : fetched) {
                if (one.failure() != null) {
                    failure = one.failure();
                    break;
                }
                long total = one.page().totalNum();
                if (total < mostTotal) {
                    log.debug("Slice {}: page {} of a list counted {} records, a page before it {}: the list changed"
                            + " while they were read at once; page {} on are asked again", slice.name(),
                            page + answers.size(), total, mostTotal, page + answers.size());
                    window = Math.max(1, width / 2);
                    return new Wave(answers, null);
                }
                mostTotal = total;
                answers.add(one.page());
            }
            if (failure == null && width >= window) {
                window = window > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : window * 2;
            }
            return new Wave(answers, failure);
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
                    || !settings.inLane(slice, start, record.durationSeconds())
                    || !settings.keepsType(record.callType()) || !settings.keepsResult(record.callResult())) {
                return;
            }
            boolean firstSight = seen == null || seen.add(record.callId());
            if (seen != null && seen.size() > MAX_SEEN_IDS) {
                seen = null;
                previous = null;
            }
            if (cursor.precedes(record)) {
                // Calls up to a part handed over are out; a page shift may show one of them again.
                if (emitted.precedes(record)) {
                    found.put(record.callId(), record);
                }
                return;
            }
            // Behind the cursor: emitted before, unless the previous pass did not see it (it became
            // visible late) and this pass has not taken it yet.
            if (previous != null && firstSight && !previous.callIds().contains(record.callId())) {
                found.put(record.callId(), record);
            }
        }

        /**
         * What the answers of one list (one start) said about its length. Pages are numbered over a
         * list of {@code totalNum} records that only grows while it is read, by calls becoming
         * visible, each of which can repeat one record at a page boundary: no honest list needs more
         * pages than that accounts for, ends before its count, or answers a page with the page before.
         */
        private final class ListPaging {

            private long firstTotal = -1;
            private long maxTotal;
            /**
             * The page size the service pages with: the size asked for, or less when a page that says more
             * follow holds fewer (a service may cap it below what was asked; v4 documents no maximum).
             */
            private int served = settings.pageSize();
            /** Records on the pages of this list that did not repeat the page before them. */
            private long taken;
            private int askedAgain;
            private List<String> previousPage = List.of();
            private int repeats;

            /**
             * Whether the next page may be asked for: not beyond what {@code totalNum} allows. When the
             * pages read hold that many records, the list is taken as complete.
             *
             * @throws PagingException when they do not
             */
            boolean mayAsk() {
                if (firstTotal < 0) {
                    return true;
                }
                long pages = allowedPages();
                if (page <= pages) {
                    return true;
                }
                if (taken >= maxTotal) {
                    report("Slice {}: the records API answered page {} as if more followed, but its totalNum ({})"
                            + " allows at most {} pages of {}, whose records were read: the list is taken as ended",
                            slice.name(), page - 1, maxTotal, pages, served);
                    return false;
                }
                throw new PagingException("the records API answered page " + (page - 1) + " of slice "
                        + slice.name() + " as if more followed, but its totalNum (" + maxTotal + ") allows at most "
                        + pages + " pages of " + served + ", and only " + taken + " records came on"
                        + " them; the pass stops here");
            }

            /** The most pages the counts seen allow: each call that joined the list can repeat a record. */
            private long allowedPages() {
                return ceilDiv(2 * maxTotal - firstTotal, served) + PAGE_MARGIN;
            }

            /**
             * How many pages of the list seem to be left from the next: at least one, and one while the
             * list's length is unknown. A list read in start order may go on past the slice's last start
             * (a history cell's holds the later cells' calls); then the start times read so far predict
             * the rest, of which a share is asked at once, so that a step rarely asks past it.
             */
            long pagesAhead() {
                if (firstTotal < 0) {
                    return 1;
                }
                long read = (long) (page - 1) * served;
                long ahead = Math.max(1, Math.min(ceilDiv(maxTotal - read, served), allowedPages() - page + 1));
                if (!unordered && reached > anchor) {
                    double perSecond = (double) read / (reached - anchor + 1);
                    long predicted = (long) (PREDICTED_PAGES_ASKED * perSecond * (lastStart - reached) / served);
                    ahead = Math.min(ahead, Math.max(1, predicted));
                }
                return ahead;
            }

            Verdict take(RecordsPage answer) {
                long total = Math.min(Math.max(0, answer.totalNum()), MAX_TOTAL);
                if (firstTotal < 0) {
                    firstTotal = total;
                }
                maxTotal = Math.max(maxTotal, total);
                int count = answer.records().size() + answer.invalid().size();
                boolean more = answer.hasMore();
                if (more && count > 0 && count < served) {
                    served = count;
                }
                long readThrough = (long) (page - 1) * served + count;
                if (!more && readThrough < maxTotal) {
                    if (askedAgain < EARLY_END_RETRIES) {
                        askedAgain++;
                        return Verdict.ASK_AGAIN;
                    }
                    report("Slice {}: the records API ended the list at page {} after {} records though its totalNum"
                            + " says {} (asked {} times, last request {}); calls of this pass beyond that may be"
                            + " missing", slice.name(), page, readThrough, maxTotal, EARLY_END_RETRIES + 1,
                            LogText.quote(answer.requestId()));
                    return Verdict.LAST;
                }
                askedAgain = 0;
                List<String> ids = new ArrayList<>(count);
                answer.records().forEach(record -> ids.add(record.callId()));
                answer.invalid().forEach(record -> ids.add(record.raw()));
                if (count == 0 || !ids.equals(previousPage)) {
                    repeats = 0;
                    taken += count;
                    previousPage = ids;
                    return more ? Verdict.MORE : Verdict.LAST;
                }
                if (taken >= maxTotal) {
                    // Every record the list counts has been read: the API loops past its end.
                    report("Slice {}: the records API answered page {} with the records of the page before, after"
                            + " all {} records its totalNum counts (request {}): the list is taken as ended",
                            slice.name(), page, maxTotal, LogText.quote(answer.requestId()));
                    return Verdict.LAST;
                }
                repeats++;
                if (repeats > REPEATED_PAGES_TOLERATED) {
                    throw new PagingException("the records API answered page " + page + " of slice " + slice.name()
                            + " with the same " + count + " records as the " + repeats + " pages before it, with "
                            + (maxTotal - taken) + " of the " + maxTotal + " records its totalNum counts still unread"
                            + " (request " + LogText.quote(answer.requestId()) + "); the pass stops here rather"
                            + " than follow a loop");
                }
                return more ? Verdict.MORE : Verdict.LAST;
            }

            /** Counts an answer taken against its own word, and logs the first of each slice at WARN. */
            private void report(String message, Object... args) {
                pagingAnomalies++;
                String counted = message + ". Counted in paging-anomalies-total";
                if (anomaliesReported.add(slice.name())) {
                    log.warn(counted + "; further ones of this slice are logged at DEBUG.", args);
                } else {
                    log.debug(counted + ".", args);
                }
            }
        }
    }

    private static long ceilDiv(long dividend, long divisor) {
        return Math.floorDiv(dividend + divisor - 1, divisor);
    }
}

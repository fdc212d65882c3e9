package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.TrtcRetriableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop of a task, free of Connect's life cycle so that tests can drive it with a fake
 * clock: pick the due slices, read a pass over each, turn the passes into records.
 *
 * <p>A task keeps up to {@code maxInFlight} requests in flight while the API is a round trip away:
 * several pages of a pass's list at once, as many as the list seems to have left, and passes over
 * other slices with the requests the passes in progress cannot use, up to {@code maxInFlight}
 * passes and {@link #MAX_PASSES} at most. Passes over different slices are independent; how the
 * pages of one list read at once keep what was argued for one request at a time is in
 * docs/how-it-reads.md. Each step of a pass runs on the executor, and the poll thread takes the
 * steps' outcomes in the order they end: it alone touches the slices' state, the records and the
 * metrics. With an executor that runs a step on the submitting thread, the passes take turns step
 * by step, deterministically, which is how the tests drive it. A task's first request goes alone,
 * so that an answer only a configuration change can fix fails the task after one request.
 *
 * <p>The records of what the poll took are returned as one batch, which under exactly-once is one
 * transaction; a pass that holds its share of {@link SliceReader#MAX_HELD_RECORDS} hands over a part
 * of them. A poll takes outcomes for about {@link #WORK_SLICE} and then returns, null if nothing was
 * complete, the passes going on: Connect stops a task only between polls (it calls {@code stop()}
 * after the poll returns), so a long pass must not hold the poll. When no slice is due and no pass
 * is in progress, a poll waits at most {@link #MAX_IDLE_WAIT} and returns null.
 *
 * <p>A pass that fails (a request that failed after its retries, pages that cannot be followed)
 * fails its slice alone: the slice waits a back-off that doubles with each failure up to
 * {@link #MAX_BACKOFF}, while the task's other slices, the live tail above all, are read as usual.
 * A request failure leaves the pass where it was, to go on after the back-off; a paging failure
 * starts the pass anew. A slice's first failed pass is logged at INFO, the next ones at DEBUG; once
 * its passes have failed for {@link #STALL_AFTER} it is reported once at WARN as stalled, and its
 * recovery at INFO.
 */
public final class TaskEngine {

    private static final Logger log = LoggerFactory.getLogger(TaskEngine.class);
    static final Duration MAX_IDLE_WAIT = Duration.ofSeconds(1);
    static final Duration WORK_SLICE = Duration.ofSeconds(1);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final Duration STALL_AFTER = Duration.ofMinutes(5);
    /**
     * The most passes in progress at once, whatever the requests in flight: a pass asks several
     * pages of its list at once, so more requests need not mean more passes, and each pass holds a
     * share of the records ({@link SliceReader#heldPerPass}) that more passes would add to.
     */
    static final int MAX_PASSES = 16;

    private final PassScheduler scheduler;
    private final SliceReader reader;
    private final RecordFactory factory;
    private final InstantSource clock;
    private final Waiter waiter;
    private final Duration progressInterval;
    private final PassObserver observer;
    private final String invalidTopic;
    private final InvalidRecordFilter invalidRecords = new InvalidRecordFilter();
    private final Executor executor;
    private final int maxInFlight;
    private final int maxPasses;
    /** The passes in progress by slice: stepping, waiting for their turn, or parked after a failure. */
    private final Map<SliceState, InProgress> passes = new LinkedHashMap<>();
    /** Whether a request of this task was answered yet, by records or by a transient failure. */
    private boolean answered;
    /** The outcomes of steps, in the order the steps ended. */
    private final BlockingDeque<Outcome> outcomes = new LinkedBlockingDeque<>();

    /**
     * Who of the passes in progress gets requests first: the live tail's fast lane, whose freshness
     * is promised; then the long lane and the history; the overlong lane's sweep of the whole
     * horizon last. Within a kind, the pass started first (the map keeps that order; the sort is
     * stable), so that it finishes first.
     */
    private static final Comparator<InProgress> RESUME_ORDER = Comparator.comparingInt(held ->
            switch (held.state.slice.kind()) {
                case TAIL_FAST -> 0;
                case TAIL_LONG -> 1;
                case HISTORY -> 2;
                case TAIL_OVERLONG -> 3;
            });

    /** A pass in progress; {@code stepping} and {@code width} only change on the poll thread. */
    private static final class InProgress {
        final SliceState state;
        final Instant started;
        final SliceReader.Pass pass;
        boolean stepping;
        /** The requests of the step in progress. */
        int width;

        InProgress(SliceState state, Instant started, SliceReader.Pass pass) {
            this.state = state;
            this.started = started;
            this.pass = pass;
        }
    }

    /**
     * What one step of a pass came to: complete, a part to hand over, one more page read, or a
     * failure. Made on the executor, taken on the poll thread.
     */
    private record Outcome(InProgress reading, boolean complete, PassResult part, RuntimeException failure) {

        /** About how many records taking it over adds to a batch. */
        int size() {
            if (part != null) {
                return part.records().size() + part.invalid().size();
            }
            return complete ? reading.pass.held() : 0;
        }
    }

    TaskEngine(List<SliceState> slices, PassScheduler scheduler, SliceReader reader, RecordFactory factory,
            InstantSource clock, Waiter waiter, Duration progressInterval, String invalidTopic,
            PassObserver observer, Executor executor, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.executor = executor;
        this.maxInFlight = maxInFlight;
        this.maxPasses = passesAtOnce(maxInFlight);
        this.scheduler = scheduler;
        this.reader = reader;
        this.factory = factory;
        this.clock = clock;
        this.waiter = waiter;
        this.progressInterval = progressInterval;
        this.invalidTopic = invalidTopic;
        this.observer = observer;
        slices.forEach(state -> {
            log.debug("Slice {} starts at {}", state.slice.name(), state.cursor);
            observer.assigned(state.slice, state.cursor);
        });
    }

    /**
     * Builds the engine for the slices of {@code settings}, each starting from its stored offset
     * when there is a readable one.
     *
     * @param executor runs the steps of passes: a pool of at least {@code maxInFlight} threads, shared
     *     with the reader's {@link PageRequests}, to keep that many requests in flight, or one that
     *     runs a step on the submitting thread
     * @param maxInFlight how many requests are in flight at most; passes in progress, up to {@link #MAX_PASSES}
     */
    public static TaskEngine create(TaskSettings settings, Map<String, SliceOffset> storedOffsets,
            LaneSchedule schedule, RecordOutput output, SliceReader reader, InstantSource clock, Waiter waiter,
            PassObserver observer, Executor executor, int maxInFlight) {
        ReadSettings read = reader.settings();
        Instant now = clock.instant();
        List<SliceState> states = new ArrayList<>();
        for (String name : settings.sliceNames()) {
            Slice slice = Slice.parse(name, settings.tailStart(), settings.fastStart(), settings.readFrom(),
                    read.maxCallSeconds());
            SliceOffset offset = storedOffsets.get(name);
            Cursor cursor = offset == null ? slice.initialCursor() : offset.cursor();
            if (slice.finishedAt(cursor)) {
                continue;
            }
            SliceState state = new SliceState(slice, cursor, now);
            if (slice.kind() == SliceKind.TAIL_OVERLONG) {
                // Its last pass ended about a settle delay after its cursor; a restart does not make it due again.
                Instant lastPass = Instant.ofEpochSecond(cursor.endTs() + read.settleSeconds());
                Instant due = lastPass.plus(schedule.overlongSweepInterval());
                state.nextDue = due.isAfter(now) ? due : now;
            }
            states.add(state);
        }
        PassScheduler scheduler = new PassScheduler(states, schedule);
        RecordFactory factory = new RecordFactory(output.sdkAppId(), output.topic(), output.progressTopic(),
                output.invalidTopic(), settings.tailStart(), settings.fastStart(), settings.readFrom(),
                output.timestamp());
        return new TaskEngine(states, scheduler, reader, factory, clock, waiter, output.progressInterval(),
                output.invalidTopic(), observer, executor, maxInFlight);
    }

    /**
     * Starts passes over due slices, up to {@code maxInFlight} requests in flight, and takes what their steps
     * come to for about {@link #WORK_SLICE}; waits a little when no request is on its way and no
     * slice is due.
     *
     * @return the records of the passes or parts complete, or null when there is nothing to hand over
     * @throws PassAbortedException when the task is stopping
     */
    public List<SourceRecord> poll() throws InterruptedException {
        Instant now = clock.instant();
        startDue(now);
        // Passes parked after a failure wait for their slice's back-off like the slices not yet due.
        if (outcomes.isEmpty() && passes.values().stream().noneMatch(reading -> reading.stepping)) {
            Duration untilDue = scheduler.untilNextDue(now);
            waiter.await(untilDue == null || untilDue.compareTo(MAX_IDLE_WAIT) > 0 ? MAX_IDLE_WAIT : untilDue);
            return null;
        }
        Instant until = now.plus(WORK_SLICE);
        List<SourceRecord> batch = new ArrayList<>();
        while (true) {
            Outcome outcome = nextOutcome(until);
            if (outcome == null) {
                break;
            }
            if (!batch.isEmpty() && batch.size() + outcome.size() > SliceReader.MAX_HELD_RECORDS) {
                // Batches of several passes stay as large as one pass's at most: it waits for the next poll.
                outcomes.addFirst(outcome);
                break;
            }
            batch.addAll(take(outcome, until));
            boolean timeLeft = clock.instant().isBefore(until);
            if (!timeLeft || (!batch.isEmpty() && outcomes.isEmpty())) {
                break;
            }
        }
        return nullIfEmpty(batch);
    }

    /**
     * Resumes the passes whose slice is due and starts new ones over due slices while requests are
     * free. The passes in progress take the requests first, in the order of {@link #RESUME_ORDER},
     * each as many pages at once as its list seems to have left; new passes start with what is left.
     * Before, the passes in progress split the requests evenly, which gave a backfill's first
     * passes one request each. A pass that got fewer than it wanted keeping the difference from the
     * passes after it finished cells one after another, but left requests idle for a round trip at
     * each turn: one task 80 ms away read at 36% of the ceiling, against 65% without (run 8).
     */
    private void startDue(Instant now) {
        // The first request goes alone: an answer only a configuration change can fix then fails the
        // task after one request, not after one per request in flight.
        int room = (answered ? maxInFlight : 1) - inFlight();
        List<InProgress> resumable = passes.values().stream()
                .filter(held -> !held.stepping && !held.state.nextDue.isAfter(now)).sorted(RESUME_ORDER).toList();
        for (InProgress held : resumable) {
            if (room <= 0) {
                return;
            }
            room -= step(held, room);
        }
        while (room > 0) {
            SliceState due = scheduler.nextDue(now, passes.keySet());
            if (due == null) {
                return;
            }
            if (passes.size() >= maxPasses) {
                dropParked(due);
                if (passes.size() >= maxPasses) {
                    return;
                }
            }
            InProgress started = new InProgress(due, now, reader.begin(due.slice, due.cursor, due.seen));
            passes.put(due, started);
            room -= step(started, room);
        }
    }

    /** The most passes in progress at once with {@code maxInFlight} requests in flight. */
    public static int passesAtOnce(int maxInFlight) {
        return Math.min(maxInFlight, MAX_PASSES);
    }

    private int inFlight() {
        return passes.values().stream().filter(held -> held.stepping).mapToInt(held -> held.width).sum();
    }

    /**
     * Makes room for a pass over {@code due} by giving up a pass parked after a failure, so that the
     * passes held stay within {@link #passesAtOnce}: a slice that fails blocks no other, and its pass starts
     * again from the slice's cursor once it is due.
     */
    private void dropParked(SliceState due) {
        passes.values().stream().filter(reading -> !reading.stepping).findFirst().ifPresent(parked -> {
            log.debug("Slice {} is read while slice {} waits after a failure; that pass will start again",
                    due.slice.name(), parked.state.slice.name());
            passes.remove(parked.state);
        });
    }

    /**
     * Makes the next step of a pass on the executor, of as many requests as the pass can use up to
     * {@code most}.
     *
     * @return the requests of the step
     */
    private int step(InProgress reading, int most) {
        int width = Math.min(most, reading.pass.wantedWidth());
        reading.stepping = true;
        reading.width = width;
        executor.execute(() -> {
            Outcome outcome;
            try {
                boolean complete = reading.pass.step(width);
                outcome = new Outcome(reading, complete, complete ? null : reading.pass.takePart(), null);
            } catch (RuntimeException e) {
                outcome = new Outcome(reading, false, null, e);
            }
            outcomes.add(outcome);
        });
        return width;
    }

    /** The next outcome: at once when one is there, else waiting until {@code until} while steps run. */
    private Outcome nextOutcome(Instant until) throws InterruptedException {
        Outcome ready = outcomes.poll();
        if (ready != null || passes.values().stream().noneMatch(reading -> reading.stepping)) {
            return ready;
        }
        long millis = Duration.between(clock.instant(), until).toMillis();
        return millis <= 0 ? null : outcomes.poll(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes one outcome over on the poll thread: records for a pass or part complete, the next steps
     * while the poll has time left (else at the next poll), a back-off for a failure.
     */
    private List<SourceRecord> take(Outcome outcome, Instant until) {
        InProgress reading = outcome.reading();
        reading.stepping = false;
        RuntimeException failure = outcome.failure();
        answered |= failure == null || failure instanceof TrtcRetriableException || failure instanceof PagingException;
        List<SourceRecord> records = List.of();
        if (failure instanceof TrtcRetriableException) {
            // The pass stays, parked, and goes on from where it was once the slice is due again.
            failed(reading.state, failure.getMessage());
        } else if (failure instanceof PagingException) {
            passes.remove(reading.state);
            failed(reading.state, failure.getMessage());
        } else if (failure != null) {
            passes.remove(reading.state);
            // The task is stopping, or only a configuration change can help: the task's to decide.
            throw failure;
        } else if (outcome.complete()) {
            passes.remove(reading.state);
            records = read(reading.state, reading.started, reading.pass.result(), reading.pass);
        } else if (outcome.part() != null) {
            records = read(reading.state, reading.started, outcome.part(), null);
        }
        Instant now = clock.instant();
        if (now.isBefore(until)) {
            startDue(now);
        }
        return records;
    }

    private static List<SourceRecord> nullIfEmpty(List<SourceRecord> records) {
        return records.isEmpty() ? null : records;
    }

    private void failed(SliceState state, String reason) {
        Instant now = clock.instant();
        state.failures++;
        if (state.failingSince == null) {
            state.failingSince = now;
        }
        Duration backoff = backoff(state.failures);
        state.nextDue = now.plus(backoff);
        observer.failed(state.slice);
        Duration failing = Duration.between(state.failingSince, now);
        if (!state.stalled && failing.compareTo(STALL_AFTER) >= 0) {
            state.stalled = true;
            observer.stalled(state.slice);
            log.warn("Slice {} is stalled: its passes have failed for {} s ({} times), the last because {}. The"
                    + " task's other slices are read as usual; this one is tried again every {} s at most, and its"
                    + " offset stays where it is until a pass succeeds.", state.slice.name(), failing.toSeconds(),
                    state.failures, reason, MAX_BACKOFF.toSeconds());
        } else if (state.failures == 1) {
            log.info("A pass over slice {} failed ({}); it is tried again in {} s, the task's other slices"
                    + " as usual", state.slice.name(), reason, backoff.toSeconds());
        } else {
            // One line per failure would repeat the first every few seconds during an outage.
            log.debug("A pass over slice {} failed again ({}); it is tried again in {} s", state.slice.name(),
                    reason, backoff.toSeconds());
        }
    }

    /** The back-off after the {@code failures}-th failure in a row: doubling, capped. */
    static Duration backoff(int failures) {
        int doublings = Math.min(failures - 1, 30);
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    /**
     * Takes a result over: the complete pass when {@code completed} is given, else a part of the
     * pass in progress.
     */
    private List<SourceRecord> read(SliceState state, Instant started, PassResult given,
            SliceReader.Pass completed) {
        Slice slice = state.slice;
        if (state.failures > 0) {
            if (state.stalled) {
                log.info("Slice {} is read again after {} failed passes over {} s", slice.name(), state.failures,
                        Duration.between(state.failingSince, clock.instant()).toSeconds());
                observer.recovered(slice);
            }
            state.failures = 0;
            state.failingSince = null;
            state.stalled = false;
        }
        PassResult result = given.withInvalid(invalidRecords.fresh(given.invalid()));
        for (PassResult.Rejected rejected : result.invalid()) {
            log.warn("Slice {}: the records API sent a call record that cannot be read: {}. It is in topic {}"
                    + " (callId {}, request {}): {}", slice.name(), LogText.quote(rejected.record().reason()),
                    invalidTopic, LogText.quote(rejected.record().callId()), LogText.quote(rejected.requestId()),
                    LogText.quote(rejected.record().raw()));
        }
        if (completed != null) {
            state.seen = result.seen();
        }
        if (result.lost() != null) {
            // While a lane catches up behind the horizon, each pass loses the seconds the horizon moved
            // meanwhile: one warning per gap, the rest of it counted in the metric.
            boolean sameGap = state.lostReportedUntil != null && result.lost().startFrom() <= state.lostReportedUntil;
            if (!sameGap) {
                log.warn("Calls of slice {} that started from {} to {} are beyond the records API's 7-day horizon and"
                        + " can no longer be read: they are lost. Keep the connector running, or restart it within 7"
                        + " days.", slice.name(), Instant.ofEpochSecond(result.lost().startFrom()),
                        Instant.ofEpochSecond(result.lost().startUntil()));
            }
            state.lostReportedUntil = result.lost().startUntil();
        }
        if (result.overlong() > 0) {
            log.info("Slice {}: {} calls lasted longer than call.max.duration.ms; they are delivered, those of the tail"
                    + " up to one overlong sweep late. Raise call.max.duration.ms if such calls are common.",
                    slice.name(), result.overlong());
        }
        if (result.late() > 0) {
            log.info("Slice {}: {} calls became visible later than settle.delay.ms; they are delivered late. Raise"
                    + " settle.delay.ms if this repeats: calls later than the look-back of their lane are not seen.",
                    slice.name(), result.late());
        }
        Cursor passStart = state.cursor;
        boolean advanced = !result.cursor().equals(passStart);
        state.cursor = result.cursor();
        boolean finished = completed != null && slice.finishedAt(state.cursor);
        if (completed != null) {
            scheduler.passed(state, started, finished, completed.behind());
        }
        observer.passed(slice, result, started);
        if (finished) {
            observer.finished(slice);
        }
        long timestamp = clock.millis();
        List<SourceRecord> records = factory.records(slice, passStart, result, timestamp);
        if (records.isEmpty() && advanced && (finished || result.lost() != null
                || !state.lastSaved.plus(progressInterval).isAfter(started))) {
            records = List.of(factory.progress(slice, state.cursor, timestamp));
        }
        if (!records.isEmpty()) {
            state.lastSaved = started;
        }
        if (finished) {
            log.info("Slice {} is complete ({} calls in its last pass, {} requests)", slice.name(),
                    result.records().size(), result.requests());
        } else if (log.isDebugEnabled()) {
            log.debug("Slice {}: {} calls up to {} in {} requests{}", slice.name(), result.records().size(),
                    Instant.ofEpochSecond(state.cursor.endTs()), result.requests(),
                    completed == null ? ", a part of a pass that goes on" : "");
        }
        return records;
    }
}

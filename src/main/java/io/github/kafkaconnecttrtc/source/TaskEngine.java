package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.TrtcRetriableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop of a task, free of Connect's life cycle so that tests can drive it with a fake
 * clock: pick the due slice, read one pass, turn it into records.
 *
 * <p>A pass's records are returned as one batch, which under exactly-once is one transaction; a
 * pass that holds {@link SliceReader#MAX_HELD_RECORDS} records hands over a part of them as a batch
 * of its own. A poll works on a pass for about {@link #WORK_SLICE} and then returns null, the pass
 * going on at the next poll: Connect stops a task only between polls (it calls {@code stop()} after
 * the poll returns), so a long pass must not hold the poll. When no slice is due, a poll waits at
 * most {@link #MAX_IDLE_WAIT} and returns null.
 *
 * <p>A pass that fails (a request that failed after its retries, pages that cannot be followed)
 * fails its slice alone: the slice waits a back-off that doubles with each failure up to
 * {@link #MAX_BACKOFF}, while the task's other slices, the live tail above all, are read as usual.
 * A request failure leaves the pass where it was, to go on after the back-off unless another slice
 * was read meanwhile (a task holds one pass at a time); a paging failure starts the pass anew. A
 * slice's first failed pass is logged at INFO, the next ones at DEBUG; once its passes have failed
 * for {@link #STALL_AFTER} it is reported once at WARN as stalled, and its recovery at INFO.
 */
public final class TaskEngine {

    private static final Logger log = LoggerFactory.getLogger(TaskEngine.class);
    static final Duration MAX_IDLE_WAIT = Duration.ofSeconds(1);
    static final Duration WORK_SLICE = Duration.ofSeconds(1);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final Duration STALL_AFTER = Duration.ofMinutes(5);

    private final PassScheduler scheduler;
    private final SliceReader reader;
    private final RecordFactory factory;
    private final InstantSource clock;
    private final Waiter waiter;
    private final Duration progressInterval;
    private final PassObserver observer;
    private final String invalidTopic;
    private final InvalidRecordFilter invalidRecords = new InvalidRecordFilter();
    /** The pass in progress, if a poll left one unfinished or a failure parked it. */
    private InProgress current;

    private record InProgress(SliceState state, Instant started, SliceReader.Pass pass) {
    }

    TaskEngine(List<SliceState> slices, PassScheduler scheduler, SliceReader reader, RecordFactory factory,
            InstantSource clock, Waiter waiter, Duration progressInterval, String invalidTopic,
            PassObserver observer) {
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
     */
    public static TaskEngine create(TaskSettings settings, Map<String, SliceOffset> storedOffsets,
            LaneSchedule schedule, RecordOutput output, SliceReader reader, InstantSource clock, Waiter waiter,
            PassObserver observer) {
        ReadSettings read = reader.settings();
        Instant now = clock.instant();
        List<SliceState> states = new ArrayList<>();
        for (String name : settings.sliceNames()) {
            Slice slice = Slice.parse(name, settings.tailStart(), settings.readFrom(), read.maxCallSeconds());
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
                output.invalidTopic(), settings.tailStart(), settings.readFrom());
        return new TaskEngine(states, scheduler, reader, factory, clock, waiter, output.progressInterval(),
                output.invalidTopic(), observer);
    }

    /**
     * Reads the next due slice, or waits a little when none is due. One pass per call, so that
     * the worker gets control back between passes even when they find nothing.
     *
     * @return the records of one pass or part of one, or null when there is nothing to hand over
     * @throws PassAbortedException when the task is stopping
     */
    public List<SourceRecord> poll() throws InterruptedException {
        Instant now = clock.instant();
        if (current == null || current.state().nextDue.isAfter(now)) {
            SliceState due = scheduler.nextDue(now);
            if (due == null) {
                Duration untilDue = scheduler.untilNextDue(now);
                waiter.await(untilDue == null || untilDue.compareTo(MAX_IDLE_WAIT) > 0 ? MAX_IDLE_WAIT : untilDue);
                return null;
            }
            if (current != null) {
                log.debug("Slice {} is read while slice {} waits after a failure; that pass will start again",
                        due.slice.name(), current.state().slice.name());
            }
            current = new InProgress(due, now, reader.begin(due.slice, due.cursor, due.seen));
        }
        InProgress reading = current;
        Instant until = now.plus(WORK_SLICE);
        try {
            while (!reading.pass().step()) {
                PassResult part = reading.pass().takePart();
                if (part != null) {
                    return nullIfEmpty(read(reading.state(), reading.started(), part, null));
                }
                if (!clock.instant().isBefore(until)) {
                    return null;
                }
            }
        } catch (TrtcRetriableException e) {
            failed(reading.state(), e.getMessage());
            return null;
        } catch (PagingException e) {
            current = null;
            failed(reading.state(), e.getMessage());
            return null;
        }
        current = null;
        return nullIfEmpty(read(reading.state(), reading.started(), reading.pass().result(), reading.pass()));
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

package io.github.kafkaconnecttrtc.source;

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
 * <p>A pass's records are returned as one batch, which under exactly-once is one transaction.
 * A poll works on a pass for about {@link #WORK_SLICE} and then returns null, the pass going on
 * at the next poll: Connect stops a task only between polls (it calls {@code stop()} after the
 * poll returns), so a long pass must not hold the poll. A request that fails after its retries
 * leaves the pass where it was, and the next poll makes that request again. When no slice is
 * due, a poll waits at most {@link #MAX_IDLE_WAIT} and returns null.
 */
public final class TaskEngine {

    private static final Logger log = LoggerFactory.getLogger(TaskEngine.class);
    static final Duration MAX_IDLE_WAIT = Duration.ofSeconds(1);
    static final Duration WORK_SLICE = Duration.ofSeconds(1);

    private final PassScheduler scheduler;
    private final SliceReader reader;
    private final RecordFactory factory;
    private final InstantSource clock;
    private final Waiter waiter;
    private final Duration progressInterval;
    private final PassObserver observer;
    /** The pass in progress, if a poll left one unfinished. */
    private InProgress current;

    private record InProgress(SliceState state, Instant started, SliceReader.Pass pass) {
    }

    TaskEngine(List<SliceState> slices, PassScheduler scheduler, SliceReader reader, RecordFactory factory,
            InstantSource clock, Waiter waiter, Duration progressInterval, PassObserver observer) {
        this.scheduler = scheduler;
        this.reader = reader;
        this.factory = factory;
        this.clock = clock;
        this.waiter = waiter;
        this.progressInterval = progressInterval;
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
                settings.tailStart(), settings.readFrom());
        return new TaskEngine(states, scheduler, reader, factory, clock, waiter, output.progressInterval(), observer);
    }

    /**
     * Reads the next due slice, or waits a little when none is due. One pass per call, so that
     * the worker gets control back between passes even when they find nothing.
     *
     * @return the records of one pass, or null when there is nothing to hand over
     * @throws PassAbortedException when the task is stopping
     */
    public List<SourceRecord> poll() throws InterruptedException {
        Instant now = clock.instant();
        if (current == null) {
            SliceState due = scheduler.nextDue(now);
            if (due == null) {
                Duration untilDue = scheduler.untilNextDue(now);
                waiter.await(untilDue == null || untilDue.compareTo(MAX_IDLE_WAIT) > 0 ? MAX_IDLE_WAIT : untilDue);
                return null;
            }
            current = new InProgress(due, now, reader.begin(due.slice, due.cursor, due.seen));
        }
        Instant until = now.plus(WORK_SLICE);
        while (!current.pass().step()) {
            if (!clock.instant().isBefore(until)) {
                return null;
            }
        }
        InProgress done = current;
        current = null;
        List<SourceRecord> records = read(done.state(), done.started(), done.pass());
        return records.isEmpty() ? null : records;
    }

    private List<SourceRecord> read(SliceState state, Instant started, SliceReader.Pass pass) {
        PassResult result = pass.result();
        state.seen = result.seen();
        Slice slice = state.slice;
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
        boolean finished = slice.finishedAt(state.cursor);
        scheduler.passed(state, started, finished, pass.behind());
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
            log.debug("Slice {}: {} calls up to {} in {} requests", slice.name(), result.records().size(),
                    Instant.ofEpochSecond(state.cursor.endTs()), result.requests());
        }
        return records;
    }
}

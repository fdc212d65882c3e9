package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.ApiLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out the slices from the configuration, the clock and the stored offsets.
 *
 * <p>The tail starts at {@code now - settle delay - maximum call duration}, rounded down to the
 * slice grid, the first time the connector runs, and its fast lane a maximum call duration less a
 * fast-lane duration after that, about when the calls it reads first ended: the short calls before,
 * the long lane reads with its long ones, so that the hours before the first start are read once,
 * not by both lanes. These starts, and the start of the history, are stored in the tail's offsets
 * and read back ever after, so the grid of history cells never moves. Every history cell has
 * settled when it is planned (it reads the calls that ended by {@code tailStart + maximum call
 * duration}, see {@link Slice}), so one pass finishes it; finished cells are recognised from their
 * offsets and not planned again. A cell that fell behind the API's 7-day horizon before it was
 * finished is reported once, at WARN, and dropped.
 */
public final class SlicePlanner {

    private static final Logger log = LoggerFactory.getLogger(SlicePlanner.class);
    /** Kept between the horizon and the default start, so that a backfill does not race the horizon. */
    static final long DEFAULT_START_GRACE_SECONDS = Duration.ofHours(1).toSeconds();
    private static final long OLDEST_HISTORY_SECONDS = ApiLimits.HORIZON.plusDays(1).toSeconds();

    /** Reads stored offsets; the connector's is backed by Connect's offset storage. */
    public interface OffsetLookup {
        Map<String, SliceOffset> offsets(List<String> sliceNames);
    }

    private final long sliceSeconds;
    private final long settleSeconds;
    private final long maxCallSeconds;
    private final long fastLaneSeconds;
    private final OptionalLong configuredStart;
    /** The end of the start-time range last reported lost, so each loss is reported once. */
    private long reportedLostUntil = Long.MIN_VALUE;
    private long lostSlices;
    private Long tailStart;
    private Long fastStart;
    private Long historyStart;

    public SlicePlanner(Duration sliceDuration, Duration settleDelay, Duration maxCallDuration,
            Duration fastLaneMaxDuration, OptionalLong start) {
        this.sliceSeconds = sliceDuration.toSeconds();
        this.settleSeconds = settleDelay.toSeconds();
        this.maxCallSeconds = maxCallDuration.toSeconds();
        this.fastLaneSeconds = fastLaneMaxDuration.toSeconds();
        this.configuredStart = start;
    }

    public synchronized SlicePlan plan(long nowSeconds, OffsetLookup offsets) {
        recallStarts(nowSeconds, offsets);
        long floor = ReadSettings.horizonFloor(nowSeconds);
        // Nothing older than the horizon when the tail was fixed can still be read or finished. Holding the start
        // there also keeps the tail's offsets, which store it, within the range EpochSeconds allows.
        long readFrom = Math.max(configuredStart.isPresent() ? configuredStart.getAsLong() : historyStart,
                EpochSeconds.minus(tailStart, OLDEST_HISTORY_SECONDS));
        List<String> names = new ArrayList<>();
        // Saturating steps, so that no start of the tail, however absurd, makes this loop run for ever.
        long firstCell = EpochSeconds.minus(readFrom, Math.floorMod(readFrom, sliceSeconds));
        for (long cell = firstCell; cell < tailStart; cell = EpochSeconds.plus(cell, sliceSeconds)) {
            names.add(Slice.historyName(cell, Math.min(EpochSeconds.plus(cell, sliceSeconds), tailStart)));
        }
        Map<String, SliceOffset> stored = names.isEmpty() ? Map.of() : offsets.offsets(names);
        List<Slice> unfinished = new ArrayList<>();
        List<Slice> lost = new ArrayList<>();
        for (String name : names) {
            Slice slice = Slice.parse(name, tailStart, fastStart, readFrom, maxCallSeconds);
            SliceOffset offset = stored.get(name);
            if (offset != null && slice.finishedAt(offset.cursor())) {
                continue;
            }
            if (slice.startUntil() <= floor) {
                lost.add(slice);
                continue;
            }
            unfinished.add(slice);
        }
        reportLost(lost);
        return new SlicePlan(tailStart, fastStart, readFrom, unfinished);
    }

    /** Reads the starts of the tail and of the history back from the tail's offsets, or fixes them now. */
    private void recallStarts(long nowSeconds, OffsetLookup offsets) {
        Map<String, SliceOffset> stored = offsets.offsets(List.of(Slice.TAIL_FAST, Slice.TAIL_LONG));
        for (SliceOffset offset : stored.values()) {
            if (offset != null && offset.tailStart() != null) {
                if (tailStart != null && !tailStart.equals(offset.tailStart())) {
                    log.info("Using the stored start of the tail, {}, instead of {}", offset.tailStart(), tailStart);
                }
                tailStart = offset.tailStart();
                // Offsets written before the fast lane had a start of its own: it started with the tail.
                fastStart = offset.fastStart() != null ? Math.max(tailStart, offset.fastStart()) : tailStart;
                if (offset.readFrom() != null) {
                    historyStart = offset.readFrom();
                }
                return;
            }
        }
        // Until the tail stores an offset, the first choice is kept, so the grid stays put.
        if (tailStart == null) {
            tailStart = Math.floorDiv(nowSeconds - settleSeconds - maxCallSeconds, sliceSeconds) * sliceSeconds;
            fastStart = tailStart + Math.max(0, maxCallSeconds - fastLaneSeconds);
        }
        if (historyStart == null) {
            historyStart = ReadSettings.horizonFloor(nowSeconds) + DEFAULT_START_GRACE_SECONDS;
        }
    }

    private void reportLost(List<Slice> lost) {
        if (lost.isEmpty() || lost.get(lost.size() - 1).startUntil() <= reportedLostUntil) {
            return;
        }
        long from = Math.max(lost.get(0).startFrom(), reportedLostUntil);
        long newlyLost = lost.stream().filter(slice -> slice.startUntil() > reportedLostUntil).count();
        lostSlices += newlyLost;
        reportedLostUntil = lost.get(lost.size() - 1).startUntil();
        log.warn("Calls that started from {} to {} are beyond the records API's 7-day horizon and can no longer be"
                + " read: they are lost, and {} history slices are skipped. Keep the connector running, or restart"
                + " it within 7 days.", Instant.ofEpochSecond(from), Instant.ofEpochSecond(reportedLostUntil),
                newlyLost);
    }

    /** History slices reported lost to the horizon since this planner was made. */
    public synchronized long lostSlices() {
        return lostSlices;
    }
}

package io.github.kafkaconnecttrtc.source;

import java.time.Duration;
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
 * slice grid, the first time the connector runs; that start is stored in the tail's offsets and
 * read back ever after, so the grid of history cells before it never moves. Every history cell
 * has settled when it is planned, so one pass finishes it; finished cells are recognised from
 * their offsets and not planned again.
 */
public final class SlicePlanner {

    private static final Logger log = LoggerFactory.getLogger(SlicePlanner.class);
    /** Kept between the horizon and the default start, so that a backfill does not race the horizon. */
    static final long DEFAULT_START_GRACE_SECONDS = Duration.ofHours(1).toSeconds();

    /** Reads stored offsets; the connector's is backed by Connect's offset storage. */
    public interface OffsetLookup {
        Map<String, SliceOffset> offsets(List<String> sliceNames);
    }

    private final long sliceSeconds;
    private final long settleSeconds;
    private final long maxCallSeconds;
    private final OptionalLong configuredStart;
    private Long tailStart;

    public SlicePlanner(Duration sliceDuration, Duration settleDelay, Duration maxCallDuration, OptionalLong start) {
        this.sliceSeconds = sliceDuration.toSeconds();
        this.settleSeconds = settleDelay.toSeconds();
        this.maxCallSeconds = maxCallDuration.toSeconds();
        this.configuredStart = start;
    }

    public SlicePlan plan(long nowSeconds, OffsetLookup offsets) {
        long tail = tailStart(nowSeconds, offsets);
        long readFrom = readFrom(nowSeconds);
        List<String> names = new ArrayList<>();
        List<long[]> cells = new ArrayList<>();
        for (long cell = Math.floorDiv(readFrom, sliceSeconds) * sliceSeconds; cell < tail; cell += sliceSeconds) {
            long end = Math.min(cell + sliceSeconds, tail);
            cells.add(new long[] {cell, end});
            names.add(Slice.historyName(cell, end));
        }
        Map<String, SliceOffset> stored = names.isEmpty() ? Map.of() : offsets.offsets(names);
        List<Slice> unfinished = new ArrayList<>();
        for (long[] cell : cells) {
            Slice slice = Slice.history(cell[0], cell[1], readFrom);
            SliceOffset offset = stored.get(slice.name());
            if (offset == null || !slice.finishedAt(offset.cursor(), maxCallSeconds)) {
                unfinished.add(slice);
            }
        }
        return new SlicePlan(tail, readFrom, unfinished);
    }

    private long tailStart(long nowSeconds, OffsetLookup offsets) {
        Map<String, SliceOffset> stored = offsets.offsets(List.of(Slice.TAIL_FAST, Slice.TAIL_LONG));
        for (SliceOffset offset : stored.values()) {
            if (offset != null && offset.tailStart() != null) {
                if (tailStart != null && !tailStart.equals(offset.tailStart())) {
                    log.info("Using the stored start of the tail, {}, instead of {}", offset.tailStart(), tailStart);
                }
                tailStart = offset.tailStart();
                return tailStart;
            }
        }
        if (tailStart == null) {
            // Until the tail stores an offset, the first choice is kept, so the grid stays put.
            tailStart = Math.floorDiv(nowSeconds - settleSeconds - maxCallSeconds, sliceSeconds) * sliceSeconds;
        }
        return tailStart;
    }

    private long readFrom(long nowSeconds) {
        long floor = ReadSettings.horizonFloor(nowSeconds);
        if (configuredStart.isEmpty()) {
            return floor + DEFAULT_START_GRACE_SECONDS;
        }
        long start = configuredStart.getAsLong();
        if (start < floor) {
            log.warn("start.time {} is beyond the records API's 7-day horizon; reading from {} instead", start, floor);
            return floor;
        }
        return start;
    }
}

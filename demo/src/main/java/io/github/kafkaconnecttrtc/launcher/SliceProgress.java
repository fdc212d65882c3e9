package io.github.kafkaconnecttrtc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How far each slice of the connector has got, from {@code GET /connectors/<name>/offsets}: each
 * source partition is a slice ({@code partition.slice}), its offset a cursor on call END time
 * ({@code offset.endTs}, epoch seconds). A history slice is finished once its cursor covers its end
 * plus the longest call; those are only counted. Slices without an offset have not been read yet.
 *
 * @param finished history slices done
 * @param reading history slices started but not finished, most behind first
 * @param waiting history slices not started yet, or -1 while unknown (before the tail's first offset)
 * @param tails the two tail slices
 */
public record SliceProgress(int finished, List<Row> reading, int waiting, List<Row> tails) {

    /** One slice and how far its cursor is behind now. */
    public record Row(String name, long startSeconds, long behindSeconds) {
        boolean history() {
            return name.startsWith(HISTORY_PREFIX);
        }
    }

    static final String HISTORY_PREFIX = "history/";
    static final SliceProgress NONE = new SliceProgress(0, List.of(), -1, List.of());

    public static SliceProgress of(JsonNode offsetsAnswer, long nowSeconds, DemoConnectorConfig.SliceGeometry geometry) {
        int finished = 0;
        List<Row> reading = new ArrayList<>();
        List<Row> tails = new ArrayList<>();
        Set<Long> historyStarts = new HashSet<>();
        Long tailStart = null;
        for (JsonNode entry : offsetsAnswer.path("offsets")) {
            String name = entry.path("partition").path("slice").asText("");
            JsonNode offset = entry.path("offset");
            if (name.isEmpty() || !offset.has("endTs")) {
                continue;
            }
            long endTs = offset.path("endTs").asLong();
            boolean wholeSecond = offset.path("callId").isMissingNode() || offset.path("callId").isNull();
            if (offset.hasNonNull("tailStart")) {
                tailStart = offset.path("tailStart").asLong();
            }
            if (name.startsWith(HISTORY_PREFIX)) {
                String[] bounds = name.substring(HISTORY_PREFIX.length()).split("/");
                if (bounds.length != 2) {
                    continue;
                }
                long start = Long.parseLong(bounds[0]);
                long done = Long.parseLong(bounds[1]) + geometry.maxCallSeconds();
                historyStarts.add(start);
                if (endTs > done || endTs == done && wholeSecond) {
                    finished++;
                } else {
                    reading.add(new Row(name, start, nowSeconds - endTs));
                }
            } else {
                tails.add(new Row(name, tailStart == null ? 0 : tailStart, nowSeconds - endTs));
            }
        }
        reading.sort(Comparator.comparingLong(Row::behindSeconds).reversed().thenComparing(Row::name));
        tails.sort(Comparator.comparing(Row::name));
        int waiting = -1;
        if (tailStart != null && geometry.sliceSeconds() > 0) {
            waiting = 0;
            long slice = geometry.sliceSeconds();
            for (long cell = Math.floorDiv(geometry.readFrom(nowSeconds), slice) * slice; cell < tailStart;
                    cell += slice) {
                if (!historyStarts.contains(cell)) {
                    waiting++;
                }
            }
        }
        return new SliceProgress(finished, List.copyOf(reading), waiting, List.copyOf(tails));
    }
}

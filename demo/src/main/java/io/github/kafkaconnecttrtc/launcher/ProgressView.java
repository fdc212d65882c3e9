package io.github.kafkaconnecttrtc.launcher;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders one frame of the progress view: plain text lines, no terminal codes. */
final class ProgressView {

    /** Unfinished history slices listed one by one; the rest are counted. */
    static final int HISTORY_ROWS = 5;
    private static final DateTimeFormatter SLICE_TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ProgressView() {
    }

    static List<String> render(ProgressSnapshot s) {
        List<String> lines = new ArrayList<>();
        lines.add("--- kafka-connect-trtc demo, up " + duration(s.upSeconds()) + " (Ctrl-C stops everything) ---");
        String tasks = s.tasksTotal() == 0 ? "no tasks yet"
                : s.tasksRunning() + "/" + s.tasksTotal() + " tasks running";
        lines.add(label("connector") + s.connector() + ": " + s.state() + ", " + tasks);
        if (s.taskFailure() != null) {
            lines.add(label("") + "task failed: " + s.taskFailure());
        }
        lines.add(label("topic") + s.topic() + ": " + (s.records() < 0 ? "not created yet"
                : count(s.records()) + " records, " + rate(s.recordsPerSecond()) + "/s"));
        lines.add(label("TRTC API") + s.apiVersion().configName() + ": " + api(s.apiVersion(), s.api()));
        lines.addAll(slices(s.slices()));
        if (s.events().isEmpty()) {
            lines.add(label("newest") + "no records yet");
        } else {
            // Columns as wide as the longest text shown: v4's texts (SingleCall, NormalEnd) are longer than v1's.
            String format = "%-8s %-" + width(s.events(), ProgressSnapshot.CallEvent::callType, 6)
                    + "s %-" + width(s.events(), ProgressSnapshot.CallEvent::mediaType, 5)
                    + "s %-" + width(s.events(), ProgressSnapshot.CallEvent::callResult, 10)
                    + "s %s -> %d, lasted %s, ended %s ago";
            boolean first = true;
            for (ProgressSnapshot.CallEvent event : s.events()) {
                lines.add(label(first ? "newest" : "") + event(format, event, s.nowSeconds()));
                first = false;
            }
        }
        return lines;
    }

    private static String api(ApiDialect version, ProgressSnapshot.ApiCounters api) {
        if (api == null) {
            return "not counted for a real endpoint (the simulator counts requests and errors)";
        }
        String errors = api.errors() == 0 ? "no errors" : count(api.errors()) + (api.errors() == 1 ? " error" : " errors")
                + " (" + api.errorsByKind().entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + ": " + count(e.getValue())).collect(Collectors.joining(", ")) + ")";
        return count(api.requests()) + " requests, " + rate(api.requestsPerSecond()) + "/s, "
                + (api.noMatch() == 0 ? "" : count(api.noMatch()) + " empty (" + ApiVersions.noRecordsCode(version)
                        + "), ")
                + (api.rateLimited() == 0 ? "" : count(api.rateLimited()) + " rate-limited ("
                        + ApiVersions.RATE_LIMITED_CODES + "), ")
                + errors;
    }

    private static List<String> slices(SliceProgress slices) {
        List<String> lines = new ArrayList<>();
        if (slices.reading().isEmpty() && slices.tails().isEmpty() && slices.finished() == 0) {
            lines.add(label("slices") + "no offsets committed yet");
            return lines;
        }
        if (slices.reading().isEmpty() && slices.waiting() == 0) {
            lines.add(label("slices") + "history: all " + slices.finished() + " slices done; the tail is behind now by:");
        } else {
            lines.add(label("slices") + "history: " + slices.finished() + " done, " + slices.reading().size()
                    + " reading" + (slices.waiting() < 0 ? "" : ", " + slices.waiting() + " to go")
                    + "; behind now by:");
        }
        int shown = 0;
        for (SliceProgress.Row row : slices.reading()) {
            if (shown == HISTORY_ROWS) {
                lines.add(label("") + "  ... and " + (slices.reading().size() - HISTORY_ROWS) + " more history slices");
                break;
            }
            lines.add(row("history " + SLICE_TIME.format(Instant.ofEpochSecond(row.startSeconds())), row));
            shown++;
        }
        for (SliceProgress.Row row : slices.tails()) {
            lines.add(row(row.name(), row));
        }
        return lines;
    }

    private static String row(String name, SliceProgress.Row row) {
        return label("") + "  " + String.format(Locale.ROOT, "%-26s", name) + duration(row.behindSeconds());
    }

    /** {@code frame} with the lake's line after the topic's: the table follows the topic. */
    static List<String> withLake(List<String> frame, String lakeLine) {
        List<String> lines = new ArrayList<>(frame);
        int topic = 0;
        while (topic < lines.size() && !lines.get(topic).startsWith(label("topic"))) {
            topic++;
        }
        lines.add(Math.min(topic + 1, lines.size()), lakeLine);
        return lines;
    }

    /**
     * The lake's line: the Iceberg sink's state and the rows of the table's current snapshot.
     *
     * @param rows the row count, or -1 before the sink has created the table
     */
    static String lake(String sink, String state, long rows) {
        return label("lake") + sink + ": " + state + "; " + LakeSink.NAMESPACE + "." + LakeSink.TABLE + ": "
                + (rows < 0 ? "not created yet" : count(rows) + " rows");
    }

    private static int width(List<ProgressSnapshot.CallEvent> events,
            Function<ProgressSnapshot.CallEvent, String> text, int least) {
        return Math.max(least, events.stream().mapToInt(e -> text.apply(e).length()).max().orElse(0));
    }

    private static String event(String format, ProgressSnapshot.CallEvent e, long nowSeconds) {
        String id = e.callId().length() > 8 ? e.callId().substring(0, 8) : e.callId();
        long lasted = Math.max(0, (e.endMillis() - e.startMillis()) / 1000);
        long ago = nowSeconds - e.endMillis() / 1000;
        return String.format(Locale.ROOT, format, id,
                e.callType(), e.mediaType(), e.callResult(), e.caller(), e.callees(), duration(lasted),
                duration(ago));
    }

    private static String label(String text) {
        return String.format(Locale.ROOT, "%-11s", text);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String rate(double perSecond) {
        if (perSecond > 0 && perSecond < 10) {
            return String.format(Locale.ROOT, "%.1f", perSecond);
        }
        return count(Math.round(perSecond));
    }

    /** 42s, 5m 03s, 3h 07m, 6d 21h: the two largest units. */
    static String duration(long seconds) {
        if (seconds < 0) {
            return "-" + duration(-seconds);
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    /** Error answers by kind, zeros left out, in a stable order. */
    static Map<String, Long> errorKinds(Map<String, Long> kinds) {
        return kinds.entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, java.util.TreeMap::new));
    }
}

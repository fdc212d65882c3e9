package io.github.kafkaconnecttrtc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kafkaconnecttrtc.client.ApiDialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressViewTest {

    /** 2027-01-15T08:00:00Z, on the hour grid. */
    private static final long NOW = 1_800_000_000L;
    /** The defaults: 1 h slices, 6 h longest call, start at the horizon plus an hour. */
    private static final DemoConnectorConfig.SliceGeometry GEOMETRY = DemoConnectorConfig.SliceGeometry.of(Map.of());
    /** Where the planner puts the tail: now - settle (10 s) - longest call, on the grid. */
    private static final long TAIL_START = 1_799_978_400L;

    private static JsonNode offsets(String... entries) throws Exception {
        return new ObjectMapper().readTree("{\"offsets\":[" + String.join(",", entries) + "]}");
    }

    private static String entry(String slice, long endTs, String callId, Long tailStart) {
        return "{\"partition\":{\"sdkappid\":\"1400000000\",\"slice\":\"" + slice + "\"},\"offset\":{\"v\":1,\"endTs\":"
                + endTs + (callId == null ? "" : ",\"callId\":\"" + callId + "\"")
                + (tailStart == null ? "" : ",\"tailStart\":" + tailStart) + "}}";
    }

    private static SliceProgress slices() throws Exception {
        return SliceProgress.of(offsets(
                // done: its cursor covers the cell's end plus the longest call, whole second
                entry("history/1799398800/1799402400", 1_799_402_400L + 21_600, null, null),
                // at the last second but with a call id: that second is not done yet
                entry("history/1799402400/1799406000", 1_799_406_000L + 21_600, "c-9", null),
                entry("history/1799406000/1799409600", 1_799_407_000L, "c-1", null),
                entry("tail/long", NOW - 75, null, TAIL_START),
                entry("tail/fast", NOW - 12, "c-7", TAIL_START)), NOW, GEOMETRY);
    }

    @Test
    void slicesAreFinishedWhenTheCursorCoversTheirEndPlusTheLongestCall() throws Exception {
        SliceProgress slices = slices();

        assertThat(slices.finished()).isEqualTo(1);
        assertThat(slices.reading()).extracting(SliceProgress.Row::name)
                .containsExactly("history/1799406000/1799409600", "history/1799402400/1799406000");
        assertThat(slices.reading()).extracting(SliceProgress.Row::behindSeconds)
                .containsExactly(NOW - 1_799_407_000L, NOW - 1_799_427_600L);
        // 161 hourly cells from the horizon plus an hour to the tail, 3 of them with offsets
        assertThat(slices.waiting()).isEqualTo(158);
        assertThat(slices.tails()).extracting(SliceProgress.Row::name).containsExactly("tail/fast", "tail/long");
        assertThat(slices.tails()).extracting(SliceProgress.Row::behindSeconds).containsExactly(12L, 75L);
    }

    @Test
    void withoutTheTailOffsetTheSlicesToGoAreUnknown() throws Exception {
        SliceProgress slices = SliceProgress.of(offsets(entry("history/1799406000/1799409600", 1_799_407_000L, "c",
                null)), NOW, GEOMETRY);

        assertThat(slices.waiting()).isEqualTo(-1);
        assertThat(ProgressView.render(snapshot(ApiDialect.V1, slices, null, List.of(), -1)))
                .contains("slices     history: 0 done, 1 reading; behind now by:");
    }

    @Test
    void rendersConnectorTopicApiSlicesAndEvents() throws Exception {
        ProgressSnapshot.ApiCounters api = new ProgressSnapshot.ApiCounters(12_345, 150.4, 37, 2,
                ProgressView.errorKinds(Map.of("GATEWAY_502", 1L, "70001", 0L)));
        List<ProgressSnapshot.CallEvent> events = List.of(
                new ProgressSnapshot.CallEvent("3f9a1c2e-0000-4000-8000-000000000001", "single", "video",
                        "normal_end", "user12", 1, (NOW - 400) * 1000, (NOW - 100) * 1000),
                new ProgressSnapshot.CallEvent("77", "group", "audio", "offline", "user3", 4,
                        (NOW - 600_000) * 1000, (NOW - 590_000) * 1000));

        assertThat(ProgressView.render(snapshot(ApiDialect.V1, slices(), api, events, 182_345))).containsExactly(
                "--- kafka-connect-trtc demo, up 1m 12s (Ctrl-C stops everything) ---",
                "connector  trtc-call-records: RUNNING, 4/4 tasks running",
                "topic      trtc.call-records: 182,345 records, 4,210/s",
                "TRTC API   v1: 12,345 requests, 150/s, 37 empty (70011), 2 rate-limited (70005 / 600xx), 1 error"
                        + " (GATEWAY_502: 1)",
                "slices     history: 1 done, 2 reading, 158 to go; behind now by:",
                "             history 01-08 11:00 UTC   6d 20h",
                "             history 01-08 10:00 UTC   6d 15h",
                "             tail/fast                 12s",
                "             tail/long                 1m 15s",
                "newest     3f9a1c2e single video normal_end user12 -> 1, lasted 5m 00s, ended 1m 40s ago",
                "           77       group  audio offline    user3 -> 4, lasted 2h 46m, ended 6d 19h ago");
    }

    @Test
    void theLakesLineFollowsTheTopicsWithTheSinksStateAndTheTablesRows() {
        List<String> frame = ProgressView.render(snapshot(ApiDialect.V1, SliceProgress.NONE, null, List.of(), 10));

        List<String> withLake = ProgressView.withLake(frame,
                ProgressView.lake("trtc-call-records-lake", "RUNNING", 299_707));

        assertThat(withLake).hasSize(frame.size() + 1).containsSubsequence(
                "topic      trtc.call-records: 10 records, 4,210/s",
                "lake       trtc-call-records-lake: RUNNING; trtc.calls: 299,707 rows",
                "TRTC API   v1: not counted for a real endpoint (the simulator counts requests and errors)");
        assertThat(withLake.indexOf("lake       trtc-call-records-lake: RUNNING; trtc.calls: 299,707 rows"))
                .isEqualTo(frame.indexOf("topic      trtc.call-records: 10 records, 4,210/s") + 1);
        assertThat(ProgressView.lake("trtc-call-records-lake", "waiting for the topic", -1))
                .isEqualTo("lake       trtc-call-records-lake: waiting for the topic; trtc.calls: not created yet");
    }

    @Test
    void beforeTheFirstRecordsAndForARealEndpoint() {
        assertThat(ProgressView.render(new ProgressSnapshot(NOW, 9, "trtc-call-records", "RUNNING", 0, 0, null,
                "trtc.call-records", -1, 0, ApiDialect.V1, null, SliceProgress.NONE, List.of()))).containsExactly(
                "--- kafka-connect-trtc demo, up 9s (Ctrl-C stops everything) ---",
                "connector  trtc-call-records: RUNNING, no tasks yet",
                "topic      trtc.call-records: not created yet",
                "TRTC API   v1: not counted for a real endpoint (the simulator counts requests and errors)",
                "slices     no offsets committed yet",
                "newest     no records yet");
    }

    @Test
    void onceTheHistoryIsDoneOnlyTheTailIsListed() throws Exception {
        SliceProgress done = new SliceProgress(161, List.of(), 0, List.of(
                new SliceProgress.Row("tail/fast", TAIL_START, 14), new SliceProgress.Row("tail/long", TAIL_START, 40)));

        assertThat(ProgressView.render(snapshot(ApiDialect.V1, done, null, List.of(), 300_000))).containsSequence(
                "slices     history: all 161 slices done; the tail is behind now by:",
                "             tail/fast                 14s",
                "             tail/long                 40s");
    }

    @Test
    void aFailedTaskShowsTheFirstLineOfItsTrace() {
        assertThat(ProgressView.render(new ProgressSnapshot(NOW, 30, "trtc-call-records", "RUNNING", 3, 4,
                "task 2: org.apache.kafka.connect.errors.ConnectException: 70001", "trtc.call-records", 10, 0.5,
                ApiDialect.V1, null, SliceProgress.NONE, List.of())))
                .contains("           task failed: task 2: org.apache.kafka.connect.errors.ConnectException: 70001",
                        "topic      trtc.call-records: 10 records, 0.5/s");
    }

    @Test
    void v1CountsItsEmptyPagesAndRateLimitedAnswersApartFromItsErrors() {
        ProgressSnapshot.ApiCounters api = ProgressProbe.counters(ApiDialect.V1, 1_000, 20, Map.of(0, 900L,
                70011, 80L, 70005, 12L, 70001, 1L, 60007, 2L), 12, Map.of("GATEWAY_502", 5L));

        assertThat(api.noMatch()).isEqualTo(80);
        assertThat(api.rateLimited()).isEqualTo(12);
        // 60007 means nothing to v1: an internal error of the service, retried.
        assertThat(api.errorsByKind()).containsExactly(Map.entry("60007", 2L), Map.entry("70001", 1L),
                Map.entry("GATEWAY_502", 5L));
        assertThat(ProgressView.render(snapshot(ApiDialect.V1, SliceProgress.NONE, api, List.of(), 10)))
                .contains("TRTC API   v1: 1,000 requests, 20/s, 80 empty (70011), 12 rate-limited (70005 / 600xx),"
                        + " 8 errors (60007: 2, 70001: 1, GATEWAY_502: 5)");
    }

    @Test
    void v4CountsItsFourRateLimitCodesAsRateLimitedAndHasNoEmptyPageCode() {
        // v4 answers "no match" with an empty success (code 0); 70011 would be an unknown code.
        ProgressSnapshot.ApiCounters api = ProgressProbe.counters(ApiDialect.V4, 500, 4.5, Map.of(0, 480L,
                60007, 3L, 60011, 2L, 60018, 1L, 60019, 1L, 70001, 4L), 7, Map.of());

        assertThat(api.noMatch()).isZero();
        assertThat(api.rateLimited()).isEqualTo(7);
        // 70001 is "UserSig expired" in v4, renewed and asked again, but still an error answer.
        assertThat(api.errorsByKind()).containsExactly(Map.entry("70001", 4L));
        assertThat(ProgressView.render(snapshot(ApiDialect.V4, SliceProgress.NONE, api, List.of(), 10)))
                .contains("TRTC API   v4: 500 requests, 4.5/s, 7 rate-limited (70005 / 600xx), 4 errors (70001: 4)");
    }

    @Test
    void v4sLongerTextsWidenTheEventColumnsSoThatTheyStayAligned() {
        List<ProgressSnapshot.CallEvent> events = List.of(
                new ProgressSnapshot.CallEvent("642d1a22-1", "SingleCall", "Video", "NotAnswer", "user1144", 1,
                        (NOW - 149) * 1000, (NOW - 100) * 1000),
                new ProgressSnapshot.CallEvent("0ffed192-2", "MultiCall", "Audio", "NormalEnd", "user3925", 3,
                        (NOW - 160) * 1000, (NOW - 100) * 1000));

        assertThat(ProgressView.render(snapshot(ApiDialect.V4, SliceProgress.NONE, null, events, 2))).containsSequence(
                "newest     642d1a22 SingleCall Video NotAnswer  user1144 -> 1, lasted 49s, ended 1m 40s ago",
                "           0ffed192 MultiCall  Audio NormalEnd  user3925 -> 3, lasted 1m 00s, ended 1m 40s ago");
    }

    @Test
    void withoutRateLimitedAnswersOrErrorsTheApiLineSaysSo() {
        ProgressSnapshot.ApiCounters api = ProgressProbe.counters(ApiDialect.V4, 64, 2, Map.of(0, 64L), 0, Map.of());

        assertThat(ProgressView.render(snapshot(ApiDialect.V4, SliceProgress.NONE, api, List.of(), 10)))
                .contains("TRTC API   v4: 64 requests, 2.0/s, no errors");
    }

    @Test
    void durationsShowTheirTwoLargestUnits() {
        assertThat(ProgressView.duration(0)).isEqualTo("0s");
        assertThat(ProgressView.duration(59)).isEqualTo("59s");
        assertThat(ProgressView.duration(303)).isEqualTo("5m 03s");
        assertThat(ProgressView.duration(3 * 3600 + 7 * 60 + 5)).isEqualTo("3h 07m");
        assertThat(ProgressView.duration(6 * 86_400 + 21 * 3600 + 59)).isEqualTo("6d 21h");
        assertThat(ProgressView.duration(-4)).isEqualTo("-4s");
    }

    private static ProgressSnapshot snapshot(ApiDialect version, SliceProgress slices,
            ProgressSnapshot.ApiCounters api, List<ProgressSnapshot.CallEvent> events, long records) {
        return new ProgressSnapshot(NOW, 72, "trtc-call-records", "RUNNING", 4, 4, null, "trtc.call-records",
                records, 4_210.2, version, api, slices, events);
    }
}

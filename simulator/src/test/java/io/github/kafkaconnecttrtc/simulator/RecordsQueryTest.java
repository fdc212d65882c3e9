package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Matching, ordering, paging and visibility of the records endpoint (contract section 2). */
class RecordsQueryTest {

    private static final long NOW = 1_750_000_000L;
    private static final long DAY = 86_400;

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private TrtcSimulator simulator;
    private ApiCaller api;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(SimulatorSettings.Builder settings) {
        simulator = TrtcSimulator.start(settings.callsPerSecond(0).historyDays(0).build(), clock);
        api = new ApiCaller(simulator, clock);
    }

    private void start() {
        start(SimulatorSettings.builder());
    }

    private static List<String> callIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("data").path("callRecordList").forEach(record -> ids.add(record.get("callId").asText()));
        return ids;
    }

    @Test
    void pagesHoldConsecutiveMatchesInStartThenCallIdOrderAndEchoThePageWhileMoreFollow() {
        start();
        simulator.addCall(Calls.single("e", NOW - 90, NOW - 50), NOW - 40);
        simulator.addCall(Calls.single("b", NOW - 100, NOW - 50), NOW - 40);
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 60), NOW - 40);
        simulator.addCall(Calls.single("d", NOW - 95, NOW - 50), NOW - 40);
        simulator.addCall(Calls.single("c", NOW - 99, NOW - 50), NOW - 40);
        String query = "{\"startTimestamp\":" + (NOW - 200) + ",\"numberPerPage\":2,\"page\":%d}";

        JsonNode first = api.post(query.formatted(1)).json();
        JsonNode second = api.post(query.formatted(2)).json();
        JsonNode third = api.post(query.formatted(3)).json();

        assertThat(first.get("errorCode").asInt()).isZero();
        assertThat(first.get("errorMessage").asText()).isEqualTo("Success");
        assertThat(first.get("requestId").asText()).matches("[0-9a-f]{32}");
        assertThat(first.at("/data/totalNum").asInt()).isEqualTo(5);
        assertThat(first.at("/data/page").asInt()).isEqualTo(1);
        assertThat(callIds(first)).containsExactly("a", "b");
        assertThat(second.at("/data/page").asInt()).isEqualTo(2);
        assertThat(callIds(second)).containsExactly("c", "d");
        assertThat(third.at("/data/page").asInt()).isZero();
        assertThat(third.at("/data/totalNum").asInt()).isEqualTo(5);
        assertThat(callIds(third)).containsExactly("e");
    }

    @Test
    void recordsCarryEveryFieldUnderTheApiNames() {
        start();
        simulator.addCall(Calls.group("g", NOW - 100, NOW - 50), NOW - 40);

        JsonNode record = api.post("{\"startTimestamp\":" + (NOW - 200) + "}").json().at("/data/callRecordList/0");

        assertThat(record.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(
                "callId", "sdkAppId", "mediaType", "roomId", "startCallTs", "acceptTs", "endTs", "caller",
                "totalUserNumber", "callType", "callResult", "callees");
        assertThat(record.get("sdkAppId").asLong()).isEqualTo(SimulatorSettings.DEFAULT_SDK_APP_ID);
        assertThat(record.get("startCallTs").asLong()).isEqualTo(NOW - 100);
        assertThat(record.get("callees").isArray()).isTrue();
        assertThat(record.get("callees")).hasSize(2);
        assertThat(record.get("callType").asText()).isEqualTo("group");
    }

    @Test
    void pagesDefaultToTheFirstOfAHundred() {
        start();
        for (int i = 0; i < 101; i++) {
            simulator.addCall(Calls.single("call-%03d".formatted(i), NOW - 1000 + i, NOW - 500), NOW - 400);
        }

        JsonNode first = api.post("{\"startTimestamp\":" + (NOW - 2000) + "}").json();
        JsonNode second = api.post("{\"startTimestamp\":" + (NOW - 2000) + ",\"page\":2}").json();

        assertThat(callIds(first)).hasSize(100).startsWith("call-000").endsWith("call-099");
        assertThat(first.at("/data/page").asInt()).isEqualTo(1);
        assertThat(callIds(second)).containsExactly("call-100");
        assertThat(second.at("/data/page").asInt()).isZero();
    }

    @Test
    void aPageBeyondTheMatchesIsAnEmptySuccessWithTheTotal() {
        start();
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 50), NOW - 40);

        JsonNode answer = api.post("{\"startTimestamp\":" + (NOW - 200) + ",\"page\":3}").json();

        assertThat(answer.get("errorCode").asInt()).isZero();
        assertThat(answer.at("/data/totalNum").asInt()).isEqualTo(1);
        assertThat(answer.at("/data/page").asInt()).isZero();
        assertThat(answer.at("/data/callRecordList")).isEmpty();
    }

    @Test
    void noMatchAnswers70011WithoutData() {
        start();
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 50), NOW - 40);

        JsonNode answer = api.post("{\"startTimestamp\":" + (NOW - 30) + "}").json();

        assertThat(answer.get("errorCode").asInt()).isEqualTo(70011);
        assertThat(answer.get("errorMessage").asText()).isNotEmpty();
        assertThat(answer.get("requestId").asText()).matches("[0-9a-f]{32}");
        assertThat(answer.has("data")).isFalse();
    }

    /** Calls around the window [NOW-1000, NOW-500]; all visible. */
    private void addCallsStraddlingTheWindow() {
        simulator.addCall(Calls.single("starts-before", NOW - 1001, NOW - 900), NOW - 100);
        simulator.addCall(Calls.single("starts-on-lower-bound", NOW - 1000, NOW - 900), NOW - 100);
        simulator.addCall(Calls.single("ends-on-upper-bound", NOW - 800, NOW - 500), NOW - 100);
        simulator.addCall(Calls.single("ends-after", NOW - 700, NOW - 499), NOW - 100);
        simulator.addCall(Calls.single("starts-on-upper-bound", NOW - 500, NOW - 400), NOW - 100);
        simulator.addCall(Calls.single("starts-after", NOW - 499, NOW - 400), NOW - 100);
    }

    @Test
    void endReadingKeepsCallsThatStartAtOrAfterTheStartAndEndByTheEnd() {
        start(SimulatorSettings.builder().endTimestampReading(EndTimestampReading.END));
        addCallsStraddlingTheWindow();

        JsonNode answer = api.post("{\"startTimestamp\":%d,\"endTimestamp\":%d}".formatted(NOW - 1000, NOW - 500))
                .json();

        assertThat(callIds(answer)).containsExactly("starts-on-lower-bound", "ends-on-upper-bound");
    }

    @Test
    void startReadingKeepsCallsThatStartWithinBothBoundsWhenEverTheyEnd() {
        start(SimulatorSettings.builder().endTimestampReading(EndTimestampReading.START));
        addCallsStraddlingTheWindow();

        JsonNode answer = api.post("{\"startTimestamp\":%d,\"endTimestamp\":%d}".formatted(NOW - 1000, NOW - 500))
                .json();

        assertThat(callIds(answer)).containsExactly(
                "starts-on-lower-bound", "ends-on-upper-bound", "ends-after", "starts-on-upper-bound");
    }

    @Test
    void withoutEndTimestampEitherReadingKeepsEveryLaterVisibleCall() {
        for (EndTimestampReading reading : EndTimestampReading.values()) {
            start(SimulatorSettings.builder().endTimestampReading(reading));
            addCallsStraddlingTheWindow();

            JsonNode answer = api.post("{\"startTimestamp\":%d}".formatted(NOW - 1000)).json();

            assertThat(callIds(answer)).as(reading.name()).containsExactly("starts-on-lower-bound",
                    "ends-on-upper-bound", "ends-after", "starts-on-upper-bound", "starts-after");
            simulator.close();
        }
        simulator = null;
    }

    @Test
    void aRecordBecomesVisibleOnlyAfterItsCallEndsPlusItsDelay() {
        start();
        simulator.addCall(Calls.single("ended", NOW - 100, NOW - 2), NOW + 1);
        simulator.addCall(Calls.single("still-ringing", NOW - 10, NOW + 20, "not_answer"), NOW + 20);
        String query = "{\"startTimestamp\":" + (NOW - 200) + "}";

        assertThat(api.post(query).errorCode()).isEqualTo(70011);
        clock.advanceSeconds(1);
        assertThat(callIds(api.post(query).json())).containsExactly("ended");
        clock.advanceSeconds(19);
        assertThat(callIds(api.post(query).json())).containsExactly("ended", "still-ringing");
    }

    @Test
    void callTypeAndCallResultFilterExactly() {
        start();
        simulator.addCall(Calls.single("answered", NOW - 100, NOW - 50), NOW - 40);
        simulator.addCall(Calls.single("busy", NOW - 99, NOW - 99, "call_busy"), NOW - 40);
        simulator.addCall(Calls.single("offline", NOW - 98, NOW - 90, "offline"), NOW - 40);
        simulator.addCall(Calls.group("group", NOW - 97, NOW - 50), NOW - 40);
        String start = "\"startTimestamp\":" + (NOW - 200);

        assertThat(callIds(api.post("{" + start + ",\"callType\":\"group\"}").json())).containsExactly("group");
        assertThat(callIds(api.post("{" + start + ",\"callType\":\"single\"}").json()))
                .containsExactly("answered", "busy", "offline");
        assertThat(callIds(api.post("{" + start + ",\"callResult\":\"offline\"}").json())).containsExactly("offline");
        assertThat(callIds(api.post("{" + start + ",\"callResult\":\"normal_end\"}").json()))
                .containsExactly("answered", "group");
        assertThat(api.post("{" + start + ",\"callType\":\"group\",\"callResult\":\"call_busy\"}").errorCode())
                .isEqualTo(70011);
    }

    @Test
    void withoutTheGroupPackageGroupQueriesAnswer50001AndOthersOnlySingleCalls() {
        start(SimulatorSettings.builder().groupPackage(false));
        simulator.addCall(Calls.single("single", NOW - 100, NOW - 50), NOW - 40);
        simulator.addCall(Calls.group("group", NOW - 99, NOW - 50), NOW - 40);
        String start = "\"startTimestamp\":" + (NOW - 200);

        JsonNode group = api.post("{" + start + ",\"callType\":\"group\"}").json();

        assertThat(group.get("errorCode").asInt()).isEqualTo(50001);
        assertThat(group.has("data")).isFalse();
        assertThat(callIds(api.post("{" + start + "}").json())).containsExactly("single");
        assertThat(callIds(api.post("{" + start + ",\"callResult\":\"normal_end\"}").json()))
                .containsExactly("single");
    }

    @Test
    void aRecordBecomingVisibleBetweenPageRequestsShiftsTheLaterPages() {
        start();
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 90), NOW - 80);
        simulator.addCall(Calls.single("c", NOW - 80, NOW - 70), NOW - 60);
        simulator.addCall(Calls.single("d", NOW - 70, NOW - 60), NOW - 50);
        simulator.addCall(Calls.single("b-late", NOW - 95, NOW - 5), NOW + 15);
        simulator.beforeEachRequest(() -> clock.advanceSeconds(10));
        String query = "{\"startTimestamp\":" + (NOW - 200) + ",\"numberPerPage\":2,\"page\":%d}";

        JsonNode first = api.post(query.formatted(1)).json();
        JsonNode second = api.post(query.formatted(2)).json();

        assertThat(callIds(first)).containsExactly("a", "c");
        assertThat(first.at("/data/totalNum").asInt()).isEqualTo(3);
        assertThat(first.at("/data/page").asInt()).isEqualTo(1);
        assertThat(callIds(second)).as("c moved to page 2 when b-late appeared before it").containsExactly("c", "d");
        assertThat(second.at("/data/totalNum").asInt()).isEqualTo(4);
        assertThat(second.at("/data/page").asInt()).isZero();
    }

    @Test
    void startTimestampOlderThanSevenDaysIs70001AndCallsOlderThanThatAreGone() {
        start();
        simulator.addCall(Calls.single("old", NOW - 7 * DAY + 5, NOW - 7 * DAY + 50), NOW - 7 * DAY + 60);

        assertThat(api.post("{\"startTimestamp\":" + (NOW - 7 * DAY - 1) + "}").errorCode()).isEqualTo(70001);
        assertThat(callIds(api.post("{\"startTimestamp\":" + (NOW - 7 * DAY) + "}").json())).containsExactly("old");

        clock.advanceSeconds(10);

        assertThat(api.post("{\"startTimestamp\":" + (NOW - 7 * DAY) + "}").errorCode()).isEqualTo(70001);
        assertThat(api.post("{\"startTimestamp\":" + (clock.epochSecond() - 7 * DAY) + "}").errorCode())
                .isEqualTo(70011);
    }

    @Test
    void generatedHistoryIsServedPageByPage() {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().historyDays(1).callsPerSecond(0.2).build(), clock);
        api = new ApiCaller(simulator, clock);
        long from = NOW - 3600;
        List<String> expected = simulator.groundTruth().stream()
                .filter(call -> call.call().startCallTs() >= from && call.isVisible(NOW))
                .map(call -> call.call().callId())
                .toList();

        List<String> served = new ArrayList<>();
        int page = 1;
        while (page > 0) {
            JsonNode answer = api.post("{\"startTimestamp\":%d,\"page\":%d}".formatted(from, page)).json();
            served.addAll(callIds(answer));
            assertThat(answer.at("/data/totalNum").asInt()).isEqualTo(expected.size());
            page = answer.at("/data/page").asInt() == 0 ? 0 : page + 1;
        }

        assertThat(expected).hasSizeGreaterThan(300);
        assertThat(served).isEqualTo(expected);
    }
}

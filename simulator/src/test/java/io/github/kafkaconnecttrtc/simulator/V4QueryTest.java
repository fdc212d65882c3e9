package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What only the v4 endpoint does: its record and answer, its defaults, the silent 7-day horizon,
 * the page-size cap, its filter values, and an application without the group-call package.
 */
class V4QueryTest {

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
        api = new ApiCaller(simulator, clock, ApiDialect.V4);
    }

    private void start() {
        start(SimulatorSettings.builder());
    }

    /** {@code count} calls a second apart from {@code firstStart}, named {@code call-000} on. */
    private void addCalls(int count, long firstStart) {
        for (int i = 0; i < count; i++) {
            simulator.addCall(Calls.single("call-%03d".formatted(i), firstStart + i, firstStart + i + 10),
                    firstStart + i + 10);
        }
    }

    private List<String> callIds(String body) {
        return api.post(body).callIds();
    }

    @Test
    void aSuccessCarriesTheV4EnvelopeAndRecordsUnderTheV4NamesAndValues() {
        start();
        simulator.addCall(new ApiRecord("named", 1, "video", "room-1a2b", NOW - 100, 0, NOW - 90, "user1000", 2,
                "single", "not_answer", List.of("user1001")), NOW - 80);
        simulator.addCall(Calls.group("group", NOW - 99, NOW - 50), NOW - 40);

        ApiCaller.Answer answer = api.post("{}");
        JsonNode single = answer.records().get(0);
        JsonNode group = answer.records().get(1);

        assertThat(answer.json().properties()).extracting(Map.Entry::getKey)
                .containsExactly("ActionStatus", "ErrorCode", "ErrorInfo", "RequestId", "Response");
        assertThat(answer.json().get("ActionStatus").asText()).isEqualTo("OK");
        assertThat(answer.json().get("ErrorInfo").asText()).isEmpty();
        assertThat(answer.json().get("Response").properties()).extracting(Map.Entry::getKey)
                .containsExactly("TotalNum", "Page", "CallRecordList");
        assertThat(single.properties()).extracting(Map.Entry::getKey).containsExactly(
                "CallId", "Caller_Account", "MediaType", "CallType", "StartTime", "EndTime", "AcceptTime",
                "CallResult", "CalleeList_Account", "RoomId", "RoomIdType");
        assertThat(single.get("CallId").asText()).isEqualTo("named");
        assertThat(single.get("Caller_Account").asText()).isEqualTo("user1000");
        assertThat(single.get("MediaType").asText()).isEqualTo("Video");
        assertThat(single.get("CallType").asText()).isEqualTo("SingleCall");
        assertThat(single.get("StartTime").asLong()).isEqualTo(NOW - 100);
        assertThat(single.get("EndTime").asLong()).isEqualTo(NOW - 90);
        assertThat(single.get("AcceptTime").asLong()).isZero();
        assertThat(single.get("CallResult").asText()).isEqualTo("NotAnswer");
        assertThat(single.get("CalleeList_Account").isArray()).isTrue();
        assertThat(single.get("CalleeList_Account")).extracting(JsonNode::asText).containsExactly("user1001");
        assertThat(single.get("RoomId").asText()).isEqualTo("room-1a2b");
        assertThat(single.get("RoomIdType").asInt()).isEqualTo(2);
        assertThat(group.get("MediaType").asText()).isEqualTo("Audio");
        assertThat(group.get("CallType").asText()).isEqualTo("MultiCall");
        assertThat(group.get("CallResult").asText()).isEqualTo("NormalEnd");
        assertThat(group.get("AcceptTime").asLong()).isEqualTo(NOW - 99);
        assertThat(group.get("CalleeList_Account")).hasSize(2);
        assertThat(group.get("RoomId").isTextual()).isTrue();
        assertThat(group.get("RoomIdType").asInt()).isEqualTo(1);
    }

    @Test
    void anEmptyBodyAsksForTheFirstPageOfTenOfTheLastSevenDays() {
        start();
        simulator.addCall(Calls.single("too-old", NOW - 7 * DAY - 1, NOW - 7 * DAY + 30), NOW - 7 * DAY + 40);
        addCalls(12, NOW - 7 * DAY);

        ApiCaller.Answer first = api.post("{}");
        ApiCaller.Answer second = api.post("{\"Page\":2}");

        assertThat(first.totalNum().asInt()).isEqualTo(12);
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.callIds()).hasSize(10).startsWith("call-000").endsWith("call-009");
        assertThat(second.callIds()).containsExactly("call-010", "call-011");
        assertThat(second.page()).isZero();
        assertThat(simulator.stats().queries()).containsExactly(
                new QuerySnapshot(null, null, null, null), new QuerySnapshot(null, null, 2L, null));
    }

    @Test
    void aStartBeforeTheSevenDayHorizonIsMovedUpToItWithoutAnError() {
        start();
        simulator.addCall(Calls.single("too-old", NOW - 7 * DAY - 1, NOW - 7 * DAY + 30), NOW - 7 * DAY + 40);
        simulator.addCall(Calls.single("on-horizon", NOW - 7 * DAY, NOW - 7 * DAY + 30), NOW - 7 * DAY + 40);

        assertThat(callIds("{\"StartTime\":0}")).containsExactly("on-horizon");
        assertThat(callIds("{\"StartTime\":" + (NOW - 30 * DAY) + "}")).containsExactly("on-horizon");

        clock.advanceSeconds(1);

        ApiCaller.Answer gone = api.post("{\"StartTime\":" + (NOW - 7 * DAY) + "}");
        assertThat(gone.errorCode()).isZero();
        assertThat(gone.callIds()).as("calls that started more than 7 days ago are gone").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EndTimestampReading.class)
    void withoutEndTimeEitherReadingKeepsEveryVisibleCallFromTheStart(EndTimestampReading reading) {
        start(SimulatorSettings.builder().endTimestampReading(reading));
        simulator.addCall(Calls.single("starts-before", NOW - 1001, NOW - 900), NOW - 100);
        simulator.addCall(Calls.single("starts-on-bound", NOW - 1000, NOW - 900), NOW - 100);
        simulator.addCall(Calls.single("ends-late", NOW - 700, NOW - 1), NOW);
        simulator.addCall(Calls.single("not-visible-yet", NOW - 600, NOW - 1), NOW + 1);

        assertThat(callIds("{\"StartTime\":" + (NOW - 1000) + "}")).containsExactly("starts-on-bound", "ends-late");
    }

    @Test
    void aPageSizeBeyondTheCapIsServedAtTheCapAndPagesAreNumberedOverIt() {
        start(SimulatorSettings.builder().v4MaxPageSize(3));
        addCalls(7, NOW - 100);
        String query = "{\"StartTime\":" + (NOW - 200) + ",\"NumberPerPage\":5,\"Page\":%d}";

        ApiCaller.Answer second = api.post(query.formatted(2));
        ApiCaller.Answer third = api.post(query.formatted(3));

        assertThat(second.callIds()).containsExactly("call-003", "call-004", "call-005");
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.totalNum().asInt()).isEqualTo(7);
        assertThat(third.callIds()).containsExactly("call-006");
        assertThat(third.page()).isZero();
        assertThat(simulator.stats().queries()).extracting(QuerySnapshot::numberPerPage).containsOnly(5L);
    }

    @Test
    void theDefaultCapServesAHundredRecordsAPage() {
        start();
        addCalls(150, NOW - 1000);

        ApiCaller.Answer answer = api.post("{\"NumberPerPage\":1000}");

        assertThat(answer.callIds()).hasSize(100).endsWith("call-099");
        assertThat(answer.page()).isEqualTo(1);
        assertThat(answer.totalNum().asInt()).isEqualTo(150);
    }

    @Test
    void noMatchIsASuccessWithTotalNumAndPageZeroAndAnEmptyList() {
        start();
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 50), NOW - 40);

        ApiCaller.Answer answer = api.post("{\"StartTime\":" + (NOW - 30) + "}");

        assertThat(answer.json().get("ActionStatus").asText()).isEqualTo("OK");
        assertThat(answer.errorCode()).isZero();
        assertThat(answer.totalNum().asInt()).isZero();
        assertThat(answer.page()).isZero();
        assertThat(answer.records().isArray()).isTrue();
        assertThat(answer.records()).isEmpty();
    }

    @Test
    void callTypeAndCallResultFilterExactlyByTheirV4Names() {
        start();
        simulator.addCall(Calls.single("answered", NOW - 100, NOW - 50), NOW - 40);
        simulator.addCall(Calls.single("busy", NOW - 99, NOW - 99, "call_busy"), NOW - 40);
        simulator.addCall(Calls.single("offline", NOW - 98, NOW - 90, "offline"), NOW - 40);
        simulator.addCall(Calls.group("group", NOW - 97, NOW - 50), NOW - 40);

        assertThat(callIds("{\"CallType\":\"MultiCall\"}")).containsExactly("group");
        assertThat(callIds("{\"CallType\":\"SingleCall\"}")).containsExactly("answered", "busy", "offline");
        assertThat(callIds("{\"CallResult\":\"Offline\"}")).containsExactly("offline");
        assertThat(callIds("{\"CallResult\":\"CallBusy\"}")).containsExactly("busy");
        assertThat(callIds("{\"CallResult\":\"NormalEnd\"}")).containsExactly("answered", "group");
        ApiCaller.Answer none = api.post("{\"CallType\":\"MultiCall\",\"CallResult\":\"CallBusy\"}");
        assertThat(none.errorCode()).isZero();
        assertThat(none.totalNum().asInt()).isZero();
    }

    @Test
    void withoutTheGroupPackageAMultiCallQueryMatchesNothingAndOthersOnlySingleCalls() {
        start(SimulatorSettings.builder().groupPackage(false));
        simulator.addCall(Calls.single("single", NOW - 100, NOW - 50), NOW - 40);
        simulator.addCall(Calls.group("group", NOW - 99, NOW - 50), NOW - 40);

        ApiCaller.Answer multi = api.post("{\"CallType\":\"MultiCall\"}");

        assertThat(multi.errorCode()).isZero();
        assertThat(multi.totalNum().asInt()).isZero();
        assertThat(callIds("{}")).containsExactly("single");
        assertThat(callIds("{\"CallResult\":\"NormalEnd\"}")).containsExactly("single");
    }

    @Test
    void statsRecordV4QueriesInTheSameTermsAsV1Ones() {
        start();

        api.post("{\"StartTime\":" + (NOW - 100) + ",\"EndTime\":" + NOW + ",\"NumberPerPage\":5,\"Page\":2}");
        api.post("{\"StartTime\":\"soon\",\"startTimestamp\":" + (NOW - 100) + "}");

        assertThat(simulator.stats().queries()).containsExactly(
                new QuerySnapshot(NOW - 100, NOW, 2L, 5L), new QuerySnapshot(null, null, null, null));
    }
}

package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What only the v1 endpoint does: its record, defaults, filters, horizon and no-match answer. */
class V1QueryTest {

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
        api = new ApiCaller(simulator, clock, ApiDialect.V1);
    }

    private void start() {
        start(SimulatorSettings.builder());
    }

    private List<String> callIds(String body) {
        return api.post(body).callIds();
    }

    @Test
    void recordsCarryEveryFieldUnderTheV1Names() {
        start();
        simulator.addCall(Calls.group("g", NOW - 100, NOW - 50), NOW - 40);

        JsonNode record = api.post("{\"startTimestamp\":" + (NOW - 200) + "}").records().get(0);

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

        ApiCaller.Answer first = api.post("{\"startTimestamp\":" + (NOW - 2000) + "}");
        ApiCaller.Answer second = api.post("{\"startTimestamp\":" + (NOW - 2000) + ",\"page\":2}");

        assertThat(first.callIds()).hasSize(100).startsWith("call-000").endsWith("call-099");
        assertThat(first.page()).isEqualTo(1);
        assertThat(second.callIds()).containsExactly("call-100");
        assertThat(second.page()).isZero();
    }

    @Test
    void noMatchAnswers70011WithoutData() {
        start();
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 50), NOW - 40);

        ApiCaller.assertError(api.post("{\"startTimestamp\":" + (NOW - 30) + "}"), 70011);
    }

    @Test
    void withoutEndTimestampEitherReadingKeepsEveryLaterVisibleCall() {
        for (EndTimestampReading reading : EndTimestampReading.values()) {
            start(SimulatorSettings.builder().endTimestampReading(reading));
            simulator.addCall(Calls.single("starts-before", NOW - 1001, NOW - 900), NOW - 100);
            simulator.addCall(Calls.single("starts-on-bound", NOW - 1000, NOW - 900), NOW - 100);
            simulator.addCall(Calls.single("ends-late", NOW - 700, NOW - 200), NOW - 100);

            assertThat(callIds("{\"startTimestamp\":%d}".formatted(NOW - 1000))).as(reading.name())
                    .containsExactly("starts-on-bound", "ends-late");
            simulator.close();
        }
        simulator = null;
    }

    @Test
    void callTypeAndCallResultFilterExactly() {
        start();
        simulator.addCall(Calls.single("answered", NOW - 100, NOW - 50), NOW - 40);
        simulator.addCall(Calls.single("busy", NOW - 99, NOW - 99, "call_busy"), NOW - 40);
        simulator.addCall(Calls.single("offline", NOW - 98, NOW - 90, "offline"), NOW - 40);
        simulator.addCall(Calls.group("group", NOW - 97, NOW - 50), NOW - 40);
        String start = "\"startTimestamp\":" + (NOW - 200);

        assertThat(callIds("{" + start + ",\"callType\":\"group\"}")).containsExactly("group");
        assertThat(callIds("{" + start + ",\"callType\":\"single\"}")).containsExactly("answered", "busy", "offline");
        assertThat(callIds("{" + start + ",\"callResult\":\"offline\"}")).containsExactly("offline");
        assertThat(callIds("{" + start + ",\"callResult\":\"normal_end\"}")).containsExactly("answered", "group");
        assertThat(api.post("{" + start + ",\"callType\":\"group\",\"callResult\":\"call_busy\"}").errorCode())
                .isEqualTo(70011);
    }

    @Test
    void withoutTheGroupPackageGroupQueriesAnswer50001AndOthersOnlySingleCalls() {
        start(SimulatorSettings.builder().groupPackage(false));
        simulator.addCall(Calls.single("single", NOW - 100, NOW - 50), NOW - 40);
        simulator.addCall(Calls.group("group", NOW - 99, NOW - 50), NOW - 40);
        String start = "\"startTimestamp\":" + (NOW - 200);

        ApiCaller.assertError(api.post("{" + start + ",\"callType\":\"group\"}"), 50001);
        assertThat(callIds("{" + start + "}")).containsExactly("single");
        assertThat(callIds("{" + start + ",\"callResult\":\"normal_end\"}")).containsExactly("single");
    }

    @Test
    void startTimestampOlderThanSevenDaysIs70001AndCallsOlderThanThatAreGone() {
        start();
        simulator.addCall(Calls.single("old", NOW - 7 * DAY + 5, NOW - 7 * DAY + 50), NOW - 7 * DAY + 60);

        assertThat(api.post("{\"startTimestamp\":" + (NOW - 7 * DAY - 1) + "}").errorCode()).isEqualTo(70001);
        assertThat(callIds("{\"startTimestamp\":" + (NOW - 7 * DAY) + "}")).containsExactly("old");

        clock.advanceSeconds(10);

        assertThat(api.post("{\"startTimestamp\":" + (NOW - 7 * DAY) + "}").errorCode()).isEqualTo(70001);
        assertThat(api.post("{\"startTimestamp\":" + (clock.epochSecond() - 7 * DAY) + "}").errorCode())
                .isEqualTo(70011);
    }
}

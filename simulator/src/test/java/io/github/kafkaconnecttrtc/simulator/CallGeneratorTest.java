package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated data: plausible, within the model's rules, and a function of seed and second. */
class CallGeneratorTest {

    private static final long START = 1_750_000_000L;
    private static final long DAY = 86_400;
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final SimulatorSettings SETTINGS = SimulatorSettings.builder()
            .callsPerSecond(1)
            .visibilityDelaySeconds(5)
            .maxCallDurationSeconds(2 * 3600)
            .longCallFraction(0.01)
            .build();
    private static final Set<String> NEVER_CONNECTED = Set.of("cancel", "reject", "not_answer", "call_busy", "offline");

    private static List<SimulatedCall> calls;

    /** A whole day, over which the daily swing averages out: about 86,000 calls. */
    @BeforeAll
    static void generate() {
        CallGenerator generator = new CallGenerator(SETTINGS);
        calls = new ArrayList<>();
        for (long second = START; second < START + DAY; second++) {
            calls.addAll(generator.callsStartingAt(second));
        }
    }

    private static List<ApiRecord> records(String callType) {
        return calls.stream().map(SimulatedCall::call).filter(call -> call.callType().equals(callType)).toList();
    }

    private static <K> Map<K, Double> shares(List<ApiRecord> records, Function<ApiRecord, K> key) {
        return records.stream().collect(Collectors.groupingBy(key,
                Collectors.collectingAndThen(Collectors.counting(), count -> (double) count / records.size())));
    }

    @Test
    void aSecondGivesTheSameCallsEveryTimeInCallIdOrder() {
        CallGenerator other = new CallGenerator(SETTINGS);

        List<SimulatedCall> again = new ArrayList<>();
        for (long second = START; second < START + 100; second++) {
            List<SimulatedCall> inSecond = other.callsStartingAt(second);
            assertThat(inSecond).isSortedAccordingTo(Comparator.comparing(call -> call.call().callId()));
            again.addAll(inSecond);
        }

        assertThat(again).isNotEmpty().isEqualTo(calls.subList(0, again.size()));
    }

    @Test
    void callsPerSecondAverageTheConfiguredRate() {
        assertThat((double) calls.size() / DAY).isBetween(0.97, 1.03);
    }

    @Test
    void theLiveRateTakesOverFromItsSecondAndLeavesEarlierSecondsAlone() {
        long switchAt = START + 3 * 3600;
        CallGenerator live = new CallGenerator(SETTINGS.toBuilder().liveRate(switchAt, 20).build());
        CallGenerator plain = new CallGenerator(SETTINGS);
        long before = 0;
        long after = 0;
        for (long second = switchAt - 600; second < switchAt + 600; second++) {
            List<SimulatedCall> calls = live.callsStartingAt(second);
            if (second < switchAt) {
                assertThat(calls).isEqualTo(plain.callsStartingAt(second));
                before += calls.size();
            } else {
                after += calls.size();
            }
        }

        // The daily swing is about 1 + 0.3 sin(...) here: the ratio stays within it.
        assertThat((double) after / before).isBetween(20 * 0.8, 20 * 1.2);
    }

    @Test
    void poissonSamplesHaveTheRequestedMeanForSmallAndLargeMeans() {
        SplittableRandom random = new SplittableRandom(1);
        for (double mean : new double[] {0.5, 80}) {
            double sum = 0;
            for (int i = 0; i < 20_000; i++) {
                sum += CallGenerator.poisson(random, mean);
            }
            assertThat(sum / 20_000).as("mean %s", mean).isCloseTo(mean, withPercentage(3));
        }
    }

    @Test
    void everyCallKeepsTheModelsTimeRulesAndVisibilityDelay() {
        assertThat(calls).allSatisfy(simulated -> {
            ApiRecord call = simulated.call();
            assertThat(call.sdkAppId()).isEqualTo(SETTINGS.sdkAppId());
            assertThat(call.endTs()).isGreaterThanOrEqualTo(call.startCallTs());
            assertThat(call.durationSeconds()).isLessThanOrEqualTo(SETTINGS.maxCallDurationSeconds());
            if (NEVER_CONNECTED.contains(call.callResult())) {
                assertThat(call.acceptTs()).isZero();
                assertThat(call.durationSeconds()).isLessThanOrEqualTo(60);
            } else {
                assertThat(call.acceptTs()).isBetween(call.startCallTs(), call.endTs());
            }
            assertThat(simulated.visibleAt() - call.endTs()).isBetween(0L, SETTINGS.visibilityDelaySeconds());
        });
    }

    @Test
    void callIdsAreUniqueUuids() {
        Set<String> ids = new HashSet<>();
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.call().callId()).matches(UUID_V4);
            assertThat(ids.add(call.call().callId())).isTrue();
        });
    }

    @Test
    void singleCallsSpreadOverAllResultsAndRarelyOffline() {
        Map<String, Double> results = shares(records("single"), ApiRecord::callResult);

        assertThat(results.keySet()).containsExactlyInAnyOrder(
                "cancel", "reject", "not_answer", "normal_end", "call_busy", "interrupt", "offline");
        assertThat(results.get("normal_end")).isBetween(0.40, 0.50);
        assertThat(results.get("offline")).isBetween(0.015, 0.025);
        assertThat(records("single")).allSatisfy(call -> {
            assertThat(call.totalUserNumber()).isEqualTo(2);
            assertThat(call.callees()).hasSize(1).doesNotContain(call.caller());
        });
    }

    @Test
    void groupCallsAreAboutOneInSevenAlwaysNormalEndWithThreeToEightPeople() {
        assertThat((double) records("group").size() / calls.size()).isBetween(0.13, 0.17);
        assertThat(records("group")).allSatisfy(call -> {
            assertThat(call.callResult()).isEqualTo("normal_end");
            assertThat(call.totalUserNumber()).isBetween(3, 8).isEqualTo(call.callees().size() + 1);
            assertThat(call.callees()).doesNotContain(call.caller()).doesNotHaveDuplicates();
        });
    }

    @Test
    void callsUseAudioAndVideoAndAPoolOfAFewThousandUsers() {
        List<ApiRecord> all = calls.stream().map(SimulatedCall::call).toList();
        Map<String, Double> media = shares(all, ApiRecord::mediaType);
        Set<String> users = all.stream().map(ApiRecord::caller).collect(Collectors.toSet());

        assertThat(media.keySet()).containsExactlyInAnyOrder("audio", "video");
        assertThat(media.get("video")).isBetween(0.55, 0.65);
        assertThat(users).hasSizeBetween(2500, 3000);
    }

    @Test
    void roomsAreMostlyNumericAndSomeNamedEachWithItsRoomIdType() {
        List<ApiRecord> all = calls.stream().map(SimulatedCall::call).toList();
        Map<Integer, Double> types = shares(all, ApiRecord::roomIdType);

        assertThat(types.get(ApiRecord.STRING_ROOM)).isBetween(0.08, 0.12);
        assertThat(all).allSatisfy(call -> assertThat(call.roomId()).matches(
                call.roomIdType() == ApiRecord.NUMERIC_ROOM ? "[1-9][0-9]*" : "room-[0-9a-f]+"));
    }

    @Test
    void connectedCallsLastMinutesAndAFewLastHours() {
        List<Long> durations = calls.stream().map(SimulatedCall::call)
                .filter(call -> call.acceptTs() != 0)
                .map(ApiRecord::durationSeconds)
                .sorted()
                .toList();
        long median = durations.get(durations.size() / 2);
        long hourLong = durations.stream().filter(duration -> duration >= 3600).count();

        assertThat(median).isBetween(120L, 300L);
        assertThat((double) hourLong / durations.size()).isBetween(0.005, 0.02);
        assertThat(durations.get(durations.size() - 1)).isGreaterThan(6000L);
    }
}

package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The faults of a hostile upstream as a client sees them: a paginator that never stops, pages that
 * end too early, absurd numbers and a body that never ends.
 */
class HostileFaultsTest {

    private static final long NOW = 1_750_000_000L;
    private static final String PAGE = "{\"startTimestamp\":" + (NOW - 3600) + ",\"numberPerPage\":2,\"page\":%d}";

    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private TrtcSimulator simulator;
    private ApiCaller api;

    @BeforeEach
    void start() {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().callsPerSecond(0).historyDays(0).build(), clock);
        api = new ApiCaller(simulator, clock);
        List<String> ids = List.of("a", "b", "c", "d", "e");
        for (int i = 0; i < ids.size(); i++) {
            simulator.addCall(Calls.single(ids.get(i), NOW - 100 + i, NOW - 50), NOW - 40);
        }
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private JsonNode page(int page) {
        return api.post(PAGE.formatted(page)).json();
    }

    private static List<String> callIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.at("/data/callRecordList").forEach(record -> ids.add(record.get("callId").asText()));
        return ids;
    }

    @Test
    void aPageLoopSaysMoreFollowOnTheLastPageAndRepeatsItForeverAfter() {
        simulator.faults().setRate(Fault.PAGE_LOOP, 1.0);

        JsonNode second = page(2);
        JsonNode last = page(3);
        JsonNode beyond = page(4);
        JsonNode farBeyond = page(1000);

        assertThat(second.at("/data/page").asInt()).isEqualTo(2);
        assertThat(callIds(second)).containsExactly("c", "d");
        assertThat(last.at("/data/page").asInt()).isEqualTo(3);
        assertThat(callIds(last)).containsExactly("e");
        assertThat(beyond.at("/data/page").asInt()).isEqualTo(4);
        assertThat(callIds(beyond)).containsExactly("e");
        assertThat(farBeyond.at("/data/page").asInt()).isEqualTo(1000);
        assertThat(callIds(farBeyond)).containsExactly("e");
        assertThat(farBeyond.at("/data/totalNum").asInt()).isEqualTo(5);
        assertThat(simulator.stats().answersByFault()).containsExactly(Map.entry(Fault.PAGE_LOOP, 3L));

        simulator.faults().clear();

        assertThat(page(3).at("/data/page").asInt()).isZero();
        assertThat(callIds(page(4))).isEmpty();
    }

    @Test
    void anEarlyEmptyPageHasNoRecordsInsideTotalNumAndAskingAgainGetsThem() {
        simulator.faults().injectNext(Fault.EARLY_EMPTY_PAGE, 1);

        JsonNode empty = page(2);
        JsonNode again = page(2);

        assertThat(callIds(empty)).isEmpty();
        assertThat(empty.at("/data/totalNum").asInt()).isEqualTo(5);
        assertThat(empty.at("/data/page").asInt()).isEqualTo(2);
        assertThat(callIds(again)).containsExactly("c", "d");
        assertThat(simulator.stats().answersByFault()).containsExactly(Map.entry(Fault.EARLY_EMPTY_PAGE, 1L));
    }

    @Test
    void anEarlyPageZeroEndsThePagingWhileTotalNumCountsMoreAndAskingAgainContinuesIt() {
        simulator.faults().injectNext(Fault.EARLY_PAGE_ZERO, 1);

        JsonNode early = page(1);
        JsonNode again = page(1);

        assertThat(early.at("/data/page").asInt()).isZero();
        assertThat(early.at("/data/totalNum").asInt()).isEqualTo(5);
        assertThat(callIds(early)).containsExactly("a", "b");
        assertThat(again.at("/data/page").asInt()).isEqualTo(1);
    }

    @Test
    void pagingFaultsLeaveAnswersAloneWhereTheyDoNotApplyAndAreNotCountedThere() {
        simulator.faults().injectNext(Fault.EARLY_PAGE_ZERO, 1);
        simulator.faults().injectNext(Fault.EARLY_EMPTY_PAGE, 1);
        simulator.faults().injectNext(Fault.PAGE_LOOP, 1);

        JsonNode lastPage = page(3);
        JsonNode beyondTheEnd = page(4);
        JsonNode firstPage = page(1);

        assertThat(lastPage.at("/data/page").asInt()).isZero();
        assertThat(callIds(lastPage)).containsExactly("e");
        assertThat(callIds(beyondTheEnd)).isEmpty();
        assertThat(firstPage.at("/data/page").asInt()).isEqualTo(1);
        assertThat(simulator.stats().answersByFault()).isEmpty();
    }

    @Test
    void absurdTotalNumsAreAHugeCountAndANumberOfMoreThanAHundredDigits() {
        simulator.faults().injectNext(Fault.TOTAL_NUM_HUGE, 1);
        simulator.faults().injectNext(Fault.TOTAL_NUM_LONG, 1);

        JsonNode huge = page(1);
        JsonNode longNumber = page(1);

        assertThat(huge.at("/data/totalNum").asLong()).isEqualTo(10_000_000_000_000L);
        assertThat(callIds(huge)).containsExactly("a", "b");
        assertThat(longNumber.at("/data/totalNum").bigIntegerValue().toString())
                .hasSize(Malformation.LONG_NUMBER_DIGITS).endsWith("5");
        assertThat(callIds(longNumber)).containsExactly("a", "b");
        assertThat(simulator.stats().answersByFault())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Fault.TOTAL_NUM_HUGE, 1L, Fault.TOTAL_NUM_LONG, 1L));
    }

    @Test
    void anEndlessBodyIsTheAnswerThenAListThatStopsOnlyAtTheLimit() throws Exception {
        simulator.faults().injectNext(Fault.ENDLESS_BODY, 1);

        HttpResponse<InputStream> answer = api.postForStream(PAGE.formatted(1));
        byte[] head;
        LastBytes rest = new LastBytes();
        try (InputStream body = answer.body()) {
            head = body.readNBytes(4096);
            body.transferTo(rest);
        }

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new String(head, StandardCharsets.UTF_8)).startsWith("{\"errorCode\":0")
                .contains("\"callRecordList\":[{").contains(",\"more\":[0,0,0");
        assertThat(head.length + rest.count)
                .isBetween(HttpResponses.ENDLESS_BODY_LIMIT - 65_536, HttpResponses.ENDLESS_BODY_LIMIT);
        assertThat(rest.last).as("the body breaks off inside the list").isEqualTo((byte) '0');
        assertThat(simulator.stats().answersByFault()).containsExactly(Map.entry(Fault.ENDLESS_BODY, 1L));
    }

    @Test
    void endlessBodiesAClientHangsUpOnFreeTheSimulatorForTheNextRequest() throws Exception {
        int abandoned = 12;
        simulator.faults().injectNext(Fault.ENDLESS_BODY, abandoned);

        for (int i = 0; i < abandoned; i++) {
            try (InputStream body = api.postForStream(PAGE.formatted(1)).body()) {
                assertThat(body.readNBytes(1 << 20)).hasSize(1 << 20);
            }
        }

        assertThat(callIds(page(1))).containsExactly("a", "b");
    }

    /** Counts what it is given and keeps the last byte, so that a long body need not be held. */
    private static final class LastBytes extends OutputStream {

        long count;
        byte last;

        @Override
        public void write(int b) {
            count++;
            last = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) {
                count += len;
                last = b[off + len - 1];
            }
        }
    }
}

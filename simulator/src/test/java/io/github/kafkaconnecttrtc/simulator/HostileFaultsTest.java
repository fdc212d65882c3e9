package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The faults of a hostile upstream as a client of either endpoint sees them, in the endpoint's
 * dialect: a paginator that never stops, pages that end too early, absurd numbers and a body that
 * never ends.
 */
@ParameterizedClass
@EnumSource(ApiDialect.class)
class HostileFaultsTest {

    private static final long NOW = 1_750_000_000L;
    private static final Query PAGES_OF_TWO = Query.from(NOW - 3600).perPage(2);

    private final ApiDialect dialect;
    private final MutableClock clock = MutableClock.atEpochSecond(NOW);
    private TrtcSimulator simulator;
    private ApiCaller api;

    HostileFaultsTest(ApiDialect dialect) {
        this.dialect = dialect;
    }

    @BeforeEach
    void start() {
        simulator = TrtcSimulator.start(SimulatorSettings.builder().callsPerSecond(0).historyDays(0).build(), clock);
        api = new ApiCaller(simulator, clock, dialect);
        List<String> ids = List.of("a", "b", "c", "d", "e");
        for (int i = 0; i < ids.size(); i++) {
            simulator.addCall(Calls.single(ids.get(i), NOW - 100 + i, NOW - 50), NOW - 40);
        }
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private ApiCaller.Answer page(int page) {
        return api.post(PAGES_OF_TWO.page(page));
    }

    @Test
    void aPageLoopSaysMoreFollowOnTheLastPageAndRepeatsItForeverAfter() {
        simulator.faults().setRate(Fault.PAGE_LOOP, 1.0);

        ApiCaller.Answer second = page(2);
        ApiCaller.Answer last = page(3);
        ApiCaller.Answer beyond = page(4);
        ApiCaller.Answer farBeyond = page(1000);

        assertThat(second.page()).isEqualTo(2);
        assertThat(second.callIds()).containsExactly("c", "d");
        assertThat(last.page()).isEqualTo(3);
        assertThat(last.callIds()).containsExactly("e");
        assertThat(beyond.page()).isEqualTo(4);
        assertThat(beyond.callIds()).containsExactly("e");
        assertThat(farBeyond.page()).isEqualTo(1000);
        assertThat(farBeyond.callIds()).containsExactly("e");
        assertThat(farBeyond.totalNum().asInt()).isEqualTo(5);
        assertThat(simulator.stats().answersByFault()).containsExactly(Map.entry(Fault.PAGE_LOOP, 3L));

        simulator.faults().clear();

        assertThat(page(3).page()).isZero();
        assertThat(page(4).callIds()).isEmpty();
    }

    @Test
    void anEarlyEmptyPageHasNoRecordsInsideTotalNumAndAskingAgainGetsThem() {
        simulator.faults().injectNext(Fault.EARLY_EMPTY_PAGE, 1);

        ApiCaller.Answer empty = page(2);
        ApiCaller.Answer again = page(2);

        assertThat(empty.callIds()).isEmpty();
        assertThat(empty.totalNum().asInt()).isEqualTo(5);
        assertThat(empty.page()).isEqualTo(2);
        assertThat(again.callIds()).containsExactly("c", "d");
        assertThat(simulator.stats().answersByFault()).containsExactly(Map.entry(Fault.EARLY_EMPTY_PAGE, 1L));
    }

    @Test
    void anEarlyPageZeroEndsThePagingWhileTotalNumCountsMoreAndAskingAgainContinuesIt() {
        simulator.faults().injectNext(Fault.EARLY_PAGE_ZERO, 1);

        ApiCaller.Answer early = page(1);
        ApiCaller.Answer again = page(1);

        assertThat(early.page()).isZero();
        assertThat(early.totalNum().asInt()).isEqualTo(5);
        assertThat(early.callIds()).containsExactly("a", "b");
        assertThat(again.page()).isEqualTo(1);
    }

    @Test
    void pagingFaultsLeaveAnswersAloneWhereTheyDoNotApplyAndAreNotCountedThere() {
        simulator.faults().injectNext(Fault.EARLY_PAGE_ZERO, 1);
        simulator.faults().injectNext(Fault.EARLY_EMPTY_PAGE, 1);
        simulator.faults().injectNext(Fault.PAGE_LOOP, 1);

        ApiCaller.Answer lastPage = page(3);
        ApiCaller.Answer beyondTheEnd = page(4);
        ApiCaller.Answer firstPage = page(1);

        assertThat(lastPage.page()).isZero();
        assertThat(lastPage.callIds()).containsExactly("e");
        assertThat(beyondTheEnd.callIds()).isEmpty();
        assertThat(firstPage.page()).isEqualTo(1);
        assertThat(simulator.stats().answersByFault()).isEmpty();
    }

    @Test
    void noFaultMakesAnAnswerWithoutMatchesSaySomethingElse() {
        List<Fault> distorting = Stream.of(Fault.values()).filter(Fault::distortsContent).toList();
        distorting.forEach(fault -> simulator.faults().injectNext(fault, 1));

        for (Fault fault : distorting) {
            ApiCaller.Answer none = api.post(Query.from(NOW - 10));

            assertThat(none.callIds()).as(fault.name()).isEmpty();
            assertThat(none.page()).as(fault.name()).isZero();
            assertThat(none.totalNum().asInt()).as(fault.name()).isZero();
        }
        assertThat(simulator.stats().answersByFault()).isEmpty();
    }

    @Test
    void absurdTotalNumsAreAHugeCountAndANumberOfMoreThanAHundredDigits() {
        simulator.faults().injectNext(Fault.TOTAL_NUM_HUGE, 1);
        simulator.faults().injectNext(Fault.TOTAL_NUM_LONG, 1);

        ApiCaller.Answer huge = page(1);
        ApiCaller.Answer longNumber = page(1);

        assertThat(huge.totalNum().asLong()).isEqualTo(10_000_000_000_000L);
        assertThat(huge.callIds()).containsExactly("a", "b");
        assertThat(longNumber.totalNum().bigIntegerValue().toString())
                .hasSize(Malformation.LONG_NUMBER_DIGITS).endsWith("5");
        assertThat(longNumber.callIds()).containsExactly("a", "b");
        assertThat(simulator.stats().answersByFault())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Fault.TOTAL_NUM_HUGE, 1L, Fault.TOTAL_NUM_LONG, 1L));
    }

    @Test
    void anEndlessBodyIsTheAnswerThenAListThatStopsOnlyAtTheLimit() throws Exception {
        simulator.faults().injectNext(Fault.ENDLESS_BODY, 1);

        HttpResponse<InputStream> answer = api.postForStream(PAGES_OF_TWO.page(1).json(dialect));
        byte[] head;
        LastBytes rest = new LastBytes();
        try (InputStream body = answer.body()) {
            head = body.readNBytes(4096);
            body.transferTo(rest);
        }

        assertThat(answer.statusCode()).isEqualTo(200);
        boolean v1 = dialect == ApiDialect.V1;
        assertThat(new String(head, StandardCharsets.UTF_8))
                .startsWith(v1 ? "{\"errorCode\":0" : "{\"ActionStatus\":\"OK\",\"ErrorCode\":0")
                .contains(v1 ? "\"callRecordList\":[{" : "\"CallRecordList\":[{").contains(",\"more\":[0,0,0");
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
            try (InputStream body = api.postForStream(PAGES_OF_TWO.page(1).json(dialect)).body()) {
                assertThat(body.readNBytes(1 << 20)).hasSize(1 << 20);
            }
        }

        assertThat(page(1).callIds()).containsExactly("a", "b");
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

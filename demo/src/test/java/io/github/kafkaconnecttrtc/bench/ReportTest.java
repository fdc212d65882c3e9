package io.github.kafkaconnecttrtc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Mark mark(Map<Integer, Long> answers, long rateLimited) {
        return new Mark(0, 0, 0, 0, 0, 0, 0, null, 0, answers, rateLimited);
    }

    @Test
    void v1AnswersShowRateLimitedEmptyPagesAndOtherErrorsSinceTheFirstMark() {
        Mark from = mark(Map.of(0, 10L, 70005, 1L, 70011, 2L), 1);
        Mark to = mark(Map.of(0, 500L, 70005, 4L, 70011, 9L, 70001, 1L, 90001, 2L), 4);

        assertThat(Report.answers(ApiDialect.V1, from, to))
                .isEqualTo("rate-limited answers (70005 / 600xx): 3; 70011 (no records): 7; other errors: 3");
    }

    @Test
    void v4AnswersCountItsFourRateLimitCodesAndHaveNoEmptyPageCode() {
        Mark from = mark(Map.of(), 0);
        Mark to = mark(Map.of(0, 1_200L, 60007, 2L, 60011, 1L, 60018, 1L, 60019, 1L, 60008, 1L), 5);

        assertThat(Report.answers(ApiDialect.V4, from, to))
                .isEqualTo("rate-limited answers (70005 / 600xx): 5; other errors: 1");
    }
}

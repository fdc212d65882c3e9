package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochSecondsTest {

    @Test
    void addsAndSubtractsExactlyWithinTheRangeOfALong() {
        assertThat(EpochSeconds.plus(1_767_225_600L, 3600)).isEqualTo(1_767_229_200L);
        assertThat(EpochSeconds.minus(1_767_225_600L, 3600)).isEqualTo(1_767_222_000L);
        assertThat(EpochSeconds.plus(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void holdsAtTheBoundsOfALongInsteadOfWrappingAround() {
        assertThat(EpochSeconds.plus(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(EpochSeconds.plus(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(EpochSeconds.minus(Long.MIN_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(EpochSeconds.minus(0, Long.MIN_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(EpochSeconds.latest(Long.MAX_VALUE - 5)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLookBackFromAnExtremeCursorStaysAtTheBoundInsteadOfJumpingToTheOtherEnd() {
        assertThat(Cursor.throughSecond(Long.MIN_VALUE + 10).lookBack(600)).isEqualTo(Long.MIN_VALUE);
        assertThat(Cursor.throughSecond(1_767_225_600L).lookBack(600)).isEqualTo(1_767_225_000L);
    }
}

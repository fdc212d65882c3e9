package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SliceOffsetTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long DAY = 86_400;

    private static SliceOffset read(Map<String, ?> map) {
        return SliceOffset.fromMap(map, NOW);
    }

    @Test
    void roundTripsThroughItsMapWithAFormatVersion() {
        SliceOffset offset = new SliceOffset(new Cursor(1_700_000_000L, "call-1"), 1_699_000_000L, 1_698_500_000L,
                1_699_020_000L);

        Map<String, Object> map = offset.toMap();

        assertThat(map).containsEntry("v", SliceOffset.VERSION);
        assertThat(read(map)).isEqualTo(offset);
    }

    @Test
    void keepsAWholeSecondCursorAndNoTailStartForHistory() {
        SliceOffset offset = new SliceOffset(Cursor.throughSecond(NOW - 42), null);

        assertThat(offset.toMap()).doesNotContainKeys("callId", "tailStart", "readFrom");
        assertThat(read(offset.toMap())).isEqualTo(offset);
    }

    @Test
    void readsNumbersOfAnyTypeAndAsTextAsAHandWrittenOffsetMayHaveThem() {
        Map<String, Object> map = new HashMap<>();
        map.put("endTs", "1700000000");
        map.put("tailStart", 1_699_000_000);
        map.put("readFrom", 1.6990000E9);

        SliceOffset offset = read(map);

        assertThat(offset.cursor()).isEqualTo(Cursor.throughSecond(1_700_000_000L));
        assertThat(offset.tailStart()).isEqualTo(1_699_000_000L);
        assertThat(offset.readFrom()).isEqualTo(1_699_000_000L);
    }

    @Test
    void rejectsMalformedOffsetsNamingTheField() {
        assertThatThrownBy(() -> read(Map.of("v", 1))).hasMessageContaining("endTs");
        assertThatThrownBy(() -> read(Map.of("endTs", "yesterday"))).hasMessageContaining("endTs");
        assertThatThrownBy(() -> read(Map.of("endTs", NOW, "callId", 5))).hasMessageContaining("callId");
        assertThatThrownBy(() -> read(Map.of("endTs", NOW + 0.5))).hasMessageContaining("endTs")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> read(Map.of("endTs", Double.NaN))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> read(Map.of("endTs", 1e300))).hasMessageContaining("whole number");
    }

    @Test
    void refusesATimeInMillisecondsSayingSoAndGivingItInSeconds() {
        assertThatThrownBy(() -> read(Map.of("endTs", NOW * 1000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset field 'endTs' (" + NOW * 1000 + ") looks like milliseconds")
                .hasMessageContaining("seconds since the epoch, here " + NOW + " (2026-01-01T00:00:00Z)");
        assertThatThrownBy(() -> read(Map.of("endTs", NOW, "tailStart", Long.toString((NOW - DAY) * 1000))))
                .hasMessageContaining("'tailStart'").hasMessageContaining("looks like milliseconds");
        assertThatThrownBy(() -> read(Map.of("endTs", NOW, "tailStart", NOW - DAY, "readFrom", (NOW - 2 * DAY) * 1000)))
                .hasMessageContaining("'readFrom'").hasMessageContaining("looks like milliseconds");
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 42, 1_420_070_399L, NOW + DAY + 1,
            99_999_999_999L, Long.MAX_VALUE - 1, Long.MAX_VALUE})
    void refusesATimeOutsideTheYearsItCanBeNamingTheRange(long endTs) {
        assertThatThrownBy(() -> read(Map.of("endTs", endTs)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset field 'endTs' (" + endTs + ") must be seconds since the epoch from "
                        + "1420070400 (2015-01-01T00:00:00Z) to " + (NOW + DAY) + " (2026-01-02T00:00:00Z");
    }

    @Test
    void acceptsTimesFromTheStartOf2015ToADayPastTheClock() {
        assertThat(read(Map.of("endTs", EpochSeconds.EARLIEST)).cursor().endTs()).isEqualTo(EpochSeconds.EARLIEST);
        assertThat(read(Map.of("endTs", NOW + DAY, "tailStart", NOW + DAY, "readFrom", NOW + DAY)).cursor().endTs())
                .isEqualTo(NOW + DAY);
    }

    @Test
    void refusesACallIdThatNoApiAnswerHolds() {
        assertThatThrownBy(() -> read(Map.of("endTs", NOW, "callId", "")))
                .hasMessageContaining("'callId' must be 1 to 256 characters long, got 0");
        assertThatThrownBy(() -> read(Map.of("endTs", NOW, "callId", "c".repeat(257))))
                .hasMessageContaining("got 257");
        assertThat(read(Map.of("endTs", NOW, "callId", "c".repeat(256))).cursor().callId()).hasSize(256);
    }

    @Test
    void quotesOnlyTheStartOfAnUnreadableValueWithControlCharactersEscaped() {
        assertThatThrownBy(() -> read(Map.of("endTs", "\u001b[31m" + "9".repeat(10_000) + "x")))
                .hasMessageContaining("\\u001b[31m999")
                .hasMessageNotContaining("\u001b")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void refusesAFormatFromANewerReleaseWithAClearMessage() {
        assertThatThrownBy(() -> read(Map.of("v", 2, "endTs", NOW)))
                .hasMessageContaining("version 2").hasMessageContaining("newer");
    }

    @Test
    void noOffsetStaysNoOffset() {
        assertThat(read(null)).isNull();
    }
}

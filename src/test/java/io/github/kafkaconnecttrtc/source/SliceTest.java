package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.client.CallRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SliceTest {

    @Test
    void historyNamesAreTheCellBoundsSoTheySurviveRestarts() {
        Slice slice = Slice.history(3600, 7200, 0, 9000 + 600);

        assertThat(slice.name()).isEqualTo("history/3600/7200");
        assertThat(Slice.parse(slice.name(), 9000, 9000, 0, 600)).isEqualTo(slice);
        assertThat(slice.partition(1400000000L)).containsEntry("sdkappid", "1400000000")
                .containsEntry("slice", "history/3600/7200");
    }

    @Test
    void readsNothingBeforeTheConfiguredStart() {
        assertThat(Slice.parse("history/3600/7200", 0, 0, 5000, 600).startFrom()).isEqualTo(5000);
        assertThat(Slice.parse(Slice.TAIL_FAST, 9000, 9000, 5000, 600).startFrom()).isEqualTo(9000);
        assertThat(Slice.parse(Slice.TAIL_LONG, 9000, 9000, 9500, 600).startFrom()).isEqualTo(9500);
        assertThat(Slice.parse(Slice.TAIL_OVERLONG, 9000, 9000, 5000, 600).startFrom()).isEqualTo(5000);
    }

    @Test
    void theOverlongLaneStartsAtTheHandoverWhereTheHistoryStops() {
        Slice overlong = Slice.parse(Slice.TAIL_OVERLONG, 9000, 9000, 5000, 600);
        Slice history = Slice.parse("history/3600/7200", 9000, 9000, 5000, 600);

        assertThat(overlong.initialCursor()).isEqualTo(Cursor.throughSecond(9600));
        assertThat(history.finishedAt(overlong.initialCursor())).isTrue();
        assertThat(Slice.parse(Slice.TAIL_FAST, 9000, 9000, 5000, 600).initialCursor()).isEqualTo(Cursor.throughSecond(8999));
        assertThat(overlong.finishedAt(Cursor.throughSecond(Long.MAX_VALUE))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tail", "history/", "history/a/b", "history/10/5", "history/1/2/3"})
    void rejectsNamesItNeverWrites(String name) {
        assertThatThrownBy(() -> Slice.parse(name, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slice name");
    }

    @Test
    void aHistorySliceIsFinishedOnceItsCursorReachesTheHandover() {
        Slice slice = Slice.history(3600, 7200, 0, 9000 + 600);

        assertThat(slice.finishedAt(Cursor.throughSecond(9600))).isTrue();
        assertThat(slice.finishedAt(new Cursor(9600, "x"))).isFalse();
        assertThat(slice.finishedAt(Cursor.throughSecond(9599))).isFalse();
        assertThat(Slice.tailFast(0).finishedAt(Cursor.throughSecond(Long.MAX_VALUE))).isFalse();
    }

    @Test
    void aCursorPrecedesLaterCallsOnly() {
        Cursor cursor = new Cursor(100, "b");

        assertThat(cursor.precedes(call("c", 100))).isTrue();
        assertThat(cursor.precedes(call("a", 100))).isFalse();
        assertThat(cursor.precedes(call("b", 100))).isFalse();
        assertThat(cursor.precedes(call("a", 101))).isTrue();
        assertThat(Cursor.throughSecond(100).precedes(call("zzz", 100))).isFalse();
    }

    private static CallRecord call(String id, long endTs) {
        return new CallRecord(id, 1, "audio", "1", null, endTs - 10, 0, endTs, "u", 2, "single", "cancel", List.of());
    }
}

package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SliceOffsetTest {

    @Test
    void roundTripsThroughItsMapWithAFormatVersion() {
        SliceOffset offset = new SliceOffset(new Cursor(1_700_000_000L, "call-1"), 1_699_000_000L, 1_698_500_000L);

        Map<String, Object> map = offset.toMap();

        assertThat(map).containsEntry("v", SliceOffset.VERSION);
        assertThat(SliceOffset.fromMap(map)).isEqualTo(offset);
    }

    @Test
    void keepsAWholeSecondCursorAndNoTailStartForHistory() {
        SliceOffset offset = new SliceOffset(Cursor.throughSecond(42), null);

        assertThat(offset.toMap()).doesNotContainKeys("callId", "tailStart", "readFrom");
        assertThat(SliceOffset.fromMap(offset.toMap())).isEqualTo(offset);
    }

    @Test
    void readsNumbersOfAnyTypeAndAsTextAsAHandWrittenOffsetMayHaveThem() {
        Map<String, Object> map = new HashMap<>();
        map.put("endTs", "1700000000");
        map.put("tailStart", 1_699_000_000);

        SliceOffset offset = SliceOffset.fromMap(map);

        assertThat(offset.cursor()).isEqualTo(Cursor.throughSecond(1_700_000_000L));
        assertThat(offset.tailStart()).isEqualTo(1_699_000_000L);
    }

    @Test
    void rejectsMalformedOffsetsNamingTheField() {
        assertThatThrownBy(() -> SliceOffset.fromMap(Map.of("v", 1))).hasMessageContaining("endTs");
        assertThatThrownBy(() -> SliceOffset.fromMap(Map.of("endTs", "yesterday"))).hasMessageContaining("endTs");
        assertThatThrownBy(() -> SliceOffset.fromMap(Map.of("endTs", 1, "callId", 5))).hasMessageContaining("callId");
    }

    @Test
    void refusesAFormatFromANewerReleaseWithAClearMessage() {
        assertThatThrownBy(() -> SliceOffset.fromMap(Map.of("v", 2, "endTs", 1)))
                .hasMessageContaining("version 2").hasMessageContaining("newer");
    }

    @Test
    void noOffsetStaysNoOffset() {
        assertThat(SliceOffset.fromMap(null)).isNull();
    }
}

package io.github.kafkaconnecttrtc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/**
 * Connect stores a source offset under the partition's serialized bytes, ["connector", {partition}],
 * written by its internal JsonConverter in the map's iteration order, and finds it again only under
 * the very same bytes: when a restarted worker asks for it, and when {@code GET
 * /connectors/<name>/offsets} reads the stored keys back (into HashMaps) and looks their values up.
 */
class SlicePartitionKeyTest {

    private static final JsonConverter KEYS = new JsonConverter();

    static {
        KEYS.configure(Map.of("schemas.enable", "false", "converter.type", "key"));
    }

    private static byte[] key(Object partition) {
        return KEYS.fromConnectData("offsets", null, Arrays.asList("trtc-call-records", partition));
    }

    @Test
    void serializesTheSameInEveryJvm() {
        // Map.of would list the two keys in an order salted per JVM: this fails in about half the runs then.
        assertThat(new String(key(Slice.partition(1_400_000_000L, Slice.TAIL_FAST)), StandardCharsets.UTF_8))
                .isEqualTo("[\"trtc-call-records\",{\"slice\":\"tail/fast\",\"sdkappid\":\"1400000000\"}]");
    }

    @Test
    void readingTheStoredKeyBackGivesTheSameBytes() {
        Slice history = Slice.history(1_795_053_600L, 1_795_057_200L, 0, 1_795_057_200L);
        for (Map<String, String> partition : List.of(history.partition(1_400_000_000L),
                Slice.tailFast(0).partition(1_400_000_000L), Slice.partition(1_400_000_000L, Slice.TAIL_LONG))) {
            byte[] stored = key(partition);
            List<?> readBack = (List<?>) KEYS.toConnectData("offsets", stored).value();
            assertThat(key(readBack.get(1))).as(partition.toString()).isEqualTo(stored);
        }
    }
}

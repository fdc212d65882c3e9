package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's record: the room id type it derives, and the values it refuses. */
class ApiRecordTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "1001, 1",
        "0, 1",
        "4294967295, 1",
        "4294967296, 2",
        "99999999999, 2",
        "room-1a2b, 2",
        "12a, 2",
        "-5, 2",
        "' 7', 2",
        "'', 2",
        "NULL, 2",
    })
    void aRoomIdIsNumericWhenItIsADecimalNumberThatFitsInAnUnsigned32BitInt(String roomId, int type) {
        assertThat(ApiRecord.roomIdTypeOf(roomId)).isEqualTo(type);
    }

    @Test
    void theConstructorWithoutARoomIdTypeDerivesIt() {
        ApiRecord named = new ApiRecord("c", 1, "audio", "room-7", 10, 0, 20, "a", 2, "single", "cancel",
                List.of("b"));
        ApiRecord numbered = new ApiRecord("c", 1, "audio", "7", 10, 0, 20, "a", 2, "single", "cancel", List.of("b"));

        assertThat(named.roomIdType()).isEqualTo(ApiRecord.STRING_ROOM);
        assertThat(numbered.roomIdType()).isEqualTo(ApiRecord.NUMERIC_ROOM);
    }

    @Test
    void aRoomIdTypeOtherThanOneOrTwoIsRefused() {
        assertThatThrownBy(() -> new ApiRecord("c", 1, "audio", "7", 3, 10, 0, 20, "a", 2, "single", "cancel",
                List.of("b"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roomIdType");
    }
}

package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.ErrorCodes.Concern;
import io.github.kafkaconnecttrtc.client.ErrorCodes.Reaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCodesTest {

    @Test
    void readsTheSameNumberThroughEachDialectsTable() {
        assertThat(ErrorCodes.V1.reaction(70001)).isEqualTo(Reaction.FATAL);
        assertThat(ErrorCodes.V4.reaction(70001)).isEqualTo(Reaction.RENEW_USERSIG);
        assertThat(ErrorCodes.V1.reaction(70003)).isEqualTo(Reaction.RENEW_USERSIG);
        assertThat(ErrorCodes.V4.reaction(70003)).isEqualTo(Reaction.FATAL);
        assertThat(ErrorCodes.V1.reaction(70009)).isEqualTo(Reaction.FATAL);
        assertThat(ErrorCodes.V4.concern(70009)).isEqualTo(Concern.CREDENTIALS);
    }

    @ParameterizedTest
    @ValueSource(ints = {60007, 60011, 60018, 60019})
    void backsOffOnEveryV4FrequencyCode(int code) {
        assertThat(ErrorCodes.V4.reaction(code)).isEqualTo(Reaction.RATE_LIMITED);
        assertThat(ErrorCodes.V1.reaction(code)).isEqualTo(Reaction.RETRY);
    }

    @ParameterizedTest
    @ValueSource(ints = {70009, 70013, 70014, 70016, 70020, 60010, 60003, 60006, 60016, 60020, 60021})
    void failsFastOnV4ConfigurationCodesWithARemedy(int code) {
        assertThat(ErrorCodes.V4.reaction(code)).isEqualTo(Reaction.FATAL);
        assertThat(ErrorCodes.V4.concern(code)).isNotEqualTo(Concern.NONE);
        assertThat(ErrorCodes.V4.meaning(code)).isNotBlank();
    }

    @Test
    void pointsV4RegionCodesAtTheEndpoint() {
        assertThat(ErrorCodes.V4.concern(70016)).isEqualTo(Concern.ENDPOINT);
        assertThat(ErrorCodes.V4.concern(70020)).isEqualTo(Concern.ENDPOINT);
        assertThat(ErrorCodes.V4.concern(60010)).isEqualTo(Concern.IDENTIFIER);
    }

    @ParameterizedTest
    @ValueSource(ints = {101001, 60008, 90001, -1, 70005})
    void retriesInternalAndUnknownV4Codes(int code) {
        assertThat(ErrorCodes.V4.reaction(code)).isEqualTo(Reaction.RETRY);
    }

    @Test
    void takesV1NoRecordsAndV4NoRecordAsEmptyPages() {
        assertThat(ErrorCodes.V1.reaction(70011)).isEqualTo(Reaction.NO_RECORDS);
        assertThat(ErrorCodes.V4.reaction(101050)).isEqualTo(Reaction.NO_RECORDS);
        assertThat(ErrorCodes.V4.reaction(70011)).isEqualTo(Reaction.RETRY);
    }
}

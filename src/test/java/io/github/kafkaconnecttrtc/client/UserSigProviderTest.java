package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.testing.MutableClock;
import java.time.Duration;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class UserSigProviderTest {

    private static final String KEY = "provider-test-key";
    private final MutableClock clock = MutableClock.atEpochSecond(1_700_000_000L);
    private final UserSigProvider provider =
            new UserSigProvider(new Password(KEY), 1400000000L, "administrator", clock, UserSigProvider.DEFAULT_TTL);

    @Test
    void reusesTheUserSigWhileMoreThanHalfOfItsValidityIsLeft() {
        String first = provider.current();
        clock.advance(Duration.ofHours(11));

        assertThat(provider.current()).isEqualTo(first);
    }

    @Test
    void makesANewOneHalfwayThroughSoNoneGoesOutNearExpiry() {
        String first = provider.current();
        clock.advance(Duration.ofHours(12));

        String second = provider.current();

        assertThat(second).isNotEqualTo(first);
        DecodedUserSig doc = DecodedUserSig.decode(second);
        assertThat(doc.time()).isEqualTo(clock.epochSecond());
        assertThat(doc.expiresAt()).isEqualTo(clock.epochSecond() + Duration.ofHours(24).toSeconds());
        assertThat(doc.signedWith(KEY)).isTrue();
    }

    @Test
    void makesUserSigsOfTheValidityItWasGivenAndRenewsThemHalfwayThrough() {
        UserSigProvider shortLived = new UserSigProvider(new Password(KEY), 1400000000L, "administrator", clock,
                Duration.ofMinutes(5));
        String first = shortLived.current();
        clock.advance(Duration.ofSeconds(149));
        String same = shortLived.current();
        clock.advance(Duration.ofSeconds(1));

        String second = shortLived.current();

        assertThat(DecodedUserSig.decode(first).expireSeconds()).isEqualTo(300);
        assertThat(same).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
        assertThat(DecodedUserSig.decode(second).expiresAt()).isEqualTo(clock.epochSecond() + 300);
    }

    @Test
    void renewsOnDemandAfterTheApiSaysExpired() {
        String first = provider.current();
        clock.advance(Duration.ofSeconds(1));

        provider.renew();

        assertThat(provider.current()).isNotEqualTo(first);
    }

    @Test
    void makesANewOneWhenTheClockWentBackwards() {
        String first = provider.current();
        clock.advance(Duration.ofSeconds(-30));

        assertThat(provider.current()).isNotEqualTo(first);
    }
}

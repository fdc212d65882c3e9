package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UserSigTest {

    private static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    @ParameterizedTest(name = "{0} expire {1}")
    @CsvSource({
        "administrator, 86400, yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=",
        "xiaojun, 15552000, LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="
    })
    void signsTheContractsKnownValues(String identifier, long expire, String expectedSig) {
        String userSig = UserSig.generate(KEY, 1400000000L, identifier, 1700000000L, expire);

        DecodedUserSig doc = DecodedUserSig.decode(userSig);

        assertThat(doc.sig()).isEqualTo(expectedSig);
        assertThat(doc.version()).isEqualTo("2.0");
        assertThat(doc.identifier()).isEqualTo(identifier);
        assertThat(doc.sdkAppId()).isEqualTo(1400000000L);
        assertThat(doc.time()).isEqualTo(1700000000L);
        assertThat(doc.expireSeconds()).isEqualTo(expire);
        assertThat(doc.expiresAt()).isEqualTo(1700000000L + expire);
    }

    @Test
    void usesOnlyTheUrlSafeAlphabetOfTlsSigApiV2() {
        String userSig = UserSig.generate(KEY, 1400000000L, "administrator", 1700000000L, 86400);

        assertThat(userSig).matches("[A-Za-z0-9*\\-_]+");
    }

    @Test
    void verifiesOnlyWithTheKeyThatSignedIt() {
        DecodedUserSig doc = DecodedUserSig.decode(
                UserSig.generate(KEY, 1400000000L, "administrator", 1700000000L, 86400));

        assertThat(doc.signedWith(KEY)).isTrue();
        assertThat(doc.signedWith(KEY + "0")).isFalse();
    }
}

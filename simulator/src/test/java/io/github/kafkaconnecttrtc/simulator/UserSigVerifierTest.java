package io.github.kafkaconnecttrtc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's TLSSigAPIv2 signature, pinned to the published algorithm's known values. */
class UserSigVerifierTest {

    private static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    @ParameterizedTest(name = "{0} expire {1}")
    @CsvSource({
        "administrator, 86400, yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=",
        "xiaojun, 15552000, LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="
    })
    void computesTheKnownSignatures(String identifier, long expire, String expected) {
        assertThat(UserSigVerifier.signature(KEY, identifier, 1400000000L, 1700000000L, expire)).isEqualTo(expected);
    }
}

package io.github.kafkaconnecttrtc.simulator;

import static io.github.kafkaconnecttrtc.simulator.ApiCaller.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The UserSig checks, as Tencent's servers make them, and the code each endpoint answers for each. */
class UserSigChecksTest extends RequestCheckFixture {

    @ParameterizedTest
    @CsvSource({"V1, 70002", "V4, 70003"})
    void aMissingOrUndecodableUserSigIsRefused(ApiDialect dialect, int code) {
        assertError(postWithUserSig(dialect, null), code);
        assertError(postWithUserSig(dialect, ""), code);
        assertError(postWithUserSig(dialect, "not-a-usersig"), code);
    }

    @ParameterizedTest
    @CsvSource({"V1, 70002", "V4, 70009"})
    void aUserSigSignedWithAnotherKeyIsRefused(ApiDialect dialect, int code) {
        String otherKey = "0000000000000000000000000000000000000000000000000000000000000000";

        assertError(postWithUserSig(dialect, UserSigs.sign(otherKey, APP, "administrator", NOW, 86_400)), code);
    }

    @ParameterizedTest
    @CsvSource({"V1, 70002", "V4, 70013"})
    void aUserSigForAnotherIdentifierThanTheQueryOrNoIdentifierIsRefused(ApiDialect dialect, int code) {
        assertError(postWithUserSig(dialect, UserSigs.sign(KEY, APP, "ops", NOW, 86_400)), code);
        assertError(postWith(dialect, "identifier", null, LAST_HOUR.json(dialect)), code);
    }

    @ParameterizedTest
    @CsvSource({"V1, 70002", "V4, 70014"})
    void aUserSigForAnotherAppThanTheQueryIsRefused(ApiDialect dialect, int code) {
        assertError(postWithUserSig(dialect, UserSigs.sign(KEY, APP + 1, "administrator", NOW, 86_400)), code);
    }

    @ParameterizedTest
    @CsvSource({"V1, 70002", "V4, 70016"})
    void aQueryForAnotherAppIsRefusedEvenWithAMatchingUserSig(ApiDialect dialect, int code) {
        ApiCaller api = api(dialect);
        Map<String, String> parameters = api.validParameters();
        parameters.put("sdkappid", Long.toString(APP + 1));
        parameters.put("usersig", UserSigs.sign(KEY, APP + 1, "administrator", NOW, 86_400));

        assertError(api.post(parameters, LAST_HOUR.json(dialect)), code);
        assertError(postWith(dialect, "sdkappid", null, LAST_HOUR.json(dialect)), code);
    }

    @ParameterizedTest
    @CsvSource({"V1, 70003", "V4, 70001"})
    void aUserSigIsValidUntilTimePlusExpireAndThenExpired(ApiDialect dialect, int code) {
        String userSig = UserSigs.sign(KEY, APP, "administrator", NOW - 100, 100);

        assertThat(postWithUserSig(dialect, userSig).errorCode()).isZero();
        clock.advanceSeconds(1);
        assertError(postWithUserSig(dialect, userSig), code);
    }

    @ParameterizedTest
    @CsvSource({"V1, 70004", "V4, 60010"})
    void aValidUserSigOfAnIdentifierThatIsNotAnAdministratorIsRefused(ApiDialect dialect, int code) {
        assertError(postAs(dialect, "user1000"), code);
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void anyConfiguredAdministratorMayQuery(ApiDialect dialect) {
        assertThat(postAs(dialect, "ops").errorCode()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ApiDialect.class)
    void noAnswerRepeatsTheUserSig(ApiDialect dialect) {
        String bad = UserSigs.sign("another-key", APP, "administrator", NOW, 86_400);
        String answer = api(dialect).post(Map.of("usersig", bad), LAST_HOUR.json(dialect)).body()
                + postWithUserSig(dialect, bad).body()
                + postWithUserSig(dialect, UserSigs.sign(KEY, APP, "administrator", NOW - 100, 10)).body();

        assertThat(simulator.lastUserSig()).isNotNull();
        assertThat(answer).doesNotContain(bad).doesNotContain(simulator.lastUserSig());
    }
}

package io.github.kafkaconnecttrtc.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A simulator with one call, two administrators and a limit of 5 requests a second, and the ways
 * the request-check tests call it: on either endpoint, with a parameter changed or left out.
 */
abstract class RequestCheckFixture {

    static final long NOW = 1_750_000_000L;
    static final String KEY = SimulatorSettings.DEMO_SECRET_KEY;
    static final long APP = SimulatorSettings.DEFAULT_SDK_APP_ID;
    static final Query LAST_HOUR = Query.from(NOW - 3600);

    final MutableClock clock = MutableClock.atEpochSecond(NOW);
    TrtcSimulator simulator;

    @BeforeEach
    void start() {
        simulator = TrtcSimulator.start(SimulatorSettings.builder()
                .callsPerSecond(0)
                .historyDays(0)
                .rateLimitPerSecond(5)
                .administrators(Set.of("administrator", "ops"))
                .build(), clock);
        simulator.addCall(Calls.single("a", NOW - 100, NOW - 50), NOW - 40);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    ApiCaller api(ApiDialect dialect) {
        return new ApiCaller(simulator, clock, dialect);
    }

    /** {@code body} with {@code parameter} set to {@code value}, or left out when it is null. */
    ApiCaller.Answer postWith(ApiDialect dialect, String parameter, String value, String body) {
        ApiCaller api = api(dialect);
        Map<String, String> parameters = api.validParameters();
        if (value == null) {
            parameters.remove(parameter);
        } else {
            parameters.put(parameter, value);
        }
        return api.post(parameters, body);
    }

    ApiCaller.Answer postWithUserSig(ApiDialect dialect, String userSig) {
        return postWith(dialect, "usersig", userSig, LAST_HOUR.json(dialect));
    }

    /** As {@code identifier}, with a valid UserSig of its own. */
    ApiCaller.Answer postAs(ApiDialect dialect, String identifier) {
        ApiCaller api = api(dialect);
        Map<String, String> parameters = api.validParameters();
        parameters.put("identifier", identifier);
        parameters.put("usersig", UserSigs.sign(KEY, APP, identifier, NOW, 86_400));
        return api.post(parameters, LAST_HOUR.json(dialect));
    }

    /** Each of {@code codes}' arguments (an endpoint and its code), crossed with each of {@code values}. */
    static Stream<Arguments> crossed(Stream<Arguments> codes, List<String> values) {
        return codes.flatMap(code -> values.stream().map(value -> {
            Object[] both = Arrays.copyOf(code.get(), code.get().length + 1);
            both[both.length - 1] = value;
            return Arguments.of(both);
        }));
    }
}

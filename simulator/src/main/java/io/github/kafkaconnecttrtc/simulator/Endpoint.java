package io.github.kafkaconnecttrtc.simulator;

import java.util.List;

/**
 * One records endpoint: its dialect, its logic and answers, and what is its own because it is a
 * separate API, its frequency limit and the codes it answers in turn. The calls, clock, faults,
 * scripted answers and counters are shared.
 */
record Endpoint(ApiDialect dialect, RecordsApi api, Answers answers, RateLimiter rateLimiter,
        CodeRotation rateLimitedCodes, CodeRotation unknownCodes) {

    /** Internal error codes neither endpoint's table knows, used in turn by {@link Fault#UNKNOWN_CODE}. */
    private static final List<Integer> UNKNOWN_CODES = List.of(90001, -1);

    static Endpoint of(ApiDialect dialect, SimulatorSettings settings, CallStore store, RequestIds requestIds) {
        Answers answers = new Answers(dialect, requestIds);
        return new Endpoint(dialect, new RecordsApi(dialect, settings, store, answers), answers,
                new RateLimiter(settings.rateLimitPerSecond()), new CodeRotation(dialect.rateLimitedCodes()),
                new CodeRotation(UNKNOWN_CODES));
    }
}

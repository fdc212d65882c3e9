package io.github.kafkaconnecttrtc.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that shapes a simulator run: the application it pretends to be, the call data it
 * generates and how the API behaves. Build one with {@link #builder()}; every value has a default.
 *
 * @param sdkAppId the application's SDKAppID; queries for any other are refused (70002 in v1, 70016 in v4)
 * @param secretKey the key UserSigs must be signed with; never printed by {@link #toString()}
 * @param administrators the identifiers allowed to query (others get 70004 in v1, 60010 in v4)
 * @param seed the seed of all generated data and of the random fault choice
 * @param historyDays days of calls generated before the start (0..7)
 * @param callsPerSecond mean number of calls starting per second (before {@code liveFromSecond})
 * @param liveCallsPerSecond mean number of calls starting per second from {@code liveFromSecond} on,
 *     so that a benchmark can pair a large history with a different live load
 * @param liveFromSecond the Unix second from which {@code liveCallsPerSecond} applies; {@link
 *     Long#MAX_VALUE}, the default, keeps {@code callsPerSecond} throughout
 * @param endTimestampReading how {@code endTimestamp} filters (README.md, "How endTimestamp filters")
 * @param visibilityDelaySeconds longest delay between a call's end and its record becoming visible
 * @param maxCallDurationSeconds longest generated call, from start to end
 * @param longCallFraction share of connected calls that last between an hour and {@code
 *     maxCallDurationSeconds}
 * @param groupPackage whether the application has the TUICallKit group-call package
 * @param rateLimitPerSecond requests allowed per clock second by each endpoint; 0 turns the limit off
 * @param bindAddress the address to listen on: loopback unless the simulator runs alone in a
 *     container of its own, as in docker-compose.yml
 * @param port the local port; 0 picks a free one
 * @param slowAnswerDelay how long a {@link Fault#SLOW} answer waits, initially
 * @param malformedRecordRate share of generated calls whose record the API always sends
 *     malformed, each in one of the ways {@link Malformation} lists, chosen by call id; 0, the
 *     default, sends every record as it is
 * @param v4MaxPageSize the most records a v4 page holds: a larger {@code NumberPerPage} is served
 *     at this size, as a service that answers fewer than asked does
 * @param latencyMillis the network's fixed delay added to each answer, in real time (README.md,
 *     "Network latency")
 * @param latencyJitterMillis the most added to {@code latencyMillis}: each answer waits the delay
 *     plus a uniform draw in 0..jitter
 * @param slowAnswerRate the probability that an answer waits {@code slowAnswerMillis} instead of
 *     the delay and jitter, as when the vendor's backend nears its own time limit
 * @param slowAnswerMillis how long such a slow answer waits; not the {@link Fault#SLOW} fault,
 *     whose wait is {@code slowAnswerDelay}
 */
public record SimulatorSettings(
        long sdkAppId,
        String secretKey,
        Set<String> administrators,
        long seed,
        int historyDays,
        double callsPerSecond,
        double liveCallsPerSecond,
        long liveFromSecond,
        EndTimestampReading endTimestampReading,
        long visibilityDelaySeconds,
        long maxCallDurationSeconds,
        double longCallFraction,
        boolean groupPackage,
        int rateLimitPerSecond,
        String bindAddress,
        int port,
        Duration slowAnswerDelay,
        double malformedRecordRate,
        int v4MaxPageSize,
        long latencyMillis,
        long latencyJitterMillis,
        double slowAnswerRate,
        long slowAnswerMillis) {

    /**
     * The demo secret key, the key of the published TLSSigAPIv2 known values. It protects
     * nothing: the simulator only ever listens on 127.0.0.1.
     */
    public static final String DEMO_SECRET_KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final long DEFAULT_SDK_APP_ID = 1_400_000_000L;
    public static final String DEFAULT_ADMINISTRATOR = "administrator";
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_HISTORY_DAYS = 7;
    public static final double DEFAULT_CALLS_PER_SECOND = 0.5;
    public static final long DEFAULT_VISIBILITY_DELAY_SECONDS = 5;
    public static final long DEFAULT_MAX_CALL_DURATION_SECONDS = Duration.ofHours(6).toSeconds();
    public static final double DEFAULT_LONG_CALL_FRACTION = 0.01;
    public static final int DEFAULT_RATE_LIMIT_PER_SECOND = 200;
    public static final Duration DEFAULT_SLOW_ANSWER_DELAY = Duration.ofSeconds(5);
    public static final int DEFAULT_V4_MAX_PAGE_SIZE = 100;
    /** Just under the 3 s the vendor's backend may take. */
    public static final long DEFAULT_SLOW_ANSWER_MILLIS = 2800;

    /** The API only serves this much history, so generating more would be wasted. */
    static final int MAX_HISTORY_DAYS = 7;

    /** Generation cost is linear in the rate; beyond this a run would mostly generate data. */
    static final double MAX_CALLS_PER_SECOND = 1000;

    /** Ring times reach a minute, so a shorter maximum could not hold an unanswered call. */
    static final long MIN_MAX_CALL_DURATION_SECONDS = 60;

    /** A call that started more than 7 days ago is gone from the API anyway. */
    static final long MAX_MAX_CALL_DURATION_SECONDS = Duration.ofDays(7).toSeconds();

    /** Far beyond any real network; a larger value would more likely be a unit mistake. */
    static final long MAX_LATENCY_MILLIS = 10_000;

    public SimulatorSettings {
        require(sdkAppId > 0, "sdkAppId must be positive, was " + sdkAppId);
        require(secretKey != null && !secretKey.isBlank(), "secretKey must not be blank");
        Objects.requireNonNull(administrators, "administrators");
        administrators = Set.copyOf(administrators);
        require(!administrators.isEmpty(), "administrators must name at least one identifier");
        require(administrators.stream().noneMatch(String::isBlank),
                "administrators must not contain a blank identifier");
        require(historyDays >= 0 && historyDays <= MAX_HISTORY_DAYS,
                "historyDays must be within 0.." + MAX_HISTORY_DAYS + ", was " + historyDays);
        require(Double.isFinite(callsPerSecond) && callsPerSecond >= 0 && callsPerSecond <= MAX_CALLS_PER_SECOND,
                "callsPerSecond must be within 0.." + MAX_CALLS_PER_SECOND + ", was " + callsPerSecond);
        require(Double.isFinite(liveCallsPerSecond) && liveCallsPerSecond >= 0
                        && liveCallsPerSecond <= MAX_CALLS_PER_SECOND,
                "liveCallsPerSecond must be within 0.." + MAX_CALLS_PER_SECOND + ", was " + liveCallsPerSecond);
        Objects.requireNonNull(endTimestampReading, "endTimestampReading");
        require(visibilityDelaySeconds >= 0,
                "visibilityDelaySeconds must not be negative, was " + visibilityDelaySeconds);
        require(maxCallDurationSeconds >= MIN_MAX_CALL_DURATION_SECONDS
                        && maxCallDurationSeconds <= MAX_MAX_CALL_DURATION_SECONDS,
                "maxCallDurationSeconds must be within " + MIN_MAX_CALL_DURATION_SECONDS + ".."
                        + MAX_MAX_CALL_DURATION_SECONDS + ", was " + maxCallDurationSeconds);
        require(longCallFraction >= 0 && longCallFraction <= 1,
                "longCallFraction must be within 0..1, was " + longCallFraction);
        require(rateLimitPerSecond >= 0, "rateLimitPerSecond must not be negative (0 turns the limit off), was "
                + rateLimitPerSecond);
        Objects.requireNonNull(bindAddress, "bindAddress");
        require(port >= 0 && port <= 65535, "port must be within 0..65535, was " + port);
        Objects.requireNonNull(slowAnswerDelay, "slowAnswerDelay");
        require(!slowAnswerDelay.isNegative(), "slowAnswerDelay must not be negative, was " + slowAnswerDelay);
        require(malformedRecordRate >= 0 && malformedRecordRate <= 1,
                "malformedRecordRate must be within 0..1, was " + malformedRecordRate);
        require(v4MaxPageSize >= 1, "v4MaxPageSize must be at least 1, was " + v4MaxPageSize);
        requireLatency("latencyMillis", latencyMillis);
        requireLatency("latencyJitterMillis", latencyJitterMillis);
        require(slowAnswerRate >= 0 && slowAnswerRate <= 1,
                "slowAnswerRate must be within 0..1, was " + slowAnswerRate);
        requireLatency("slowAnswerMillis", slowAnswerMillis);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default settings. */
    public static SimulatorSettings defaults() {
        return builder().build();
    }

    /** A builder holding these settings, to change a few. */
    public Builder toBuilder() {
        return new Builder()
                .sdkAppId(sdkAppId)
                .secretKey(secretKey)
                .administrators(administrators)
                .seed(seed)
                .historyDays(historyDays)
                .callsPerSecond(callsPerSecond)
                .liveRate(liveFromSecond, liveCallsPerSecond)
                .endTimestampReading(endTimestampReading)
                .visibilityDelaySeconds(visibilityDelaySeconds)
                .maxCallDurationSeconds(maxCallDurationSeconds)
                .longCallFraction(longCallFraction)
                .groupPackage(groupPackage)
                .rateLimitPerSecond(rateLimitPerSecond)
                .bindAddress(bindAddress)
                .port(port)
                .slowAnswerDelay(slowAnswerDelay)
                .malformedRecordRate(malformedRecordRate)
                .v4MaxPageSize(v4MaxPageSize)
                .latencyMillis(latencyMillis)
                .latencyJitterMillis(latencyJitterMillis)
                .slowAnswerRate(slowAnswerRate)
                .slowAnswerMillis(slowAnswerMillis);
    }

    @Override
    public String toString() {
        // The secret key signs UserSigs: it stays out of anything that may be logged.
        return "SimulatorSettings[sdkAppId=" + sdkAppId + ", secretKey=<redacted>, administrators=" + administrators
                + ", seed=" + seed + ", historyDays=" + historyDays + ", callsPerSecond=" + callsPerSecond
                + ", liveCallsPerSecond=" + liveCallsPerSecond + ", liveFromSecond=" + liveFromSecond
                + ", endTimestampReading=" + endTimestampReading + ", visibilityDelaySeconds=" + visibilityDelaySeconds
                + ", maxCallDurationSeconds=" + maxCallDurationSeconds + ", longCallFraction=" + longCallFraction
                + ", groupPackage=" + groupPackage + ", rateLimitPerSecond=" + rateLimitPerSecond
                + ", bindAddress=" + bindAddress + ", port=" + port
                + ", slowAnswerDelay=" + slowAnswerDelay + ", malformedRecordRate=" + malformedRecordRate
                + ", v4MaxPageSize=" + v4MaxPageSize + ", latencyMillis=" + latencyMillis
                + ", latencyJitterMillis=" + latencyJitterMillis + ", slowAnswerRate=" + slowAnswerRate
                + ", slowAnswerMillis=" + slowAnswerMillis + "]";
    }

    private static void requireLatency(String name, long millis) {
        require(millis >= 0 && millis <= MAX_LATENCY_MILLIS,
                name + " must be within 0.." + MAX_LATENCY_MILLIS + " (ms), was " + millis);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Collects settings; starts from the defaults, validates on {@link #build()}. */
    public static final class Builder {

        private long sdkAppId = DEFAULT_SDK_APP_ID;
        private String secretKey = DEMO_SECRET_KEY;
        private Set<String> administrators = Set.of(DEFAULT_ADMINISTRATOR);
        private long seed = DEFAULT_SEED;
        private int historyDays = DEFAULT_HISTORY_DAYS;
        private double callsPerSecond = DEFAULT_CALLS_PER_SECOND;
        private double liveCallsPerSecond = DEFAULT_CALLS_PER_SECOND;
        private long liveFromSecond = Long.MAX_VALUE;
        private EndTimestampReading endTimestampReading = EndTimestampReading.END;
        private long visibilityDelaySeconds = DEFAULT_VISIBILITY_DELAY_SECONDS;
        private long maxCallDurationSeconds = DEFAULT_MAX_CALL_DURATION_SECONDS;
        private double longCallFraction = DEFAULT_LONG_CALL_FRACTION;
        private boolean groupPackage = true;
        private int rateLimitPerSecond = DEFAULT_RATE_LIMIT_PER_SECOND;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int port;
        private Duration slowAnswerDelay = DEFAULT_SLOW_ANSWER_DELAY;
        private double malformedRecordRate;
        private int v4MaxPageSize = DEFAULT_V4_MAX_PAGE_SIZE;
        private long latencyMillis;
        private long latencyJitterMillis;
        private double slowAnswerRate;
        private long slowAnswerMillis = DEFAULT_SLOW_ANSWER_MILLIS;

        private Builder() {
        }

        public Builder sdkAppId(long value) {
            sdkAppId = value;
            return this;
        }

        public Builder secretKey(String value) {
            secretKey = value;
            return this;
        }

        public Builder administrators(Set<String> value) {
            administrators = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder historyDays(int value) {
            historyDays = value;
            return this;
        }

        public Builder callsPerSecond(double value) {
            callsPerSecond = value;
            return this;
        }

        /** From Unix second {@code fromSecond} on, calls start at {@code callsPerSecond} instead. */
        public Builder liveRate(long fromSecond, double callsPerSecond) {
            liveFromSecond = fromSecond;
            liveCallsPerSecond = callsPerSecond;
            return this;
        }

        public Builder endTimestampReading(EndTimestampReading value) {
            endTimestampReading = value;
            return this;
        }

        public Builder visibilityDelaySeconds(long value) {
            visibilityDelaySeconds = value;
            return this;
        }

        public Builder maxCallDurationSeconds(long value) {
            maxCallDurationSeconds = value;
            return this;
        }

        public Builder longCallFraction(double value) {
            longCallFraction = value;
            return this;
        }

        public Builder groupPackage(boolean value) {
            groupPackage = value;
            return this;
        }

        public Builder rateLimitPerSecond(int value) {
            rateLimitPerSecond = value;
            return this;
        }

        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder slowAnswerDelay(Duration value) {
            slowAnswerDelay = value;
            return this;
        }

        public Builder malformedRecordRate(double value) {
            malformedRecordRate = value;
            return this;
        }

        public Builder v4MaxPageSize(int value) {
            v4MaxPageSize = value;
            return this;
        }

        public Builder latencyMillis(long value) {
            latencyMillis = value;
            return this;
        }

        public Builder latencyJitterMillis(long value) {
            latencyJitterMillis = value;
            return this;
        }

        public Builder slowAnswerRate(double value) {
            slowAnswerRate = value;
            return this;
        }

        public Builder slowAnswerMillis(long value) {
            slowAnswerMillis = value;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException naming the first value out of range
         */
        public SimulatorSettings build() {
            return new SimulatorSettings(sdkAppId, secretKey, administrators, seed, historyDays, callsPerSecond,
                    liveCallsPerSecond, liveFromSecond, endTimestampReading, visibilityDelaySeconds,
                    maxCallDurationSeconds, longCallFraction, groupPackage, rateLimitPerSecond, bindAddress, port,
                    slowAnswerDelay, malformedRecordRate, v4MaxPageSize, latencyMillis, latencyJitterMillis,
                    slowAnswerRate, slowAnswerMillis);
        }
    }
}

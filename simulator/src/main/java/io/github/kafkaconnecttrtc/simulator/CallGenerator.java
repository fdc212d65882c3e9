package io.github.kafkaconnecttrtc.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes the calls that start in one wall-clock second, from a random generator seeded by the
 * settings' seed and that second alone. The same seed therefore gives the same calls whether a
 * second is generated as history at start or lazily after a clock jump.
 *
 * <p>The mix aims at data that looks like a real application's: a few thousand users, mostly
 * one-to-one calls with all the results the API knows (and, rarely, {@code offline}, which the
 * vendor's v1 example and v4 callback page show), group calls of 3..8 people, rooms mostly
 * numeric and some named, log-normal talk times and, now and then, a call lasting hours.
 */
final class CallGenerator {

    static final String SINGLE = "single";
    static final String GROUP = "group";

    private static final double GROUP_SHARE = 0.15;
    private static final double VIDEO_SHARE = 0.6;
    private static final int USER_POOL = 3000;
    private static final int FIRST_USER_NUMBER = 1000;
    private static final long MAX_ROOM_ID = 4_294_967_294L;
    /** One room in this many has a string id, as an application that names its rooms uses. */
    private static final int STRING_ROOM_EVERY = 10;
    private static final int MIN_GROUP_SIZE = 3;
    private static final int MAX_GROUP_SIZE = 8;

    /** Median talk time of a connected call, and the spread of its logarithm. */
    private static final double MEDIAN_TALK_SECONDS = 180;
    private static final double TALK_LOG_SIGMA = 1.0;
    private static final long LONG_CALL_MIN_SECONDS = 3600;

    /** Traffic swings by this share of the mean over a day, so that quiet and busy hours both occur. */
    private static final double DAILY_SWING = 0.3;
    private static final long SECONDS_PER_DAY = 86_400;

    /** Knuth's Poisson sampler underflows for large means; larger means are summed from chunks. */
    private static final double POISSON_CHUNK = 30;

    /**
     * The users' names, made once: a history of millions of calls would otherwise hold a copy of
     * the same few thousand strings in every call.
     */
    private static final String[] USERS = users();

    private static final Comparator<ApiRecord> BY_CALL_ID = Comparator.comparing(ApiRecord::callId);

    /** How a one-to-one call ends, how often, and how long it rings first. */
    private enum Outcome {
        NORMAL_END("normal_end", 0.435, true, 1, 20),
        INTERRUPT("interrupt", 0.075, true, 1, 20),
        CANCEL("cancel", 0.15, false, 1, 45),
        REJECT("reject", 0.10, false, 1, 30),
        NOT_ANSWER("not_answer", 0.15, false, 30, 60),
        CALL_BUSY("call_busy", 0.07, false, 0, 2),
        OFFLINE("offline", 0.02, false, 0, 60);

        final String result;
        final double share;
        final boolean connected;
        final int minRingSeconds;
        final int maxRingSeconds;

        Outcome(String result, double share, boolean connected, int minRingSeconds, int maxRingSeconds) {
            this.result = result;
            this.share = share;
            this.connected = connected;
            this.minRingSeconds = minRingSeconds;
            this.maxRingSeconds = maxRingSeconds;
        }

        static Outcome draw(double uniform) {
            double cumulative = 0;
            for (Outcome outcome : values()) {
                cumulative += outcome.share;
                if (uniform < cumulative) {
                    return outcome;
                }
            }
            // Rounding in the cumulative sum can leave a sliver just below 1.
            return NORMAL_END;
        }
    }

    private record Times(long acceptTs, long endTs) {
    }

    private final SimulatorSettings settings;
    private final long mixedSeed;

    CallGenerator(SimulatorSettings settings) {
        this.settings = settings;
        this.mixedSeed = mix(settings.seed());
    }

    /** The calls that start in {@code second}, ordered by call id. */
    List<SimulatedCall> callsStartingAt(long second) {
        SplittableRandom random = new SplittableRandom(mix(mixedSeed + second * 0x9E3779B97F4A7C15L));
        int count = poisson(random, rateAt(second));
        List<SimulatedCall> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ApiRecord record = record(random, second);
            calls.add(new SimulatedCall(record, record.endTs() + visibilityDelay(random.nextDouble()),
                    Malformation.of(settings.seed(), record.callId(), settings.malformedRecordRate())));
        }
        calls.sort(Comparator.comparing(SimulatedCall::call, BY_CALL_ID));
        return calls;
    }

    private double rateAt(long second) {
        double phase = 2 * Math.PI * Math.floorMod(second, SECONDS_PER_DAY) / SECONDS_PER_DAY;
        double mean = second >= settings.liveFromSecond() ? settings.liveCallsPerSecond() : settings.callsPerSecond();
        return mean * (1 + DAILY_SWING * Math.sin(phase));
    }

    private ApiRecord record(SplittableRandom random, long start) {
        String callId = uuid(random);
        String mediaType = random.nextDouble() < VIDEO_SHARE ? "video" : "audio";
        String roomId = roomId(random.nextLong(1, MAX_ROOM_ID + 1));
        String caller = user(random);
        if (random.nextDouble() < GROUP_SHARE) {
            int participants = random.nextInt(MIN_GROUP_SIZE, MAX_GROUP_SIZE + 1);
            List<String> callees = callees(random, caller, participants - 1);
            Times times = connectedTimes(random, start, Outcome.NORMAL_END);
            return new ApiRecord(callId, settings.sdkAppId(), mediaType, roomId, start, times.acceptTs(),
                    times.endTs(), caller, participants, GROUP, Outcome.NORMAL_END.result, callees);
        }
        Outcome outcome = Outcome.draw(random.nextDouble());
        List<String> callees = callees(random, caller, 1);
        Times times = outcome.connected
                ? connectedTimes(random, start, outcome)
                : new Times(0, start + ring(random, outcome));
        return new ApiRecord(callId, settings.sdkAppId(), mediaType, roomId, start, times.acceptTs(),
                times.endTs(), caller, 2, SINGLE, outcome.result, callees);
    }

    /** The times of a call that was connected, never longer than the settings allow. */
    private Times connectedTimes(SplittableRandom random, long start, Outcome outcome) {
        long ring = ring(random, outcome);
        long maxDuration = settings.maxCallDurationSeconds();
        long duration;
        if (random.nextDouble() < settings.longCallFraction()) {
            duration = random.nextLong(Math.min(LONG_CALL_MIN_SECONDS, maxDuration), maxDuration + 1);
        } else {
            double talk = Math.exp(Math.log(MEDIAN_TALK_SECONDS) + TALK_LOG_SIGMA * random.nextGaussian());
            duration = Math.min(maxDuration, ring + Math.max(1, Math.round(talk)));
        }
        return new Times(start + ring, start + duration);
    }

    /**
     * A numeric room id, or for one number in {@value #STRING_ROOM_EVERY} a string one such as
     * {@code room-1a2b3c}: taken from the number rather than a draw of its own, so that the
     * other fields of a seed's calls stay as they were.
     */
    private static String roomId(long number) {
        return number % STRING_ROOM_EVERY == 0 ? "room-" + Long.toHexString(number) : Long.toString(number);
    }

    private static long ring(SplittableRandom random, Outcome outcome) {
        return random.nextInt(outcome.minRingSeconds, outcome.maxRingSeconds + 1);
    }

    private long visibilityDelay(double uniform) {
        long bound = settings.visibilityDelaySeconds();
        // Drawn as a double whatever the setting, so that changing the delay leaves the calls alone.
        return Math.min(bound, (long) Math.floor(uniform * (bound + 1)));
    }

    private static List<String> callees(SplittableRandom random, String caller, int count) {
        Set<String> callees = new LinkedHashSet<>();
        while (callees.size() < count) {
            String user = user(random);
            if (!user.equals(caller)) {
                callees.add(user);
            }
        }
        return List.copyOf(callees);
    }

    private static String user(SplittableRandom random) {
        return USERS[random.nextInt(USER_POOL)];
    }

    private static String[] users() {
        String[] users = new String[USER_POOL];
        for (int i = 0; i < USER_POOL; i++) {
            users[i] = "user" + (FIRST_USER_NUMBER + i);
        }
        return users;
    }

    private static String uuid(SplittableRandom random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }

    static int poisson(SplittableRandom random, double mean) {
        int count = 0;
        double remaining = mean;
        while (remaining > 0) {
            double chunk = Math.min(remaining, POISSON_CHUNK);
            remaining -= chunk;
            double limit = Math.exp(-chunk);
            double product = random.nextDouble();
            while (product > limit) {
                count++;
                product *= random.nextDouble();
            }
        }
        return count;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: neighbouring seconds get unrelated seeds. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

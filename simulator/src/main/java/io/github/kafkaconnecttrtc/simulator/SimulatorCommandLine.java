package io.github.kafkaconnecttrtc.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The standalone simulator's command-line flags, turned into settings and fault rates.
 *
 * @param settings the simulator settings
 * @param faultRates the fault rates to set at start
 * @param help whether the user asked for the usage text
 */
record SimulatorCommandLine(SimulatorSettings settings, Map<Fault, Double> faultRates, boolean help) {

    static final String USAGE = """
            Usage: java -jar simulator/target/trtc-simulator.jar [options]
              A local TRTC call-records API on 127.0.0.1, with two endpoints over the same calls:
              POST /v1/records/get_records_by_filter and
              POST /v4/call_record_http_srv/get_record_by_filter.

              --port N                      port to listen on; 0 picks a free one (default 0)
              --bind ADDRESS                address to listen on (default 127.0.0.1; 0.0.0.0 only
                                            inside a container of its own)
              --seed N                      seed of the generated calls (default %d)
              --sdkappid N                  the application's SDKAppID (default %d)
              --identifier NAME             an administrator account; repeatable (default %s)
              --secret-key KEY              the key UserSigs are signed with (default: the demo key)
              --history-days N              days of calls generated before the start, 0..7 (default %d)
              --calls-per-second X          mean rate of new calls (default %s)
              --end-timestamp-reading R     end | start: how endTimestamp (v4: EndTime) filters
                                            (default end)
              --visibility-delay DURATION   longest delay before an ended call shows (default %ds)
              --max-call-duration DURATION  longest generated call (default %ds)
              --long-call-fraction X        share of connected calls lasting an hour or more (default %s)
              --no-group-package            the application lacks the group-call package (v1: 50001
                                            for group queries; v4: no MultiCall calls)
              --rate-limit N                requests per second to each endpoint before "frequency
                                            limited" (v1 70005, v4 60007/60011/60018/60019 in
                                            turn); 0 = no limit (default %d)
              --v4-max-page-size N          most records in a v4 page; a larger NumberPerPage is
                                            served at this size (default %d)
              --slow-answer-delay DURATION  how long a SLOW fault waits (default %ds)
              --latency-ms N                network delay added to every answer, in real time,
                                            half before the answer is computed, half after;
                                            0..10000 (default 0)
              --latency-jitter-ms N         each answer waits the delay plus a uniform draw in
                                            0..N ms; 0..10000 (default 0)
              --slow-answer-rate X          probability that an answer waits --slow-answer-ms
                                            instead of delay and jitter; 0..1 (default 0)
              --slow-answer-ms N            how long such a slow answer waits, near the backend's
                                            3 s limit; 0..10000 (default %d)
              --malformed-record-rate X     share of calls whose record is always sent malformed,
                                            in one of the ways of Malformation (default 0)
              --fault NAME=RATE             inject a fault with this probability; repeatable
                                            NAME: %s
              --help                        print this text

              DURATION: seconds, or a number with s, m, h or d (e.g. 90, 30m, 6h).
              Admin (no credentials, local only): GET /simulator/stats, PUT /simulator/faults.
            """.formatted(SimulatorSettings.DEFAULT_SEED, SimulatorSettings.DEFAULT_SDK_APP_ID,
            SimulatorSettings.DEFAULT_ADMINISTRATOR, SimulatorSettings.DEFAULT_HISTORY_DAYS,
            SimulatorSettings.DEFAULT_CALLS_PER_SECOND, SimulatorSettings.DEFAULT_VISIBILITY_DELAY_SECONDS,
            SimulatorSettings.DEFAULT_MAX_CALL_DURATION_SECONDS, SimulatorSettings.DEFAULT_LONG_CALL_FRACTION,
            SimulatorSettings.DEFAULT_RATE_LIMIT_PER_SECOND, SimulatorSettings.DEFAULT_V4_MAX_PAGE_SIZE,
            SimulatorSettings.DEFAULT_SLOW_ANSWER_DELAY.toSeconds(), SimulatorSettings.DEFAULT_SLOW_ANSWER_MILLIS,
            List.of(Fault.values()));

    SimulatorCommandLine {
        faultRates = Map.copyOf(faultRates);
    }

    /**
     * Reads {@code args}.
     *
     * @throws IllegalArgumentException naming the flag at fault; never echoes the secret key
     */
    static SimulatorCommandLine parse(String... args) {
        SimulatorSettings.Builder settings = SimulatorSettings.builder();
        Set<String> administrators = new LinkedHashSet<>();
        Map<Fault, Double> faultRates = new EnumMap<>(Fault.class);
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            switch (flag) {
                case "--help", "-h" -> {
                    return new SimulatorCommandLine(SimulatorSettings.defaults(), Map.of(), true);
                }
                case "--no-group-package" -> settings.groupPackage(false);
                case "--port" -> settings.port(intValue(flag, value(flag, rest)));
                case "--bind" -> settings.bindAddress(value(flag, rest));
                case "--seed" -> settings.seed(longValue(flag, value(flag, rest)));
                case "--sdkappid" -> settings.sdkAppId(longValue(flag, value(flag, rest)));
                case "--identifier" -> administrators.add(value(flag, rest));
                case "--secret-key" -> settings.secretKey(value(flag, rest));
                case "--history-days" -> settings.historyDays(intValue(flag, value(flag, rest)));
                case "--calls-per-second" -> settings.callsPerSecond(doubleValue(flag, value(flag, rest)));
                case "--end-timestamp-reading" -> settings.endTimestampReading(reading(value(flag, rest)));
                case "--visibility-delay" -> settings.visibilityDelaySeconds(seconds(flag, value(flag, rest)));
                case "--max-call-duration" -> settings.maxCallDurationSeconds(seconds(flag, value(flag, rest)));
                case "--long-call-fraction" -> settings.longCallFraction(doubleValue(flag, value(flag, rest)));
                case "--rate-limit" -> settings.rateLimitPerSecond(intValue(flag, value(flag, rest)));
                case "--v4-max-page-size" -> settings.v4MaxPageSize(intValue(flag, value(flag, rest)));
                case "--slow-answer-delay" -> settings.slowAnswerDelay(duration(flag, value(flag, rest)));
                case "--malformed-record-rate" -> settings.malformedRecordRate(doubleValue(flag, value(flag, rest)));
                case "--latency-ms" -> settings.latencyMillis(longValue(flag, value(flag, rest)));
                case "--latency-jitter-ms" -> settings.latencyJitterMillis(longValue(flag, value(flag, rest)));
                case "--slow-answer-rate" -> settings.slowAnswerRate(doubleValue(flag, value(flag, rest)));
                case "--slow-answer-ms" -> settings.slowAnswerMillis(longValue(flag, value(flag, rest)));
                case "--fault" -> fault(value(flag, rest), faultRates);
                default -> throw new IllegalArgumentException("unknown option " + flag + " (see --help)");
            }
        }
        if (!administrators.isEmpty()) {
            settings.administrators(administrators);
        }
        return new SimulatorCommandLine(settings.build(), faultRates, false);
    }

    private static String value(String flag, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.remove(0);
    }

    private static int intValue(String flag, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got " + text);
        }
    }

    private static long longValue(String flag, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got " + text);
        }
    }

    private static double doubleValue(String flag, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + text);
        }
    }

    private static EndTimestampReading reading(String text) {
        try {
            return EndTimestampReading.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--end-timestamp-reading needs end or start, got " + text);
        }
    }

    private static long seconds(String flag, String text) {
        return duration(flag, text).toSeconds();
    }

    private static Duration duration(String flag, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a duration");
        }
        char unit = text.charAt(text.length() - 1);
        String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        long amount = longValue(flag, number);
        return switch (Character.isDigit(unit) ? 's' : Character.toLowerCase(unit)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException(
                    flag + " needs seconds or a number with s, m, h or d, got " + text);
        };
    }

    private static void fault(String text, Map<Fault, Double> faultRates) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("--fault needs NAME=RATE, got " + text);
        }
        Fault fault;
        try {
            fault = Fault.valueOf(text.substring(0, equals).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fault names an unknown fault: " + text.substring(0, equals)
                    + "; known: " + List.of(Fault.values()));
        }
        faultRates.put(fault, doubleValue("--fault", text.substring(equals + 1)));
    }
}

package io.github.kafkaconnecttrtc.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The v4 endpoint's names for the values a call record holds: {@code SingleCall} for {@code
 * single}, {@code NormalEnd} for {@code normal_end}, {@code Video} for {@code video}, and back for
 * the values a v4 query may filter by.
 */
final class V4Names {

    /** The results a v4 query may ask for: those the generator makes, {@code offline} among them. */
    private static final List<String> RESULTS =
            List.of("cancel", "reject", "not_answer", "normal_end", "call_busy", "interrupt", "offline");
    private static final Map<String, String> RESULTS_BY_V4_NAME =
            RESULTS.stream().collect(Collectors.toUnmodifiableMap(V4Names::camelCase, Function.identity()));
    private static final Map<String, String> TYPES_BY_V4_NAME =
            Map.of("SingleCall", CallGenerator.SINGLE, "MultiCall", CallGenerator.GROUP);

    private V4Names() {
    }

    static String callType(String v1) {
        if (v1 == null) {
            return null;
        }
        return switch (v1) {
            case CallGenerator.SINGLE -> "SingleCall";
            case CallGenerator.GROUP -> "MultiCall";
            default -> camelCase(v1);
        };
    }

    /** {@code not_answer} becomes {@code NotAnswer}; a result the table does not know is changed alike. */
    static String callResult(String v1) {
        return camelCase(v1);
    }

    static String mediaType(String v1) {
        return camelCase(v1);
    }

    /** The v1 type a v4 {@code CallType} names, or null when it names none. */
    static String v1CallType(String v4) {
        return TYPES_BY_V4_NAME.get(v4);
    }

    /** The v1 result a v4 {@code CallResult} names, or null when it names none. */
    static String v1CallResult(String v4) {
        return RESULTS_BY_V4_NAME.get(v4);
    }

    private static String camelCase(String snake) {
        if (snake == null) {
            return null;
        }
        StringBuilder camel = new StringBuilder(snake.length());
        for (String word : snake.split("_")) {
            if (!word.isEmpty()) {
                camel.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return camel.toString();
    }
}

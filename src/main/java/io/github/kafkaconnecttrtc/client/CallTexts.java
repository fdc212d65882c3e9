package io.github.kafkaconnecttrtc.client;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The enum texts of a call record in both dialects: v1 sends {@code normal_end} and {@code single}, v4
 * {@code NormalEnd} and {@code SingleCall}. Records keep the text as sent; queries, filters and the
 * schema's symbols go through this one table.
 */
public final class CallTexts {

    /** One value as each dialect spells it. */
    public record Spelling(String v1, String v4) {
    }

    public static final List<Spelling> MEDIA_TYPES = List.of(new Spelling("audio", "Audio"),
            new Spelling("video", "Video"));
    public static final List<Spelling> CALL_TYPES = List.of(new Spelling("single", "SingleCall"),
            new Spelling("group", "MultiCall"));
    public static final List<Spelling> CALL_RESULTS = List.of(new Spelling("cancel", "Cancel"),
            new Spelling("reject", "Reject"), new Spelling("not_answer", "NotAnswer"),
            new Spelling("normal_end", "NormalEnd"), new Spelling("call_busy", "CallBusy"),
            new Spelling("interrupt", "Interrupt"), new Spelling("offline", "Offline"));

    /** Either spelling, lower-cased, to v1's. */
    private static final Map<String, String> V1_BY_LOWER = new HashMap<>();
    private static final Map<String, String> V4_BY_V1 = new HashMap<>();

    static {
        for (List<Spelling> kind : List.of(MEDIA_TYPES, CALL_TYPES, CALL_RESULTS)) {
            for (Spelling spelling : kind) {
                V1_BY_LOWER.put(spelling.v1(), spelling.v1());
                V1_BY_LOWER.put(spelling.v4().toLowerCase(Locale.ROOT), spelling.v1());
                V4_BY_V1.put(spelling.v1(), spelling.v4());
            }
        }
    }

    private CallTexts() {
    }

    /** v1's text of a value as either dialect sends it, in any case; a text neither knows lower-cased; null for null. */
    public static String v1Text(String apiText) {
        if (apiText == null) {
            return null;
        }
        String lower = apiText.toLowerCase(Locale.ROOT);
        return V1_BY_LOWER.getOrDefault(lower, lower);
    }

    /** v4's text of a value the connector names by v1's text; a text v4 is not known to spell, unchanged. */
    static String v4Text(String v1Text) {
        return v1Text == null ? null : V4_BY_V1.getOrDefault(v1Text.toLowerCase(Locale.ROOT), v1Text);
    }
}

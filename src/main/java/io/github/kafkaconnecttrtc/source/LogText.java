package io.github.kafkaconnecttrtc.source;

/** Text from the API made safe for one log line: short, and without control characters that could forge lines. */
final class LogText {

    /** The longest excerpt of a record's text a log line shows. */
    static final int MAX_EXCERPT = 200;

    private LogText() {
    }

    /** {@code text} cut to {@link #MAX_EXCERPT} characters, control characters escaped; "null" for none. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_EXCERPT) + 16);
        int end = Math.min(text.length(), MAX_EXCERPT);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX_EXCERPT) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}

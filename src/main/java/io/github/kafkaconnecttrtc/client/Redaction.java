package io.github.kafkaconnecttrtc.client;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of text that may reach a log, an exception or the REST API: any
 * {@code usersig=} query value, and any given secret wherever it stands.
 */
public final class Redaction {

    public static final String MASK = "[redacted]";
    private static final Pattern USERSIG_PARAM = Pattern.compile("(?i)(usersig=)[^&\\s\"']+");

    private Redaction() {
    }

    /** {@code text} with every secret and every {@code usersig=} value masked. */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = USERSIG_PARAM.matcher(text).replaceAll("$1" + MASK);
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /**
     * {@code error} itself when no message in its cause chain holds a secret; otherwise a copy
     * of the chain with masked messages, the original class names and the original stack traces.
     */
    public static Throwable scrub(Throwable error, Collection<String> secrets) {
        if (!leaks(error, secrets, new IdentityHashMap<>())) {
            return error;
        }
        return copy(error, secrets, new IdentityHashMap<>());
    }

    private static boolean leaks(Throwable t, Collection<String> secrets, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && !message.equals(redact(message, secrets))) {
            return true;
        }
        return leaks(t.getCause(), secrets, seen);
    }

    private static Throwable copy(Throwable t, Collection<String> secrets, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return null;
        }
        RedactedException copy = new RedactedException(
                t.getClass().getName() + ": " + redact(t.getMessage(), secrets), copy(t.getCause(), secrets, seen));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Stands in for an exception whose message held a credential. */
    public static final class RedactedException extends Exception {

        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

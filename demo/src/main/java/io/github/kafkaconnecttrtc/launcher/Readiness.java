package io.github.kafkaconnecttrtc.launcher;

/**
 * What an {@link IdentityCheck} found on a server's port.
 *
 * @param state how far the server is
 * @param detail for {@link State#READY}, who answered (e.g. the cluster id); otherwise what was
 *     found instead, as a sentence part naming the port, for the error message should the server
 *     never become ready
 */
public record Readiness(State state, String detail) {

    /** How far a server is. */
    public enum State {
        /** Nothing accepts connections on the port (yet). */
        NOT_LISTENING,
        /** Something accepts connections but has not answered as the server yet: it may still be starting. */
        STARTING,
        /** Something answers, and not as the server: another program, or another instance, holds the port. */
        WRONG_SERVICE,
        /** The server answers as itself. */
        READY
    }

    public static Readiness ready(String who) {
        return new Readiness(State.READY, who);
    }

    static Readiness notListening(int port) {
        return new Readiness(State.NOT_LISTENING, "nothing listens on port " + port + " yet");
    }

    static Readiness starting(String what) {
        return new Readiness(State.STARTING, what);
    }

    /** Something else on {@code port}: "port P answers but not as {@code expected}: {@code instead}". */
    static Readiness wrongService(int port, String expected, String instead) {
        return new Readiness(State.WRONG_SERVICE, "port " + port + " answers but not as " + expected + ": " + instead);
    }

    public boolean ready() {
        return state == State.READY;
    }
}

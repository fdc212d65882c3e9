package io.github.kafkaconnecttrtc.launcher;

/**
 * Whether the server on a port is the one the launcher started, found out by asking it who it is
 * (a Kafka broker's cluster id, a registry's system information, a Connect worker's version and
 * cluster), never by a mere TCP connection: whatever else holds the port is never taken for it.
 */
public interface IdentityCheck extends AutoCloseable {

    /** Asks once; takes a few seconds at most. */
    Readiness check();

    /** Releases what the checks hold (a Kafka admin client). */
    @Override
    default void close() {
    }
}

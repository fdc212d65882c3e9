package io.github.kafkaconnecttrtc.source;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets each invalid record through once per task. Tail lanes read the same records on every pass
 * (the fast lane every poll for its whole look-back), so without this an invalid record would reach
 * the topic and the log hundreds of times. It remembers the fingerprints of the last
 * {@link #CAPACITY} invalid records the task met, the most recently met kept longest; beyond that,
 * and after a restart, or when two tasks read it, a record shows up again.
 */
final class InvalidRecordFilter {

    static final int CAPACITY = 10_000;

    private final Map<Long, Boolean> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The records of {@code met} not let through before, each once. */
    List<PassResult.Rejected> fresh(List<PassResult.Rejected> met) {
        List<PassResult.Rejected> fresh = new ArrayList<>();
        for (PassResult.Rejected rejected : met) {
            if (recent.put(fingerprint(rejected.record().raw()), Boolean.TRUE) == null) {
                fresh.add(rejected);
            }
        }
        return fresh;
    }

    /** 64 bits of SHA-256: no two of a task's invalid records collide in practice, unlike a 32-bit hash. */
    private static long fingerprint(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

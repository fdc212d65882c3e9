package io.github.kafkaconnecttrtc.bench;

import java.util.Arrays;

/**
 * The records read from a topic, one row per record in columns of primitives (millions of rows
 * would not fit as objects in a sensible heap): when the broker appended it (LogAppendTime), when
 * this consumer received it, the call's start and end, and a 64-bit hash of its key (the callId)
 * for counting duplicates.
 */
final class Deliveries {

    private int size;
    private long[] appended = new long[1024];
    private long[] received = new long[1024];
    private long[] started = new long[1024];
    private long[] ended = new long[1024];
    private long[] keys = new long[1024];

    void add(long appendMillis, long receiveMillis, long startMillis, long endMillis, long keyHash) {
        if (size == appended.length) {
            int grown = size * 2;
            appended = Arrays.copyOf(appended, grown);
            received = Arrays.copyOf(received, grown);
            started = Arrays.copyOf(started, grown);
            ended = Arrays.copyOf(ended, grown);
            keys = Arrays.copyOf(keys, grown);
        }
        appended[size] = appendMillis;
        received[size] = receiveMillis;
        started[size] = startMillis;
        ended[size] = endMillis;
        keys[size] = keyHash;
        size++;
    }

    int size() {
        return size;
    }

    long appended(int row) {
        return appended[row];
    }

    long received(int row) {
        return received[row];
    }

    long started(int row) {
        return started[row];
    }

    long ended(int row) {
        return ended[row];
    }

    /** How many different keys the rows that {@code rows} selects hold. */
    long distinctKeys(java.util.function.IntPredicate rows) {
        long[] selected = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (rows.test(i)) {
                selected[n++] = keys[i];
            }
        }
        Arrays.sort(selected, 0, n);
        long distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || selected[i] != selected[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    /** FNV-1a over the key's bytes, finished with a mixer: callIds are UUIDs, so collisions among millions are negligible. */
    static long keyHash(byte[] key) {
        if (key == null) {
            return 0;
        }
        long hash = 0xcbf29ce484222325L;
        for (byte b : key) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        return hash ^ (hash >>> 33);
    }
}

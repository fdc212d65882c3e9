package io.github.kafkaconnecttrtc.simulator;

import io.github.kafkaconnecttrtc.client.CallRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * All calls the simulator knows, kept in the API's order ({@code startCallTs}, then {@code
 * callId}), so that a query finds its first candidate by binary search and stops at the last
 * start time that can match.
 *
 * <p>Calls are generated second by second up to the clock's present on demand; a clock that
 * jumps ahead simply makes the next request generate more. Nothing is ever dropped: records
 * older than the API's 7 days stay in the ground truth, and requests cannot reach them because
 * older start timestamps are refused.
 */
final class CallStore {

    private static final Comparator<SimulatedCall> ORDER = Comparator
            .comparingLong((SimulatedCall c) -> c.call().startCallTs())
            .thenComparing(c -> c.call().callId());

    private final CallGenerator generator;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<SimulatedCall> calls = new ArrayList<>();

    /** Written under the write lock; volatile so that the common "nothing to do" check takes no lock. */
    private volatile long generatedThrough;

    /** A store whose generated calls start at {@code firstSecond}. */
    CallStore(CallGenerator generator, long firstSecond) {
        this.generator = generator;
        this.generatedThrough = firstSecond - 1;
    }

    /** Generates the calls of every second up to {@code second} that has not been generated yet. */
    void generateThrough(long second) {
        if (second <= generatedThrough) {
            return;
        }
        lock.writeLock().lock();
        try {
            for (long s = generatedThrough + 1; s <= second; s++) {
                for (SimulatedCall call : generator.callsStartingAt(s)) {
                    insert(call);
                }
            }
            generatedThrough = Math.max(generatedThrough, second);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds one call, wherever it belongs in the order. */
    void add(SimulatedCall call) {
        lock.writeLock().lock();
        try {
            insert(call);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Every call that started at or before {@code nowSeconds}, in the API's order. */
    List<SimulatedCall> startedBy(long nowSeconds) {
        lock.readLock().lock();
        try {
            return List.copyOf(calls.subList(0, firstIndexStartingAtOrAfter(nowSeconds + 1)));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The page of visible matches that {@code page} and {@code perPage} select, and how many
     * matches there are in all.
     */
    QueryPage query(CallFilter filter, long nowSeconds, int page, int perPage) {
        long first = (long) (page - 1) * perPage;
        long last = first + perPage;
        // Visibility needs now >= visibleAt >= endTs >= startCallTs, so later starts cannot match.
        long stopAfter = Math.min(filter.maxStart(), nowSeconds);
        List<CallRecord> selected = new ArrayList<>();
        int total = 0;
        lock.readLock().lock();
        try {
            for (int i = firstIndexStartingAtOrAfter(filter.minStart()); i < calls.size(); i++) {
                SimulatedCall call = calls.get(i);
                if (call.call().startCallTs() > stopAfter) {
                    break;
                }
                if (call.isVisible(nowSeconds) && filter.matches(call)) {
                    if (total >= first && total < last) {
                        selected.add(call.call());
                    }
                    total++;
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return new QueryPage(total, selected, total > last);
    }

    private void insert(SimulatedCall call) {
        int size = calls.size();
        if (size == 0 || ORDER.compare(calls.get(size - 1), call) <= 0) {
            calls.add(call);
            return;
        }
        int index = Collections.binarySearch(calls, call, ORDER);
        calls.add(index >= 0 ? index : -index - 1, call);
    }

    private int firstIndexStartingAtOrAfter(long second) {
        int low = 0;
        int high = calls.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (calls.get(mid).call().startCallTs() < second) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}

package io.github.kafkaconnecttrtc.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
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
 *
 * <p>A query must count every match ({@code totalNum}), and a connector's queries reach from an
 * hour's or a week's start to now: with millions of calls, scanning them all for every request
 * would make the simulator, not the API's rate limit, the bottleneck of a backfill. Almost every
 * call in such a range matches, though: only calls that end after the query's end bound or are
 * not yet visible do not, and those all ended recently. So when a query filters by time alone, the
 * store counts the excluded calls through a second index by end time and scans only as far as the
 * requested page reaches; it falls back to a full scan whenever that would be cheaper, and for
 * queries that filter by type or result.
 */
final class CallStore {

    private static final Comparator<SimulatedCall> ORDER = Comparator
            .comparingLong((SimulatedCall c) -> c.call().startCallTs())
            .thenComparing(c -> c.call().callId());

    private final CallGenerator generator;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<SimulatedCall> calls = new ArrayList<>();
    /** The same calls by {@code endTs}, to find those that a time bound excludes without a scan. */
    private final NavigableMap<Long, List<SimulatedCall>> byEnd = new TreeMap<>();
    /** The longest delay from a call's end to its visibility, so that invisible calls are found by end time too. */
    private long maxIndexingDelay;

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
        lock.readLock().lock();
        try {
            int from = firstIndexStartingAtOrAfter(filter.minStart());
            int to = Math.max(from, firstIndexStartingAtOrAfter(stopAfter + 1));
            long excluded = filter.timeBoundsOnly() ? excludedByTime(filter, nowSeconds, stopAfter, to - from) : -1;
            if (excluded < 0) {
                return scan(filter, nowSeconds, from, to, first, last);
            }
            long total = to - from - excluded;
            List<SimulatedCall> selected = new ArrayList<>();
            long matched = 0;
            for (int i = from; i < to && matched < Math.min(last, total); i++) {
                SimulatedCall call = calls.get(i);
                if (call.isVisible(nowSeconds) && filter.matches(call)) {
                    if (matched >= first) {
                        selected.add(call);
                    }
                    matched++;
                }
            }
            return new QueryPage(Math.toIntExact(total), selected, total > last);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Looks at every call that starts in {@code [from, to)}; the answer for any filter. */
    private QueryPage scan(CallFilter filter, long nowSeconds, int from, int to, long first, long last) {
        List<SimulatedCall> selected = new ArrayList<>();
        int total = 0;
        for (int i = from; i < to; i++) {
            SimulatedCall call = calls.get(i);
            if (call.isVisible(nowSeconds) && filter.matches(call)) {
                if (total >= first && total < last) {
                    selected.add(call);
                }
                total++;
            }
        }
        return new QueryPage(total, selected, total > last);
    }

    /**
     * How many calls that start within the filter's start bounds (and by {@code stopAfter}) are
     * not visible at {@code nowSeconds} or end after the filter's end bound; -1 when finding out
     * would look at more than {@code budget} calls, the cost of a scan.
     */
    private long excludedByTime(CallFilter filter, long nowSeconds, long stopAfter, long budget) {
        // A call not visible yet ended less than maxIndexingDelay ago, so both kinds end after this.
        long endsAfter = Math.min(filter.maxEnd(), nowSeconds - maxIndexingDelay);
        long looked = 0;
        long excluded = 0;
        for (List<SimulatedCall> ending : byEnd.tailMap(endsAfter, false).values()) {
            looked += ending.size();
            if (looked > budget) {
                return -1;
            }
            for (SimulatedCall call : ending) {
                long start = call.call().startCallTs();
                if (start >= filter.minStart() && start <= stopAfter
                        && (!call.isVisible(nowSeconds) || call.call().endTs() > filter.maxEnd())) {
                    excluded++;
                }
            }
        }
        return excluded;
    }

    private void insert(SimulatedCall call) {
        byEnd.computeIfAbsent(call.call().endTs(), end -> new ArrayList<>(4)).add(call);
        maxIndexingDelay = Math.max(maxIndexingDelay, call.visibleAt() - call.call().endTs());
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

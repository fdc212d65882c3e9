package io.github.kafkaconnecttrtc.bench;

import io.github.kafkaconnecttrtc.simulator.QuerySnapshot;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import io.github.kafkaconnecttrtc.simulator.SimulatorStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.IntPredicate;

/**
 * The figures {@link Benchmark} derives from what it collected: the topic read back, the
 * simulator's per-second request counts, its query log and its ground truth.
 */
final class Analysis {

    private Analysis() {
    }

    /**
     * Backfill figures, and steady ones when the run had a steady state, from the whole topic,
     * read after the worker stopped, and from the simulator's requests per second.
     */
    static void topic(ModeResult result, Deliveries all, SortedMap<Long, Long> requestsPerSecond, int rateLimit) {
        long deployMillis = result.deployEpochMillis;
        IntPredicate backfill = i -> all.ended(i) <= result.historyUntilSecond * 1000
                && all.started(i) >= result.readFromSecond * 1000;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long count = 0;
        long[] backfillAppends = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            first = Math.min(first, all.appended(i));
            if (backfill.test(i)) {
                backfillAppends[(int) count++] = all.appended(i);
                last = Math.max(last, all.appended(i));
            }
        }
        result.middleRate = middleRate(Arrays.copyOf(backfillAppends, (int) count));
        result.topicRecords = all.size();
        result.topicDistinct = all.distinctKeys(i -> true);
        result.backfillRecords = count;
        result.backfillDistinct = all.distinctKeys(backfill);
        if (count > 0) {
            result.firstRecordSeconds = (first - deployMillis) / 1e3;
            result.lastRecordSeconds = (last - deployMillis) / 1e3;
            SortedMap<Long, Long> backfillSeconds = requestsPerSecond.subMap(deployMillis / 1000,
                    Math.floorDiv(last, 1000L) + 1);
            backfillRequests(result, backfillSeconds, rateLimit);
            timeline(result, backfillSeconds, Arrays.copyOf(backfillAppends, (int) count));
        }
        if (result.steadyStart == null || result.steadyEnd == null) {
            return;
        }

        long s0 = result.steadyStart.epochMillis();
        long s1 = result.steadyEnd.epochMillis();
        List<Double> fresh = new ArrayList<>();
        List<Double> fast = new ArrayList<>();
        List<Double> slow = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.appended(i) < s0 || all.appended(i) > s1) {
                continue;
            }
            double seconds = (all.appended(i) - all.ended(i)) / 1e3;
            fresh.add(seconds);
            (all.ended(i) - all.started(i) <= result.fastLaneMillis ? fast : slow).add(seconds);
        }
        result.liveRecords = fresh.size();
        result.freshnessAppend = sorted(fresh);
        result.freshnessAppendFast = sorted(fast);
        result.freshnessAppendLong = sorted(slow);
    }

    /** The backfill's requests from the simulator's counts of its seconds, from the deploy to the last record. */
    private static void backfillRequests(ModeResult result, SortedMap<Long, Long> perSecond, int rateLimit) {
        result.backfillRequests = perSecond.values().stream().mapToLong(Long::longValue).sum();
        result.maxRequestsInSecond = perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
        result.secondsAtLimit = perSecond.values().stream().filter(n -> n >= rateLimit).count();
        long[] counts = perSecond.values().stream().mapToLong(Long::longValue).sorted().toArray();
        result.medianRequestsInSecond = counts.length == 0 ? 0 : counts[counts.length / 2];
    }

    /**
     * The backfill second by second, by the clock's seconds as the simulator counts them: where the
     * rate from the deploy falls short of the middle rate, this shows whether the requests or the
     * records lagged.
     */
    private static void timeline(ModeResult result, SortedMap<Long, Long> requestsPerSecond, long[] appendMillis) {
        long firstSecond = result.deployEpochMillis / 1000;
        long lastSecond = Arrays.stream(appendMillis).max().orElse(result.deployEpochMillis) / 1000;
        int seconds = (int) (lastSecond - firstSecond + 1);
        result.requestsBySecond = new long[seconds];
        result.appendsBySecond = new long[seconds];
        requestsPerSecond.forEach((second, requests) -> result.requestsBySecond[(int) (second - firstSecond)] = requests);
        for (long millis : appendMillis) {
            result.appendsBySecond[(int) (millis / 1000 - firstSecond)]++;
        }
    }

    /**
     * The pages any reader of this API must read for the promises of the fast and long lanes, from
     * the simulator's ground truth at every poll interval of the steady window: the API filters by
     * start time only and returns only calls that ended, so each poll must read every call that
     * started within the fast lane's look-back before the previous poll's bound and was visible by
     * then (a call of the lane's longest that ended just after that bound started a look-back
     * before it), each sweep those within {@code call.max.duration.ms} before the previous sweep's.
     * Eight moments, two of them the window's ends, weighed the start of a window whose live calls
     * fill the look-back over its first minutes too much: the estimate came out about 4% low.
     */
    static void lookBackPages(ModeResult result, ByStart byStart) {
        long from = result.steadyStart.epochMillis() / 1000;
        long to = result.steadyEnd.epochMillis() / 1000;
        long settle = result.settleMillis / 1000;
        long poll = Math.max(1, result.pollMillis / 1000);
        long fastWindow = result.fastLaneMillis / 1000 + poll;
        long longWindow = result.maxCallMillis / 1000 + result.sweepMillis / 1000;
        double fast = 0;
        double slow = 0;
        int moments = 0;
        for (long moment = from + poll; moment <= to; moment += poll) {
            long hi = moment - settle;
            fast += pages(byStart.ended(hi - fastWindow, hi, moment), result.pageSize);
            slow += pages(byStart.ended(hi - longWindow, hi, moment), result.pageSize);
            moments++;
        }
        result.lookBackMoments = moments;
        result.fastLookBackPages = moments == 0 ? Double.NaN : fast / moments;
        result.longLookBackPages = moments == 0 ? Double.NaN : slow / moments;
    }

    /** The ground truth's calls by start time, sorted once for the steady state's analyses. */
    record ByStart(List<SimulatedCall> calls, long[] starts) {

        static ByStart of(List<SimulatedCall> calls) {
            List<SimulatedCall> sorted = new ArrayList<>(calls);
            sorted.sort(Comparator.comparingLong(c -> c.call().startCallTs()));
            return new ByStart(sorted, sorted.stream().mapToLong(c -> c.call().startCallTs()).toArray());
        }

        /** The calls that started from {@code startFrom} to {@code hi} and ended by {@code hi}, visible at {@code moment}. */
        long ended(long startFrom, long hi, long moment) {
            int lo = 0;
            int up = starts.length;
            while (lo < up) {
                int mid = (lo + up) >>> 1;
                if (starts[mid] < startFrom) {
                    lo = mid + 1;
                } else {
                    up = mid;
                }
            }
            long count = 0;
            for (int i = lo; i < starts.length && starts[i] <= hi; i++) {
                SimulatedCall call = calls.get(i);
                if (call.call().endTs() <= hi && call.isVisible(moment)) {
                    count++;
                }
            }
            return count;
        }
    }

    private static long pages(long calls, int pageSize) {
        return Math.max(1, (calls + pageSize - 1) / pageSize);
    }

    /** The simulator's query log of the steady window, or null when the log does not reach back to its start. */
    static List<QuerySnapshot> steadyQueries(ModeResult result, SimulatorStats stats) {
        long total;
        List<QuerySnapshot> queries;
        do {
            total = stats.totalRequests();
            queries = stats.queries();
        } while (total != stats.totalRequests());
        long window = total - result.steadyStart.requests();
        if (window <= 0 || window > queries.size()) {
            return null;
        }
        return queries.subList((int) (queries.size() - window), queries.size());
    }

    /**
     * Sorts the steady state's requests by the lists they page through (one start and end bound
     * each). A list needs {@code max(1, ceil(matches / page size))} pages, its matches counted in
     * the simulator's ground truth as the benchmark's simulator reads {@code endTimestamp} (a bound
     * on the end): every call of the list has settled by then. Beyond that the connector asked pages
     * again (a list that changed under pages asked at once, a retry) or pages past a list's end: what
     * it read beyond the pages of its own queries, apart from which queries it chose.
     */
    static void listPages(ModeResult result, List<QuerySnapshot> window, ByStart byStart) {
        Map<List<Long>, Set<Long>> pagesByList = new HashMap<>();
        long asked = 0;
        for (QuerySnapshot query : window) {
            if (query.startTimestamp() == null || query.endTimestamp() == null || query.page() == null) {
                continue;
            }
            asked++;
            pagesByList.computeIfAbsent(List.of(query.startTimestamp(), query.endTimestamp()), list -> new HashSet<>())
                    .add(query.page());
        }
        long needed = 0;
        long distinct = 0;
        for (Map.Entry<List<Long>, Set<Long>> list : pagesByList.entrySet()) {
            // The lists of a steady window have settled: every call that matches is visible.
            long end = list.getKey().get(1);
            needed += pages(byStart.ended(list.getKey().get(0), end, Long.MAX_VALUE), result.pageSize);
            distinct += list.getValue().size();
        }
        result.steadyLists = pagesByList.size();
        result.steadyListRequests = asked;
        result.steadyListPagesNeeded = needed;
        result.steadyPagesAskedAgain = asked - distinct;
    }

    /**
     * Sorts the steady state's requests by the simulator's query log: a query that starts more than
     * the fast lane's window (plus what a fast pass may trail now by) before its end bound, which
     * is about now less the settle delay, reads long calls, so it belongs to a sweep.
     */
    static void classifyQueries(ModeResult result, List<QuerySnapshot> window) {
        long threshold = result.fastLaneMillis / 1000 + Math.max(3 * result.pollMillis / 1000, 30);
        long sweeps = 0;
        long classified = 0;
        for (QuerySnapshot query : window) {
            if (query.startTimestamp() == null || query.endTimestamp() == null) {
                continue;
            }
            classified++;
            if (query.endTimestamp() - query.startTimestamp() > threshold) {
                sweeps++;
            }
        }
        result.sweepQueries = sweeps;
        result.classifiedQueries = classified;
    }

    /**
     * Records per second over the middle 80% of the backfill's records, by append time: the rate
     * once every task is reading and before the last slices run out, without the ramp at either end.
     */
    static double middleRate(long[] appendMillis) {
        if (appendMillis.length < 10) {
            return Double.NaN;
        }
        Arrays.sort(appendMillis);
        int from = appendMillis.length / 10;
        int to = appendMillis.length - 1 - appendMillis.length / 10;
        double seconds = (appendMillis[to] - appendMillis[from]) / 1e3;
        return seconds > 0 ? (to - from) / seconds : Double.NaN;
    }

    static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}

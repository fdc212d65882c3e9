package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.RecordsPage;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Makes the pages of a step one by one in a random order, on the calling thread: what requests in
 * flight at once come to when the API computes their answers in any order. With a simulator that
 * moves the clock before each request, calls become visible between the answers of one step, as
 * they do between concurrent answers; the model check so decides, by seed, which page sees which
 * list.
 */
final class ShuffledPageRequests implements PageRequests {

    /** Steps that asked several pages at once, over every instance: the model check's coverage. */
    static final AtomicLong SEVERAL_PAGES = new AtomicLong();
    /** Of those, steps whose answers counted fewer records on a page than on one before it. */
    static final AtomicLong DISAGREEING = new AtomicLong();

    private final SplittableRandom random;
    private final MutableClock clock;
    private final long mostSecondsBetween;

    /**
     * @param mostSecondsBetween the clock moves up to this many seconds before each answer of a step
     *     but the first, on top of what the API moves it per request: more calls become visible
     *     between the answers than a round trip would let, so that the check meets lists that change
     *     under a step often
     */
    ShuffledPageRequests(long seed, MutableClock clock, long mostSecondsBetween) {
        this.random = new SplittableRandom(seed);
        this.clock = clock;
        this.mostSecondsBetween = mostSecondsBetween;
    }

    @Override
    public synchronized List<Fetched> makeAll(List<Supplier<RecordsPage>> requests) {
        int[] order = new int[requests.size()];
        Arrays.setAll(order, i -> i);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        Fetched[] fetched = new Fetched[requests.size()];
        for (int i : order) {
            if (i != order[0]) {
                clock.advanceSeconds(random.nextLong(0, mostSecondsBetween + 1));
            }
            fetched[i] = Fetched.of(requests.get(i));
        }
        if (requests.size() > 1) {
            SEVERAL_PAGES.incrementAndGet();
            long most = Long.MIN_VALUE;
            for (Fetched one : fetched) {
                if (one.page() != null && one.page().totalNum() < most) {
                    DISAGREEING.incrementAndGet();
                    break;
                }
                most = one.page() == null ? most : Math.max(most, one.page().totalNum());
            }
        }
        return new ArrayList<>(Arrays.asList(fetched));
    }
}

package io.github.kafkaconnecttrtc.source;

import io.github.kafkaconnecttrtc.client.RecordsPage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Makes the page requests of one step of a pass: several pages of one list at once, whose answers
 * the API may compute in any order. The pass takes them in page order only as far as their
 * {@code totalNum}s show that nothing moved between them (docs/how-it-reads.md, "Pages of one list
 * at once"); tests make them one by one in a shuffled order, with the clock moving in between.
 */
@FunctionalInterface
public interface PageRequests {

    /** What one request came to: an answer, or the failure that outlasted the client's retries. */
    record Fetched(RecordsPage page, RuntimeException failure) {

        /** Makes {@code request} on the calling thread. */
        public static Fetched of(Supplier<RecordsPage> request) {
            try {
                return new Fetched(request.get(), null);
            } catch (RuntimeException e) {
                return new Fetched(null, e);
            }
        }
    }

    /** Makes every request and returns what each came to, in the order given. */
    List<Fetched> makeAll(List<Supplier<RecordsPage>> requests);

    /**
     * The first request on the calling thread, the others on {@code executor}, all at once; returns
     * when every one has ended, so that the requests a step counts as in flight are.
     */
    static PageRequests concurrent(Executor executor) {
        return requests -> {
            List<CompletableFuture<RecordsPage>> others = new ArrayList<>(requests.size());
            for (Supplier<RecordsPage> request : requests.subList(1, requests.size())) {
                others.add(CompletableFuture.supplyAsync(request, executor));
            }
            List<Fetched> fetched = new ArrayList<>(requests.size());
            fetched.add(Fetched.of(requests.get(0)));
            for (CompletableFuture<RecordsPage> other : others) {
                try {
                    fetched.add(new Fetched(other.join(), null));
                } catch (CompletionException e) {
                    fetched.add(new Fetched(null, e.getCause() instanceof RuntimeException cause ? cause : e));
                }
            }
            return fetched;
        };
    }
}

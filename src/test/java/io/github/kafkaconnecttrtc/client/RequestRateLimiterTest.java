package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RequestRateLimiterTest {

    @Test
    void keepsBackOnePermitPerRequesterInFlightAndOneForTheSecondsEdge() {
        assertThat(RequestRateLimiter.permitRate(200, 4)).isEqualTo(195);
        assertThat(RequestRateLimiter.permitRate(200, 1)).isEqualTo(198);
    }

    @Test
    void neverKeepsBackMoreThanFivePercentOfTheBudget() {
        assertThat(RequestRateLimiter.permitRate(200, 40)).isEqualTo(190);
        assertThat(RequestRateLimiter.permitRate(10, 4)).isEqualTo(9.5);
    }

    @Test
    void refusesAnEmptyBudgetOrNoRequesters() {
        assertThatThrownBy(() -> RequestRateLimiter.permitRate(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestRateLimiter.permitRate(200, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock that only the sleeps move, and the waits they were asked for. */
    private static final class FakeTime {
        long now = -5_000_000_000L;
        final List<Long> waits = new ArrayList<>();

        RequestRateLimiter limiter(double requestsPerSecond) {
            return new RequestRateLimiter(requestsPerSecond, () -> now, nanos -> waits.add(nanos));
        }
    }

    private static final long MS = 1_000_000;

    @Test
    void givesPermitsOneIntervalApartAndTheFirstAfterIdleTimeAtOnceWithoutABurst() {
        FakeTime time = new FakeTime();
        RequestRateLimiter limiter = time.limiter(10);

        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }
        time.now += 10_000 * MS;
        limiter.acquire();
        limiter.acquire();

        // Waits as asked at one instant: 0, 100, 200 ms; after ten idle seconds 0, then 100 again.
        assertThat(time.waits).containsExactly(100 * MS, 200 * MS, 100 * MS);
    }

    @Test
    void keepsOneSequenceOfPermitsWhenTheRateChangesWhileCallersWait() {
        FakeTime time = new FakeTime();
        RequestRateLimiter limiter = time.limiter(10);
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }

        limiter.setRequestsPerSecond(20);
        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }

        // The five at 10/s hold 0..400 ms; the next three follow at 50 ms, not from 0 again.
        assertThat(time.waits).containsExactly(100 * MS, 200 * MS, 300 * MS, 400 * MS, 500 * MS, 550 * MS,
                600 * MS);
        assertThat(limiter.requestsPerSecond()).isEqualTo(20);
    }

    /**
     * Callers woken late for their slots, as after a garbage collection, would go at once with the
     * callers of the slots after them; no more than the rate go in any second all the same. Real
     * threads on a clock the test moves: 25 callers take their slots, then nobody wakes for 3 s.
     */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void letsNoMoreThanTheRateGoInAnySecondWhenCallersWakeUpLate() throws InterruptedException {
        AtomicLong now = new AtomicLong();
        AtomicInteger sleeping = new AtomicInteger();
        Object tick = new Object();
        RequestRateLimiter limiter = new RequestRateLimiter(10, now::get, nanos -> {
            long until = now.get() + nanos;
            sleeping.incrementAndGet();
            synchronized (tick) {
                while (now.get() < until) {
                    tick.wait();
                }
            }
            sleeping.decrementAndGet();
        });
        List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Thread caller = new Thread(() -> {
                limiter.acquire();
                sent.add(now.get());
            });
            callers.add(caller);
            caller.start();
        }
        while (sleeping.get() < 24) {
            Thread.sleep(5);
        }

        for (long step = 0; step < 100; step++) {
            now.addAndGet(step == 0 ? 3000 * MS : 100 * MS);
            synchronized (tick) {
                tick.notifyAll();
            }
            Thread.sleep(5);
        }
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(sent).hasSize(25);
        for (long from : List.copyOf(sent)) {
            assertThat(sent.stream().filter(t -> t >= from && t < from + 1000 * MS).count())
                    .as("requests in the second from %d ms of %s", from / MS, sent).isLessThanOrEqualTo(10);
        }
    }
}

package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedRequestBudgetTest {

    @Test
    void tasksOfOneConnectorInOneJvmTakePermitsFromOneLimiterAtTheSumOfTheirShares() {
        try (SharedRequestBudget.Lease first = SharedRequestBudget.join("calls/1400000000", 50);
                SharedRequestBudget.Lease second = SharedRequestBudget.join("calls/1400000000", 50)) {
            assertThat(second.limiter()).isSameAs(first.limiter());
            assertThat(first.limiter().requestsPerSecond()).isEqualTo(100);

            second.close();
            second.close();

            assertThat(first.limiter().requestsPerSecond()).isEqualTo(50);
        }
    }

    @Test
    void otherConnectorsKeepTheirOwnBudgets() {
        try (SharedRequestBudget.Lease one = SharedRequestBudget.join("one/1400000000", 40);
                SharedRequestBudget.Lease other = SharedRequestBudget.join("other/1400000000", 60)) {
            assertThat(other.limiter()).isNotSameAs(one.limiter());
            assertThat(one.limiter().requestsPerSecond()).isEqualTo(40);
            assertThat(other.limiter().requestsPerSecond()).isEqualTo(60);
        }
    }

    @Test
    void aBudgetLeftByAllItsTasksStartsAfreshWithTheNextOne() {
        SharedRequestBudget.Lease gone = SharedRequestBudget.join("again/1", 30);
        gone.close();

        try (SharedRequestBudget.Lease next = SharedRequestBudget.join("again/1", 70)) {
            assertThat(next.limiter()).isNotSameAs(gone.limiter());
            assertThat(next.limiter().requestsPerSecond()).isEqualTo(70);
        }
    }

    @Test
    void refusesANonPositiveShare() {
        assertThatThrownBy(() -> SharedRequestBudget.join("zero/1", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

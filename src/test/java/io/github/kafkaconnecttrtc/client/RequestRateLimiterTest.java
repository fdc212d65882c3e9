package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}

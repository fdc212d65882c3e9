package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestPolicyTest {

    private static RequestPolicy policy(Duration requestTimeout, int maxRetries, Duration initial, Duration max) {
        return new RequestPolicy(requestTimeout, RequestPolicy.DEFAULT_CONNECT_TIMEOUT, maxRetries, initial, max,
                RequestPolicy.DEFAULT_MAX_RESPONSE_BYTES);
    }

    @Test
    void defaultsToATimeoutAboveTheBackends() {
        assertThat(RequestPolicy.DEFAULT_REQUEST_TIMEOUT).isGreaterThan(Duration.ofSeconds(3));
    }

    @Test
    void rejectsOutOfRangeValuesWithTheirName() {
        Duration timeout = RequestPolicy.DEFAULT_REQUEST_TIMEOUT;
        assertThatThrownBy(() -> policy(Duration.ZERO, 1, Duration.ofMillis(1), Duration.ofMillis(2)))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> policy(timeout, -1, Duration.ofMillis(1), Duration.ofMillis(2)))
                .hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> policy(timeout, 1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> new RequestPolicy(timeout, RequestPolicy.DEFAULT_CONNECT_TIMEOUT, 1,
                Duration.ofMillis(1), Duration.ofMillis(2), 0))
                .hasMessageContaining("maxResponseBytes");
    }

    @Test
    void rejectsValuesAboveTheBoundsThatKeepAPollShort() {
        Duration timeout = RequestPolicy.DEFAULT_REQUEST_TIMEOUT;
        assertThatThrownBy(() -> policy(Duration.ofSeconds(31), 1, Duration.ofMillis(1), Duration.ofMillis(2)))
                .hasMessageContaining("requestTimeout").hasMessageContaining("at most PT30S");
        assertThatThrownBy(() -> policy(timeout, 21, Duration.ofMillis(1), Duration.ofMillis(2)))
                .hasMessageContaining("maxRetries").hasMessageContaining("0..20");
        assertThatThrownBy(() -> policy(timeout, 1, RequestPolicy.RETRY_BUDGET, RequestPolicy.RETRY_BUDGET))
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> policy(timeout, 1, Duration.ofMillis(1), Duration.ofHours(1)))
                .hasMessageContaining("maxBackoff");
    }
}

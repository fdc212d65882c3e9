package io.github.kafkaconnecttrtc.testing;

import io.github.kafkaconnecttrtc.client.ApiAccess;
import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.client.HttpTrtcRecordsClient;
import io.github.kafkaconnecttrtc.client.RequestPolicy;
import io.github.kafkaconnecttrtc.client.RequestRateLimiter;
import io.github.kafkaconnecttrtc.simulator.SimulatorSettings;
import io.github.kafkaconnecttrtc.simulator.TrtcSimulator;
import java.time.Duration;
import java.time.InstantSource;
import org.apache.kafka.common.config.types.Password;

/** Records clients of the in-process simulator, as the tests make them. */
public final class SimulatorClients {

    private SimulatorClients() {
    }

    /** The simulator's application, asked as its administrator, in v1. */
    public static ApiAccess access(TrtcSimulator simulator) {
        return access(simulator, ApiDialect.V1);
    }

    /** The simulator's application, asked as its administrator, in the dialect given. */
    public static ApiAccess access(TrtcSimulator simulator, ApiDialect dialect) {
        return new ApiAccess(dialect, simulator.endpoint(), simulator.settings().sdkAppId(),
                SimulatorSettings.DEFAULT_ADMINISTRATOR, new Password(simulator.settings().secretKey()), false);
    }

    /** The default timeouts, with these retries. */
    public static RequestPolicy retrying(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        return new RequestPolicy(RequestPolicy.DEFAULT_REQUEST_TIMEOUT, RequestPolicy.DEFAULT_CONNECT_TIMEOUT,
                maxRetries, initialBackoff, maxBackoff, RequestPolicy.DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** The configuration's default timeouts and retries. */
    public static RequestPolicy defaultPolicy() {
        return retrying(RequestPolicy.DEFAULT_MAX_RETRIES, RequestPolicy.DEFAULT_INITIAL_BACKOFF,
                RequestPolicy.DEFAULT_MAX_BACKOFF);
    }

    /** A limiter that never holds a test up: a fake clock drives everything else. */
    public static RequestRateLimiter unlimited() {
        return new RequestRateLimiter(1_000_000);
    }

    /** A client with three quick retries and no rate limit to speak of. */
    public static HttpTrtcRecordsClient quickClient(TrtcSimulator simulator, InstantSource clock) {
        return quickClient(simulator, ApiDialect.V1, clock);
    }

    public static HttpTrtcRecordsClient quickClient(TrtcSimulator simulator, ApiDialect dialect, InstantSource clock) {
        return new HttpTrtcRecordsClient(access(simulator, dialect), retrying(3, Duration.ofMillis(1),
                Duration.ofMillis(5)), clock, unlimited());
    }
}

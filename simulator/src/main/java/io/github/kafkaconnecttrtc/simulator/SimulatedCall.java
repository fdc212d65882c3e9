package io.github.kafkaconnecttrtc.simulator;

import java.util.Objects;

/**
 * A call the simulator knows about, with the second from which the records API shows it.
 *
 * @param call the record as the API returns it
 * @param visibleAt the first clock second (Unix seconds) at which a query can find the record:
 *     the call's end plus an indexing delay
 */
public record SimulatedCall(ApiRecord call, long visibleAt) {

    public SimulatedCall {
        Objects.requireNonNull(call, "call");
    }

    /** Whether a query made at {@code nowSeconds} can see this record. */
    public boolean isVisible(long nowSeconds) {
        return nowSeconds >= visibleAt;
    }
}

package io.github.kafkaconnecttrtc.simulator;

import java.util.Objects;
import java.util.Optional;

/**
 * A call the simulator knows about, with the second from which the records API shows it, and how
 * the API garbles its record, if it does.
 *
 * @param call the record as it truly is; the API filters, orders and counts by it
 * @param visibleAt the first clock second (Unix seconds) at which a query can find the record:
 *     the call's end plus an indexing delay
 * @param malformation how the API writes the record so that it cannot be read faithfully
 *     ({@link SimulatorSettings#malformedRecordRate()}); empty when it writes it as it is
 */
public record SimulatedCall(ApiRecord call, long visibleAt, Optional<Malformation> malformation) {

    public SimulatedCall {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(malformation, "malformation");
    }

    /** A call whose record the API writes as it is. */
    public SimulatedCall(ApiRecord call, long visibleAt) {
        this(call, visibleAt, Optional.empty());
    }

    /** Whether a query made at {@code nowSeconds} can see this record. */
    public boolean isVisible(long nowSeconds) {
        return nowSeconds >= visibleAt;
    }
}

package io.github.kafkaconnecttrtc.testing;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.simulator.ApiRecord;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;

/**
 * Between the simulator's model of a record and the connector's. The two are written apart on
 * purpose; the tests compare what the connector read with what the simulator served, field by field.
 */
public final class SimulatorCalls {

    private SimulatorCalls() {
    }

    /** What the connector should have read for a call the simulator served. */
    public static CallRecord expected(SimulatedCall call) {
        return expected(call.call());
    }

    public static CallRecord expected(ApiRecord r) {
        return new CallRecord(r.callId(), r.sdkAppId(), r.mediaType(), r.roomId(), r.startCallTs(), r.acceptTs(),
                r.endTs(), r.caller(), r.totalUserNumber(), r.callType(), r.callResult(), r.callees());
    }

    /** A call for the simulator to serve, written as the tests' own records are. */
    public static ApiRecord served(CallRecord r) {
        return new ApiRecord(r.callId(), r.sdkAppId(), r.mediaType(), r.roomId(), r.startCallTs(), r.acceptTs(),
                r.endTs(), r.caller(), r.totalUserNumber(), r.callType(), r.callResult(), r.callees());
    }
}

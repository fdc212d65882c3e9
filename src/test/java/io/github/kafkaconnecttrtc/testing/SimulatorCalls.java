package io.github.kafkaconnecttrtc.testing;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.simulator.ApiRecord;
import io.github.kafkaconnecttrtc.simulator.SimulatedCall;
import java.util.Map;

/**
 * Between the simulator's model of a record and the connector's. The two are written apart on
 * purpose; the tests compare what the connector read with what the simulator served, field by field.
 */
public final class SimulatorCalls {

    /** v4's texts of the values the simulator generates, as its pages spell them. */
    private static final Map<String, String> V4_TEXTS = Map.ofEntries(
            Map.entry("audio", "Audio"), Map.entry("video", "Video"),
            Map.entry("single", "SingleCall"), Map.entry("group", "MultiCall"),
            Map.entry("cancel", "Cancel"), Map.entry("reject", "Reject"), Map.entry("not_answer", "NotAnswer"),
            Map.entry("normal_end", "NormalEnd"), Map.entry("call_busy", "CallBusy"),
            Map.entry("interrupt", "Interrupt"), Map.entry("offline", "Offline"));

    private SimulatorCalls() {
    }

    /** What the connector should have read from v1 for a call the simulator served. */
    public static CallRecord expected(SimulatedCall call) {
        return expected(call.call());
    }

    public static CallRecord expected(ApiRecord r) {
        return expected(r, ApiDialect.V1);
    }

    /** What the connector should have read for a call the simulator served, in the dialect asked. */
    public static CallRecord expected(SimulatedCall call, ApiDialect dialect) {
        return expected(call.call(), dialect);
    }

    /**
     * v1 sends every field as the simulator holds it but the room id type; v4 sends no application and no
     * count, and its own texts: the application is the one the query was signed for.
     */
    public static CallRecord expected(ApiRecord r, ApiDialect dialect) {
        if (dialect == ApiDialect.V1) {
            return new CallRecord(r.callId(), r.sdkAppId(), r.mediaType(), r.roomId(), null, r.startCallTs(),
                    r.acceptTs(), r.endTs(), r.caller(), r.totalUserNumber(), r.callType(), r.callResult(),
                    r.callees());
        }
        return new CallRecord(r.callId(), r.sdkAppId(), v4(r.mediaType()), r.roomId(), r.roomIdType(),
                r.startCallTs(), r.acceptTs(), r.endTs(), r.caller(), null, v4(r.callType()), v4(r.callResult()),
                r.callees());
    }

    private static String v4(String v1Text) {
        return v1Text == null ? null : V4_TEXTS.getOrDefault(v1Text, v1Text);
    }

    /** A call for the simulator to serve, written as the tests' own records are. */
    public static ApiRecord served(CallRecord r) {
        return new ApiRecord(r.callId(), r.sdkAppId(), r.mediaType(), r.roomId(), r.startCallTs(), r.acceptTs(),
                r.endTs(), r.caller(), r.totalUserNumber(), r.callType(), r.callResult(), r.callees());
    }
}

package io.github.kafkaconnecttrtc.simulator;

import java.util.List;

/** Hand-made calls for tests that need records at exact times. */
final class Calls {

    private Calls() {
    }

    /** A connected one-to-one call that ended normally. */
    static ApiRecord single(String callId, long start, long end) {
        return single(callId, start, end, "normal_end");
    }

    /** A one-to-one call with {@code result}; connected at its start when the result says so. */
    static ApiRecord single(String callId, long start, long end, String result) {
        boolean connected = result.equals("normal_end") || result.equals("interrupt");
        return new ApiRecord(callId, SimulatorSettings.DEFAULT_SDK_APP_ID, "video", "1001", start,
                connected ? start : 0, end, "user1000", 2, "single", result, List.of("user1001"));
    }

    static ApiRecord group(String callId, long start, long end) {
        return new ApiRecord(callId, SimulatorSettings.DEFAULT_SDK_APP_ID, "audio", "2002", start, start, end,
                "user1000", 3, "group", "normal_end", List.of("user1001", "user1002"));
    }
}

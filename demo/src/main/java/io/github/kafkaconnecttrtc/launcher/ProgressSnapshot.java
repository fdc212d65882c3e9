package io.github.kafkaconnecttrtc.launcher;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import java.util.List;
import java.util.Map;

/**
 * Everything one frame of the progress view shows, gathered by {@link ProgressProbe}.
 *
 * @param nowSeconds the time of the frame, epoch seconds
 * @param upSeconds how long the demo has been running
 * @param connector the connector's name
 * @param state the connector's state, e.g. RUNNING, or what went wrong asking for it
 * @param tasksRunning tasks in state RUNNING
 * @param tasksTotal tasks in all
 * @param taskFailure the first line of a failed task's trace, or null
 * @param topic the connector's topic
 * @param records records in the topic, or -1 before it exists
 * @param recordsPerSecond records added per second since the previous frame
 * @param apiVersion the API version the connector reads
 * @param api the API's counters, or null when a real endpoint is read (only the simulator counts)
 * @param slices the slices' progress
 * @param events the newest few records, decoded
 */
record ProgressSnapshot(
        long nowSeconds,
        long upSeconds,
        String connector,
        String state,
        int tasksRunning,
        int tasksTotal,
        String taskFailure,
        String topic,
        long records,
        double recordsPerSecond,
        ApiDialect apiVersion,
        ApiCounters api,
        SliceProgress slices,
        List<CallEvent> events) {

    /**
     * What the records API answered, from the simulator's stats of the endpoint the connector reads.
     *
     * @param requests requests since the start
     * @param requestsPerSecond requests per second since the previous frame
     * @param noMatch answers "no record matches" (v1's 70011): an empty page, not an error
     * @param rateLimited answers "frequency limited" (v1's 70005, any of v4's four codes): backed off, not an error
     * @param errorsByKind error answers by code ("70001") or fault name ("GATEWAY_502")
     */
    record ApiCounters(long requests, double requestsPerSecond, long noMatch, long rateLimited,
            Map<String, Long> errorsByKind) {
        long errors() {
            return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * One CallRecord value, decoded.
     *
     * @param startMillis call start, epoch milliseconds
     * @param endMillis call end, epoch milliseconds
     */
    record CallEvent(String callId, String callType, String mediaType, String callResult, String caller,
            int callees, long startMillis, long endMillis) {
    }
}

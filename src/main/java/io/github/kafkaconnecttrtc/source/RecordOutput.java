package io.github.kafkaconnecttrtc.source;

import java.time.Duration;

/**
 * Where a task's records go.
 *
 * @param sdkAppId the application, part of every source partition
 * @param topic the topic of the call records
 * @param progressTopic the topic of the progress records that save a slice's position when no call does
 * @param invalidTopic the topic of the records the API sent that cannot be emitted as calls
 * @param progressInterval the least time between two progress records of one slice
 * @param timestamp which time the call records carry; progress and invalid records carry the read time
 */
public record RecordOutput(long sdkAppId, String topic, String progressTopic, String invalidTopic,
        Duration progressInterval, RecordTimestamp timestamp) {
}

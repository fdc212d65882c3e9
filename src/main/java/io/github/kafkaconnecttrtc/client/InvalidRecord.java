package io.github.kafkaconnecttrtc.client;

import java.util.Objects;

/**
 * A call record the API sent that cannot be mapped faithfully: kept as the API's own JSON text,
 * with the reason, so that it reaches the invalid-records topic instead of blocking the records
 * around it or vanishing.
 *
 * @param raw the record's JSON text as sent; bytes that were not UTF-8 are replaced by U+FFFD, and a
 *     record longer than {@link ResponseParser#MAX_RECORD_CHARS} is cut to that length
 * @param reason what is wrong with it, naming the field
 * @param callId the record's {@code callId} when it has a usable one, else null
 */
public record InvalidRecord(String raw, String reason, String callId) {

    public InvalidRecord {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(reason, "reason");
    }
}

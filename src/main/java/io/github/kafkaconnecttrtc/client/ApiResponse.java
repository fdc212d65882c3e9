package io.github.kafkaconnecttrtc.client;

import java.util.List;

/**
 * The parsed body of an answer: the envelope, and the page when {@code data} was present.
 *
 * @param hasData whether the body carried a {@code data} object
 */
public record ApiResponse(
        int errorCode,
        String errorMessage,
        String requestId,
        boolean hasData,
        long totalNum,
        int page,
        List<CallRecord> records) {

    public ApiResponse {
        records = records == null ? List.of() : records;
    }
}

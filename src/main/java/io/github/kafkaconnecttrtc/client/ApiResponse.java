package io.github.kafkaconnecttrtc.client;

import java.util.List;

/**
 * The parsed body of an answer: the envelope, and the page when {@code data} was present.
 *
 * @param hasData whether the body carried a {@code data} object
 * @param records the call records that map faithfully, in the API's order
 * @param invalid the call records that do not, in the API's order
 */
public record ApiResponse(
        int errorCode,
        String errorMessage,
        String requestId,
        boolean hasData,
        long totalNum,
        int page,
        List<CallRecord> records,
        List<InvalidRecord> invalid) {

    public ApiResponse {
        records = records == null ? List.of() : records;
        invalid = invalid == null ? List.of() : invalid;
    }
}

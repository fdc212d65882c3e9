package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * Builds one endpoint's JSON bodies, in its dialect: the envelope always, a page of records only
 * on success.
 */
final class Answers {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final ApiDialect dialect;
    private final RequestIds requestIds;

    Answers(ApiDialect dialect, RequestIds requestIds) {
        this.dialect = dialect;
        this.requestIds = requestIds;
    }

    ApiAnswer error(int errorCode) {
        return error(errorCode, dialect.message(errorCode));
    }

    /** The error the endpoint answers for {@code rejected}, with its detail after the code's message. */
    ApiAnswer refused(RequestRejected rejected) {
        int errorCode = dialect.code(rejected.refusal());
        String detail = rejected.getMessage();
        String message = dialect.message(errorCode);
        return error(errorCode, detail == null ? message : message + ": " + detail);
    }

    private ApiAnswer error(int errorCode, String message) {
        String requestId = requestIds.next();
        return new ApiAnswer(errorCode, write(json -> dialect.wire().envelope(json, errorCode, message, requestId)),
                false);
    }

    /**
     * A page of records with the total and page number as given: the caller decides what they
     * say, true or not. Each record is written as its malformation says.
     *
     * @param distorted whether a fault made the page untrue, for the fault counters
     */
    ApiAnswer success(BigInteger totalNum, int page, List<SimulatedCall> records, boolean distorted) {
        String requestId = requestIds.next();
        byte[] body = write(json -> {
            dialect.wire().envelope(json, 0, dialect.message(0), requestId);
            dialect.wire().page(json, totalNum, page, records);
        });
        return new ApiAnswer(0, body, distorted);
    }

    /** What goes inside the answer's object. */
    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write an answer into memory", e);
        }
        return out.toByteArray();
    }
}

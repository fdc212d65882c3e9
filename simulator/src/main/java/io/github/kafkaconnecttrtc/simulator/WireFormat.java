package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

/**
 * How one endpoint writes its answers' fields, token by token, so that a record can be sent
 * malformed in ways a JSON tree cannot hold (bytes that are not UTF-8). {@link Answers} opens and
 * closes the answer's object around them.
 */
interface WireFormat {

    /** The envelope's fields: code, message and request id, under the endpoint's names. */
    void envelope(JsonGenerator json, int errorCode, String message, String requestId) throws IOException;

    /** The names of a successful answer's data object, its total, its page number and its list. */
    record PageNames(String data, String totalNum, String page, String records) {
    }

    PageNames pageNames();

    /** One record under the endpoint's names, written as its malformation says. */
    void record(JsonGenerator json, SimulatedCall record) throws IOException;

    /**
     * The data of a successful answer, after the envelope: the total, the page number and the
     * records, each written as its malformation says.
     */
    default void page(JsonGenerator json, BigInteger totalNum, int page, List<SimulatedCall> records)
            throws IOException {
        PageNames names = pageNames();
        json.writeObjectFieldStart(names.data());
        json.writeFieldName(names.totalNum());
        json.writeNumber(totalNum);
        json.writeNumberField(names.page(), page);
        json.writeArrayFieldStart(names.records());
        for (SimulatedCall record : records) {
            record(json, record);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}

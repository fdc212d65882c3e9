package io.github.kafkaconnecttrtc.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import io.github.kafkaconnecttrtc.launcher.ConfluentWireDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads a CallRecord value in the Confluent wire format as any consumer would (writer schema by
 * id from the registry's Confluent-compatible API, plain Apache Avro), keeping only what the
 * benchmark measures: when the call started and ended. Unlike the tests' decoder it reuses its
 * reader, decoder and record, since a backfill means millions of values. Not thread-safe.
 */
final class CallTimesDecoder {

    /** A call's start and end, in epoch milliseconds as the record carries them. */
    record CallTimes(long startMillis, long endMillis) {
    }

    private final ConfluentWireDecoder registry;
    private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new HashMap<>();
    private BinaryDecoder decoder;
    private GenericRecord reuse;

    /** @param ccompatUrl the registry's {@code /apis/ccompat/v7} base URL */
    CallTimesDecoder(String ccompatUrl) {
        this.registry = new ConfluentWireDecoder(ccompatUrl);
    }

    CallTimes decode(byte[] value) throws IOException, InterruptedException {
        if (value == null || value.length < 5 || value[0] != 0) {
            throw new IOException("not in the Confluent wire format (magic byte 0, schema id, Avro)");
        }
        int id = ByteBuffer.wrap(value, 1, 4).getInt();
        GenericDatumReader<GenericRecord> reader = readers.get(id);
        if (reader == null) {
            reader = new GenericDatumReader<>(registry.writerSchema(id));
            readers.put(id, reader);
            reuse = null;
        }
        decoder = DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, decoder);
        reuse = reader.read(reuse, decoder);
        return new CallTimes(((Number) reuse.get("startCallTs")).longValue(), ((Number) reuse.get("endTs")).longValue());
    }
}

package io.github.kafkaconnecttrtc.streams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * CallRecord values built from the contract, schemas/CallRecord.avsc at the repository's root, and
 * a serde of plain Avro binary for them: the topology's tests need no registry.
 */
final class Calls {

    static final Schema CONTRACT = contract();

    /** Avro binary without the wire format's header; null for null, as the registry's serde does. */
    static final Serde<GenericRecord> PLAIN_AVRO = Serdes.serdeFrom(
            (topic, call) -> call == null ? null : write(call),
            (topic, bytes) -> bytes == null ? null : read(bytes));

    private Calls() {
    }

    /** A one-to-one call from {@code caller} that ended at {@code end} with {@code result}. */
    static GenericRecord call(String callId, String caller, String result, Instant end) {
        GenericRecord call = new GenericData.Record(CONTRACT);
        call.put("callId", callId);
        call.put("sdkAppId", 1400000000L);
        call.put("mediaType", symbol("mediaType", "AUDIO"));
        call.put("startCallTs", end.minusSeconds(90).toEpochMilli());
        call.put("endTs", end.toEpochMilli());
        call.put("caller", caller);
        call.put("callType", symbol("callType", "SINGLE"));
        call.put("callResult", symbol("callResult", result));
        call.put("callees", List.of("callee-1"));
        return call;
    }

    private static GenericData.EnumSymbol symbol(String field, String symbol) {
        return new GenericData.EnumSymbol(CONTRACT.getField(field).schema(), symbol);
    }

    private static byte[] write(GenericRecord call) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(CONTRACT).write(call, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GenericRecord read(byte[] bytes) {
        try {
            return new GenericDatumReader<GenericRecord>(CONTRACT).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema contract() {
        Path root = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
        try {
            return new Schema.Parser().parse(Files.readString(root.resolve("schemas").resolve("CallRecord.avsc")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

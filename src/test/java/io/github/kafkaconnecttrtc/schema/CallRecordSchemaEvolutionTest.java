package io.github.kafkaconnecttrtc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.client.CallRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Version 2 of {@code schemas/CallRecord.avsc} against version 1 (the test resource
 * {@code schema-history/CallRecord-v1.avsc}), by plain Avro schema resolution: what the upgrade
 * documentation promises consumers.
 */
class CallRecordSchemaEvolutionTest {

    private static final Schema V1 = history("CallRecord-v1.avsc");
    private static final Schema V2 = CommittedAvroSchema.parse();

    @Test
    void aReaderOfVersion2ReadsARecordWrittenWithVersion1() throws IOException {
        GenericRecord written = new GenericRecordBuilder(V1)
                .set("callId", "c-1")
                .set("sdkAppId", 1400000000L)
                .set("mediaType", new GenericData.EnumSymbol(V1.getField("mediaType").schema(), "VIDEO"))
                .set("mediaTypeRaw", "video")
                .set("roomId", "456")
                .set("startCallTs", 1688709003000L)
                .set("acceptTs", 1688709010000L)
                .set("endTs", 1688709903000L)
                .set("caller", "123")
                .set("totalUserNumber", 3)
                .set("callType", new GenericData.EnumSymbol(V1.getField("callType").schema(), "GROUP"))
                .set("callTypeRaw", "group")
                // Version 1 had no OFFLINE: what it wrote stays UNKNOWN, with the text beside it.
                .set("callResult", new GenericData.EnumSymbol(V1.getField("callResult").schema(), "UNKNOWN"))
                .set("callResultRaw", "offline")
                .set("callees", List.of("111", "222"))
                .build();

        GenericRecord read = read(write(written), V1, V2);

        assertThat(read.get("totalUserNumber")).isEqualTo(3);
        assertThat(read.get("roomIdType")).isNull();
        assertThat(read.get("callResult")).hasToString("UNKNOWN");
        assertThat(read.get("callResultRaw")).hasToString("offline");
        for (Schema.Field field : V1.getFields()) {
            assertThat(String.valueOf(read.get(field.name()))).as(field.name())
                    .isEqualTo(String.valueOf(written.get(field.name())));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "normal_end, NORMAL_END",
        "offline, UNKNOWN",
    })
    void aReaderOfVersion1ReadsAV1DialectRecordWrittenWithVersion2(String callResult, String readAs)
            throws IOException {
        CallRecord call = new CallRecord("c-1", 1400000000L, "video", "456", null, 1688709003L, 1688709010L,
                1688709903L, "123", 3, "group", callResult, List.of("111", "222"));
        GenericRecord written = asTheConverterWritesIt(call);

        GenericRecord read = read(write(written), written.getSchema(), V1);

        assertThat(read.getSchema().getField("roomIdType")).isNull();
        assertThat(read.get("totalUserNumber")).isEqualTo(3);
        // UNKNOWN is the enum's default: a symbol the reader does not know falls back to it.
        assertThat(read.get("callResult")).hasToString(readAs);
        assertThat(read.get("callResultRaw")).hasToString(callResult);
        assertThat(read.get("callType")).hasToString("GROUP");
        assertThat(read.get("callId")).hasToString("c-1");
    }

    @Test
    void aReaderOfVersion1CannotReadAV4DialectRecord() throws IOException {
        CallRecord call = new CallRecord("c-v4", 1400000000L, "Video", "room-a", 2, 1688709003L, 1688709010L,
                1688709903L, "123", null, "MultiCall", "NormalEnd", List.of("111"));
        GenericRecord written = asTheConverterWritesIt(call);
        byte[] bytes = write(written);

        assertThatThrownBy(() -> read(bytes, written.getSchema(), V1))
                .isInstanceOf(AvroTypeException.class)
                .hasMessage("Found null, expecting int");
        assertThat(read(bytes, written.getSchema(), V2).get("totalUserNumber")).isNull();
    }

    @Test
    void avroFindsThatVersion2CanReadVersion1() {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V2, V1).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void avroFindsThatVersion1CannotReadEveryRecordOfVersion2OnlyForTotalUserNumber() {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(V1, V2).getResult();

        assertThat(result.getCompatibility()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        int totalUserNumber = V1.getField("totalUserNumber").pos();
        assertThat(result.getIncompatibilities()).singleElement()
                .satisfies(problem -> assertThat(problem.getLocation()).startsWith("/fields/" + totalUserNumber + "/"));
    }

    /** What the worker's Avro converter hands its serializer for this call. */
    private static GenericRecord asTheConverterWritesIt(CallRecord call) {
        return (GenericRecord) AvroConverterContractTest.converterWithEnhancedSchemaSupport()
                .fromConnectData(CallRecordSchema.VALUE_SCHEMA, CallRecordSchema.toStruct(call));
    }

    private static byte[] write(GenericRecord record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }

    private static GenericRecord read(byte[] bytes, Schema writer, Schema reader) throws IOException {
        return new GenericDatumReader<GenericRecord>(writer, reader)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    private static Schema history(String file) {
        try (InputStream in = CallRecordSchemaEvolutionTest.class.getResourceAsStream("/schema-history/" + file)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

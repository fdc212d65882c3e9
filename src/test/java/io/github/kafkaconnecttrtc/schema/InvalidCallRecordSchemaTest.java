package io.github.kafkaconnecttrtc.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** The invalid-records topic's contract, against the committed {@code schemas/InvalidCallRecord.avsc}. */
class InvalidCallRecordSchemaTest {

    private final Schema committed = CommittedAvroSchema.parseInvalid();

    @Test
    void converterWritesTheCommittedSchema() {
        Schema written = AvroConverterContractTest.converterWithEnhancedSchemaSupport()
                .fromConnectSchema(InvalidCallRecordSchema.VALUE_SCHEMA);

        assertThat(SchemaNormalization.toParsingForm(written)).isEqualTo(SchemaNormalization.toParsingForm(committed));
    }

    @Test
    void converterWritesTheCommittedDocsAndDefaultsToo() {
        AvroData withoutConnectMetaData = new AvroData(new AvroDataConfig.Builder()
                .with(AvroDataConfig.ENHANCED_AVRO_SCHEMA_SUPPORT_CONFIG, true)
                .with(AvroDataConfig.CONNECT_META_DATA_CONFIG, false)
                .build());

        Schema written = withoutConnectMetaData.fromConnectSchema(InvalidCallRecordSchema.VALUE_SCHEMA);

        assertThat(SchemaFormatter.format("json/pretty", written))
                .isEqualTo(SchemaFormatter.format("json/pretty", committed));
    }

    @Test
    void isTheInvalidCallRecordRecordWithEveryFieldDocumentedAndTheOptionalOnesDefaultingToNull() {
        assertThat(committed.getFullName()).isEqualTo(InvalidCallRecordSchema.VALUE_SCHEMA_NAME);
        assertThat(committed.getDoc()).isNotBlank();
        assertThat(committed.getFields()).extracting(Schema.Field::name)
                .containsExactly("raw", "reason", "callId", "requestId", "slice", "sdkAppId");
        assertThat(committed.getFields()).allSatisfy(field -> assertThat(field.doc()).as(field.name()).isNotBlank());
        assertThat(committed.getFields()).filteredOn(field -> field.schema().isNullable())
                .extracting(Schema.Field::name).containsExactly("callId", "requestId");
        assertThat(committed.getFields()).filteredOn(field -> field.schema().isNullable())
                .allSatisfy(field -> assertThat(field.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE));
    }

    @Test
    void keysRecordsByAnOptionalCallId() {
        assertThat(InvalidCallRecordSchema.KEY_SCHEMA.isOptional()).isTrue();
        assertThat(InvalidCallRecordSchema.KEY_SCHEMA.type()).isEqualTo(org.apache.kafka.connect.data.Schema.Type.STRING);
    }

    @Test
    void mapsEveryField() {
        Struct struct = InvalidCallRecordSchema.toStruct("{\"callId\":\"c-1\",\"endTs\":\"soon\"}",
                "'endTs' is not a whole number", "c-1", "req-9", "tail/fast", 1_400_000_000L);

        struct.validate();
        assertThat(struct.getString("raw")).isEqualTo("{\"callId\":\"c-1\",\"endTs\":\"soon\"}");
        assertThat(struct.getString("reason")).isEqualTo("'endTs' is not a whole number");
        assertThat(struct.getString("callId")).isEqualTo("c-1");
        assertThat(struct.getString("requestId")).isEqualTo("req-9");
        assertThat(struct.getString("slice")).isEqualTo("tail/fast");
        assertThat(struct.getInt64("sdkAppId")).isEqualTo(1_400_000_000L);
    }

    @Test
    void leavesCallIdAndRequestIdNullWhenUnknown() {
        Struct struct = InvalidCallRecordSchema.toStruct("{}", "no callId", null, null, "tail/fast", 1L);

        struct.validate();
        assertThat(struct.get("callId")).isNull();
        assertThat(struct.get("requestId")).isNull();
    }

    @Test
    void cutsARawTextLongerThanTheLimitAndSaysSoInTheReason() {
        String raw = "{\"callId\":\"" + "x".repeat(InvalidCallRecordSchema.MAX_RAW_CHARS) + "\"}";

        Struct struct = InvalidCallRecordSchema.toStruct(raw, "too long", null, "req-1", "tail/fast", 1L);

        assertThat(struct.getString("raw")).hasSize(InvalidCallRecordSchema.MAX_RAW_CHARS)
                .isEqualTo(raw.substring(0, InvalidCallRecordSchema.MAX_RAW_CHARS));
        assertThat(struct.getString("reason")).startsWith("too long")
                .contains(Integer.toString(InvalidCallRecordSchema.MAX_RAW_CHARS), Integer.toString(raw.length()));
    }
}

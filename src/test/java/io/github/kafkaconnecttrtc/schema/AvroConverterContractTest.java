package io.github.kafkaconnecttrtc.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * The value schema as a real Avro converter writes it (Apicurio's AvroData, a port of Confluent's that
 * reads the same schema parameters), against the committed {@code schemas/CallRecord.avsc}.
 */
class AvroConverterContractTest {

    /** What the worker's value converter must be configured with for the enums to stay enums. */
    static AvroData converterWithEnhancedSchemaSupport() {
        return new AvroData(new AvroDataConfig.Builder()
                .with(AvroDataConfig.ENHANCED_AVRO_SCHEMA_SUPPORT_CONFIG, true)
                .with(AvroDataConfig.SCHEMAS_CACHE_SIZE_CONFIG, 10)
                .build());
    }

    @Test
    void converterWritesTheCommittedSchema() {
        Schema written = converterWithEnhancedSchemaSupport().fromConnectSchema(CallRecordSchema.VALUE_SCHEMA);

        assertThat(SchemaNormalization.toParsingForm(written))
                .isEqualTo(SchemaNormalization.toParsingForm(CommittedAvroSchema.parse()));
    }

    @Test
    void converterWritesTheCommittedDocsDefaultsAndLogicalTypesToo() {
        // The parsing canonical form leaves out docs, defaults and logical types; without the converter's
        // own connect.* annotations the whole schema can be compared.
        AvroData withoutConnectMetaData = new AvroData(new AvroDataConfig.Builder()
                .with(AvroDataConfig.ENHANCED_AVRO_SCHEMA_SUPPORT_CONFIG, true)
                .with(AvroDataConfig.CONNECT_META_DATA_CONFIG, false)
                .build());

        Schema written = withoutConnectMetaData.fromConnectSchema(CallRecordSchema.VALUE_SCHEMA);

        assertThat(SchemaFormatter.format("json/pretty", written))
                .isEqualTo(SchemaFormatter.format("json/pretty", CommittedAvroSchema.parse()));
    }

    @Test
    void converterWritesEnumsAsPlainStringsWithoutEnhancedSchemaSupport() {
        AvroData byDefault = new AvroData(10);

        Schema written = byDefault.fromConnectSchema(CallRecordSchema.VALUE_SCHEMA);

        assertThat(written.getField("mediaType").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(written.getField("callType").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(written.getField("callResult").schema().getType()).isEqualTo(Schema.Type.STRING);
    }
}

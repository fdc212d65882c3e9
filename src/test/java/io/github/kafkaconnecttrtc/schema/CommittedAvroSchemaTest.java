package io.github.kafkaconnecttrtc.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.client.CallRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CommittedAvroSchemaTest {

    private final Schema schema = CommittedAvroSchema.parse();

    @Test
    void isTheCallRecordRecord() {
        assertThat(schema.getType()).isEqualTo(Schema.Type.RECORD);
        assertThat(schema.getFullName()).isEqualTo(CallRecordSchema.VALUE_SCHEMA_NAME);
    }

    @Test
    void documentsTheRecordAndEveryField() {
        assertThat(schema.getDoc()).isNotBlank();
        assertThat(schema.getFields()).allSatisfy(field -> assertThat(field.doc()).as(field.name()).isNotBlank());
    }

    @Test
    void namesItsFieldsAfterTheApiRecordWithARawTextAfterEachEnum() {
        List<String> expected = new ArrayList<>();
        for (var component : CallRecord.class.getRecordComponents()) {
            expected.add(component.getName());
            if (List.of("mediaType", "callType", "callResult").contains(component.getName())) {
                expected.add(component.getName() + "Raw");
            }
        }

        assertThat(schema.getFields()).extracting(Schema.Field::name).containsExactlyElementsOf(expected);
    }

    @Test
    void defaultsEveryEnumToUnknownSoThatOlderReadersReadNewSymbols() {
        List<Schema> enums = schema.getFields().stream()
                .map(Schema.Field::schema)
                .filter(type -> type.getType() == Schema.Type.ENUM)
                .toList();

        assertThat(enums).extracting(Schema::getName).containsExactly("MediaType", "CallType", "CallResult");
        assertThat(enums).allSatisfy(type -> {
            assertThat(type.getEnumDefault()).isEqualTo("UNKNOWN");
            assertThat(type.getDoc()).isNotBlank();
        });
    }

    @Test
    void listsEachEnumsSymbolsWithUnknownLast() {
        assertThat(schema.getField("mediaType").schema().getEnumSymbols()).containsExactly("AUDIO", "VIDEO", "UNKNOWN");
        assertThat(schema.getField("callType").schema().getEnumSymbols()).containsExactly("SINGLE", "GROUP", "UNKNOWN");
        assertThat(schema.getField("callResult").schema().getEnumSymbols()).containsExactly(
                "CANCEL", "REJECT", "NOT_ANSWER", "NORMAL_END", "CALL_BUSY", "INTERRUPT", "OFFLINE", "UNKNOWN");
    }

    @Test
    void defaultsEveryOptionalFieldToNull() {
        List<Schema.Field> optional = schema.getFields().stream()
                .filter(field -> field.schema().isNullable())
                .toList();

        assertThat(optional).extracting(Schema.Field::name).containsExactly(
                "mediaTypeRaw", "roomId", "roomIdType", "acceptTs", "caller", "totalUserNumber", "callTypeRaw",
                "callResultRaw");
        assertThat(optional).allSatisfy(field -> {
            assertThat(field.schema().getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
            assertThat(field.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
        });
    }
}

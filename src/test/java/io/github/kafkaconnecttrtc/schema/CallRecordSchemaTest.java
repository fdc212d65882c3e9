package io.github.kafkaconnecttrtc.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.utils.converter.avro.AvroData;
import io.github.kafkaconnecttrtc.client.CallRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CallRecordSchemaTest {

    private static final CallRecord CONNECTED = new CallRecord("2ae7d549-c441-4a9b-87c0-61810fe19581",
            1400000000L, "video", "456", null, 1688709003L, 1688709010L, 1688709903L, "123", 3, "group",
            "normal_end", List.of("111", "222"));

    private static final CallRecord NEVER_CONNECTED = new CallRecord("c-missed", 1400000000L, "audio", "789", null,
            1688709003L, 0L, 1688709033L, "123", 2, "single", "not_answer", List.of("111"));

    private static final CallRecord VENDOR_EXAMPLE = new CallRecord("c-offline", 88888888L, "video", "456", null,
            1688709003L, 1688709003L, 1689150030L, "123", 0, "single", "offline", List.of("111", "123"));

    private static final CallRecord NOTHING_OPTIONAL = new CallRecord("c-bare", 1400000000L, null, null, null,
            1688709003L, 0L, 1688709003L, null, null, null, null, null);

    /** As the v4 API sends it: its own texts, a room id type, no totalUserNumber; the configured SDKAppID. */
    private static final CallRecord V4_CALL = new CallRecord("c-v4", 1400000000L, "Video", "room-a", 2,
            1688709003L, 1688709010L, 1688709903L, "123", null, "MultiCall", "NormalEnd", List.of("111", "222"));

    @Test
    void keysRecordsByTheCallIdString() {
        assertThat(CallRecordSchema.KEY_SCHEMA).isEqualTo(Schema.STRING_SCHEMA);
    }

    @Test
    void mapsEveryFieldOfAConnectedCall() {
        Struct struct = CallRecordSchema.toStruct(CONNECTED);

        struct.validate();
        assertThat(struct.schema()).isSameAs(CallRecordSchema.VALUE_SCHEMA);
        assertThat(struct.getString("callId")).isEqualTo("2ae7d549-c441-4a9b-87c0-61810fe19581");
        assertThat(struct.getInt64("sdkAppId")).isEqualTo(1400000000L);
        assertThat(struct.getString("mediaType")).isEqualTo("VIDEO");
        assertThat(struct.getString("mediaTypeRaw")).isEqualTo("video");
        assertThat(struct.getString("roomId")).isEqualTo("456");
        assertThat(struct.get("roomIdType")).isNull();
        assertThat(struct.get("startCallTs")).isEqualTo(new Date(1688709003000L));
        assertThat(struct.get("acceptTs")).isEqualTo(new Date(1688709010000L));
        assertThat(struct.get("endTs")).isEqualTo(new Date(1688709903000L));
        assertThat(struct.getString("caller")).isEqualTo("123");
        assertThat(struct.getInt32("totalUserNumber")).isEqualTo(3);
        assertThat(struct.getString("callType")).isEqualTo("GROUP");
        assertThat(struct.getString("callTypeRaw")).isEqualTo("group");
        assertThat(struct.getString("callResult")).isEqualTo("NORMAL_END");
        assertThat(struct.getString("callResultRaw")).isEqualTo("normal_end");
        assertThat(struct.<String>getArray("callees")).containsExactly("111", "222");
    }

    @Test
    void mapsAV4CallWithItsRoomIdTypeItsTextsAsSentAndNoTotalUserNumber() {
        Struct struct = CallRecordSchema.toStruct(V4_CALL);

        struct.validate();
        assertThat(struct.getInt64("sdkAppId")).isEqualTo(1400000000L);
        assertThat(struct.getString("roomId")).isEqualTo("room-a");
        assertThat(struct.getInt32("roomIdType")).isEqualTo(2);
        assertThat(struct.get("totalUserNumber")).isNull();
        assertThat(struct.getString("mediaType")).isEqualTo("VIDEO");
        assertThat(struct.getString("mediaTypeRaw")).isEqualTo("Video");
        assertThat(struct.getString("callType")).isEqualTo("GROUP");
        assertThat(struct.getString("callTypeRaw")).isEqualTo("MultiCall");
        assertThat(struct.getString("callResult")).isEqualTo("NORMAL_END");
        assertThat(struct.getString("callResultRaw")).isEqualTo("NormalEnd");
    }

    @Test
    void leavesAcceptTsNullForACallThatWasNeverConnected() {
        Struct struct = CallRecordSchema.toStruct(NEVER_CONNECTED);

        struct.validate();
        assertThat(struct.get("acceptTs")).isNull();
        assertThat(struct.get("startCallTs")).isEqualTo(new Date(1688709003000L));
    }

    @ParameterizedTest
    @CsvSource({
        "mediaType, audio, AUDIO",
        "mediaType, video, VIDEO",
        "mediaType, Video, VIDEO",
        "callType, single, SINGLE",
        "callType, group, GROUP",
        "callType, GROUP, GROUP",
        "callResult, cancel, CANCEL",
        "callResult, reject, REJECT",
        "callResult, not_answer, NOT_ANSWER",
        "callResult, normal_end, NORMAL_END",
        "callResult, call_busy, CALL_BUSY",
        "callResult, interrupt, INTERRUPT",
        "callResult, offline, OFFLINE",
        "callResult, Normal_End, NORMAL_END",
        "callType, multicall, GROUP",
        "callResult, NORMALEND, NORMAL_END",
    })
    void mapsEveryKnownApiTextToItsSymbolWhateverItsCase(String field, String apiText, String symbol) {
        Struct struct = CallRecordSchema.toStruct(withText(field, apiText));

        struct.validate();
        assertThat(struct.getString(field)).isEqualTo(symbol);
        assertThat(struct.getString(field + "Raw")).isEqualTo(apiText);
    }

    @ParameterizedTest
    @CsvSource({
        "mediaType, audio, Audio",
        "mediaType, video, Video",
        "callType, single, SingleCall",
        "callType, group, MultiCall",
        "callResult, cancel, Cancel",
        "callResult, reject, Reject",
        "callResult, not_answer, NotAnswer",
        "callResult, normal_end, NormalEnd",
        "callResult, call_busy, CallBusy",
        "callResult, interrupt, Interrupt",
        "callResult, offline, Offline",
    })
    void mapsAV4TextToTheSymbolOfItsV1TextAndKeepsItAsSent(String field, String v1Text, String v4Text) {
        Struct fromV1 = CallRecordSchema.toStruct(withText(field, v1Text));
        Struct fromV4 = CallRecordSchema.toStruct(withText(field, v4Text));

        assertThat(fromV4.getString(field)).isEqualTo(fromV1.getString(field)).isNotEqualTo("UNKNOWN");
        assertThat(fromV4.getString(field + "Raw")).isEqualTo(v4Text);
    }

    @Test
    void mapsEveryTextTheCommittedEnumDocsNameToItsSymbol() {
        // Each enum's doc lists "SYMBOL v1text / v4text": what consumers read must be what the connector does.
        Pattern entry = Pattern.compile("([A-Z_]+) (\\S+) / ([^,;\\s]+)");
        for (String field : List.of("mediaType", "callType", "callResult")) {
            org.apache.avro.Schema type = CommittedAvroSchema.parse().getField(field).schema();
            List<String> documented = new ArrayList<>();
            Matcher m = entry.matcher(type.getDoc());
            while (m.find()) {
                documented.add(m.group(1));
                for (String text : List.of(m.group(2), m.group(3))) {
                    assertThat(CallRecordSchema.toStruct(withText(field, text)).getString(field))
                            .as("%s %s", field, text).isEqualTo(m.group(1));
                }
            }
            documented.add("UNKNOWN");
            assertThat(documented).as(field).isEqualTo(type.getEnumSymbols());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "mediaType, screen",
        "callType, Single Call",
        "callType, Multi",
        "callResult, Busy",
        "callResult, normal end",
        "callResult, ''",
        "callResult, ' normal_end'",
    })
    void mapsAnUnknownApiTextToUnknownAndKeepsTheText(String field, String apiText) {
        Struct struct = CallRecordSchema.toStruct(withText(field, apiText));

        struct.validate();
        assertThat(struct.getString(field)).isEqualTo("UNKNOWN");
        assertThat(struct.getString(field + "Raw")).isEqualTo(apiText);
    }

    @Test
    void mapsAbsentTextsToUnknownAndNull() {
        Struct struct = CallRecordSchema.toStruct(NOTHING_OPTIONAL);

        struct.validate();
        assertThat(struct.getString("mediaType")).isEqualTo("UNKNOWN");
        assertThat(struct.getString("callType")).isEqualTo("UNKNOWN");
        assertThat(struct.getString("callResult")).isEqualTo("UNKNOWN");
        assertThat(struct.get("mediaTypeRaw")).isNull();
        assertThat(struct.get("callTypeRaw")).isNull();
        assertThat(struct.get("callResultRaw")).isNull();
        assertThat(struct.get("roomId")).isNull();
        assertThat(struct.get("caller")).isNull();
        assertThat(struct.get("roomIdType")).isNull();
        assertThat(struct.get("totalUserNumber")).isNull();
        assertThat(struct.get("acceptTs")).isNull();
        assertThat(struct.<String>getArray("callees")).isEmpty();
    }

    static Stream<Arguments> calls() {
        return Stream.of(CONNECTED, NEVER_CONNECTED, VENDOR_EXAMPLE, NOTHING_OPTIONAL, V4_CALL).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("calls")
    void valueRoundTripsThroughAvroBinaryReadWithTheCommittedSchema(CallRecord call) throws IOException {
        Struct struct = CallRecordSchema.toStruct(call);
        AvroData converter = AvroConverterContractTest.converterWithEnhancedSchemaSupport();
        GenericRecord written = (GenericRecord) converter.fromConnectData(CallRecordSchema.VALUE_SCHEMA, struct);

        GenericRecord read = readWithCommittedSchema(written);

        assertThat(read.getSchema()).isEqualTo(CommittedAvroSchema.parse());
        for (Field field : CallRecordSchema.VALUE_SCHEMA.fields()) {
            assertThat(plain(read.get(field.name()))).as(field.name()).isEqualTo(plain(struct.get(field)));
        }
    }

    private static GenericRecord readWithCommittedSchema(GenericRecord written) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(written.getSchema()).write(written, encoder);
        encoder.flush();
        GenericDatumReader<GenericRecord> reader =
                new GenericDatumReader<>(written.getSchema(), CommittedAvroSchema.parse());
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    /** A value with Avro's and Connect's representations taken off: texts, symbols, millis, lists. */
    private static Object plain(Object value) {
        if (value instanceof CharSequence || value instanceof GenericData.EnumSymbol) {
            return value.toString();
        }
        if (value instanceof Date date) {
            return date.getTime();
        }
        if (value instanceof List<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            for (Object element : list) {
                plain.add(plain(element));
            }
            return plain;
        }
        return value;
    }

    private static CallRecord withText(String field, String text) {
        CallRecord c = CONNECTED;
        return switch (field) {
            case "mediaType" -> new CallRecord(c.callId(), c.sdkAppId(), text, c.roomId(), c.roomIdType(), c.startCallTs(),
                    c.acceptTs(), c.endTs(), c.caller(), c.totalUserNumber(), c.callType(), c.callResult(),
                    c.callees());
            case "callType" -> new CallRecord(c.callId(), c.sdkAppId(), c.mediaType(), c.roomId(), c.roomIdType(), c.startCallTs(),
                    c.acceptTs(), c.endTs(), c.caller(), c.totalUserNumber(), text, c.callResult(), c.callees());
            case "callResult" -> new CallRecord(c.callId(), c.sdkAppId(), c.mediaType(), c.roomId(), c.roomIdType(),
                    c.startCallTs(), c.acceptTs(), c.endTs(), c.caller(), c.totalUserNumber(), c.callType(), text,
                    c.callees());
            default -> throw new IllegalArgumentException(field);
        };
    }
}

package io.github.kafkaconnecttrtc.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.launcher.ConfluentWireDecoder;
import io.github.kafkaconnecttrtc.simulator.ApiDialect;
import io.github.kafkaconnecttrtc.simulator.ApiRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads values as any consumer would ({@link ConfluentWireDecoder}) and states what a value must
 * hold for a call: the test's own reading of the contract, independent of the connector's code.
 */
final class CallRecordAvro {

    // Each symbol, then its v1 and v4 texts, as the contract's enum docs list them.
    private static final Map<String, String> MEDIA_TYPES = bySymbol(
            "AUDIO", "audio", "Audio",
            "VIDEO", "video", "Video");
    private static final Map<String, String> CALL_TYPES = bySymbol(
            "SINGLE", "single", "SingleCall",
            "GROUP", "group", "MultiCall");
    private static final Map<String, String> CALL_RESULTS = bySymbol(
            "CANCEL", "cancel", "Cancel",
            "REJECT", "reject", "Reject",
            "NOT_ANSWER", "not_answer", "NotAnswer",
            "NORMAL_END", "normal_end", "NormalEnd",
            "CALL_BUSY", "call_busy", "CallBusy",
            "INTERRUPT", "interrupt", "Interrupt",
            "OFFLINE", "offline", "Offline");

    /** v4's spelling of each v1 text, from the same triples. */
    private static final Map<String, String> V4_TEXTS = v4Texts(
            "audio", "Audio", "video", "Video", "single", "SingleCall", "group", "MultiCall", "cancel", "Cancel",
            "reject", "Reject", "not_answer", "NotAnswer", "normal_end", "NormalEnd", "call_busy", "CallBusy",
            "interrupt", "Interrupt", "offline", "Offline");

    private final ConfluentWireDecoder wire;

    CallRecordAvro(String ccompatUrl) {
        this.wire = new ConfluentWireDecoder(ccompatUrl);
    }

    GenericRecord decode(byte[] value) {
        try {
            return wire.decode(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The writer schemas seen so far. */
    Set<Schema> writerSchemas() {
        return wire.writerSchemas();
    }

    static String canonicalContract() throws IOException {
        Schema contract = new Schema.Parser().parse(Files.readString(RepoFiles.file("schemas", "CallRecord.avsc")));
        return SchemaNormalization.toParsingForm(contract);
    }

    /** Asserts that {@code value} holds {@code call} as the v1 API sent it, field by field. */
    static void assertHolds(GenericRecord value, ApiRecord call) {
        assertHolds(value, call, ApiDialect.V1);
    }

    /**
     * Asserts that {@code value} holds {@code call} as the API of {@code dialect} sent it: v4 names no
     * application (the connector's is the simulator's), counts no users, says the room id's type and
     * spells the enums its own way, which the raw fields keep.
     */
    static void assertHolds(GenericRecord value, ApiRecord call, ApiDialect dialect) {
        boolean v4 = dialect == ApiDialect.V4;
        assertThat(text(value, "callId")).isEqualTo(call.callId());
        assertThat(value.get("sdkAppId")).isEqualTo(call.sdkAppId());
        assertEnum(value, "mediaType", apiText(call.mediaType(), dialect));
        assertThat(text(value, "roomId")).isEqualTo(call.roomId());
        assertThat(value.get("roomIdType")).isEqualTo(v4 ? call.roomIdType() : null);
        assertThat(value.get("startCallTs")).isEqualTo(call.startCallTs() * 1000);
        assertThat(value.get("acceptTs")).isEqualTo(call.acceptTs() == 0 ? null : call.acceptTs() * 1000);
        assertThat(value.get("endTs")).isEqualTo(call.endTs() * 1000);
        assertThat(text(value, "caller")).isEqualTo(call.caller());
        // Nullable since version 2 of the contract; only the v1 dialect says it.
        assertThat(value.get("totalUserNumber")).isEqualTo(v4 ? null : call.totalUserNumber());
        assertEnum(value, "callType", apiText(call.callType(), dialect));
        assertEnum(value, "callResult", apiText(call.callResult(), dialect));
        assertThat(((List<?>) value.get("callees")).stream().map(String::valueOf).toList())
                .isEqualTo(call.callees());
    }

    /**
     * The symbol the contract gives an enum field's API text: each symbol's v1 and v4 texts, matched
     * whatever their case; UNKNOWN for any other text or none.
     */
    static String symbol(String field, String raw) {
        Map<String, String> symbols = switch (field) {
            case "mediaType" -> MEDIA_TYPES;
            case "callType" -> CALL_TYPES;
            case "callResult" -> CALL_RESULTS;
            default -> throw new IllegalArgumentException(field);
        };
        return raw == null ? "UNKNOWN" : symbols.getOrDefault(raw.toLowerCase(Locale.ROOT), "UNKNOWN");
    }

    /** The text the API of {@code dialect} sends for a value the simulator holds by its v1 text. */
    static String apiText(String v1Text, ApiDialect dialect) {
        return dialect == ApiDialect.V4 && v1Text != null ? V4_TEXTS.getOrDefault(v1Text, v1Text) : v1Text;
    }

    private static Map<String, String> v4Texts(String... v1AndV4) {
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < v1AndV4.length; i += 2) {
            texts.put(v1AndV4[i], v1AndV4[i + 1]);
        }
        return texts;
    }

    /** From triples of symbol, v1 text and v4 text: each lower-cased text's symbol. */
    private static Map<String, String> bySymbol(String... symbolV1V4) {
        Map<String, String> symbols = new HashMap<>();
        for (int i = 0; i < symbolV1V4.length; i += 3) {
            symbols.put(symbolV1V4[i + 1].toLowerCase(Locale.ROOT), symbolV1V4[i]);
            symbols.put(symbolV1V4[i + 2].toLowerCase(Locale.ROOT), symbolV1V4[i]);
        }
        return symbols;
    }

    private static void assertEnum(GenericRecord value, String field, String raw) {
        assertThat(text(value, field)).as(field).isEqualTo(symbol(field, raw));
        assertThat(text(value, field + "Raw")).as(field + "Raw").isEqualTo(raw);
    }

    private static String text(GenericRecord value, String field) {
        Object v = value.get(field);
        return v == null ? null : v.toString();
    }
}

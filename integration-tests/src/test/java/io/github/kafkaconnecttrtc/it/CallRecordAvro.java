package io.github.kafkaconnecttrtc.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kafkaconnecttrtc.simulator.ApiRecord;
import io.github.kafkaconnecttrtc.launcher.ConfluentWireDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads values as any consumer would ({@link ConfluentWireDecoder}) and states what a value must
 * hold for a call: the test's own reading of the contract, independent of the connector's code.
 */
final class CallRecordAvro {

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

    /** Asserts that {@code value} holds {@code call}, field by field. */
    static void assertHolds(GenericRecord value, ApiRecord call) {
        assertThat(text(value, "callId")).isEqualTo(call.callId());
        assertThat(value.get("sdkAppId")).isEqualTo(call.sdkAppId());
        assertEnum(value, "mediaType", call.mediaType(), List.of("audio", "video"));
        assertThat(text(value, "roomId")).isEqualTo(call.roomId());
        assertThat(value.get("startCallTs")).isEqualTo(call.startCallTs() * 1000);
        assertThat(value.get("acceptTs")).isEqualTo(call.acceptTs() == 0 ? null : call.acceptTs() * 1000);
        assertThat(value.get("endTs")).isEqualTo(call.endTs() * 1000);
        assertThat(text(value, "caller")).isEqualTo(call.caller());
        assertThat(value.get("totalUserNumber")).isEqualTo(call.totalUserNumber());
        assertEnum(value, "callType", call.callType(), List.of("single", "group"));
        assertEnum(value, "callResult", call.callResult(),
                List.of("cancel", "reject", "not_answer", "normal_end", "call_busy", "interrupt"));
        assertThat(((List<?>) value.get("callees")).stream().map(String::valueOf).toList())
                .isEqualTo(call.callees());
    }

    private static void assertEnum(GenericRecord value, String field, String raw, List<String> known) {
        String expected = raw != null && known.contains(raw) ? raw.toUpperCase(Locale.ROOT) : "UNKNOWN";
        assertThat(text(value, field)).as(field).isEqualTo(expected);
        assertThat(text(value, field + "Raw")).as(field + "Raw").isEqualTo(raw);
    }

    private static String text(GenericRecord value, String field) {
        Object v = value.get(field);
        return v == null ? null : v.toString();
    }
}

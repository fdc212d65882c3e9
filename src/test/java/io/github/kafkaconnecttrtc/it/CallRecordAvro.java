package io.github.kafkaconnecttrtc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kafkaconnecttrtc.client.CallRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads values in the Confluent wire format with plain Apache Avro, fetching each writer schema
 * from the registry's Confluent-compatible API, and states what a value must hold for a call:
 * the test's own reading of the contract, independent of the connector's code.
 */
final class CallRecordAvro {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String ccompatUrl;
    private final Map<Integer, Schema> schemas = new HashMap<>();

    CallRecordAvro(String ccompatUrl) {
        this.ccompatUrl = ccompatUrl;
    }

    GenericRecord decode(byte[] value) {
        assertThat(value[0]).as("Confluent magic byte").isZero();
        int id = ByteBuffer.wrap(value, 1, 4).getInt();
        Schema writer = schemas.computeIfAbsent(id, this::fetch);
        try {
            return new GenericDatumReader<GenericRecord>(writer)
                    .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
        } catch (IOException e) {
            throw new UncheckedIOException("undecodable value with schema id " + id, e);
        }
    }

    /** The writer schemas seen so far. */
    Set<Schema> writerSchemas() {
        return Set.copyOf(schemas.values());
    }

    static String canonicalContract() throws IOException {
        Schema contract = new Schema.Parser().parse(Files.readString(Path.of("schemas", "CallRecord.avsc")));
        return SchemaNormalization.toParsingForm(contract);
    }

    private Schema fetch(int id) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(ccompatUrl + "/schemas/ids/" + id)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return new Schema.Parser().parse(JSON.readTree(answer.body()).get("schema").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that {@code value} holds {@code call}, field by field. */
    static void assertHolds(GenericRecord value, CallRecord call) {
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

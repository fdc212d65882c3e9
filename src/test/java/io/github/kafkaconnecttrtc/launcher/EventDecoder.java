package io.github.kafkaconnecttrtc.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes CallRecord values in the Confluent wire format (magic byte 0, 4-byte schema id, Avro
 * binary) with plain Apache Avro, fetching each writer schema by id from the registry's
 * Confluent-compatible API: what any consumer of the topic would do, without the connector's code.
 */
final class EventDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final String ccompatUrl;
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    EventDecoder(String ccompatUrl) {
        this.ccompatUrl = ccompatUrl;
    }

    GenericRecord decode(byte[] value) throws IOException, InterruptedException {
        if (value == null || value.length < 5 || value[0] != 0) {
            throw new IOException("not in the Confluent wire format (magic byte 0, schema id, Avro)");
        }
        int id = ByteBuffer.wrap(value, 1, 4).getInt();
        Schema writer = schemas.get(id);
        if (writer == null) {
            writer = fetch(id);
            schemas.put(id, writer);
        }
        return new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
    }

    ProgressSnapshot.CallEvent event(byte[] value) throws IOException, InterruptedException {
        return toEvent(decode(value));
    }

    static ProgressSnapshot.CallEvent toEvent(GenericRecord value) {
        Object callees = value.get("callees");
        return new ProgressSnapshot.CallEvent(text(value, "callId"), raw(value, "callType"), raw(value, "mediaType"),
                raw(value, "callResult"), text(value, "caller"), callees instanceof List<?> list ? list.size() : 0,
                number(value, "startCallTs"), number(value, "endTs"));
    }

    private Schema fetch(int id) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ccompatUrl + "/schemas/ids/" + id))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("schema " + id + ": the registry answered " + answer.statusCode() + " "
                    + answer.body());
        }
        return new Schema.Parser().parse(JSON.readTree(answer.body()).get("schema").asText());
    }

    /** The API's own text (the *Raw field), else the enum symbol. */
    private static String raw(GenericRecord value, String field) {
        Object raw = value.getSchema().getField(field + "Raw") == null ? null : value.get(field + "Raw");
        return raw != null ? raw.toString() : text(value, field);
    }

    private static String text(GenericRecord value, String field) {
        Object v = value.getSchema().getField(field) == null ? null : value.get(field);
        return v == null ? "-" : v.toString();
    }

    private static long number(GenericRecord value, String field) {
        Object v = value.getSchema().getField(field) == null ? null : value.get(field);
        return v instanceof Number n ? n.longValue() : 0;
    }
}

package io.github.kafkaconnecttrtc.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes values in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary) with
 * plain Apache Avro, fetching each writer schema by id from a registry's Confluent-compatible API:
 * what any consumer of the topic would do, without the connector's code. Thread-safe.
 */
public final class ConfluentWireDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String ccompatUrl;
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    /** @param ccompatUrl the registry's {@code /apis/ccompat/v7} base URL */
    public ConfluentWireDecoder(String ccompatUrl) {
        this.ccompatUrl = ccompatUrl;
    }

    public GenericRecord decode(byte[] value) throws IOException, InterruptedException {
        if (value == null || value.length < 5 || value[0] != 0) {
            throw new IOException("not in the Confluent wire format (magic byte 0, schema id, Avro)");
        }
        Schema writer = writerSchema(ByteBuffer.wrap(value, 1, 4).getInt());
        return new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
    }

    /** The writer schemas fetched so far. */
    public Set<Schema> writerSchemas() {
        return Set.copyOf(schemas.values());
    }

    /** The writer schema with registry id {@code id}, fetched once. */
    public Schema writerSchema(int id) throws IOException, InterruptedException {
        Schema writer = schemas.get(id);
        if (writer == null) {
            writer = fetch(id);
            schemas.put(id, writer);
        }
        return writer;
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
}

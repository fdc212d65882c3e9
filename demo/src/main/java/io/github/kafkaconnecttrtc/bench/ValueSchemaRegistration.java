package io.github.kafkaconnecttrtc.bench;

import io.apicurio.registry.utils.converter.AvroConverter;
import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.schema.CallRecordSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the record value's schema before the connector starts, the way a production pipeline
 * registers its schemas, so that the worker's converters only look it up.
 *
 * <p>Apicurio's converter with {@code auto-register} finds the schema by its content on every
 * record: it writes the Avro schema out as text and hashes it, once per record. In run 8 that was 89%
 * of the task threads' CPU, which made the benchmark measure the converter rather than the
 * connector (Confluent's converter, as the production configurations use, caches the schema by
 * identity). Registered once here, by a converter configured as the worker's, the schema is the one
 * the worker's converters derive; they then resolve the topic's latest version ({@code find-latest})
 * and keep it.
 */
final class ValueSchemaRegistration {

    static final String CONVERTER = "value.converter";
    private static final String PREFIX = CONVERTER + ".";
    private static final String AUTO_REGISTER = PREFIX + "apicurio.registry.auto-register";
    private static final String FIND_LATEST = PREFIX + "apicurio.registry.find-latest";

    private ValueSchemaRegistration() {
    }

    /** Whether {@code config} has Apicurio's converter register the value schema per record. */
    static boolean registersPerRecord(Map<String, String> config) {
        return AvroConverter.class.getName().equals(config.get(CONVERTER))
                && Boolean.parseBoolean(config.getOrDefault(AUTO_REGISTER, "false"));
    }

    /**
     * Registers the value schema of {@code topic} through a converter configured as {@code config}'s,
     * and turns {@code config} into one that looks the schema up instead.
     */
    static void registerOnce(Map<String, String> config, String topic) {
        Map<String, Object> converterProps = new HashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                converterProps.put(key.substring(PREFIX.length()), value);
            }
        });
        try (AvroConverter<?> converter = new AvroConverter<>()) {
            converter.configure(converterProps, false);
            CallRecord sample = new CallRecord("schema-registration", 1, "audio", "room", null, 1, 1, 2, "caller", 2,
                    "single", "normal_end", List.of("callee"));
            converter.fromConnectData(topic, CallRecordSchema.VALUE_SCHEMA, CallRecordSchema.toStruct(sample));
        }
        config.put(AUTO_REGISTER, "false");
        config.put(FIND_LATEST, "true");
    }
}

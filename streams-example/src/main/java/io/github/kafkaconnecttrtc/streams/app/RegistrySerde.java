package io.github.kafkaconnecttrtc.streams.app;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Apicurio Registry's Avro serde, set to read what the connector's converter writes: the Confluent
 * wire format (a zero byte, a 4-byte id, the Avro binary) whose id is the schema's content id.
 * Values come as {@link GenericRecord}s, read with the schema they were written with.
 */
public final class RegistrySerde {

    private RegistrySerde() {
    }

    /**
     * @param registryUrl Apicurio's native API, {@code http://host:port/apis/registry/v2}
     * @param overrides   further {@code apicurio.registry.*} settings (authentication, TLS), or
     *                    other values for those set here
     */
    public static Serde<GenericRecord> callRecords(String registryUrl, Map<String, ?> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        // The converter's settings in connector-config/: a 4-byte id in the value, the content id.
        config.put(SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER, "true");
        // What as-confluent stands for; named too, or the serde warns of a duplicate id handler
        // when it replaces its default one.
        config.put(SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName());
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.ENABLE_HEADERS, "false");
        config.putAll(overrides);
        Serde<GenericRecord> serde = new AvroSerde<>();
        serde.configure(config, false);
        return serde;
    }
}

package io.github.kafkaconnecttrtc.testing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** Connect's offset storage played by a map that tests fill. */
public final class MapOffsetStorageReader implements OffsetStorageReader {

    private final Map<Map<String, String>, Map<String, Object>> stored;

    public MapOffsetStorageReader(Map<Map<String, String>, Map<String, Object>> stored) {
        this.stored = stored;
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return stored.get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        // As Connect's Kafka-backed reader does, every partition asked for is in the answer, null when unknown.
        Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
        partitions.forEach(partition -> found.put(partition, stored.get(partition)));
        return found;
    }
}

package io.github.kafkaconnecttrtc.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** Reads the stored offsets of slices from Connect's offset storage. */
public final class StoredOffsets {

    private StoredOffsets() {
    }

    /**
     * The readable offsets of {@code sliceNames} by slice name; an offset that cannot be read, or
     * holds a time out of range, is left out and handed to {@code unreadable} with the reason.
     *
     * @param nowSeconds the worker's clock, which no stored time may lie more than a day past
     */
    public static Map<String, SliceOffset> read(OffsetStorageReader reader, long sdkAppId, List<String> sliceNames,
            long nowSeconds, BiConsumer<String, IllegalArgumentException> unreadable) {
        List<Map<String, String>> partitions = new ArrayList<>(sliceNames.size());
        sliceNames.forEach(name -> partitions.add(Slice.partition(sdkAppId, name)));
        Map<String, SliceOffset> offsets = new HashMap<>();
        reader.offsets(partitions).forEach((partition, offset) -> {
            String name = partition.get(Slice.PARTITION_SLICE_KEY);
            try {
                SliceOffset parsed = SliceOffset.fromMap(offset, nowSeconds);
                if (parsed != null) {
                    offsets.put(name, parsed);
                }
            } catch (IllegalArgumentException e) {
                unreadable.accept(name, e);
            }
        });
        return offsets;
    }
}

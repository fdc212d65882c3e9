package io.github.kafkaconnecttrtc.source;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which time a call's record carries as its Kafka timestamp. */
public enum RecordTimestamp {
    /** When the connector read the call: retention counts from the read, whatever the call's age. */
    READ,
    /** The call's end ({@code endTs}): event time, which time-based retention and partitioning then use. */
    END;

    /** The setting's spelling. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every value's spelling, for the setting's recommended values. */
    public static List<String> configNames() {
        return Arrays.stream(values()).map(RecordTimestamp::configName).toList();
    }

    /**
     * The setting's value, in any case.
     *
     * @throws IllegalArgumentException when it names neither
     */
    public static RecordTimestamp of(String name) {
        for (RecordTimestamp value : values()) {
            if (value.configName().equalsIgnoreCase(name.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("not a record timestamp: " + name);
    }
}

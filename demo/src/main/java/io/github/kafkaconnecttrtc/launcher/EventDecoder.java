package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Decodes CallRecord values as any consumer of the topic would (see {@link ConfluentWireDecoder})
 * and turns them into the events the progress view shows.
 */
final class EventDecoder {

    private final ConfluentWireDecoder wire;

    EventDecoder(String ccompatUrl) {
        this.wire = new ConfluentWireDecoder(ccompatUrl);
    }

    ProgressSnapshot.CallEvent event(byte[] value) throws IOException, InterruptedException {
        return toEvent(wire.decode(value));
    }

    static ProgressSnapshot.CallEvent toEvent(GenericRecord value) {
        Object callees = value.get("callees");
        return new ProgressSnapshot.CallEvent(text(value, "callId"), raw(value, "callType"), raw(value, "mediaType"),
                raw(value, "callResult"), text(value, "caller"), callees instanceof List<?> list ? list.size() : 0,
                number(value, "startCallTs"), number(value, "endTs"));
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

package io.github.kafkaconnecttrtc.schema;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The contract of the invalid-records topic: a record the API sent that cannot be emitted as a
 * {@code CallRecord}, with what is wrong with it and where it came from. Built, like
 * {@link CallRecordSchema}, so that an Avro converter writes exactly {@code schemas/InvalidCallRecord.avsc}.
 *
 * <p>The key is the record's {@code callId} when it has one, else null.
 */
public final class InvalidCallRecordSchema {

    /** The full name of the value schema: the Avro record's name too. */
    public static final String VALUE_SCHEMA_NAME = "io.github.kafkaconnecttrtc.InvalidCallRecord";

    /** The version of the value schema; it changes only with {@code schemas/InvalidCallRecord.avsc}. */
    public static final int VALUE_SCHEMA_VERSION = 1;

    /** The key: the record's {@code callId}, or null when it has none. */
    public static final Schema KEY_SCHEMA = Schema.OPTIONAL_STRING_SCHEMA;

    /**
     * The most characters of a record's text a value holds: an answer body is bounded, but one record
     * as large as a whole body would still exceed the broker's default message size.
     */
    public static final int MAX_RAW_CHARS = 100_000;

    private static final String AVRO_RECORD_DOC = "io.confluent.connect.avro.record.doc";
    private static final String AVRO_FIELD_DOC_PREFIX = "io.confluent.connect.avro.field.doc.";

    public static final Schema VALUE_SCHEMA = buildValueSchema();

    private static final Field RAW = VALUE_SCHEMA.field("raw");
    private static final Field REASON = VALUE_SCHEMA.field("reason");
    private static final Field CALL_ID = VALUE_SCHEMA.field("callId");
    private static final Field REQUEST_ID = VALUE_SCHEMA.field("requestId");
    private static final Field SLICE = VALUE_SCHEMA.field("slice");
    private static final Field SDK_APP_ID = VALUE_SCHEMA.field("sdkAppId");

    private InvalidCallRecordSchema() {
    }

    /** The record value of one invalid record; a text longer than {@link #MAX_RAW_CHARS} is cut, and the reason says so. */
    public static Struct toStruct(String raw, String reason, String callId, String requestId, String slice,
            long sdkAppId) {
        String kept = raw;
        String why = reason;
        if (raw.length() > MAX_RAW_CHARS) {
            kept = raw.substring(0, MAX_RAW_CHARS);
            why = reason + " (raw cut to its first " + MAX_RAW_CHARS + " of " + raw.length() + " characters)";
        }
        return new Struct(VALUE_SCHEMA)
                .put(RAW, kept)
                .put(REASON, why)
                .put(CALL_ID, callId)
                .put(REQUEST_ID, requestId)
                .put(SLICE, slice)
                .put(SDK_APP_ID, sdkAppId);
    }

    private static Schema buildValueSchema() {
        String doc = "A call record the TRTC call-records API sent that the connector cannot emit as a CallRecord: "
                + "its JSON text, what is wrong with it and the answer it came in. The record's Kafka key is its "
                + "callId, or null when it has none.";
        SchemaBuilder value = SchemaBuilder.struct()
                .name(VALUE_SCHEMA_NAME)
                .version(VALUE_SCHEMA_VERSION)
                .doc(doc)
                .parameter(AVRO_RECORD_DOC, doc);
        field(value, "raw", SchemaBuilder.string(),
                "The record's JSON text as the API sent it (bytes that were not UTF-8 replaced by U+FFFD), or, for a "
                        + "record rejected after it was read, as it was read; cut to its first " + MAX_RAW_CHARS
                        + " characters when longer.");
        field(value, "reason", SchemaBuilder.string(),
                "What is wrong with the record, naming the field.");
        field(value, "callId", SchemaBuilder.string().optional(),
                "The record's callId when it has a usable one, else null. Also the record's Kafka key.");
        field(value, "requestId", SchemaBuilder.string().optional(),
                "The API's requestId of the answer that held the record, for a support ticket; null when the "
                        + "answer had none.");
        field(value, "slice", SchemaBuilder.string(),
                "The connector's slice whose read met the record, e.g. tail/fast or history/<start>/<end>.");
        field(value, "sdkAppId", SchemaBuilder.int64(),
                "The TRTC application (SDKAppID) that was read.");
        return value.build();
    }

    private static void field(SchemaBuilder struct, String name, SchemaBuilder type, String doc) {
        struct.field(name, type.doc(doc).build());
        struct.parameter(AVRO_FIELD_DOC_PREFIX + name, doc);
    }
}

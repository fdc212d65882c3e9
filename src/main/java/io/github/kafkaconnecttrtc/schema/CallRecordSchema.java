package io.github.kafkaconnecttrtc.schema;

import io.github.kafkaconnecttrtc.client.CallRecord;
import io.github.kafkaconnecttrtc.client.CallTexts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The connector's data contract: the Connect schemas of the records it emits, one per TRTC call, and
 * the mapping of the API's {@link CallRecord} onto them.
 *
 * <p>The key is the call's {@code callId}. The value is built so that an Avro converter writes exactly
 * the schema committed as {@code schemas/CallRecord.avsc}: the record and field docs, the enums' names,
 * symbols, docs and defaults travel as the {@code io.confluent.connect.avro.*} schema parameters that
 * both Confluent's and Apicurio's {@code AvroConverter} read. Both write the three enum fields as Avro
 * enums only when the converter has {@code enhanced.avro.schema.support=true}; without it they become
 * plain Avro strings holding the same symbols.
 *
 * <p>An enum field takes the symbol whose API text, in either dialect ({@code normal_end} from v1,
 * {@code NormalEnd} from v4), matches case-insensitively, and {@code UNKNOWN} for any other text or
 * none. Its {@code *Raw} companion keeps the text exactly as sent, so a value this version does not
 * know (a new {@code callResult}, say) is neither lost nor fatal.
 */
public final class CallRecordSchema {

    /** The full name of the value schema: the Avro record's name too. */
    public static final String VALUE_SCHEMA_NAME = "io.github.kafkaconnecttrtc.CallRecord";

    /** The version of the value schema; it changes only with {@code schemas/CallRecord.avsc}. */
    public static final int VALUE_SCHEMA_VERSION = 2;

    /** The key of every record: the call's {@code callId}. */
    public static final Schema KEY_SCHEMA = Schema.STRING_SCHEMA;

    private static final String NAMESPACE = "io.github.kafkaconnecttrtc";
    private static final String UNKNOWN = "UNKNOWN";

    // Parameter names defined by Confluent's AvroData and read the same way by Apicurio's copy of it.
    private static final String AVRO_RECORD_DOC = "io.confluent.connect.avro.record.doc";
    private static final String AVRO_FIELD_DOC_PREFIX = "io.confluent.connect.avro.field.doc.";
    private static final String AVRO_ENUM = "io.confluent.connect.avro.Enum";
    private static final String AVRO_ENUM_DOC_PREFIX = "io.confluent.connect.avro.enum.doc.";
    private static final String AVRO_ENUM_DEFAULT_PREFIX = "io.confluent.connect.avro.enum.default.";

    private static final EnumType MEDIA_TYPES = new EnumType("MediaType",
            "What a call carried, from the API's mediaType", CallTexts.MEDIA_TYPES);
    private static final EnumType CALL_TYPES = new EnumType("CallType",
            "One-to-one or group call, from the API's callType", CallTexts.CALL_TYPES);
    private static final EnumType CALL_RESULTS = new EnumType("CallResult",
            "How a call ended, from the API's callResult", CallTexts.CALL_RESULTS);

    /** The value of every record: one call. */
    public static final Schema VALUE_SCHEMA = buildValueSchema();

    // Fields resolved once: Struct.put(Field, ...) skips the by-name lookup on every record.
    private static final Field CALL_ID = VALUE_SCHEMA.field("callId");
    private static final Field SDK_APP_ID = VALUE_SCHEMA.field("sdkAppId");
    private static final Field MEDIA_TYPE = VALUE_SCHEMA.field("mediaType");
    private static final Field MEDIA_TYPE_RAW = VALUE_SCHEMA.field("mediaTypeRaw");
    private static final Field ROOM_ID = VALUE_SCHEMA.field("roomId");
    private static final Field ROOM_ID_TYPE = VALUE_SCHEMA.field("roomIdType");
    private static final Field START_CALL_TS = VALUE_SCHEMA.field("startCallTs");
    private static final Field ACCEPT_TS = VALUE_SCHEMA.field("acceptTs");
    private static final Field END_TS = VALUE_SCHEMA.field("endTs");
    private static final Field CALLER = VALUE_SCHEMA.field("caller");
    private static final Field TOTAL_USER_NUMBER = VALUE_SCHEMA.field("totalUserNumber");
    private static final Field CALL_TYPE = VALUE_SCHEMA.field("callType");
    private static final Field CALL_TYPE_RAW = VALUE_SCHEMA.field("callTypeRaw");
    private static final Field CALL_RESULT = VALUE_SCHEMA.field("callResult");
    private static final Field CALL_RESULT_RAW = VALUE_SCHEMA.field("callResultRaw");
    private static final Field CALLEES = VALUE_SCHEMA.field("callees");

    private CallRecordSchema() {
    }

    /**
     * The record value of one call.
     *
     * @throws ArithmeticException if a timestamp is too large to be held in milliseconds, which no
     *     real call has: better than a silently wrapped, wrong time
     */
    public static Struct toStruct(CallRecord record) {
        long acceptTs = record.acceptTs();
        return new Struct(VALUE_SCHEMA)
                .put(CALL_ID, record.callId())
                .put(SDK_APP_ID, record.sdkAppId())
                .put(MEDIA_TYPE, MEDIA_TYPES.symbolOf(record.mediaType()))
                .put(MEDIA_TYPE_RAW, record.mediaType())
                .put(ROOM_ID, record.roomId())
                .put(ROOM_ID_TYPE, record.roomIdType())
                .put(START_CALL_TS, toDate(record.startCallTs()))
                // The API's 0 means "never connected", not the epoch.
                .put(ACCEPT_TS, acceptTs == 0 ? null : toDate(acceptTs))
                .put(END_TS, toDate(record.endTs()))
                .put(CALLER, record.caller())
                .put(TOTAL_USER_NUMBER, record.totalUserNumber())
                .put(CALL_TYPE, CALL_TYPES.symbolOf(record.callType()))
                .put(CALL_TYPE_RAW, record.callType())
                .put(CALL_RESULT, CALL_RESULTS.symbolOf(record.callResult()))
                .put(CALL_RESULT_RAW, record.callResult())
                .put(CALLEES, record.callees());
    }

    private static Date toDate(long unixSeconds) {
        return new Date(Math.multiplyExact(unixSeconds, 1000L));
    }

    private static Schema buildValueSchema() {
        String doc = "One TRTC (TUICallKit) call as the call-records API reports it once the call has ended. "
                + "Field names are the API's, as the v1 API spells them; roomIdType is the v4 API's RoomIdType. "
                + "The record's Kafka key is callId.";
        SchemaBuilder value = SchemaBuilder.struct()
                .name(VALUE_SCHEMA_NAME)
                .version(VALUE_SCHEMA_VERSION)
                .doc(doc)
                .parameter(AVRO_RECORD_DOC, doc);
        field(value, "callId", SchemaBuilder.string(),
                "The call's unique id, as the API sent it. Also the record's Kafka key.");
        field(value, "sdkAppId", SchemaBuilder.int64(),
                "The TRTC application (SDKAppID) the call belongs to: the v1 API's sdkAppId; "
                        + "the v4 API names none, so the connector's configured trtc.sdkappid.");
        field(value, "mediaType", MEDIA_TYPES.schema(),
                "AUDIO or VIDEO for the API's audio or video (v4: Audio or Video), whatever the case; "
                        + "UNKNOWN for any other value or none, whose text mediaTypeRaw keeps.");
        field(value, "mediaTypeRaw", SchemaBuilder.string().optional(),
                "The API's mediaType exactly as sent (e.g. video from v1, Video from v4), or null when it "
                        + "sent none: keeps a value that mediaType does not know.");
        field(value, "roomId", SchemaBuilder.string().optional(),
                "The TRTC room of the call, or null when the API sent none.");
        field(value, "roomIdType", SchemaBuilder.int32().optional(),
                "The kind of room id, as the v4 API says it: 1 for a numeric room id, 2 for a string room id; "
                        + "null for the v1 API, which does not say it.");
        field(value, "startCallTs", Timestamp.builder(),
                "When the call started: the API's startCallTs (Unix seconds) in milliseconds.");
        field(value, "acceptTs", Timestamp.builder().optional(),
                "When the call was answered: the API's acceptTs (Unix seconds) in milliseconds, "
                        + "or null when the call was never connected (the API sends 0).");
        field(value, "endTs", Timestamp.builder(),
                "When the call ended: the API's endTs (Unix seconds) in milliseconds.");
        field(value, "caller", SchemaBuilder.string().optional(),
                "The user id of the caller, or null when the API sent none.");
        field(value, "totalUserNumber", SchemaBuilder.int32().optional(),
                "The number of users in the call as the v1 API counts them; null for the v4 API, "
                        + "which does not say it (the connector never invents it).");
        field(value, "callType", CALL_TYPES.schema(),
                "SINGLE or GROUP for the API's single or group (v4: SingleCall or MultiCall), whatever the case; "
                        + "UNKNOWN for any other value or none, whose text callTypeRaw keeps.");
        field(value, "callTypeRaw", SchemaBuilder.string().optional(),
                "The API's callType exactly as sent (e.g. single from v1, SingleCall from v4), or null when it "
                        + "sent none: keeps a value that callType does not know.");
        field(value, "callResult", CALL_RESULTS.schema(),
                "CANCEL, REJECT, NOT_ANSWER, NORMAL_END, CALL_BUSY, INTERRUPT or OFFLINE for the API's cancel, "
                        + "reject, not_answer, normal_end, call_busy, interrupt or offline (v4: Cancel, Reject, "
                        + "NotAnswer, NormalEnd, CallBusy, Interrupt or Offline), whatever the case; UNKNOWN for "
                        + "any other value or none, whose text callResultRaw keeps. A reader of schema version 1 "
                        + "reads OFFLINE as UNKNOWN.");
        field(value, "callResultRaw", SchemaBuilder.string().optional(),
                "The API's callResult exactly as sent (e.g. normal_end from v1, NormalEnd from v4), or null "
                        + "when it sent none: keeps a value that callResult does not know.");
        field(value, "callees", SchemaBuilder.array(Schema.STRING_SCHEMA),
                "The user ids of the users called, in the API's order; empty when the API sent none.");
        return value.build();
    }

    /**
     * Adds a field documented twice: as the Connect doc, for Connect's own tools, and as the struct
     * parameter from which the Avro converters take the Avro field's doc.
     */
    private static void field(SchemaBuilder struct, String name, SchemaBuilder type, String doc) {
        struct.field(name, type.doc(doc).build());
        struct.parameter(AVRO_FIELD_DOC_PREFIX + name, doc);
    }

    /**
     * One Avro enum, carried by a Connect string schema, and the API texts that map to its symbols.
     * The symbols are the v1 API's texts in upper case, then {@code UNKNOWN}, which is also the Avro
     * enum's default, so that a reader with an older schema reads a newer symbol as {@code UNKNOWN}.
     */
    private static final class EnumType {

        private final String simpleName;
        private final String doc;
        private final String[] symbols;
        // The texts that symbolOf scans, and each one's symbol.
        private final String[] texts;
        private final String[] textSymbols;

        /**
         * @param docLead what the enum is, completed by the list of its texts
         * @param spellings for each symbol in order, its v1 and v4 texts
         */
        EnumType(String simpleName, String docLead, List<CallTexts.Spelling> spellings) {
            this.simpleName = simpleName;
            this.symbols = new String[spellings.size()];
            List<String> texts = new ArrayList<>();
            List<String> textSymbols = new ArrayList<>();
            StringJoiner doc = new StringJoiner(", ", docLead + ", whose texts (v1 / v4) match whatever their case: ",
                    "; " + UNKNOWN + " any other text or none.");
            for (int i = 0; i < symbols.length; i++) {
                String v1 = spellings.get(i).v1();
                String v4 = spellings.get(i).v4();
                symbols[i] = v1.toUpperCase(Locale.ROOT);
                texts.add(v1);
                textSymbols.add(symbols[i]);
                // cancel and Cancel are one text to a case-insensitive scan: checking it twice would only cost.
                if (!v4.equalsIgnoreCase(v1)) {
                    texts.add(v4);
                    textSymbols.add(symbols[i]);
                }
                doc.add(symbols[i] + " " + v1 + " / " + v4);
            }
            this.doc = doc.toString();
            this.texts = texts.toArray(String[]::new);
            this.textSymbols = textSymbols.toArray(String[]::new);
        }

        /**
         * The symbol for a text the API sent. A scan of at most ten texts with equalsIgnoreCase costs
         * less than a map here: it makes no lower-cased copy of the text, and rejects on length first.
         */
        String symbolOf(String apiText) {
            if (apiText != null) {
                for (int i = 0; i < texts.length; i++) {
                    if (texts[i].equalsIgnoreCase(apiText)) {
                        return textSymbols[i];
                    }
                }
            }
            return UNKNOWN;
        }

        /**
         * A string schema with the parameters from which the converters build the Avro enum. It is named
         * after the enum because the converters look its doc and default up by that simple name.
         */
        SchemaBuilder schema() {
            String fullName = NAMESPACE + "." + simpleName;
            // Parameters keep their order, and the converters list the symbols in it.
            SchemaBuilder schema = SchemaBuilder.string().name(fullName).parameter(AVRO_ENUM, fullName);
            for (String symbol : symbols) {
                schema.parameter(AVRO_ENUM + "." + symbol, symbol);
            }
            return schema.parameter(AVRO_ENUM + "." + UNKNOWN, UNKNOWN)
                    .parameter(AVRO_ENUM_DOC_PREFIX + simpleName, doc)
                    .parameter(AVRO_ENUM_DEFAULT_PREFIX + simpleName, UNKNOWN);
        }
    }
}

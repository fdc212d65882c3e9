package io.github.kafkaconnecttrtc.client;

import java.util.HashMap;
import java.util.Map;

/**
 * The error-code table of one dialect of the records API: what each code means for the caller. The two
 * dialects share numbers with different meanings (70001 is "invalid parameters" in v1 and "UserSig
 * expired" in v4), so a code is only ever read through the table of the dialect that answered it. Codes
 * outside a table are internal errors of the service and are retried.
 */
public final class ErrorCodes {

    public static final int SUCCESS = 0;

    // v1: v1/records/get_records_by_filter
    public static final int GROUP_PACKAGE_REQUIRED = 50001;
    public static final int INVALID_PARAMETERS = 70001;
    public static final int USERSIG_INVALID = 70002;
    public static final int USERSIG_EXPIRED = 70003;
    public static final int NOT_ADMINISTRATOR = 70004;
    public static final int RATE_LIMITED = 70005;
    public static final int BODY_NOT_PARSED = 70009;
    public static final int NO_RECORDS = 70011;

    // v4: v4/call_record_http_srv/get_record_by_filter, the Chat REST codes
    public static final int V4_USERSIG_EXPIRED = 70001;
    public static final int V4_USERSIG_UNREADABLE = 70003;
    public static final int V4_USERSIG_WRONG_KEY = 70009;
    public static final int V4_IDENTIFIER_MISMATCH = 70013;
    public static final int V4_SDKAPPID_MISMATCH = 70014;
    public static final int V4_KEY_UNKNOWN_IN_REGION = 70016;
    public static final int V4_SDKAPPID_UNKNOWN_IN_REGION = 70020;
    public static final int V4_BODY_NOT_PARSED = 60003;
    public static final int V4_SDKAPPID_INVALID = 60006;
    public static final int V4_RATE_LIMITED = 60007;
    public static final int V4_TIMEOUT = 60008;
    public static final int V4_NOT_ADMINISTRATOR = 60010;
    public static final int V4_RATE_LIMITED_APP = 60011;
    public static final int V4_SDKAPPID_DISABLED = 60016;
    public static final int V4_RATE_LIMITED_API = 60018;
    public static final int V4_RATE_LIMITED_SECOND = 60019;
    public static final int V4_PACKAGE_EXPIRED = 60020;
    public static final int V4_IP_NOT_ALLOWED = 60021;
    public static final int V4_INTERNAL_ERROR = 101001;
    public static final int V4_NO_RECORD = 101050;

    /** What a caller does on a code. */
    public enum Reaction {
        SUCCESS,
        /** An answer without records, not an error. */
        NO_RECORDS,
        /** Sign a new UserSig and ask again. */
        RENEW_USERSIG,
        /** Back off and ask again; nothing is lost. */
        RATE_LIMITED,
        /** Ask again with back-off. */
        RETRY,
        /** Only a change of configuration (or of the application) helps. */
        FATAL
    }

    /** Which part of the configuration a fatal code points at, so that a check can name the key to change. */
    public enum Concern {
        /** The secret key, SDKAppID and identifier do not belong together. */
        CREDENTIALS,
        /** The SDKAppID is not one the API serves. */
        SDKAPPID,
        /** The identifier is not an administrator. */
        IDENTIFIER,
        /** The endpoint is the wrong host (another region's). */
        ENDPOINT,
        /** The call types asked for need a package the application lacks. */
        CALL_TYPES,
        /** The application's account: an expired package, an IP allow list. */
        ACCOUNT,
        /** The request was refused as malformed: the connector's own mistake. */
        REQUEST,
        /** Not fatal. */
        NONE
    }

    /** One code of a table. */
    private record Code(int code, Reaction reaction, Concern concern, String meaning) {
    }

    /** The table of v1/records/get_records_by_filter. */
    public static final ErrorCodes V1 = new Builder()
            .add(SUCCESS, Reaction.SUCCESS, Concern.NONE, "success")
            .add(NO_RECORDS, Reaction.NO_RECORDS, Concern.NONE, "no records found")
            .add(USERSIG_EXPIRED, Reaction.RENEW_USERSIG, Concern.NONE, "UserSig expired")
            .add(RATE_LIMITED, Reaction.RATE_LIMITED, Concern.NONE, "request frequency limited")
            .add(GROUP_PACKAGE_REQUIRED, Reaction.FATAL, Concern.CALL_TYPES,
                    "the application has no TUICallKit Group Call package, so group calls cannot be read: buy the "
                            + "package, or restrict the call types read to 'single'")
            .add(INVALID_PARAMETERS, Reaction.FATAL, Concern.REQUEST,
                    "the API rejected the query parameters (a start time older than the 7-day horizon, or a page "
                            + "size outside 1..100): check the configured start time and page size; otherwise this "
                            + "is a bug in the connector, please report it")
            .add(USERSIG_INVALID, Reaction.FATAL, Concern.CREDENTIALS,
                    "the UserSig was rejected as invalid: check that the secret key, the sdkappid and the "
                            + "identifier all belong to the same TRTC application")
            .add(NOT_ADMINISTRATOR, Reaction.FATAL, Concern.IDENTIFIER,
                    "the identifier is not an administrator of the application: use an administrator account "
                            + "(the console creates 'administrator')")
            .add(BODY_NOT_PARSED, Reaction.FATAL, Concern.SDKAPPID,
                    "the API could not parse the request body: check the sdkappid; otherwise this is a bug in the "
                            + "connector, please report it")
            .build();

    /** The table of v4/call_record_http_srv/get_record_by_filter (the Chat REST codes). */
    public static final ErrorCodes V4 = new Builder()
            .add(SUCCESS, Reaction.SUCCESS, Concern.NONE, "success")
            // Documented for the lookup by callId; for a filter it can only mean that nothing matched.
            .add(V4_NO_RECORD, Reaction.NO_RECORDS, Concern.NONE, "record does not exist")
            .add(V4_USERSIG_EXPIRED, Reaction.RENEW_USERSIG, Concern.NONE, "UserSig expired")
            .add(V4_RATE_LIMITED, Reaction.RATE_LIMITED, Concern.NONE, "request frequency limited")
            .add(V4_RATE_LIMITED_APP, Reaction.RATE_LIMITED, Concern.NONE, "request frequency limited")
            .add(V4_RATE_LIMITED_API, Reaction.RATE_LIMITED, Concern.NONE, "request frequency limited")
            .add(V4_RATE_LIMITED_SECOND, Reaction.RATE_LIMITED, Concern.NONE, "request frequency limited")
            .add(V4_TIMEOUT, Reaction.RETRY, Concern.NONE, "the service timed out")
            .add(V4_INTERNAL_ERROR, Reaction.RETRY, Concern.NONE, "internal error of the service")
            .add(V4_USERSIG_UNREADABLE, Reaction.FATAL, Concern.CREDENTIALS,
                    "the API could not read the UserSig: check that the secret key is the application's key as "
                            + "the console shows it")
            .add(V4_USERSIG_WRONG_KEY, Reaction.FATAL, Concern.CREDENTIALS,
                    "the UserSig failed verification: the secret key is not the application's; check that the "
                            + "secret key and the sdkappid belong to the same application")
            .add(V4_IDENTIFIER_MISMATCH, Reaction.FATAL, Concern.CREDENTIALS,
                    "the identifier differs from the one the UserSig was made for: check the identifier")
            .add(V4_SDKAPPID_MISMATCH, Reaction.FATAL, Concern.CREDENTIALS,
                    "the sdkappid differs from the one the UserSig was made for: check the sdkappid")
            .add(V4_KEY_UNKNOWN_IN_REGION, Reaction.FATAL, Concern.ENDPOINT,
                    "the key is unknown in this data centre: the endpoint is another region's; use the domain of the"
                            + " region the application was created in")
            .add(V4_SDKAPPID_UNKNOWN_IN_REGION, Reaction.FATAL, Concern.ENDPOINT,
                    "the sdkappid is unknown in this data centre: the endpoint is another region's; use the domain "
                            + "of the region the application was created in")
            .add(V4_NOT_ADMINISTRATOR, Reaction.FATAL, Concern.IDENTIFIER,
                    "the identifier is not an administrator of the application: use an administrator account "
                            + "(the console creates 'administrator')")
            .add(V4_BODY_NOT_PARSED, Reaction.FATAL, Concern.REQUEST,
                    "the API could not parse the request: this is a bug in the connector, please report it")
            .add(V4_SDKAPPID_INVALID, Reaction.FATAL, Concern.SDKAPPID,
                    "the sdkappid is not valid: check it against the console")
            .add(V4_SDKAPPID_DISABLED, Reaction.FATAL, Concern.SDKAPPID,
                    "the application is disabled: enable it in the console, or check the sdkappid")
            .add(V4_PACKAGE_EXPIRED, Reaction.FATAL, Concern.ACCOUNT,
                    "the application's package has expired: renew it in the console")
            .add(V4_IP_NOT_ALLOWED, Reaction.FATAL, Concern.ACCOUNT,
                    "the API does not accept requests from this worker's IP address: add the workers' egress "
                            + "addresses to the application's allow list in the console")
            .build();

    private final Map<Integer, Code> codes;

    private ErrorCodes(Map<Integer, Code> codes) {
        this.codes = Map.copyOf(codes);
    }

    /** What to do on {@code code}: codes outside the table are internal errors, retried. */
    public Reaction reaction(int code) {
        Code known = codes.get(code);
        return known == null ? Reaction.RETRY : known.reaction();
    }

    /** The part of the configuration a code points at; {@link Concern#NONE} for codes that are not fatal. */
    public Concern concern(int code) {
        Code known = codes.get(code);
        return known == null ? Concern.NONE : known.concern();
    }

    /** What a code means, for the operator: for a fatal code, also what to change; null for unknown codes. */
    public String meaning(int code) {
        Code known = codes.get(code);
        return known == null ? null : known.meaning();
    }

    private static final class Builder {

        private final Map<Integer, Code> codes = new HashMap<>();

        Builder add(int code, Reaction reaction, Concern concern, String meaning) {
            if (codes.put(code, new Code(code, reaction, concern, meaning)) != null) {
                throw new IllegalStateException("code " + code + " is in the table twice");
            }
            return this;
        }

        ErrorCodes build() {
            return new ErrorCodes(codes);
        }
    }
}

package io.github.kafkaconnecttrtc.client;

import java.util.Map;

/**
 * The records API's {@code errorCode} table and what each code means for the caller.
 * Codes outside the table are internal errors of the service and are retried.
 */
public final class ErrorCodes {

    public static final int SUCCESS = 0;
    public static final int GROUP_PACKAGE_REQUIRED = 50001;
    public static final int INVALID_PARAMETERS = 70001;
    public static final int USERSIG_INVALID = 70002;
    public static final int USERSIG_EXPIRED = 70003;
    public static final int NOT_ADMINISTRATOR = 70004;
    public static final int RATE_LIMITED = 70005;
    public static final int BODY_NOT_PARSED = 70009;
    public static final int NO_RECORDS = 70011;

    /** What to tell the operator for each code that no retry can fix. */
    private static final Map<Integer, String> FATAL = Map.of(
            GROUP_PACKAGE_REQUIRED,
            "the application has no TUICallKit Group Call package, so group calls cannot be read: buy the "
                    + "package, or restrict the call types read to 'single'",
            INVALID_PARAMETERS,
            "the API rejected the query parameters (a start time older than the 7-day horizon, or a page "
                    + "size outside 1..100): check the configured start time and page size; otherwise this "
                    + "is a bug in the connector, please report it",
            USERSIG_INVALID,
            "the UserSig was rejected as invalid: check that the secret key, the sdkappid and the "
                    + "identifier all belong to the same TRTC application",
            NOT_ADMINISTRATOR,
            "the identifier is not an administrator of the application: use an administrator account "
                    + "(the console creates 'administrator')",
            BODY_NOT_PARSED,
            "the API could not parse the request body: this is a bug in the connector, please report it");

    private ErrorCodes() {
    }

    /** Whether no retry can fix an answer with this code. */
    public static boolean isFatal(int code) {
        return FATAL.containsKey(code);
    }

    /** What the operator should change for a fatal code; null for other codes. */
    public static String remedy(int code) {
        return FATAL.get(code);
    }
}

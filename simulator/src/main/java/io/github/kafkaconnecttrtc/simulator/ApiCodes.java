package io.github.kafkaconnecttrtc.simulator;

/**
 * The {@code errorCode} values the simulated v1 records endpoint answers with, and the message it
 * sends with each. The values are those the vendor documents for {@code
 * v1/records/get_records_by_filter}; see this module's README for what the simulator does to
 * provoke each. The v4 endpoint has a table of its own, {@link ApiCodesV4}.
 */
public final class ApiCodes {

    public static final int SUCCESS = 0;
    public static final int GROUP_PACKAGE_REQUIRED = 50001;
    public static final int INVALID_PARAMETERS = 70001;
    public static final int USERSIG_INVALID = 70002;
    public static final int USERSIG_EXPIRED = 70003;
    public static final int NOT_ADMINISTRATOR = 70004;
    public static final int RATE_LIMITED = 70005;
    public static final int BODY_NOT_PARSED = 70009;
    public static final int NO_RECORDS = 70011;

    private ApiCodes() {
    }

    /** The code for {@code refusal}: v1 has one code for every UserSig problem but expiry. */
    static int of(Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN_APP, NO_IDENTIFIER, USERSIG_UNREADABLE, USERSIG_WRONG_KEY, USERSIG_OTHER_IDENTIFIER,
                    USERSIG_OTHER_APP -> USERSIG_INVALID;
            case USERSIG_EXPIRED -> USERSIG_EXPIRED;
            case NOT_ADMINISTRATOR -> NOT_ADMINISTRATOR;
            case BODY_NOT_OBJECT -> BODY_NOT_PARSED;
            case INVALID_PARAMETERS -> INVALID_PARAMETERS;
            case GROUP_PACKAGE_REQUIRED -> GROUP_PACKAGE_REQUIRED;
        };
    }

    /** The message for {@code code} when there is nothing more specific to say. */
    static String message(int code) {
        return switch (code) {
            case SUCCESS -> "Success";
            case GROUP_PACKAGE_REQUIRED ->
                "The current application needs to purchase the TUICallKit Group Call Version Package to use";
            case INVALID_PARAMETERS -> "Invalid parameters";
            case USERSIG_INVALID -> "UserSig is invalid";
            case USERSIG_EXPIRED -> "UserSig has expired";
            case NOT_ADMINISTRATOR -> "identifier is not an App administrator";
            case RATE_LIMITED -> "Request frequency limited";
            case BODY_NOT_PARSED -> "Failed to parse the request body";
            case NO_RECORDS -> "No records found";
            default -> "Unknown error, please submit a ticket to contact technical staff";
        };
    }
}

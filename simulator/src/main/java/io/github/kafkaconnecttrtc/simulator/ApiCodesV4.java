package io.github.kafkaconnecttrtc.simulator;

import java.util.List;

/**
 * The {@code ErrorCode} values the simulated v4 records endpoint ({@code
 * v4/call_record_http_srv/get_record_by_filter}) answers with, and the {@code ErrorInfo} it sends
 * with each. They are the vendor's common REST codes, and several numbers mean something else
 * than in v1's table ({@link ApiCodes}): 70001 is an expired UserSig here, invalid parameters there.
 */
public final class ApiCodesV4 {

    public static final int SUCCESS = 0;
    public static final int USERSIG_EXPIRED = 70001;
    public static final int USERSIG_UNREADABLE = 70003;
    public static final int USERSIG_WRONG_KEY = 70009;
    public static final int IDENTIFIER_MISMATCH = 70013;
    public static final int SDK_APP_ID_MISMATCH = 70014;
    public static final int SDK_APP_ID_UNKNOWN = 70016;
    public static final int INVALID_REQUEST = 60003;
    public static final int NOT_ADMINISTRATOR = 60010;
    public static final int API_FREQUENCY_LIMITED = 60007;
    public static final int APP_FREQUENCY_LIMITED = 60011;
    public static final int TOO_FREQUENT = 60018;
    public static final int TOO_FREQUENT_RETRY_LATER = 60019;
    public static final int INTERNAL_ERROR = 101001;

    /** The four codes that all mean "frequency limited", in the order the simulator answers them in turn. */
    public static final List<Integer> FREQUENCY_LIMITED =
            List.of(API_FREQUENCY_LIMITED, APP_FREQUENCY_LIMITED, TOO_FREQUENT, TOO_FREQUENT_RETRY_LATER);

    private ApiCodesV4() {
    }

    /** The code for {@code refusal}; v4 knows no group-call package, so a query never asks for it. */
    static int of(Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN_APP -> SDK_APP_ID_UNKNOWN;
            case NO_IDENTIFIER, USERSIG_OTHER_IDENTIFIER -> IDENTIFIER_MISMATCH;
            case USERSIG_UNREADABLE -> USERSIG_UNREADABLE;
            case USERSIG_WRONG_KEY -> USERSIG_WRONG_KEY;
            case USERSIG_OTHER_APP -> SDK_APP_ID_MISMATCH;
            case USERSIG_EXPIRED -> USERSIG_EXPIRED;
            case NOT_ADMINISTRATOR -> NOT_ADMINISTRATOR;
            case BODY_NOT_OBJECT, INVALID_PARAMETERS -> INVALID_REQUEST;
            case GROUP_PACKAGE_REQUIRED -> throw new IllegalArgumentException("v4 has no group-call package error");
        };
    }

    /** The {@code ErrorInfo} for {@code code} when there is nothing more specific to say; empty on success. */
    static String message(int code) {
        return switch (code) {
            case SUCCESS -> "";
            case USERSIG_EXPIRED -> "UserSig has expired, generate a new one";
            case USERSIG_UNREADABLE -> "UserSig could not be decoded";
            case USERSIG_WRONG_KEY -> "UserSig verification failed";
            case IDENTIFIER_MISMATCH -> "The identifier of the request does not match the UserSig";
            case SDK_APP_ID_MISMATCH -> "The SDKAppID of the request does not match the UserSig";
            case SDK_APP_ID_UNKNOWN -> "SDKAppID not found in this data centre";
            case INVALID_REQUEST -> "Invalid request: the JSON body could not be parsed or a field is invalid";
            case NOT_ADMINISTRATOR -> "This request needs an App administrator account";
            case API_FREQUENCY_LIMITED -> "REST API call frequency exceeds the limit, lower the request rate";
            case APP_FREQUENCY_LIMITED -> "SDKAppID request frequency exceeds the limit, lower the request rate";
            case TOO_FREQUENT, TOO_FREQUENT_RETRY_LATER -> "Requests too frequent, retry later";
            case INTERNAL_ERROR -> "Internal server error, please retry";
            default -> "Unknown error, please retry";
        };
    }
}

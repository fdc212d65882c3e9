package io.github.kafkaconnecttrtc.simulator;

import static io.github.kafkaconnecttrtc.client.ErrorCodes.*;

/** The messages the simulator sends with the error codes of the contract's table. */
final class ErrorMessages {

    private ErrorMessages() {
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

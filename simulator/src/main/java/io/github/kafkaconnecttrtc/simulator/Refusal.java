package io.github.kafkaconnecttrtc.simulator;

/**
 * Why the API refuses a request, apart from the number it answers: the two endpoints refuse for
 * the same reasons with codes of their own ({@link ApiCodes}, {@link ApiCodesV4}), and some
 * numbers mean different things in each. The frequency limit is not among them: v4 answers it
 * with a code in turn ({@link ApiDialect#rateLimitedCodes()}).
 */
enum Refusal {

    /** The {@code sdkappid} parameter is missing or names another application. */
    UNKNOWN_APP,

    /** The {@code identifier} parameter is missing. */
    NO_IDENTIFIER,

    /** The UserSig is missing or cannot be decoded into its JSON document. */
    USERSIG_UNREADABLE,

    /** The UserSig's signature does not verify with the application's key. */
    USERSIG_WRONG_KEY,

    /** The UserSig was made for another identifier than the request's. */
    USERSIG_OTHER_IDENTIFIER,

    /** The UserSig was made for another SDKAppID than the request's. */
    USERSIG_OTHER_APP,

    USERSIG_EXPIRED,

    NOT_ADMINISTRATOR,

    /** The body is missing or not one JSON object. */
    BODY_NOT_OBJECT,

    /** A body field or a query parameter has a wrong type or value. */
    INVALID_PARAMETERS,

    /** A query for group calls by an application without the group-call package (v1 only). */
    GROUP_PACKAGE_REQUIRED
}

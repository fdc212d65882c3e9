package io.github.kafkaconnecttrtc.simulator;

import io.github.kafkaconnecttrtc.client.ErrorCodes;
import io.github.kafkaconnecttrtc.client.UserSig;
import java.util.Set;

/**
 * Checks the {@code sdkappid}, {@code identifier} and {@code usersig} query parameters as
 * Tencent's servers do (contract section 3): the application, then the signature and the fields
 * it covers, then the expiry, then whether the identifier is an administrator.
 *
 * <p>Messages never repeat the UserSig: a client that logs error messages must not leak it.
 */
final class UserSigVerifier {

    private final long sdkAppId;
    private final String secretKey;
    private final Set<String> administrators;

    UserSigVerifier(SimulatorSettings settings) {
        this.sdkAppId = settings.sdkAppId();
        this.secretKey = settings.secretKey();
        this.administrators = settings.administrators();
    }

    void verify(ApiRequest request, long nowSeconds) throws RequestRejected {
        String appParameter = request.parameter("sdkappid");
        if (!Long.toString(sdkAppId).equals(appParameter)) {
            throw invalid("sdkappid does not name this application");
        }
        String identifier = request.parameter("identifier");
        if (identifier == null || identifier.isEmpty()) {
            throw invalid("identifier is missing");
        }
        UserSig.Document document;
        try {
            document = UserSig.decode(request.parameter("usersig"));
        } catch (IllegalArgumentException e) {
            throw invalid("usersig is missing or not a TLSSigAPIv2 UserSig");
        }
        if (!document.signedWith(secretKey)) {
            throw invalid("usersig signature does not verify with this application's key");
        }
        if (document.sdkAppId() != sdkAppId || !identifier.equals(document.identifier())) {
            throw invalid("usersig was made for another sdkappid or identifier");
        }
        if (nowSeconds > document.expiresAt()) {
            throw new RequestRejected(ErrorCodes.USERSIG_EXPIRED, ErrorMessages.message(ErrorCodes.USERSIG_EXPIRED));
        }
        if (!administrators.contains(identifier)) {
            throw new RequestRejected(ErrorCodes.NOT_ADMINISTRATOR, ErrorMessages.message(ErrorCodes.NOT_ADMINISTRATOR));
        }
    }

    private static RequestRejected invalid(String detail) {
        return new RequestRejected(ErrorCodes.USERSIG_INVALID,
                ErrorMessages.message(ErrorCodes.USERSIG_INVALID) + ": " + detail);
    }
}

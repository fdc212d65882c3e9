package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code sdkappid}, {@code identifier} and {@code usersig} query parameters as
 * Tencent's servers do: the application, then the signature and the fields it covers, then the
 * expiry, then whether the identifier is an administrator. It names the reason of a refusal; each
 * endpoint answers it with a code of its own.
 *
 * <p>The UserSig is read by the published TLSSigAPIv2 algorithm (this module's README states it):
 * the URL-safe Base64 text is decoded, inflated (zlib) into a JSON document, and its
 * {@code TLS.sig} compared with HMAC-SHA256 over the signed fields. Messages never repeat the
 * UserSig: a client that logs error messages must not leak it.
 */
final class UserSigVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A UserSig document is a few hundred bytes; anything far larger is not one. */
    private static final int MAX_DOCUMENT_BYTES = 16 * 1024;

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
            throw new RequestRejected(Refusal.UNKNOWN_APP, "sdkappid does not name this application");
        }
        String identifier = request.parameter("identifier");
        if (identifier == null || identifier.isEmpty()) {
            throw new RequestRejected(Refusal.NO_IDENTIFIER, "identifier is missing");
        }
        JsonNode document = document(request.parameter("usersig"));
        String sig = document.path("TLS.sig").asText("");
        long docAppId = document.path("TLS.sdkappid").asLong(-1);
        String docIdentifier = document.path("TLS.identifier").asText("");
        long time = document.path("TLS.time").asLong(-1);
        long expire = document.path("TLS.expire").asLong(-1);
        byte[] expected = signature(secretKey, docIdentifier, docAppId, time, expire)
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
            throw new RequestRejected(Refusal.USERSIG_WRONG_KEY,
                    "usersig signature does not verify with this application's key");
        }
        if (docAppId != sdkAppId) {
            throw new RequestRejected(Refusal.USERSIG_OTHER_APP, "usersig was made for another sdkappid");
        }
        if (!identifier.equals(docIdentifier)) {
            throw new RequestRejected(Refusal.USERSIG_OTHER_IDENTIFIER, "usersig was made for another identifier");
        }
        if (nowSeconds > time + expire) {
            throw new RequestRejected(Refusal.USERSIG_EXPIRED, null);
        }
        if (!administrators.contains(identifier)) {
            throw new RequestRejected(Refusal.NOT_ADMINISTRATOR, null);
        }
    }

    /**
     * TLSSigAPIv2's {@code TLS.sig}: standard Base64 of HMAC-SHA256, keyed with the secret key's
     * UTF-8 bytes (not hex-decoded), over four lines of the signed fields.
     */
    static String signature(String secretKey, String identifier, long sdkAppId, long time, long expire) {
        String content = "TLS.identifier:" + identifier + "\n" + "TLS.sdkappid:" + sdkAppId + "\n"
                + "TLS.time:" + time + "\n" + "TLS.expire:" + expire + "\n";
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(hmac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The JSON document inside a UserSig, or a rejection that does not repeat the text. */
    private static JsonNode document(String userSig) throws RequestRejected {
        if (userSig == null || userSig.isEmpty()) {
            throw unreadable("usersig is missing");
        }
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(userSig.replace('*', '+').replace('-', '/').replace('_', '='));
        } catch (IllegalArgumentException e) {
            throw unreadable("usersig is not in TLSSigAPIv2 Base64 form");
        }
        try {
            JsonNode node = JSON.readTree(inflate(compressed));
            if (node == null || !node.isObject()) {
                throw unreadable("usersig does not hold a JSON object");
            }
            return node;
        } catch (IOException | DataFormatException e) {
            throw unreadable("usersig does not hold a zlib-compressed JSON document");
        }
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated zlib stream");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_DOCUMENT_BYTES) {
                    throw new DataFormatException("document too large");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static RequestRejected unreadable(String detail) {
        return new RequestRejected(Refusal.USERSIG_UNREADABLE, detail);
    }
}

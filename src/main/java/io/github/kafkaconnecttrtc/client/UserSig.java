package io.github.kafkaconnecttrtc.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TLSSigAPIv2, the signature Tencent's REST APIs take as {@code usersig}.
 *
 * <p>Written from the published algorithm rather than taken from Tencent's library, which drags
 * in an old {@code org.json}. The secret key is used as its UTF-8 bytes, not hex-decoded. Fixed
 * known values (a key, an SDKAppID, a time and the signature they must give) pin the result down
 * in the tests.
 */
public final class UserSig {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "2.0";

    private UserSig() {
    }

    /** Makes a UserSig for {@code identifier}, valid from {@code time} for {@code expireSeconds}. */
    public static String generate(String secretKey, long sdkAppId, String identifier, long time, long expireSeconds) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("TLS.ver", VERSION);
        doc.put("TLS.identifier", identifier);
        doc.put("TLS.sdkappid", sdkAppId);
        doc.put("TLS.expire", expireSeconds);
        doc.put("TLS.time", time);
        doc.put("TLS.sig", signature(secretKey, sdkAppId, identifier, time, expireSeconds));
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a UserSig document", e);
        }
        return base64UrlLike(deflate(json));
    }

    /** The {@code TLS.sig} field: Base64 of HMAC-SHA256 over the signed content. */
    public static String signature(String secretKey, long sdkAppId, String identifier, long time, long expireSeconds) {
        String content = "TLS.identifier:" + identifier + "\n"
                + "TLS.sdkappid:" + sdkAppId + "\n"
                + "TLS.time:" + time + "\n"
                + "TLS.expire:" + expireSeconds + "\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Reads a UserSig back into its fields, as the server does before it checks them.
     *
     * @throws IllegalArgumentException when the text is not a TLSSigAPIv2 UserSig; the message
     *     never repeats the input
     */
    public static Document decode(String userSig) {
        if (userSig == null || userSig.isEmpty()) {
            throw new IllegalArgumentException("empty UserSig");
        }
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(
                    userSig.replace('*', '+').replace('-', '/').replace('_', '='));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("UserSig is not in TLSSigAPIv2 Base64 form");
        }
        JsonNode node;
        try {
            node = JSON.readTree(inflate(compressed));
        } catch (java.io.IOException | DataFormatException e) {
            throw new IllegalArgumentException("UserSig does not hold a zlib-compressed JSON document");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("UserSig does not hold a JSON object");
        }
        return new Document(
                node.path("TLS.ver").asText(null),
                node.path("TLS.identifier").asText(null),
                node.path("TLS.sdkappid").asLong(-1),
                node.path("TLS.time").asLong(-1),
                node.path("TLS.expire").asLong(-1),
                node.path("TLS.sig").asText(null));
    }

    /** The fields of a decoded UserSig. */
    public record Document(String version, String identifier, long sdkAppId, long time, long expireSeconds, String sig) {

        /** The last second at which the UserSig is still valid. */
        public long expiresAt() {
            return time + expireSeconds;
        }

        /** Whether {@code sig} was made with {@code secretKey} over the other fields. */
        public boolean signedWith(String secretKey) {
            if (sig == null || identifier == null) {
                return false;
            }
            String expected = signature(secretKey, sdkAppId, identifier, time, expireSeconds);
            return MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public String toString() {
            // The signature stays out of logs: with the other fields it is a usable credential.
            return "UserSig.Document[version=" + version + ", identifier=" + identifier + ", sdkAppId=" + sdkAppId
                    + ", time=" + time + ", expireSeconds=" + expireSeconds + "]";
        }
    }

    private static String base64UrlLike(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes).replace('+', '*').replace('/', '-').replace('=', '_');
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
            byte[] buffer = new byte[512];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] input) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length * 4);
            byte[] buffer = new byte[512];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated zlib stream");
                }
                out.write(buffer, 0, n);
                if (out.size() > 64 * 1024) {
                    throw new DataFormatException("UserSig document too large");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}

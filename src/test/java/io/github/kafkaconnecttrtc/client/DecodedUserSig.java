package io.github.kafkaconnecttrtc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A UserSig read back into its fields, as the server does before it checks them: Base64 with
 * {@code *-_} for {@code +/=}, zlib, JSON. Written apart from {@link UserSig}, so that the tests
 * check the generator against the format rather than against itself.
 */
public record DecodedUserSig(String version, String identifier, long sdkAppId, long time, long expireSeconds, String sig) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static DecodedUserSig decode(String userSig) {
        byte[] compressed = Base64.getDecoder().decode(userSig.replace('*', '+').replace('-', '/').replace('_', '='));
        JsonNode node;
        try {
            node = JSON.readTree(inflate(compressed));
        } catch (IOException | DataFormatException e) {
            throw new IllegalArgumentException("not a zlib-compressed JSON document", e);
        }
        return new DecodedUserSig(node.path("TLS.ver").asText(null), node.path("TLS.identifier").asText(null),
                node.path("TLS.sdkappid").asLong(-1), node.path("TLS.time").asLong(-1),
                node.path("TLS.expire").asLong(-1), node.path("TLS.sig").asText(null));
    }

    /** The last second at which the UserSig is still valid. */
    public long expiresAt() {
        return time + expireSeconds;
    }

    /** Whether {@code sig} is the HMAC-SHA256 with {@code secretKey} over the other fields. */
    boolean signedWith(String secretKey) {
        String content = "TLS.identifier:" + identifier + "\n"
                + "TLS.sdkappid:" + sdkAppId + "\n"
                + "TLS.time:" + time + "\n"
                + "TLS.expire:" + expireSeconds + "\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)))
                    .equals(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] inflate(byte[] input) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[512];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated zlib stream");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}

package io.github.kafkaconnecttrtc.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.zip.Deflater;
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

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String VERSION = "2.0";

    private UserSig() {
    }

    /** Makes a UserSig for {@code identifier}, valid from {@code time} for {@code expireSeconds}. */
    public static String generate(String secretKey, long sdkAppId, String identifier, long time, long expireSeconds) {
        ByteArrayOutputStream json = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(json)) {
            g.writeStartObject();
            g.writeStringField("TLS.ver", VERSION);
            g.writeStringField("TLS.identifier", identifier);
            g.writeNumberField("TLS.sdkappid", sdkAppId);
            g.writeNumberField("TLS.expire", expireSeconds);
            g.writeNumberField("TLS.time", time);
            g.writeStringField("TLS.sig", signature(secretKey, sdkAppId, identifier, time, expireSeconds));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a UserSig document", e);
        }
        return base64UrlLike(deflate(json.toByteArray()));
    }

    /** The {@code TLS.sig} field: Base64 of HMAC-SHA256 over the signed content. */
    private static String signature(String secretKey, long sdkAppId, String identifier, long time, long expireSeconds) {
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
}

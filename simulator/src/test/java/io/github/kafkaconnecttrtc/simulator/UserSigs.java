package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;

/** Makes TLSSigAPIv2 UserSigs for the simulator's tests, by the published algorithm. */
final class UserSigs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UserSigs() {
    }

    static String sign(String secretKey, long sdkAppId, String identifier, long time, long expire) {
        ObjectNode document = JSON.createObjectNode();
        document.put("TLS.ver", "2.0");
        document.put("TLS.identifier", identifier);
        document.put("TLS.sdkappid", sdkAppId);
        document.put("TLS.expire", expire);
        document.put("TLS.time", time);
        document.put("TLS.sig", UserSigVerifier.signature(secretKey, identifier, sdkAppId, time, expire));
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed)) {
            deflater.write(JSON.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(compressed.toByteArray())
                .replace('+', '*').replace('/', '-').replace('=', '_');
    }
}

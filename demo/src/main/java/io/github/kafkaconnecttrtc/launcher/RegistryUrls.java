package io.github.kafkaconnecttrtc.launcher;

import java.net.URI;

/**
 * The URLs of one Apicurio Registry 2.x: its own API for the converter, its Confluent-compatible
 * API for Confluent's converter and for reading writer schemas by id.
 *
 * @param base e.g. http://127.0.0.1:8081, without a trailing slash
 */
public record RegistryUrls(URI base) {

    private static final String V2 = "/apis/registry/v2";
    private static final String CCOMPAT = "/apis/ccompat/v7";

    /** From a base URL, or from one of the API URLs. */
    static RegistryUrls of(URI url) {
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        for (String api : new String[] {V2, CCOMPAT}) {
            if (text.endsWith(api)) {
                text = text.substring(0, text.length() - api.length());
            }
        }
        return new RegistryUrls(URI.create(text));
    }

    public String v2() {
        return base + V2;
    }

    public String ccompat() {
        return base + CCOMPAT;
    }
}

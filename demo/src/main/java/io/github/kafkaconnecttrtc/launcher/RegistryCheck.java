package io.github.kafkaconnecttrtc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Whether the server at {@code base} is Apicurio Registry: {@code GET /apis/registry/v2/system/info}
 * must answer JSON whose {@code name} is Apicurio Registry's ({@code apicurio-registry} in 2.6, or
 * its display name "Apicurio Registry (...)"); and, for the registry the launcher started, Quarkus'
 * {@code /health/ready} must answer 200.
 */
public final class RegistryCheck implements IdentityCheck {

    static final String EXPECTED = "Apicurio Registry";
    static final String SYSTEM_INFO = "/apis/registry/v2/system/info";
    static final String HEALTH_READY = "/health/ready";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final int port;
    private final boolean health;
    private final Duration timeout;

    /**
     * @param base e.g. http://127.0.0.1:27113, without a trailing slash
     * @param health whether {@code /health/ready} must answer 200 too (not asked of an existing
     *     registry, which may sit behind a proxy that serves its APIs only)
     */
    public RegistryCheck(URI base, boolean health, Duration timeout) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.port = port(base);
        this.health = health;
        this.timeout = timeout;
    }

    @Override
    public Readiness check() {
        HttpAsk.Result info = HttpAsk.get(URI.create(base + SYSTEM_INFO), port, EXPECTED, timeout);
        if (info.failure() != null) {
            return info.failure();
        }
        HttpAsk.Answer answer = info.answer();
        if (answer.status() != 200) {
            return answer.status() >= 502 && answer.status() <= 504
                    ? Readiness.starting("port " + port + ": " + SYSTEM_INFO + " " + answer.summary())
                    : Readiness.wrongService(port, EXPECTED, SYSTEM_INFO + " " + answer.summary());
        }
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (IOException e) {
            json = null;
        }
        String name = json == null ? "" : json.path("name").asText("");
        if (!isApicurioRegistry(name)) {
            return Readiness.wrongService(port, EXPECTED, SYSTEM_INFO + " " + answer.summary());
        }
        String who = name + " " + json.path("version").asText("(no version)");
        if (health) {
            HttpAsk.Result ready = HttpAsk.get(URI.create(base + HEALTH_READY), port, EXPECTED, timeout);
            if (ready.failure() != null) {
                return ready.failure();
            }
            if (ready.answer().status() != 200) {
                return Readiness.starting(who + " answers on port " + port + ", but " + HEALTH_READY + " "
                        + ready.answer().summary());
            }
        }
        return Readiness.ready(who);
    }

    /** "apicurio-registry", "Apicurio Registry (In Memory)": letters only, it reads apicurioregistry. */
    static boolean isApicurioRegistry(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").startsWith("apicurioregistry");
    }

    static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}

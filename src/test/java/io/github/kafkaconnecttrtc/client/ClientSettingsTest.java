package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSettingsTest {

    private static final Password KEY = new Password("top-secret-key");

    private static ClientSettings settings(String endpoint) {
        return ClientSettings.of(URI.create(endpoint), 1400000000L, "administrator", KEY);
    }

    @Test
    void defaultsToTheInternationalHostOverHttpsWithATimeoutAboveTheBackends() {
        ClientSettings settings = settings(ClientSettings.DEFAULT_ENDPOINT.toString());

        assertThat(settings.endpoint().getScheme()).isEqualTo("https");
        assertThat(settings.requestTimeout()).isGreaterThan(Duration.ofSeconds(3));
        assertThat(settings.requestsPerSecond()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://localhost/", "http://[::1]:9/", "http://127.0.0.2/"})
    void allowsPlainHttpToLoopback(String endpoint) {
        assertThatCode(() -> settings(endpoint)).doesNotThrowAnyException();
    }

    @Test
    void refusesPlainHttpToOtherHostsUnlessAllowed() {
        assertThatThrownBy(() -> settings("http://callkit-intl.trtc.tencent-cloud.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http")
                .hasMessageContaining("https");
        assertThatThrownBy(() -> settings("http://10.0.0.1/")).isInstanceOf(IllegalArgumentException.class);

        assertThatCode(() -> ClientSettings.checkEndpoint(URI.create("http://10.0.0.1/"), true))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host/", "callkit-intl.trtc.tencent-cloud.com", "https:///x",
        "https://host/?sdkappid=1", "https://host/#f"})
    void rejectsEndpointsThatAreNotAnApiHost(String endpoint) {
        assertThatThrownBy(() -> settings(endpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint");
    }

    @Test
    void rejectsOutOfRangeValuesWithTheirName() {
        ClientSettings base = settings("https://host/");
        assertThatThrownBy(() -> base.withRequestsPerSecond(201)).hasMessageContaining("requestsPerSecond");
        assertThatThrownBy(() -> base.withRequestsPerSecond(0)).hasMessageContaining("requestsPerSecond");
        assertThatThrownBy(() -> base.withRequestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> base.withRetries(-1, Duration.ofMillis(1), Duration.ofMillis(2)))
                .hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> base.withRetries(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> base.withUserSigTtl(Duration.ofMinutes(1))).hasMessageContaining("userSigTtl");
        assertThatThrownBy(() -> ClientSettings.of(URI.create("https://host/"), 0, "administrator", KEY))
                .hasMessageContaining("sdkAppId");
        assertThatThrownBy(() -> ClientSettings.of(URI.create("https://host/"), 1, " ", KEY))
                .hasMessageContaining("identifier");
        assertThatThrownBy(() -> ClientSettings.of(URI.create("https://host/"), 1, "a", new Password("")))
                .hasMessageContaining("secret key");
    }

    @Test
    void neverPrintsTheSecretKey() {
        assertThat(settings("https://host/").toString()).doesNotContain(KEY.value());
    }
}

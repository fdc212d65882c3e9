package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiAccessTest {

    private static final Password KEY = new Password("top-secret-key");

    private static ApiAccess access(String endpoint) {
        return new ApiAccess(ApiDialect.V1, URI.create(endpoint), 1400000000L, "administrator", KEY, false);
    }

    @Test
    void defaultsToTheInternationalHostOverHttps() {
        ApiAccess access = access(ApiAccess.DEFAULT_ENDPOINT.toString());

        assertThat(access.endpoint().getScheme()).isEqualTo("https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://localhost/", "http://[::1]:9/", "http://127.0.0.2/"})
    void allowsPlainHttpToLoopback(String endpoint) {
        assertThatCode(() -> access(endpoint)).doesNotThrowAnyException();
    }

    @Test
    void refusesPlainHttpToOtherHostsUnlessAllowed() {
        assertThatThrownBy(() -> access("http://callkit-intl.trtc.tencent-cloud.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http")
                .hasMessageContaining("https");
        assertThatThrownBy(() -> access("http://10.0.0.1/")).isInstanceOf(IllegalArgumentException.class);

        assertThatCode(() -> ApiAccess.checkEndpoint(URI.create("http://10.0.0.1/"), true))
                .doesNotThrowAnyException();
        assertThatCode(() -> new ApiAccess(ApiDialect.V1, URI.create("http://10.0.0.1/"), 1, "a", KEY, true))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host/", "callkit-intl.trtc.tencent-cloud.com", "https:///x",
        "https://host/?sdkappid=1", "https://host/#f"})
    void rejectsEndpointsThatAreNotAnApiHost(String endpoint) {
        assertThatThrownBy(() -> access(endpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint");
    }

    @Test
    void rejectsAnIdentityThatCannotBeRightWithItsName() {
        URI host = URI.create("https://host/");
        assertThatThrownBy(() -> new ApiAccess(ApiDialect.V1, host, 0, "administrator", KEY, false))
                .hasMessageContaining("sdkAppId");
        assertThatThrownBy(() -> new ApiAccess(ApiDialect.V1, host, 1, " ", KEY, false))
                .hasMessageContaining("identifier");
        assertThatThrownBy(() -> new ApiAccess(ApiDialect.V1, host, 1, "a", new Password(""), false))
                .hasMessageContaining("secret key");
    }

    @Test
    void neverPrintsTheSecretKey() {
        assertThat(access("https://host/").toString()).doesNotContain(KEY.value());
    }
}

package io.github.kafkaconnecttrtc.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kafkaconnecttrtc.client.ApiDialect;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoConnectorConfigTest {

    private static final Path BASEDIR = Path.of("/work/project");
    private static final RegistryUrls REGISTRY = RegistryUrls.of(URI.create("http://127.0.0.1:40001/"));

    @Test
    void theLocalConfigurationGetsThisRunsAddressesAndAnAbsoluteSecretPath() throws Exception {
        // The demo runs from the repository's root; this module's tests run one level below it.
        Map<String, String> file = DemoConnectorConfig.read(Path.of("..").resolve(DemoOptions.DEFAULT_CONNECTOR_CONFIG));

        Map<String, String> config = DemoConnectorConfig.prepare(file, DemoOptions.parse(),
                URI.create("http://127.0.0.1:40002/"), 1_400_000_000L, REGISTRY, BASEDIR);

        assertThat(config).containsEntry("trtc.endpoint", "http://127.0.0.1:40002/")
                .containsEntry("trtc.sdkappid", "1400000000")
                .containsEntry("trtc.secret.key",
                        "${file:/work/project/connector-config/secrets/simulator.properties:secret.key}")
                .containsEntry("value.converter.apicurio.registry.url", "http://127.0.0.1:40001/apis/registry/v2")
                .containsEntry("value.converter.apicurio.registry.as-confluent", "true")
                .containsEntry("value.converter.enhanced.avro.schema.support", "true")
                .containsEntry("topic", file.get("topic"))
                .containsEntry("trtc.api.version", "v1");
    }

    @Test
    void theApiOptionSetsTheVersionTheSimulatorIsReadWith() throws Exception {
        Map<String, String> file = DemoConnectorConfig.read(Path.of("..").resolve(DemoOptions.DEFAULT_CONNECTOR_CONFIG));

        Map<String, String> config = DemoConnectorConfig.prepare(file, DemoOptions.parse("--api", "v4"),
                URI.create("http://127.0.0.1:40002/"), 1_400_000_000L, REGISTRY, BASEDIR);

        // One loopback endpoint serves both versions, so only the version changes.
        assertThat(config).containsEntry("trtc.api.version", "v4")
                .containsEntry("trtc.endpoint", "http://127.0.0.1:40002/");
    }

    @Test
    void withoutTheApiOptionTheConfigurationsVersionIsDeployedAndTheOptionOverridesIt() {
        Map<String, String> v4File = Map.of("trtc.api.version", "v4", "topic", "t");

        assertThat(DemoConnectorConfig.prepare(v4File, DemoOptions.parse(), URI.create("http://127.0.0.1:40002/"),
                1, REGISTRY, BASEDIR)).containsEntry("trtc.api.version", "v4");
        assertThat(DemoConnectorConfig.prepare(v4File, DemoOptions.parse("--api", "v1"),
                URI.create("http://127.0.0.1:40002/"), 1, REGISTRY, BASEDIR)).containsEntry("trtc.api.version", "v1");
    }

    @Test
    void aRealEndpointOfTheOtherVersionIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> DemoConnectorConfig.checkEndpointVersion(URI.create("https://console.tim.qq.com/"),
                ApiDialect.V1)).hasMessageContaining("is a host of the v4 API").hasMessageContaining("add --api v4");
        assertThatThrownBy(() -> DemoConnectorConfig.checkEndpointVersion(
                URI.create("https://callkit-intl.trtc.tencent-cloud.com/"), ApiDialect.V4))
                .hasMessageContaining("add --api v1");
        assertThatCode(() -> DemoConnectorConfig.checkEndpointVersion(URI.create("https://adminapisgp.im.qcloud.com/"),
                ApiDialect.V4)).doesNotThrowAnyException();
        // A host of neither list (a proxy) may serve either version, as the connector's validation has it.
        assertThatCode(() -> DemoConnectorConfig.checkEndpointVersion(URI.create("https://trtc-proxy.example/"),
                ApiDialect.V4)).doesNotThrowAnyException();
    }

    @Test
    void aRealApplicationBringsItsEndpointIdentityAndKeyFileAndTheDefaultSettleDelay() {
        DemoOptions options = DemoOptions.parse("--trtc-endpoint", "https://callkit-intl.trtc.tencent-cloud.com/",
                "--sdkappid", "1400123456", "--identifier", "ops", "--secret-key-file", "/etc/trtc/trtc.properties",
                "--topic", "calls-2");
        Map<String, String> file = Map.of("trtc.secret.key", "${file:x.properties:secret.key}",
                "settle.delay.ms", "10000", "value.converter", "io.confluent.connect.avro.AvroConverter",
                "value.converter.schema.registry.url", "http://schema-registry:8081");

        Map<String, String> config = DemoConnectorConfig.prepare(file, options, null, 0, REGISTRY, BASEDIR);

        assertThat(config).containsEntry("trtc.endpoint", "https://callkit-intl.trtc.tencent-cloud.com/")
                .containsEntry("trtc.sdkappid", "1400123456")
                .containsEntry("trtc.identifier", "ops")
                .containsEntry("topic", "calls-2")
                .containsEntry("trtc.secret.key", "${file:/etc/trtc/trtc.properties:secret.key}")
                .containsEntry("value.converter.schema.registry.url", "http://127.0.0.1:40001/apis/ccompat/v7")
                .containsEntry("trtc.api.version", "v1")
                .doesNotContainKeys("settle.delay.ms", "value.converter.apicurio.registry.url");
    }

    @Test
    void registryUrlsAcceptTheBaseOrAnApiUrl() {
        assertThat(RegistryUrls.of(URI.create("http://r:8081/apis/registry/v2")).v2())
                .isEqualTo("http://r:8081/apis/registry/v2");
        assertThat(RegistryUrls.of(URI.create("http://r:8081/apis/ccompat/v7/")).ccompat())
                .isEqualTo("http://r:8081/apis/ccompat/v7");
        assertThat(RegistryUrls.of(URI.create("http://r:8081")).base()).isEqualTo(URI.create("http://r:8081"));
    }
}

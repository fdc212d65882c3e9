package io.github.kafkaconnecttrtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ready configurations in connector-config/ pass the connector's own validation. */
class ConnectorConfigFilesTest {

    static Stream<Path> configurations() throws IOException {
        return Files.list(Path.of("..", "connector-config")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void isAValidConfigurationOfThisConnector(Path file) throws IOException {
        Map<String, String> config = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() { });

        assertThat(config).containsEntry("connector.class", TrtcSourceConnector.class.getName());
        List<ConfigValue> values = new TrtcSourceConnector().validate(resolvePlaceholders(config)).configValues();
        assertThat(values).allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void takesTheSecretKeyFromAConfigProviderNeverInline(Path file) throws IOException {
        Map<String, String> config = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() { });

        assertThat(config.get(TrtcSourceConfig.SECRET_KEY_CONFIG)).matches("\\$\\{(file|env):.+}");
    }

    /** Stands a value of the right type in for each ${provider:path:key} reference. */
    private static Map<String, String> resolvePlaceholders(Map<String, String> config) {
        Map<String, ConfigDef.ConfigKey> keys = TrtcSourceConfig.configDef().configKeys();
        Map<String, String> resolved = new HashMap<>(config);
        resolved.replaceAll((key, value) -> {
            if (!value.startsWith("${")) {
                return value;
            }
            ConfigDef.ConfigKey def = keys.get(key);
            boolean numeric = def != null && (def.type == ConfigDef.Type.LONG || def.type == ConfigDef.Type.INT);
            return numeric ? "1400000000" : "provided-" + key;
        });
        return resolved;
    }
}

package io.github.kafkaconnecttrtc.config;

import static io.github.kafkaconnecttrtc.config.TrtcSourceConfig.configDef;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key as the connector defines it now. */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    private static final String TITLE = "kafka-connect-trtc configuration";
    private static final String REGENERATE = "mvn -q test -Dtest=ConfigurationReferenceTest -Ddocs.update=true";

    @Test
    void everyKeyHasADocumentationAGroupAndADisplayName() {
        assertThat(configDef().configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as("documentation of %s", key.name).isNotBlank();
            assertThat(key.group).as("group of %s", key.name).isNotBlank();
            assertThat(key.displayName).as("display name of %s", key.name).isNotBlank();
        });
    }

    /** With -Ddocs.update=true it writes the reference first, which is how the committed copy is made. */
    @Test
    void theCommittedReferenceIsWhatTheGeneratorRendersNow() throws IOException {
        String rendered = ConfigDocs.markdown(TITLE, configDef());
        if (Boolean.getBoolean("docs.update")) {
            Files.createDirectories(REFERENCE.getParent());
            Files.writeString(REFERENCE, rendered);
        }
        String stale = REFERENCE + " does not match the configuration definitions; regenerate it with: " + REGENERATE;

        assertThat(REFERENCE).as(stale).exists();
        assertThat(Files.readString(REFERENCE)).as(stale).isEqualTo(rendered);
    }
}

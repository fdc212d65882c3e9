package io.github.kafkaconnecttrtc.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    private static ConfigDef define(ConfigDef def, String name, Type type, Object defaultValue, String group,
            int order) {
        return def.define(name, type, defaultValue, Importance.MEDIUM, "Documents " + name + ".", group, order,
                Width.SHORT, "Display " + name);
    }

    @Test
    void listsGroupsInDefinitionOrderAndKeysByTheirOrderInTheGroup() {
        ConfigDef def = new ConfigDef();
        define(def, "beta.second", Type.STRING, "", "Beta", 2);
        define(def, "alpha.only", Type.STRING, "", "Alpha", 1);
        define(def, "beta.first", Type.STRING, "", "Beta", 1);

        String markdown = ConfigDocs.markdown("Title", def);

        assertThat(markdown).containsSubsequence("# Title", "## Beta", "### `beta.first`", "### `beta.second`",
                "## Alpha", "### `alpha.only`");
    }

    @Test
    void putsKeysWithoutAGroupLast() {
        ConfigDef def = new ConfigDef();
        def.define("loose", Type.STRING, "", Importance.LOW, "Has no group.");
        define(def, "grouped", Type.STRING, "", "Group", 1);

        assertThat(ConfigDocs.markdown("Title", def))
                .containsSubsequence("## Group", "### `grouped`", "## " + ConfigDocs.UNGROUPED, "### `loose`");
    }

    @Test
    void showsTypeDefaultValidValuesImportanceAndDisplayNameAfterTheDocumentation() {
        ConfigDef def = new ConfigDef().define("page.size", Type.INT, 100, Range.between(1, 100), Importance.LOW,
                "How many records.", "Reading", 1, Width.SHORT, "Page size");

        assertThat(ConfigDocs.markdown("Title", def)).endsWith("""
                ### `page.size`

                How many records.

                - Type: int
                - Default: `100`
                - Valid values: [1,...,100]
                - Importance: low
                - Display name: Page size
                """);
    }

    @Test
    void showsAnEmptyDefaultAsEmptyAndAMissingOneAsRequired() {
        ConfigDef def = new ConfigDef();
        define(def, "empty.default", Type.STRING, "", "Group", 1);
        define(def, "required", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, "Group", 2);

        assertThat(ConfigDocs.markdown("Title", def))
                .contains("### `empty.default`\n\nDocuments empty.default.\n\n- Type: string\n- Default: _empty_\n")
                .contains("### `required`\n\nDocuments required.\n\n- Type: string\n- Default: none, required\n");
    }

    @Test
    void neverShowsTheDefaultOfASecret() {
        ConfigDef def = new ConfigDef();
        define(def, "secret", Type.PASSWORD, "s3cret-default", "Group", 1);

        assertThat(ConfigDocs.markdown("Title", def)).doesNotContain("s3cret-default").contains("- Default: _hidden_");
    }

    @Test
    void escapesMarkupInDocumentation() {
        ConfigDef def = new ConfigDef().define("progress.topic", Type.STRING, "", Importance.LOW,
                "Empty means <topic>.progress; not_answer *counts*.", "Group", 1, Width.SHORT, "Progress topic");

        assertThat(ConfigDocs.markdown("Title", def))
                .contains("Empty means \\<topic\\>.progress; not\\_answer \\*counts\\*.");
    }
}

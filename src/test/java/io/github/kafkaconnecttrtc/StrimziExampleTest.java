package io.github.kafkaconnecttrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.connect.runtime.ConnectorConfig;
import org.apache.kafka.connect.runtime.SourceConnectorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The Kubernetes example in deploy/strimzi is a connector configuration that this connector and Connect accept, on a
 * Connect cluster that can run it: with the plugin of this version, exactly-once, and the Secret it refers to readable.
 * No cluster is needed: the manifests are read as Strimzi would hand them to Connect.
 */
class StrimziExampleTest {

    private static final Path DIRECTORY = Path.of("..", "deploy", "strimzi");
    private static final String STRIMZI_API = "kafka.strimzi.io/v1";
    private static final String SECRET_PROVIDER = "io.strimzi.kafka.KubernetesSecretConfigProvider";
    /** Kafka's own syntax of a reference to a ConfigProvider: ${provider:[path:]key}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*?):(([^}]*?):)?([^}]*?)}");

    private static final YAMLMapper YAML = new YAMLMapper();

    private static List<JsonNode> manifests;
    private static JsonNode connect;
    private static JsonNode connector;

    @BeforeAll
    static void readManifests() throws IOException {
        manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                // A file may hold several documents, separated by ---.
                manifests.addAll(YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll());
            }
        }
        connect = only("KafkaConnect");
        connector = only("KafkaConnector");
    }

    @Test
    void connectorConfigurationPassesTheConnectorsOwnValidation() {
        assertThat(connector.path("spec").path("class").asText()).isEqualTo(TrtcSourceConnector.class.getName());

        Map<String, String> config = resolvedLikeTheWorker(connectorConfig());

        List<ConfigValue> values = new TrtcSourceConnector().validate(config).configValues();

        assertThat(values).allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
    }

    @Test
    void connectorConfigurationHoldsOnlyKeysTheConnectorOrConnectDefine() {
        // validate() leaves keys it does not define alone, as Connect does: a misspelt key would just be ignored.
        assertThat(specConfigKeys()).allSatisfy(
                key -> assertThat(definedByTheConnectorOrConnect(key)).as(key).isTrue());
    }

    @Test
    void connectsOwnKeysHoldValuesConnectAccepts() {
        Map<String, String> config = connectorConfig();
        ConfigDef connectKeys = SourceConnectorConfig.embedDefaultGroup(SourceConnectorConfig.configDef());
        String producer = ConnectorConfig.CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX;
        Map<String, String> producerOverrides = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(producer)) {
                producerOverrides.put(key.substring(producer.length()), value);
            }
        });

        // Classes are left out: the worker loads converters from its plugins, which this build does not have.
        List<ConfigValue> connectValues = connectKeys.validate(config).stream()
                .filter(value -> config.containsKey(value.name()))
                .filter(value -> connectKeys.configKeys().get(value.name()).type != ConfigDef.Type.CLASS)
                .toList();
        List<ConfigValue> producerValues = ProducerConfig.configDef().validate(producerOverrides).stream()
                .filter(value -> producerOverrides.containsKey(value.name()))
                .toList();

        assertThat(connectValues).extracting(ConfigValue::name).contains(ConnectorConfig.TASKS_MAX_CONFIG,
                SourceConnectorConfig.EXACTLY_ONCE_SUPPORT_CONFIG, SourceConnectorConfig.TRANSACTION_BOUNDARY_CONFIG);
        assertThat(producerValues).isNotEmpty();
        assertThat(Stream.concat(connectValues.stream(), producerValues.stream()))
                .allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
    }

    @Test
    void leavesToStrimziTheKeysItSetsItself() {
        assertThat(specConfigKeys()).doesNotContain(
                ConnectorConfig.NAME_CONFIG, ConnectorConfig.CONNECTOR_CLASS_CONFIG, ConnectorConfig.TASKS_MAX_CONFIG,
                ConnectorConfig.CONNECTOR_VERSION);
    }

    @Test
    void secretKeyIsAReferenceToTheSecretThroughTheWorkersSecretProvider() {
        Matcher reference = REFERENCE.matcher(connectorConfig().get(TrtcSourceConfig.SECRET_KEY_CONFIG));

        assertThat(reference.matches()).as("a ${provider:path:key} reference").isTrue();
        assertThat(providerClass(reference.group(1))).isEqualTo(SECRET_PROVIDER);
        JsonNode secret = only("Secret");
        assertThat(reference.group(3)).isEqualTo(namespace(secret) + "/" + name(secret));
        assertThat(secret.path("stringData").has(reference.group(4))).as("the Secret's keys").isTrue();
    }

    @Test
    void workersRunExactlyOnceForAConnectorThatRequiresIt() {
        assertThat(connect.path("spec").path("config").path("exactly.once.source.support").asText())
                .isEqualTo("enabled");
        assertThat(connectorConfig()).containsEntry(SourceConnectorConfig.EXACTLY_ONCE_SUPPORT_CONFIG, "required");
    }

    @Test
    void connectorRunsOnTheConnectClusterThatTakesConnectorResources() {
        assertThat(List.of(connect, connector)).allSatisfy(
                resource -> assertThat(resource.path("apiVersion").asText()).isEqualTo(STRIMZI_API));
        assertThat(connect.path("metadata").path("annotations").path("strimzi.io/use-connector-resources").asText())
                .isEqualTo("true");
        assertThat(connector.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                .isEqualTo(name(connect));
        assertThat(namespace(connector)).isEqualTo(namespace(connect));
    }

    @Test
    void imageIsBuiltWithTheReleaseArchiveOfThisVersion() throws Exception {
        // The example installs the release that the version being built will become.
        String release = Version.get().replaceFirst("-SNAPSHOT$", "");
        String url = "https://github.com/kafkaconnecttrtc/kafka-connect-trtc/releases/download/v" + release + "/"
                + confluentHubArchive(release);

        List<JsonNode> artifacts = new ArrayList<>();
        connect.path("spec").path("build").path("plugins")
                .forEach(plugin -> plugin.path("artifacts").forEach(artifacts::add));

        assertThat(artifacts).anySatisfy(artifact -> {
            assertThat(artifact.path("type").asText()).isEqualTo("zip");
            assertThat(artifact.path("url").asText()).isEqualTo(url);
        });
    }

    @Test
    void onlyTheWorkersServiceAccountMayReadTheCredentialsSecret() {
        JsonNode role = only("Role");
        JsonNode binding = only("RoleBinding");
        String workers = name(connect) + "-connect";

        assertThat(role.path("rules")).singleElement().satisfies(rule -> {
            assertThat(strings(rule.path("apiGroups"))).containsExactly("");
            assertThat(strings(rule.path("resources"))).containsExactly("secrets");
            assertThat(strings(rule.path("resourceNames"))).containsExactly(name(only("Secret")));
            assertThat(strings(rule.path("verbs"))).containsExactly("get");
        });
        // Strimzi owns a Role of the service account's name and would replace one applied under it.
        assertThat(name(role)).isNotEqualTo(workers);
        assertThat(binding.path("roleRef").path("kind").asText()).isEqualTo("Role");
        assertThat(binding.path("roleRef").path("name").asText()).isEqualTo(name(role));
        assertThat(binding.path("subjects")).singleElement().satisfies(subject -> {
            assertThat(subject.path("kind").asText()).isEqualTo("ServiceAccount");
            assertThat(subject.path("name").asText()).isEqualTo(workers);
            assertThat(subject.path("namespace").asText()).isEqualTo(namespace(connect));
        });
        assertThat(List.of(role, binding, only("Secret"))).allSatisfy(
                resource -> assertThat(namespace(resource)).isEqualTo(namespace(connect)));
    }

    @Test
    void metricsRulesComeFromTheTrtcConnectMetricsConfigMap() throws IOException {
        JsonNode expected = new ObjectMapper().readTree("""
                {"type": "jmxPrometheusExporter",
                 "valueFrom": {"configMapKeyRef": {"name": "trtc-connect-metrics", "key": "metrics-config.yml"}}}""");

        assertThat(connect.path("spec").path("metricsConfig")).isEqualTo(expected);
        // The README makes that ConfigMap from the repository's exporter rules, which must be there to take.
        Matcher create = Pattern.compile("kubectl create configmap trtc-connect-metrics -n (\\S+) "
                + "--from-file=metrics-config.yml=(\\S+)").matcher(Files.readString(DIRECTORY.resolve("README.md")));
        assertThat(create.find()).as("the README's command that makes the ConfigMap").isTrue();
        assertThat(create.group(1)).isEqualTo(namespace(connect));
        JsonNode rules = YAML.readTree(DIRECTORY.resolve(Path.of("..", "..")).resolve(create.group(2)).toFile());
        assertThat(rules.path("rules")).as("exporter rules in " + create.group(2)).isNotEmpty();
    }

    /** What Connect receives from Strimzi: spec.config as text, with the keys Strimzi fills in from the resource. */
    private static Map<String, String> connectorConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        connector.path("spec").path("config").properties()
                .forEach(entry -> config.put(entry.getKey(), entry.getValue().asText()));
        config.put(ConnectorConfig.NAME_CONFIG, name(connector));
        config.put(ConnectorConfig.CONNECTOR_CLASS_CONFIG, connector.path("spec").path("class").asText());
        config.put(ConnectorConfig.TASKS_MAX_CONFIG, connector.path("spec").path("tasksMax").asText());
        return config;
    }

    private static List<String> specConfigKeys() {
        return connector.path("spec").path("config").properties().stream().map(Map.Entry::getKey).toList();
    }

    /** Replaces each reference as the worker's providers would, reading the Secret manifests of the example. */
    private static Map<String, String> resolvedLikeTheWorker(Map<String, String> config) {
        Map<String, String> resolved = new LinkedHashMap<>(config);
        resolved.replaceAll((key, value) -> REFERENCE.matcher(value).replaceAll(reference -> {
            assertThat(providerClass(reference.group(1))).as("the provider of " + key).isEqualTo(SECRET_PROVIDER);
            // KubernetesSecretConfigProvider's path is <namespace>/<secret>.
            JsonNode secret = manifests.stream()
                    .filter(m -> m.path("kind").asText().equals("Secret"))
                    .filter(m -> (namespace(m) + "/" + name(m)).equals(reference.group(3)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Secret " + reference.group(3) + " for " + key));
            JsonNode data = secret.path("stringData").path(reference.group(4));
            assertThat(data.isTextual()).as("Secret " + reference.group(3) + ", key " + reference.group(4)).isTrue();
            return Matcher.quoteReplacement(data.asText());
        }));
        return resolved;
    }

    /** The class the Connect workers configure for a provider alias, or null when they do not declare it. */
    private static String providerClass(String alias) {
        JsonNode workerConfig = connect.path("spec").path("config");
        List<String> aliases = Arrays.stream(workerConfig.path("config.providers").asText().split(","))
                .map(String::trim).toList();
        return aliases.contains(alias) ? workerConfig.path("config.providers." + alias + ".class").asText() : null;
    }

    private static boolean definedByTheConnectorOrConnect(String key) {
        if (TrtcSourceConfig.configDef().names().contains(key)
                || SourceConnectorConfig.embedDefaultGroup(SourceConnectorConfig.configDef()).names().contains(key)) {
            return true;
        }
        String producer = ConnectorConfig.CONNECTOR_CLIENT_PRODUCER_OVERRIDES_PREFIX;
        if (key.startsWith(producer)) {
            return ProducerConfig.configNames().contains(key.substring(producer.length()));
        }
        // Any topic-level setting, for the topics the worker creates; the example declares no group but the default.
        String topicCreation = SourceConnectorConfig.TOPIC_CREATION_PREFIX + "default.";
        if (key.startsWith(topicCreation)) {
            return topicConfigNames().contains(key.substring(topicCreation.length()));
        }
        // The converters' own settings: they are defined by the converter, which this build does not have.
        return Stream.of(ConnectorConfig.KEY_CONVERTER_CLASS_CONFIG, ConnectorConfig.VALUE_CONVERTER_CLASS_CONFIG,
                ConnectorConfig.HEADER_CONVERTER_CLASS_CONFIG).anyMatch(converter -> key.startsWith(converter + "."));
    }

    private static Set<String> topicConfigNames() {
        return Arrays.stream(TopicConfig.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG"))
                .map(StrimziExampleTest::constant)
                .collect(Collectors.toSet());
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file name the plugin module's build gives its Confluent Hub archive of the given version. */
    private static String confluentHubArchive(String version) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String name = xpath.evaluate("//execution[id='confluent-hub-archive']/configuration/finalName", pom);
        assertThat(name).as("the confluent-hub-archive execution's finalName in pom.xml").isNotBlank();
        return name.replace("${project.artifactId}", xpath.evaluate("/project/artifactId", pom))
                .replace("${project.version}", version) + ".zip";
    }

    private static JsonNode only(String kind) {
        List<JsonNode> found = manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
        if (found.size() != 1) {
            fail("expected one " + kind + " in " + DIRECTORY + ", found " + found.size());
        }
        return found.get(0);
    }

    private static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    private static String namespace(JsonNode resource) {
        return resource.path("metadata").path("namespace").asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}

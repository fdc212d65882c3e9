package io.github.kafkaconnecttrtc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin as users install it, as {@code package} lays it out: the Confluent Hub component archive and the
 * plain directory for plugin.path.
 */
class PluginPackageIT {

    private static final String OWNER = "kafkaconnecttrtc";
    private static final String COMPONENT = "kafka-connect-trtc";
    private static final String SOURCE_URL = "https://github.com/kafkaconnecttrtc/kafka-connect-trtc";
    private static final String VERSION = System.getProperty("plugin.version");
    private static final String TOP = OWNER + "-" + COMPONENT + "-" + VERSION + "/";
    private static final String CONNECTOR_JAR = COMPONENT + "-" + VERSION + ".jar";
    private static final String CONNECTOR_CLASS = "io.github.kafkaconnecttrtc.TrtcSourceConnector";
    private static final String SERVICES_FILE = "META-INF/services/org.apache.kafka.connect.source.SourceConnector";
    private static final String VERSION_RESOURCE = "io/github/kafkaconnecttrtc/kafka-connect-trtc-version.properties";
    private static final Path PLUGIN_LIB =
            Path.of(System.getProperty("connect.plugin.path", "target/plugin"), COMPONENT, "lib");

    /** The archive's files by their full entry name. */
    private static Map<String, byte[]> archive;

    @BeforeAll
    static void readArchive() throws IOException {
        assertThat(VERSION).as("system property plugin.version, which the pom passes to failsafe").isNotBlank();
        Path zip = RepoFiles.PLUGIN_TARGET.resolve("components").resolve(OWNER + "-" + COMPONENT + "-" + VERSION + ".zip");
        archive = new TreeMap<>();
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zipFile.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    try (InputStream in = zipFile.getInputStream(entry)) {
                        archive.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    @Test
    void holdsManifestDocAndEtcBesideLibUnderOneDirectoryNamedAfterTheArchive() throws IOException {
        List<String> expected = new ArrayList<>(List.of("manifest.json", "doc/README.md", "doc/LICENSE"));
        documentation().forEach(page -> expected.add("doc/docs/" + page.getFileName()));
        readyConfigurations().forEach(configuration -> expected.add("etc/" + configuration.getFileName()));

        assertThat(archive.keySet()).allMatch(name -> name.startsWith(TOP), "starts with " + TOP);
        assertThat(filesUnder("")).filteredOn(name -> !name.startsWith("lib/"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(filesUnder("lib/")).isNotEmpty();
    }

    @Test
    void shipsTheReadmeTheDocsTheLicenseAndTheReadyConfigurationsUnfiltered() throws IOException {
        assertThat(file("doc/README.md")).isEqualTo(Files.readAllBytes(RepoFiles.file("README.md")));
        assertThat(file("doc/LICENSE")).isEqualTo(Files.readAllBytes(RepoFiles.file("LICENSE")));
        for (Path page : documentation()) {
            assertThat(file("doc/docs/" + page.getFileName())).as(page.toString()).isEqualTo(Files.readAllBytes(page));
        }
        // Their ${file:...} references are for the worker's ConfigProvider, not for the build.
        for (Path configuration : readyConfigurations()) {
            assertThat(file("etc/" + configuration.getFileName())).as(configuration.toString())
                    .isEqualTo(Files.readAllBytes(configuration));
        }
    }

    @Test
    void describesASourceComponentOfThisVersionInAConfluentHubManifest() throws IOException {
        String text = new String(file("manifest.json"), StandardCharsets.UTF_8);
        JsonNode manifest = new ObjectMapper().readTree(text);

        assertThat(text).as("placeholders left unfiltered").doesNotContain("${");
        assertThat(manifest.path("name").asText()).isEqualTo(COMPONENT);
        assertThat(manifest.path("version").asText()).isEqualTo(VERSION);
        assertThat(manifest.path("owner").path("username").asText()).isEqualTo(OWNER);
        assertThat(List.of(manifest.path("title"), manifest.path("description"), manifest.path("owner").path("name"),
                manifest.path("support").path("summary")))
                .allSatisfy(field -> assertThat(field.asText()).isNotBlank());
        assertThat(manifest.path("tags")).isNotEmpty();
        JsonNode features = manifest.path("features");
        assertThat(features.path("supported_encodings")).extracting(JsonNode::asText).containsExactly("any");
        assertThat(List.of("single_message_transforms", "confluent_control_center_integration", "kafka_connect_api"))
                .allSatisfy(feature -> assertThat(features.path(feature).isBoolean()).as(feature).isTrue());
        // The oldest Connect claimed is the one the oldest-connect profile runs these tests on.
        String oldest = System.getProperty("connect.oldest.version", "unset").replaceAll("^(\\d+\\.\\d+).*", "$1");
        assertThat(manifest.path("requirements")).extracting(JsonNode::asText).contains("Java 17")
                .anySatisfy(requirement -> assertThat(requirement).startsWith("Kafka Connect " + oldest + " or later"));
        assertThat(manifest.path("source_url").asText()).isEqualTo(SOURCE_URL);
        assertThat(manifest.path("documentation_url").asText()).startsWith(SOURCE_URL + "/blob/v" + VERSION + "/");
        // The release date is the changelog's for this version; a snapshot has no entry of its own yet.
        LocalDate released = LocalDate.parse(manifest.path("release_date").asText());
        if (!VERSION.endsWith("-SNAPSHOT")) {
            assertThat(Files.readString(RepoFiles.file("CHANGELOG.md")))
                    .contains("## [" + VERSION + "] - " + released);
        }
        assertThat(manifest.path("component_types")).extracting(JsonNode::asText).containsExactly("source");
        assertThat(manifest.path("license")).singleElement().satisfies(license -> {
            assertThat(license.path("name").asText()).isEqualTo("Apache License, Version 2.0");
            assertThat(license.path("url").asText()).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
        });
    }

    @Test
    void libHoldsTheConnectorAndItsOwnDependenciesButNothingTheWorkerProvides() {
        List<String> jars = filesUnder("lib/");

        assertThat(jars).contains(CONNECTOR_JAR)
                .noneMatch(jar -> jar.startsWith("connect-api") || jar.startsWith("kafka-clients")
                        || jar.startsWith("slf4j"))
                .allMatch(jar -> jar.equals(CONNECTOR_JAR) || jar.startsWith("jackson-core-")
                        || jar.startsWith("failsafe-"));
    }

    @Test
    void theConnectorJarRegistersTheConnectorForServiceLoadingAndCarriesThisVersion() throws IOException {
        Map<String, byte[]> jar = unzip(file("lib/" + CONNECTOR_JAR));

        assertThat(jar).containsKeys(SERVICES_FILE, VERSION_RESOURCE);
        String services = new String(jar.get(SERVICES_FILE),
                StandardCharsets.UTF_8);
        assertThat(services.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")))
                .containsExactly(CONNECTOR_CLASS);
        Properties version = new Properties();
        version.load(new ByteArrayInputStream(jar.get(VERSION_RESOURCE)));
        assertThat(version.getProperty("version")).isEqualTo(VERSION);
    }

    @Test
    void thePluginPathDirectoryHoldsTheSameJarsAsTheArchive() throws IOException {
        Map<String, String> archived = new TreeMap<>();
        for (String jar : filesUnder("lib/")) {
            archived.put(jar, sha256(file("lib/" + jar)));
        }
        Map<String, String> directory = new TreeMap<>();
        try (Stream<Path> files = Files.list(PLUGIN_LIB)) {
            for (Path jar : files.toList()) {
                directory.put(jar.getFileName().toString(), sha256(Files.readAllBytes(jar)));
            }
        }

        assertThat(directory).as(PLUGIN_LIB.toString()).isEqualTo(archived);
    }

    /** A file of the archive by its path below the top directory; null when there is none. */
    private static byte[] file(String path) {
        return archive.get(TOP + path);
    }

    /** The paths of the archive's files below {@code TOP + dir}, relative to it. */
    private static List<String> filesUnder(String dir) {
        return archive.keySet().stream().filter(name -> name.startsWith(TOP + dir))
                .map(name -> name.substring((TOP + dir).length())).toList();
    }

    /** The pages of docs/, which the README links to. */
    private static List<Path> documentation() throws IOException {
        try (Stream<Path> files = Files.list(RepoFiles.file("docs"))) {
            return files.filter(path -> path.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    private static List<Path> readyConfigurations() throws IOException {
        try (Stream<Path> files = Files.list(RepoFiles.file("connector-config"))) {
            return files.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

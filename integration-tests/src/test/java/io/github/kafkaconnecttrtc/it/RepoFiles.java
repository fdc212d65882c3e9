package io.github.kafkaconnecttrtc.it;

import java.nio.file.Path;

/** Files of the repository and of the plugin's build, which the tests check against what they run. */
final class RepoFiles {

    /** The repository's top folder; the pom passes it, and this module sits one level below it. */
    static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    /** The plugin module's build output. */
    static final Path PLUGIN_TARGET = ROOT.resolve("src").resolve("target");

    private RepoFiles() {
    }

    static Path file(String first, String... more) {
        return ROOT.resolve(Path.of(first, more));
    }
}

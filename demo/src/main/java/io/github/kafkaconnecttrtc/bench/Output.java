package io.github.kafkaconnecttrtc.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's terminal output, kept as a transcript too, so that the file under target/ holds
 * exactly what was printed, set-up and progress included. Lines come from the main thread and,
 * on Ctrl-C, from the shutdown hook.
 */
final class Output {

    private final PrintStream console;
    private final StringBuilder transcript = new StringBuilder();

    Output(PrintStream console) {
        this.console = console;
    }

    synchronized void say(String line) {
        console.println(line);
        console.flush();
        transcript.append(line).append(System.lineSeparator());
    }

    synchronized void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, transcript, StandardCharsets.UTF_8);
    }
}

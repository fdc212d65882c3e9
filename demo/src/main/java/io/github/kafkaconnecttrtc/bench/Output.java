package io.github.kafkaconnecttrtc.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** A line for the terminal only, not the transcript: the file gets it where {@link #write} puts it. */
    synchronized void show(String line) {
        console.println(line);
        console.flush();
    }

    /** The transcript, after {@code top}: a matrix's table, which a reader of the file wants first. */
    synchronized void write(Path file, List<String> top) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder();
        for (String line : top) {
            text.append(line).append(System.lineSeparator());
        }
        if (!top.isEmpty()) {
            text.append(System.lineSeparator());
        }
        Files.writeString(file, text.append(transcript), StandardCharsets.UTF_8);
    }
}

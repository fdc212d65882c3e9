package io.github.kafkaconnecttrtc.launcher;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where the demo writes: messages (start-up, first events, shutdown) and frames of the progress
 * view. On a terminal each frame clears the screen and shows the latest messages above it;
 * otherwise (output to a file or pipe) frames follow one another.
 */
final class Terminal {

    private static final String CLEAR = "\033[H\033[2J";
    private static final int MESSAGES_KEPT = 25;

    private final PrintStream out;
    private final boolean redraw;
    private final Deque<String> messages = new ArrayDeque<>();

    Terminal(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    synchronized void message(String line) {
        messages.addLast(line);
        if (messages.size() > MESSAGES_KEPT) {
            messages.removeFirst();
        }
        out.println(line);
        out.flush();
    }

    synchronized void frame(List<String> lines) {
        StringBuilder text = new StringBuilder();
        if (redraw) {
            text.append(CLEAR);
            messages.forEach(m -> text.append(m).append(System.lineSeparator()));
        }
        lines.forEach(l -> text.append(l).append(System.lineSeparator()));
        out.print(text);
        out.flush();
    }
}

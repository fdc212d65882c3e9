package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits until every server answers as itself ({@link IdentityCheck}): an open port is no sign,
 * another process may hold it. A child that exits because another process took its port (one of
 * its ports is still answered after it died, or its log says a bind failed) is started again on
 * another port, a few times at most; a child that exits before a server it {@linkplain
 * Server#needs() needs} is ready is started again once that one is. Any other exit, or a server
 * not ready in time, fails the start with what answered instead and the end of the child's log.
 */
public final class StartupWait {

    /** Starts a server again on other ports; may start others that depend on it, too. */
    @FunctionalInterface
    public interface Restart {
        void run() throws IOException;
    }

    /**
     * One server to wait for. The suppliers are asked again on every round, so that they follow a
     * restart.
     *
     * @param name e.g. "kafka broker"
     * @param where where it listens, for messages
     * @param check its identity check (the previous one is closed when another one comes)
     * @param child its process, or a supplier of null for a server the launcher did not start
     * @param ports the ports it binds, to tell a port taken by another process
     * @param restart how to start it again on other ports, or null when that is not possible
     * @param needs the name of the server this one connects to at start, or null: should this one
     *     exit before that one is ready (it found another process on that one's port, or gave up
     *     waiting), it is started again once that one is ready, instead of failing the start
     */
    public record Server(String name, Supplier<String> where, Supplier<IdentityCheck> check,
            Supplier<ProcessSupervisor.Child> child, Supplier<List<Integer>> ports, Restart restart, String needs) {

        /** A server the launcher started, which needs no other. */
        public Server(String name, Supplier<String> where, Supplier<IdentityCheck> check,
                Supplier<ProcessSupervisor.Child> child, Supplier<List<Integer>> ports, Restart restart) {
            this(name, where, check, child, ports, restart, null);
        }

        /** A server the launcher did not start: only checked. */
        public static Server existing(String name, String where, IdentityCheck check) {
            return new Server(name, () -> where, () -> check, () -> null, List::of, null, null);
        }
    }

    /** Restarts per server on a port taken by another process, at most. */
    static final int MAX_RESTARTS = 3;
    private static final Duration ROUND = Duration.ofMillis(100);
    private static final Pattern BIND_FAILURE = Pattern.compile(
            "(?im)^.*(address already in use|BindException|failed to bind|seems to be in use).*$");

    private final Duration patience;
    private final long sinceNanos;
    private final Path basedir;
    private final BiConsumer<Server, String> say;
    private final Runnable everyRound;

    /**
     * @param patience how long each server may take (counted again after a restart)
     * @param sinceNanos the {@link System#nanoTime()} that "ready after" counts from
     * @param basedir logs under it are named relative to it in messages; may be null
     * @param say prints a line about a server: its readiness or a restart
     * @param everyRound run before every round of checks (may throw to abort)
     */
    public StartupWait(Duration patience, long sinceNanos, Path basedir, BiConsumer<Server, String> say,
            Runnable everyRound) {
        this.patience = patience;
        this.sinceNanos = sinceNanos;
        this.basedir = basedir;
        this.say = say;
        this.everyRound = everyRound;
    }

    private static final class State {
        final Server server;
        IdentityCheck check;
        Readiness last;
        int restarts;
        /** Exited while the server it needs was not ready: to be started again once that one is. */
        boolean orphaned;

        State(Server server) {
            this.server = server;
        }

        void close() {
            if (check != null) {
                check.close();
                check = null;
            }
        }
    }

    /**
     * Returns once every server is ready.
     *
     * @throws IllegalStateException when a child exits (other than on a taken port, which is
     *     retried), or a server is not ready in time, naming what answers instead
     */
    public void await(List<Server> servers) throws InterruptedException {
        List<State> left = new ArrayList<>();
        servers.forEach(server -> left.add(new State(server)));
        List<String> ready = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (!left.isEmpty()) {
                everyRound.run();
                for (State state : List.copyOf(left)) {
                    Server server = state.server;
                    ProcessSupervisor.Child child = server.child().get();
                    if (child != null && !child.alive()) {
                        String where = server.where().get();
                        String conflict = portConflict(server.ports().get(), child);
                        boolean needed = conflict == null && server.needs() != null && server.restart() != null;
                        if (needed && !ready.contains(server.needs())) {
                            if (!state.orphaned) {
                                state.orphaned = true;
                                say.accept(server, "exited before the " + server.needs() + " was ready; starting it"
                                        + " again once it is");
                            }
                            continue;
                        }
                        boolean restart = conflict != null || needed && state.orphaned;
                        if (!restart || server.restart() == null || state.restarts >= MAX_RESTARTS) {
                            throw new IllegalStateException(exited(server.name(), child, conflict, state.restarts));
                        }
                        state.restarts++;
                        say.accept(server, conflict != null
                                ? "exited: " + conflict + "; starting it again on another port"
                                : "starting it again now that the " + server.needs() + " is ready");
                        state.orphaned = false;
                        state.close();
                        try {
                            server.restart().run();
                        } catch (IOException e) {
                            throw new IllegalStateException("starting " + server.name() + " again after " + where
                                    + " failed: " + e, e);
                        }
                        deadline = Math.max(deadline, System.nanoTime() + patience.toNanos());
                        continue;
                    }
                    state.orphaned = false; // alive: started again along with the server it needs, if at all
                    IdentityCheck check = server.check().get();
                    if (check != state.check) {
                        state.close();
                        state.check = check;
                    }
                    state.last = check.check();
                    if (state.last.ready()) {
                        say.accept(server, "ready after " + seconds(System.nanoTime() - sinceNanos) + " s ("
                                + state.last.detail() + ")");
                        state.close();
                        left.remove(state);
                        ready.add(server.name());
                    }
                }
                if (left.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(notReady(left));
                }
                Thread.sleep(ROUND.toMillis());
            }
        } finally {
            left.forEach(State::close);
        }
    }

    private String exited(String name, ProcessSupervisor.Child child, String conflict, int restarts) {
        String why = conflict == null ? ""
                : restarts >= MAX_RESTARTS ? " (" + conflict + ", for the " + ordinal(restarts + 1) + " time)"
                : " (" + conflict + ")";
        return name + " exited with " + child.process().exitValue() + why + "; the end of " + shown(child.log())
                + ":\n" + child.logTail(30);
    }

    private String notReady(List<State> left) {
        StringBuilder text = new StringBuilder("not ready after " + patience.toSeconds() + " s: ");
        for (int i = 0; i < left.size(); i++) {
            State state = left.get(i);
            text.append(i == 0 ? "" : "; ").append(state.server.name()).append(" at ")
                    .append(state.server.where().get()).append(" (")
                    .append(state.last == null ? "not checked" : state.last.detail()).append(")");
            ProcessSupervisor.Child child = state.server.child().get();
            if (child != null) {
                text.append(", see ").append(shown(child.log()));
            }
        }
        return text.toString();
    }

    /**
     * Why a child that exited could not have bound its ports, or null when it does not look like
     * a port problem: one of {@code ports} is still held now that the child is gone (by another
     * process, then), or its log says that a bind failed.
     */
    static String portConflict(List<Integer> ports, ProcessSupervisor.Child child) {
        for (int port : ports) {
            Net.PortAnswer answer = Net.whatAnswers(Net.LOOPBACK, port);
            if (answer.kind() != Net.PortAnswer.Kind.NOTHING) {
                return "port " + port + " is held by another process: " + answer.text();
            }
        }
        String line = bindFailure(child.logTail(300));
        return line == null ? null : "its port was taken: " + Net.printable(line, 200);
    }

    /** The first line of {@code log} that says a bind failed, or null. */
    static String bindFailure(String log) {
        Matcher matcher = BIND_FAILURE.matcher(log);
        return matcher.find() ? matcher.group().trim() : null;
    }

    private String shown(Path log) {
        return basedir != null && log.toAbsolutePath().startsWith(basedir.toAbsolutePath())
                ? basedir.toAbsolutePath().relativize(log.toAbsolutePath()).toString() : log.toString();
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            case 4 -> "fourth";
            default -> n + "th";
        };
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}

package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the demo's child JVMs and makes sure none outlives the demo: each child gets a pid file
 * under {@code <run dir>/pids} and a marker on its command line, so that {@link #killLeftovers()}
 * can end those of an earlier run that was killed without its shutdown hook (kill -9); {@link #close()}
 * stops the running ones with SIGTERM, then SIGKILL after a grace period. The run directory is
 * locked while a demo uses it (the operating system drops the lock with the process, however it
 * ends), so that a second demo neither shares nor ends the first one's processes.
 *
 * <p>On Linux each child runs in a session of its own ({@code setsid}), so that Ctrl-C in the
 * terminal reaches the launcher alone, which then stops the connector before the worker and the
 * worker before the broker; and with a parent-death signal ({@code setpriv --pdeathsig KILL}), so
 * that the kernel kills it should the launching thread end without stopping it (kill -9 of Maven).
 * The thread that starts children must therefore live until they are stopped.
 */
public final class ProcessSupervisor implements AutoCloseable {

    /** A started child process. */
    public record Child(String name, Process process, Path log) {
        public long pid() {
            return process.pid();
        }

        public boolean alive() {
            return process.isAlive();
        }

        /** The end of the child's log, for error messages. */
        public String logTail(int lines) {
            try {
                List<String> all = Files.readAllLines(log);
                return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException | RuntimeException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    public static final Duration GRACE = Duration.ofSeconds(20);
    private static final Duration FORCED = Duration.ofSeconds(10);
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(5);
    private static final String MARKER_PROPERTY = "trtc.demo.run";
    private static final Optional<Path> SETSID = executable("setsid");
    private static final Optional<Path> SETPRIV = executable("setpriv");

    private final Path runDir;
    private final Path pidDir;
    private final List<Child> children = new ArrayList<>();
    private boolean closed;

    private final FileChannel lockFile;

    private ProcessSupervisor(Path runDir, FileChannel lockFile) throws IOException {
        this.runDir = runDir;
        this.pidDir = runDir.resolve("pids");
        this.lockFile = lockFile;
        Files.createDirectories(pidDir);
    }

    /**
     * Locks {@code runDir} for this process.
     *
     * @throws IllegalStateException when another demo holds it
     */
    public static ProcessSupervisor open(Path runDir) throws IOException {
        Path dir = runDir.toAbsolutePath();
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve("demo.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another demo is running in this project (" + dir + " is locked): "
                    + "stop it first, or use its services with --bootstrap-servers, --connect-url and --registry-url");
        }
        return new ProcessSupervisor(dir, channel);
    }

    /**
     * Ends the children of an earlier run of this demo that are still alive (their pid files
     * remain when the launcher was killed outright); the lock says that run is over.
     *
     * @return what was ended, for the log
     */
    public List<String> killLeftovers() throws IOException, InterruptedException {
        List<String> killed = new ArrayList<>();
        List<ProcessHandle> ending = new ArrayList<>();
        try (Stream<Path> files = Files.list(pidDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(file).trim());
                } catch (NumberFormatException e) {
                    Files.deleteIfExists(file);
                    continue;
                }
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                if (handle.isPresent() && handle.get().info().commandLine().orElse("").contains(marker())) {
                    handle.get().destroy();
                    ending.add(handle.get());
                    killed.add(file.getFileName().toString().replace(".pid", "") + " (pid " + pid + ")");
                }
                Files.deleteIfExists(file);
            }
        }
        // Their data is thrown away anyway: a short grace, then SIGKILL.
        long deadline = System.nanoTime() + LEFTOVER_GRACE.toNanos();
        for (ProcessHandle process : ending) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            }
        }
        for (ProcessHandle process : ending) {
            try {
                process.onExit().get(FORCED.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // reported by the caller's next start failing on its port, if at all
            }
        }
        return killed;
    }

    /**
     * Starts {@code java <jvmOptions> <mainClass> <args>} with its output in {@code log}.
     *
     * @param classpath the class path, passed as CLASSPATH so that {@code ps} stays readable; null for {@code -jar}
     */
    synchronized Child startJava(String name, String classpath, List<String> jvmOptions, List<String> mainAndArgs,
            Path workDir, Path log, Map<String, String> environment) throws IOException {
        if (closed) {
            throw new IllegalStateException("stopping: " + name + " not started");
        }
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        SETPRIV.ifPresent(setpriv -> command.addAll(List.of(setpriv.toString(), "--pdeathsig", "KILL")));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-D" + MARKER_PROPERTY + "=" + runDir);
        command.addAll(jvmOptions);
        command.addAll(mainAndArgs);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (classpath != null) {
            builder.environment().put("CLASSPATH", classpath);
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close(); // no input
        Child child = new Child(name, process, log);
        children.add(child);
        Files.writeString(pidDir.resolve(name + ".pid"), Long.toString(process.pid()));
        return child;
    }

    /** The children still running, oldest first. */
    public synchronized List<Child> children() {
        return List.copyOf(children);
    }

    /** Stops {@code child}: SIGTERM, then SIGKILL after {@code grace}; waits for it to be gone. */
    public void stop(Child child, Duration grace) {
        terminate(List.of(child), grace);
    }

    /**
     * Stops {@code first} alone (the Connect worker, so that it writes its last offsets while the
     * broker still runs), then every other child, and says in one line what happened: which
     * children stopped, or which are still running; null when there were none.
     *
     * @param first the child to stop before the others, or null
     */
    public String shutDown(Child first) {
        List<String> names = children().stream().map(Child::name).toList();
        try {
            if (first != null) {
                stop(first, GRACE);
            }
        } finally {
            close();
        }
        List<Child> left = children();
        if (!left.isEmpty()) {
            return "  still running: " + left.stream().map(c -> c.name() + " (pid " + c.pid() + ")").toList();
        }
        return names.isEmpty() ? null : "  " + String.join(", ", names) + " stopped; no child process left";
    }

    /** Stops every child still running, all at once, and waits for each. */
    @Override
    public void close() {
        List<Child> running;
        synchronized (this) {
            closed = true;
            running = new ArrayList<>(children);
        }
        terminate(running, GRACE);
        try {
            lockFile.close();
        } catch (IOException e) {
            // released when the process ends anyway
        }
    }

    private void terminate(List<Child> stopping, Duration grace) {
        for (Child child : stopping) {
            if (child.alive()) {
                child.process().destroy();
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Child child : stopping) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!child.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    child.process().destroyForcibly();
                    child.process().waitFor(FORCED.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                child.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
            forget(child);
        }
    }

    private synchronized void forget(Child child) {
        if (!child.alive()) {
            children.remove(child);
            try {
                Files.deleteIfExists(pidDir.resolve(child.name() + ".pid"));
            } catch (IOException e) {
                // the next run checks the command line before it ends anything
            }
        }
    }

    private static Optional<Path> executable(String name) {
        return Stream.of("/usr/bin/", "/bin/").map(dir -> Path.of(dir + name)).filter(Files::isExecutable)
                .findFirst();
    }

    private String marker() {
        return "-D" + MARKER_PROPERTY + "=" + runDir;
    }
}

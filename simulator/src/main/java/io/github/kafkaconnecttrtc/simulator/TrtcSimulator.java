package io.github.kafkaconnecttrtc.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The TRTC call-records API, simulated on 127.0.0.1 (by default) to the behaviour model in this
 * module's README, with the ground truth and the controls that tests need. It serves the v1 and
 * the v4 records endpoints at once ({@link ApiDialect}), from the same calls, clock, faults and
 * scripted answers.
 *
 * <p>Time comes from the injected clock only, so tests drive it with a fake clock; the exceptions
 * are {@link Fault#SLOW} and the network latency ({@link SimulatorSettings#latencyMillis()}), whose
 * delays are real time because the client's timeouts are, and never move the clock.
 * Call data is generated from the settings' seed: the history at start, then lazily up to the
 * clock's present on every request and every {@link #groundTruth()} call.
 *
 * <p>{@link #suspend()} takes the API down as an outage would: connections are refused and answers
 * in flight are cut off. {@link #resume()} brings it back on the same address and port, with the
 * same calls, settings, faults and counters, so that a client configured with {@link #endpoint()}
 * reaches it again without being told.
 *
 * <pre>{@code
 * try (TrtcSimulator simulator = TrtcSimulator.start(SimulatorSettings.defaults(), clock)) {
 *     URI v1 = simulator.endpoint().resolve("v1/records/get_records_by_filter");
 *     URI v4 = simulator.endpoint().resolve("v4/call_record_http_srv/get_record_by_filter");
 *     ...
 * }
 * }</pre>
 */
public final class TrtcSimulator implements AutoCloseable {

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    /** Few suffice: the waits for latency and for {@link Fault#SLOW} hold none of them ({@link Delays}). */
    private static final int HTTP_THREADS = 8;
    /**
     * Connections waiting to be accepted. The JDK's default, 50, lets a burst of new connections
     * overflow while the server warms up; the ones dropped are retried a second later.
     */
    private static final int ACCEPT_BACKLOG = 256;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final long SECONDS_PER_DAY = 86_400;

    static {
        // The JDK server sends headers and body as two small writes; with Nagle's algorithm on,
        // the body waits for the client's delayed ACK, about 40 ms per request, which would make
        // 200 requests a second unreachable. The flag is read once, when the JVM's first
        // HttpServer starts, and only speeds servers up.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final SimulatorSettings settings;
    private final InstantSource clock;
    private final CallStore store;
    private final FaultInjector faults;
    private final ScriptedErrors scriptedErrors = new ScriptedErrors();
    private final SimulatorStats stats = new SimulatorStats();
    private final RecordsHttpHandler recordsHandler;
    private final AdminHttpHandler adminHandler;
    private final ExecutorService executor;
    private final Delays delays;
    /** The address actually bound at start, port included, so that a resumed server takes the same one. */
    private final InetSocketAddress address;
    private final Object serverLock = new Object();
    /** Null while suspended or after close. */
    private HttpServer server;
    private boolean closed;

    private TrtcSimulator(SimulatorSettings settings, InstantSource clock, Function<Executor, Delays> delays)
            throws IOException {
        this.settings = settings;
        this.clock = clock;
        long now = nowSeconds();
        this.store = new CallStore(new CallGenerator(settings), now - settings.historyDays() * SECONDS_PER_DAY);
        store.generateThrough(now);
        this.faults = new FaultInjector(settings.seed(), settings.slowAnswerDelay());
        RequestIds requestIds = new RequestIds(settings.seed());
        List<Endpoint> endpoints = Arrays.stream(ApiDialect.values())
                .map(dialect -> Endpoint.of(dialect, settings, store, requestIds))
                .toList();
        this.executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads("trtc-simulator-http-"));
        this.delays = delays.apply(executor);
        this.recordsHandler = new RecordsHttpHandler(clock, endpoints, faults, scriptedErrors, stats,
                new Latency(settings), this.delays, this::serves);
        this.adminHandler = new AdminHttpHandler(stats, faults, settings);
        try {
            synchronized (serverLock) {
                serve(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()));
            }
        } catch (IOException | RuntimeException e) {
            this.delays.close();
            executor.shutdownNow();
            throw e;
        }
        this.address = server.getAddress();
    }

    /** Starts a server on {@code at} with this simulator's handlers; the caller holds {@code serverLock}. */
    private void serve(InetSocketAddress at) throws IOException {
        HttpServer started = HttpServer.create(at, ACCEPT_BACKLOG);
        for (ApiDialect dialect : ApiDialect.values()) {
            started.createContext(dialect.path(), recordsHandler);
        }
        started.createContext(AdminHttpHandler.CONTEXT, adminHandler);
        started.createContext("/", exchange -> {
            try (exchange) {
                HttpResponses.htmlError(exchange, 404);
            }
        });
        started.setExecutor(executor);
        // Set before start(): its first request already asks whether it is the live server (serves).
        server = started;
        started.start();
    }

    /**
     * Generates the history and starts serving.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static TrtcSimulator start(SimulatorSettings settings, InstantSource clock) {
        return start(settings, clock, workers -> new ScheduledDelays(
                Executors.newSingleThreadScheduledExecutor(daemonThreads("trtc-simulator-latency-")), workers));
    }

    /**
     * As {@link #start(SimulatorSettings, InstantSource)}, with the real-time waits (latency and
     * {@link Fault#SLOW}) left to {@code delays}, which is given the HTTP threads.
     */
    static TrtcSimulator start(SimulatorSettings settings, InstantSource clock, Function<Executor, Delays> delays) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        try {
            return new TrtcSimulator(settings, clock, delays);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the TRTC simulator on " + settings.bindAddress() + ":"
                    + settings.port(), e);
        }
    }

    /** The base URI, ending in {@code /}; the records paths ({@link ApiDialect#path()}) are relative to it. */
    public URI endpoint() {
        InetAddress bound = address.getAddress();
        String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /**
     * Takes the API down, admin paths included: from now on connections to {@link #endpoint()} are
     * refused, and connections already open are closed, cutting off any answer in flight (a
     * {@link Fault#SLOW} one, or one still crossing the simulated network, among them); a request
     * still on its way in never reaches the API. Calls keep being generated, and {@link
     * #groundTruth()}, {@link #addCall} and the fault controls keep working. Does nothing when
     * already suspended.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void suspend() {
        synchronized (serverLock) {
            requireOpen();
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
    }

    /**
     * Serves again on the same address and port as before {@link #suspend()}, with the same calls,
     * settings, faults, queued answers and counters. Does nothing when not suspended.
     *
     * @throws UncheckedIOException when the port was taken by someone else in the meantime
     * @throws IllegalStateException after {@link #close()}
     */
    public void resume() {
        synchronized (serverLock) {
            requireOpen();
            if (server == null) {
                try {
                    serve(address);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not serve the TRTC simulator again on " + address, e);
                }
            }
        }
    }

    /** Whether the API is down, by {@link #suspend()}, until {@link #resume()}. */
    public boolean isSuspended() {
        synchronized (serverLock) {
            return !closed && server == null;
        }
    }

    /** Whether {@code candidate} is the server now up, not one stopped by {@link #suspend()} or close. */
    private boolean serves(HttpServer candidate) {
        synchronized (serverLock) {
            return server == candidate;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the simulator is closed");
        }
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /**
     * Every call that has started by now, visible yet or not, in the API's order ({@code
     * startCallTs}, then {@code callId}). Group calls are included even when the application has
     * no group-call package, although the API then never returns them, and calls older than the
     * API's 7 days stay here after the API has dropped them. Each call says whether, and how,
     * the API sends its record malformed ({@link SimulatedCall#malformation()}).
     */
    public List<SimulatedCall> groundTruth() {
        long now = nowSeconds();
        store.generateThrough(now);
        return store.startedBy(now);
    }

    /**
     * Adds a specific call, visible from {@code visibleAt}, next to the generated ones. Its record
     * is sent as it is, whatever {@link SimulatorSettings#malformedRecordRate()} says.
     *
     * @throws IllegalArgumentException when the call ends before it starts or is visible before
     *     it ends, which the model never allows
     */
    public void addCall(ApiRecord call, long visibleAt) {
        add(new SimulatedCall(call, visibleAt));
    }

    /**
     * Adds a specific call, as {@link #addCall(ApiRecord, long)}, whose record the API always
     * sends malformed in the given way.
     *
     * @throws IllegalArgumentException as {@link #addCall(ApiRecord, long)}
     */
    public void addMalformedCall(ApiRecord call, long visibleAt, Malformation malformation) {
        add(new SimulatedCall(call, visibleAt, Optional.of(malformation)));
    }

    private void add(SimulatedCall added) {
        ApiRecord call = added.call();
        if (call.endTs() < call.startCallTs()) {
            throw new IllegalArgumentException("call " + call.callId() + " ends before it starts");
        }
        if (added.visibleAt() < call.endTs()) {
            throw new IllegalArgumentException("call " + call.callId() + " cannot be visible before it ends");
        }
        store.add(added);
    }

    public FaultInjector faults() {
        return faults;
    }

    public SimulatorStats stats() {
        return stats;
    }

    /**
     * Runs {@code hook} at the start of every request to either records endpoint, before anything
     * else, e.g. to advance a fake clock between page requests. Replaces any earlier hook.
     */
    public void beforeEachRequest(Runnable hook) {
        recordsHandler.beforeEachRequest(Objects.requireNonNull(hook, "hook"));
    }

    /**
     * The {@code usersig} parameter of the latest records request, or {@code null} before the
     * first, so that tests can check that it appears in no log.
     */
    public String lastUserSig() {
        return recordsHandler.lastUserSig();
    }

    /**
     * Answers the next {@code times} records requests with {@code errorCode} and no data, after
     * those queued before, in the dialect of the endpoint each request asks. They are counted like
     * any other request and take precedence over faults and every check. Code 0 queues normal
     * answers, so that errors and normal answers can be interleaved; {@code times} 0 queues nothing.
     */
    public void respondNext(int errorCode, int times) {
        scriptedErrors.add(errorCode, times);
    }

    /** Drops the answers queued by {@link #respondNext} that no request has taken yet. */
    public void clearRespondNext() {
        scriptedErrors.clear();
    }

    /** Stops the server and its threads, suspended or not; waits a little for answers in progress. */
    @Override
    public void close() {
        synchronized (serverLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
        delays.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    private static ThreadFactory daemonThreads(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, namePrefix + count.incrementAndGet());
            // A test that forgets close() must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}

package io.github.kafkaconnecttrtc.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Serves the records endpoints, {@code POST} at each {@link ApiDialect#path()}: counts the request,
 * then applies, in order, scripted errors, injected faults and the endpoint's rate limit before
 * handing the request to the endpoint's {@link RecordsApi}. Answers are in the dialect of the
 * endpoint asked. Any other method or path under these contexts gets a 404 page at once.
 *
 * <p>Each request crosses the simulated network ({@link Latency}): half of its delay before the
 * API sees it, the rest after the API has answered. The waits hold no thread ({@link Delays}), so
 * requests in flight together wait together.
 */
final class RecordsHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(RecordsHttpHandler.class.getName());

    private final InstantSource clock;
    private final Map<String, Endpoint> endpoints;
    private final FaultInjector faults;
    private final ScriptedErrors scriptedErrors;
    private final SimulatorStats stats;
    private final Latency latency;
    private final Delays delays;
    private final Predicate<HttpServer> serving;

    private volatile Runnable beforeEachRequest = () -> { };
    private volatile String lastUserSig;

    RecordsHttpHandler(InstantSource clock, List<Endpoint> endpoints, FaultInjector faults,
            ScriptedErrors scriptedErrors, SimulatorStats stats, Latency latency, Delays delays,
            Predicate<HttpServer> serving) {
        this.clock = clock;
        this.endpoints = endpoints.stream().collect(Collectors.toUnmodifiableMap(e -> e.dialect().path(), e -> e));
        this.faults = faults;
        this.scriptedErrors = scriptedErrors;
        this.stats = stats;
        this.latency = latency;
        this.delays = delays;
        this.serving = serving;
    }

    void beforeEachRequest(Runnable hook) {
        beforeEachRequest = hook;
    }

    String lastUserSig() {
        return lastUserSig;
    }

    @Override
    public void handle(HttpExchange exchange) {
        step(exchange, () -> {
            Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || endpoint == null) {
                deliver(exchange, notFound -> HttpResponses.htmlError(notFound, 404));
                return;
            }
            Latency.Delay delay = latency.draw();
            later(exchange, delay.wayIn(), () -> serve(exchange, endpoint, delay));
        });
    }

    /** What the API does once the request reaches it. */
    private void serve(HttpExchange exchange, Endpoint endpoint, Latency.Delay delay) throws IOException {
        if (!serving.test(exchange.getHttpContext().getServer())) {
            // Suspended while the request was on its way in: it never reaches the API, nor uses up a fault.
            exchange.close();
            return;
        }
        beforeEachRequest.run();
        long arrival = nowSeconds();
        ApiRequest request = ApiRequest.of(exchange.getRequestURI().getRawQuery(), readBody(exchange));
        lastUserSig = request.parameter("usersig");
        stats.recordRequest(arrival, QuerySnapshot.of(request, endpoint.dialect()));
        boolean admitted = endpoint.rateLimiter().admit(arrival);

        OptionalInt scripted = scriptedErrors.next();
        if (scripted.isPresent()) {
            sendBack(exchange, delay, json(endpoint, endpoint.answers().error(scripted.getAsInt())));
            return;
        }
        Fault fault = faults.next().orElse(null);
        if (fault != null && !fault.distortsContent()) {
            stats.recordFault(fault);
        }
        if (fault == Fault.SLOW) {
            // The fault's wait stands for the whole round trip: the way in counts, no latency on top.
            Duration rest = faults.slowAnswerDelay().minus(delay.wayIn());
            later(exchange, rest.isNegative() ? Duration.ZERO : rest,
                    () -> deliver(exchange, answer(endpoint, request, admitted, fault)));
            return;
        }
        sendBack(exchange, delay, answer(endpoint, request, admitted, fault));
    }

    /** Sends {@code reply} once its way back through the network is over. */
    private void sendBack(HttpExchange exchange, Latency.Delay delay, Reply reply) {
        stats.recordLatency(delay);
        later(exchange, delay.wayOut(), () -> deliver(exchange, reply));
    }

    /** The answer to the request, computed now; the faults that replace or break it applied. */
    private Reply answer(Endpoint endpoint, ApiRequest request, boolean admitted, Fault fault) {
        Reply instead = fault == null ? null : replacement(endpoint, fault);
        if (instead != null) {
            return instead;
        }
        ApiAnswer answer = admitted ? endpoint.api().answer(request, nowSeconds(), fault)
                : endpoint.answers().error(endpoint.rateLimitedCodes().next());
        if (answer.distorted()) {
            stats.recordFault(fault);
        }
        if (fault == null) {
            return json(endpoint, answer);
        }
        return switch (fault) {
            case TRUNCATED -> exchange -> HttpResponses.truncatedJson(exchange, answer.body());
            case MALFORMED_JSON -> exchange -> HttpResponses.malformedJson(exchange, answer.body());
            case ENDLESS_BODY -> exchange -> HttpResponses.endlessJson(exchange, answer.body());
            default -> json(endpoint, answer);
        };
    }

    /** What a fault answers in place of the API, or null when the API's answer is still to be computed. */
    private Reply replacement(Endpoint endpoint, Fault fault) {
        Answers answers = endpoint.answers();
        return switch (fault) {
            case GATEWAY_502, GATEWAY_503, GATEWAY_504 -> exchange -> HttpResponses.htmlError(exchange,
                    fault.httpStatus());
            case RATE_LIMITED -> json(endpoint, answers.error(endpoint.rateLimitedCodes().next()));
            case USERSIG_EXPIRED -> json(endpoint, answers.error(endpoint.dialect().code(Refusal.USERSIG_EXPIRED)));
            case UNKNOWN_CODE -> json(endpoint, answers.error(endpoint.unknownCodes().next()));
            default -> null;
        };
    }

    private Reply json(Endpoint endpoint, ApiAnswer answer) {
        return exchange -> {
            stats.recordAnswer(endpoint.dialect(), answer.errorCode());
            HttpResponses.json(exchange, 200, answer.body());
        };
    }

    /** Runs {@code step} after {@code delay} of real time; at once, on this thread, when there is none. */
    private void later(HttpExchange exchange, Duration delay, Step step) {
        if (delay.isZero()) {
            step(exchange, step);
        } else {
            delays.after(delay, () -> step(exchange, step));
        }
    }

    /** The last step: sends the reply and ends the exchange. */
    private static void deliver(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            reply.sendTo(exchange);
        }
    }

    /** Runs one step of an answer; a step that fails ends the exchange, as no later step will. */
    private static void step(HttpExchange exchange, Step step) {
        try {
            step.run();
        } catch (IOException e) {
            // The client went away, or a truncated answer was cut off on purpose.
            LOG.log(System.Logger.Level.DEBUG, "Records answer not fully sent: {0}", e.getMessage());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Records request failed inside the simulator", e);
            HttpResponses.tryInternalError(exchange);
            exchange.close();
        }
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** One step of an answer: it either ends the exchange or hands it to a later step. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /** An answer ready to go, written when its way back is over. */
    @FunctionalInterface
    private interface Reply {
        void sendTo(HttpExchange exchange) throws IOException;
    }
}

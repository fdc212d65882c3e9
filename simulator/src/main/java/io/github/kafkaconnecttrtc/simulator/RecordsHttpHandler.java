package io.github.kafkaconnecttrtc.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Serves the records endpoints, {@code POST} at each {@link ApiDialect#path()}: counts the request,
 * then applies, in order, scripted errors, injected faults and the endpoint's rate limit before
 * handing the request to the endpoint's {@link RecordsApi}. Answers are in the dialect of the
 * endpoint asked. Any other method or path under these contexts gets a 404 page.
 */
final class RecordsHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(RecordsHttpHandler.class.getName());

    private final InstantSource clock;
    private final Map<String, Endpoint> endpoints;
    private final FaultInjector faults;
    private final ScriptedErrors scriptedErrors;
    private final SimulatorStats stats;

    private volatile Runnable beforeEachRequest = () -> { };
    private volatile String lastUserSig;

    RecordsHttpHandler(InstantSource clock, List<Endpoint> endpoints, FaultInjector faults,
            ScriptedErrors scriptedErrors, SimulatorStats stats) {
        this.clock = clock;
        this.endpoints = endpoints.stream().collect(Collectors.toUnmodifiableMap(e -> e.dialect().path(), e -> e));
        this.faults = faults;
        this.scriptedErrors = scriptedErrors;
        this.stats = stats;
    }

    void beforeEachRequest(Runnable hook) {
        beforeEachRequest = hook;
    }

    String lastUserSig() {
        return lastUserSig;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || endpoint == null) {
                HttpResponses.htmlError(exchange, 404);
                return;
            }
            serve(exchange, endpoint);
        } catch (IOException e) {
            // The client went away, or a truncated answer was cut off on purpose.
            LOG.log(System.Logger.Level.DEBUG, "Records answer not fully sent: {0}", e.getMessage());
        } catch (InterruptedException e) {
            // The simulator is stopping while a slow answer waits.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Records request failed inside the simulator", e);
            HttpResponses.tryInternalError(exchange);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, Endpoint endpoint) throws IOException, InterruptedException {
        beforeEachRequest.run();
        long arrival = nowSeconds();
        ApiRequest request = ApiRequest.of(exchange.getRequestURI().getRawQuery(), readBody(exchange));
        lastUserSig = request.parameter("usersig");
        stats.recordRequest(arrival, QuerySnapshot.of(request, endpoint.dialect()));
        boolean admitted = endpoint.rateLimiter().admit(arrival);

        OptionalInt scripted = scriptedErrors.next();
        if (scripted.isPresent()) {
            sendAnswer(exchange, endpoint, endpoint.answers().error(scripted.getAsInt()));
            return;
        }
        Fault fault = faults.next().orElse(null);
        if (fault != null && !fault.distortsContent()) {
            stats.recordFault(fault);
            if (answeredInstead(exchange, endpoint, fault)) {
                return;
            }
        }
        ApiAnswer answer = admitted ? endpoint.api().answer(request, nowSeconds(), fault)
                : endpoint.answers().error(endpoint.rateLimitedCodes().next());
        if (answer.distorted()) {
            stats.recordFault(fault);
        }
        if (fault == Fault.TRUNCATED) {
            HttpResponses.truncatedJson(exchange, answer.body());
        } else if (fault == Fault.MALFORMED_JSON) {
            HttpResponses.malformedJson(exchange, answer.body());
        } else if (fault == Fault.ENDLESS_BODY) {
            HttpResponses.endlessJson(exchange, answer.body());
        } else {
            sendAnswer(exchange, endpoint, answer);
        }
    }

    /**
     * Answers in place of the API for the faults that replace the answer; waits for {@link
     * Fault#SLOW}. False when the normal answer is still to be computed (and perhaps broken).
     * Faults that distort content never come here.
     */
    private boolean answeredInstead(HttpExchange exchange, Endpoint endpoint, Fault fault)
            throws IOException, InterruptedException {
        Answers answers = endpoint.answers();
        switch (fault) {
            case GATEWAY_502, GATEWAY_503, GATEWAY_504 -> HttpResponses.htmlError(exchange, fault.httpStatus());
            case RATE_LIMITED -> sendAnswer(exchange, endpoint, answers.error(endpoint.rateLimitedCodes().next()));
            case USERSIG_EXPIRED -> sendAnswer(exchange, endpoint,
                    answers.error(endpoint.dialect().code(Refusal.USERSIG_EXPIRED)));
            case UNKNOWN_CODE -> sendAnswer(exchange, endpoint, answers.error(endpoint.unknownCodes().next()));
            case SLOW -> {
                Thread.sleep(faults.slowAnswerDelay().toMillis());
                return false;
            }
            case TRUNCATED, MALFORMED_JSON, ENDLESS_BODY -> {
                return false;
            }
        }
        return true;
    }

    private void sendAnswer(HttpExchange exchange, Endpoint endpoint, ApiAnswer answer) throws IOException {
        stats.recordAnswer(endpoint.dialect(), answer.errorCode());
        HttpResponses.json(exchange, 200, answer.body());
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }
}

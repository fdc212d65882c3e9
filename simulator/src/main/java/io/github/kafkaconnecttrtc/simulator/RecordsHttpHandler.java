package io.github.kafkaconnecttrtc.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.OptionalInt;

/**
 * Serves {@code POST /v1/records/get_records_by_filter}: counts the request, then applies, in
 * order, scripted errors, injected faults and the rate limit before handing the request to
 * {@link RecordsApi}. Any other method or path under this context gets a 404 page.
 */
final class RecordsHttpHandler implements HttpHandler {

    static final String PATH = "/v1/records/get_records_by_filter";

    private static final System.Logger LOG = System.getLogger(RecordsHttpHandler.class.getName());

    /** Internal error codes the vendor's table does not know, used in turn by {@link Fault#UNKNOWN_CODE}. */
    private static final int[] UNKNOWN_CODES = {90001, -1};

    private final InstantSource clock;
    private final RecordsApi api;
    private final Answers answers;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final ScriptedErrors scriptedErrors;
    private final SimulatorStats stats;

    private volatile Runnable beforeEachRequest = () -> { };
    private volatile String lastUserSig;
    private long unknownCodesSent;

    RecordsHttpHandler(InstantSource clock, RecordsApi api, Answers answers, RateLimiter rateLimiter,
            FaultInjector faults, ScriptedErrors scriptedErrors, SimulatorStats stats) {
        this.clock = clock;
        this.api = api;
        this.answers = answers;
        this.rateLimiter = rateLimiter;
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
            if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                HttpResponses.htmlError(exchange, 404);
                return;
            }
            serve(exchange);
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

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        beforeEachRequest.run();
        long arrival = nowSeconds();
        ApiRequest request = ApiRequest.of(exchange.getRequestURI().getRawQuery(), readBody(exchange));
        lastUserSig = request.parameter("usersig");
        stats.recordRequest(arrival, QuerySnapshot.of(request));
        boolean admitted = rateLimiter.admit(arrival);

        OptionalInt scripted = scriptedErrors.next();
        if (scripted.isPresent()) {
            sendAnswer(exchange, answers.error(scripted.getAsInt()));
            return;
        }
        Fault fault = faults.next().orElse(null);
        if (fault != null && !fault.distortsContent()) {
            stats.recordFault(fault);
            if (answeredInstead(exchange, fault)) {
                return;
            }
        }
        ApiAnswer answer = admitted ? api.answer(request, nowSeconds(), fault) : answers.error(ApiCodes.RATE_LIMITED);
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
            sendAnswer(exchange, answer);
        }
    }

    /**
     * Answers in place of the API for the faults that replace the answer; waits for {@link
     * Fault#SLOW}. False when the normal answer is still to be computed (and perhaps broken).
     * Faults that distort content never come here.
     */
    private boolean answeredInstead(HttpExchange exchange, Fault fault) throws IOException, InterruptedException {
        switch (fault) {
            case GATEWAY_502, GATEWAY_503, GATEWAY_504 -> HttpResponses.htmlError(exchange, fault.httpStatus());
            case RATE_LIMITED -> sendAnswer(exchange, answers.error(ApiCodes.RATE_LIMITED));
            case USERSIG_EXPIRED -> sendAnswer(exchange, answers.error(ApiCodes.USERSIG_EXPIRED));
            case UNKNOWN_CODE -> sendAnswer(exchange, answers.error(nextUnknownCode()));
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

    private void sendAnswer(HttpExchange exchange, ApiAnswer answer) throws IOException {
        stats.recordAnswer(answer.errorCode());
        HttpResponses.json(exchange, 200, answer.body());
    }

    private synchronized int nextUnknownCode() {
        return UNKNOWN_CODES[(int) (unknownCodesSent++ % UNKNOWN_CODES.length)];
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

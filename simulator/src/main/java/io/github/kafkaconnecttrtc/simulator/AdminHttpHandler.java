package io.github.kafkaconnecttrtc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The demo's control paths: {@code GET /simulator/stats} shows the counters and {@code PUT
 * /simulator/faults} replaces the fault rates with a JSON object of fault name to probability
 * (names not given go to 0).
 *
 * <p>They take no credentials: the server binds to 127.0.0.1 only.
 */
final class AdminHttpHandler implements HttpHandler {

    static final String CONTEXT = "/simulator/";
    static final String STATS_PATH = "/simulator/stats";
    static final String FAULTS_PATH = "/simulator/faults";

    /** The stats page lists this many recent seconds; the full map is on {@link SimulatorStats}. */
    private static final int RECENT_SECONDS_SHOWN = 60;

    private static final System.Logger LOG = System.getLogger(AdminHttpHandler.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatorStats stats;
    private final FaultInjector faults;
    private final SimulatorSettings settings;

    AdminHttpHandler(SimulatorStats stats, FaultInjector faults, SimulatorSettings settings) {
        this.stats = stats;
        this.faults = faults;
        this.settings = settings;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(method) && STATS_PATH.equals(path)) {
                HttpResponses.json(exchange, 200, statsJson());
            } else if ("PUT".equals(method) && FAULTS_PATH.equals(path)) {
                putFaults(exchange);
            } else {
                HttpResponses.htmlError(exchange, 404);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Admin answer not sent: {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Admin request failed inside the simulator", e);
            HttpResponses.tryInternalError(exchange);
        } finally {
            exchange.close();
        }
    }

    private void putFaults(HttpExchange exchange) throws IOException {
        Map<Fault, Double> rates;
        try (InputStream in = exchange.getRequestBody()) {
            rates = parseRates(in.readAllBytes());
            faults.setRates(rates);
        } catch (IllegalArgumentException e) {
            ObjectNode error = JSON.createObjectNode().put("error", e.getMessage());
            HttpResponses.json(exchange, 400, error);
            return;
        }
        HttpResponses.json(exchange, 200, faultRatesJson());
    }

    private static Map<Fault, Double> parseRates(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body must be a JSON object of fault name to rate");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object of fault name to rate");
        }
        Map<Fault, Double> rates = new EnumMap<>(Fault.class);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Fault fault = fault(field.getKey());
            if (!field.getValue().isNumber()) {
                throw new IllegalArgumentException("the rate of " + fault + " must be a number");
            }
            rates.put(fault, field.getValue().doubleValue());
        }
        return rates;
    }

    private static Fault fault(String name) {
        try {
            return Fault.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault " + name + "; known: " + Arrays.toString(Fault.values()));
        }
    }

    private ObjectNode statsJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("totalRequests", stats.totalRequests());
        json.put("maxRequestsInAnySecond", stats.maxRequestsInAnySecond());
        ObjectNode recent = json.putObject("recentRequestsPerSecond");
        SortedMap<Long, Long> perSecond = stats.requestsPerSecond();
        perSecond.entrySet().stream()
                .skip(Math.max(0, perSecond.size() - RECENT_SECONDS_SHOWN))
                .forEach(entry -> recent.put(Long.toString(entry.getKey()), entry.getValue()));
        putCounts(json.putObject("answersByErrorCode"), stats.answersByErrorCode());
        ObjectNode byEndpoint = json.putObject("answersByEndpoint");
        for (ApiDialect dialect : ApiDialect.values()) {
            putCounts(byEndpoint.putObject(dialect.name().toLowerCase(Locale.ROOT)), stats.answersByErrorCode(dialect));
        }
        json.put("rateLimitedAnswers", stats.rateLimitedAnswers());
        ObjectNode byFault = json.putObject("answersByFault");
        stats.answersByFault().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> byFault.put(entry.getKey().name(), entry.getValue()));
        json.set("faults", faultRatesJson());
        json.set("latency", latencyJson());
        return json;
    }

    /** The latency asked for and the latency applied, side by side, for a benchmark's report. */
    private ObjectNode latencyJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("latencyMillis", settings.latencyMillis());
        json.put("jitterMillis", settings.latencyJitterMillis());
        json.put("slowAnswerRate", settings.slowAnswerRate());
        json.put("slowAnswerMillis", settings.slowAnswerMillis());
        AppliedLatency applied = stats.latency();
        json.put("answers", applied.answers());
        json.put("meanMillis", millis(applied.mean()));
        json.put("maxMillis", millis(applied.max()));
        json.put("slowAnswers", applied.slowAnswers());
        return json;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static void putCounts(ObjectNode json, Map<Integer, Long> byCode) {
        byCode.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> json.put(Integer.toString(entry.getKey()), entry.getValue()));
    }

    private ObjectNode faultRatesJson() {
        ObjectNode json = JSON.createObjectNode();
        ObjectNode rates = json.putObject("rates");
        faults.rates().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> rates.put(entry.getKey().name(), entry.getValue()));
        json.put("slowAnswerDelayMillis", faults.slowAnswerDelay().toMillis());
        return json;
    }
}

package io.github.kafkaconnecttrtc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.kafkaconnecttrtc.config.TrtcSourceConfig;
import io.github.kafkaconnecttrtc.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The records client against a server that misbehaves at the HTTP level: answers too large, answers that
 * never end, answers that trickle. Each costs a bounded amount of memory and time, and drops the connection.
 */
class BoundedAnswersTest {

    private static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final int LIMIT = 64 * 1024;
    private static final int RETRIES = 1;
    /** The longest any of these reads may take before the test calls it hung; not a measure of speed. */
    private static final Duration HUNG = Duration.ofSeconds(60);

    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    /** Counted down when the server's handler is done writing an answer, whether it ended or was cut off. */
    private final CountDownLatch answersOver = new CountDownLatch(RETRIES + 1);
    private HttpServer server;
    private HttpTrtcRecordsClient openClient;

    @FunctionalInterface
    private interface Answer {
        void write(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private HttpTrtcRecordsClient clientOf(Answer answer, Duration requestTimeout) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try {
                answer.write(exchange);
            } catch (IOException e) {
                // The client dropped the connection: what a bounded read should do.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
                answersOver.countDown();
            }
        });
        server.start();
        ApiAccess access = new ApiAccess(ApiDialect.V1, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                1_400_000_000L, "administrator", new Password("secret-key-for-tests"), false);
        RequestPolicy policy = new RequestPolicy(requestTimeout, Duration.ofSeconds(5), RETRIES, Duration.ofMillis(1),
                Duration.ofMillis(2), LIMIT);
        openClient = new HttpTrtcRecordsClient(access, policy, MutableClock.atEpochSecond(NOW),
                new RequestRateLimiter(1_000_000));
        return openClient;
    }

    @AfterEach
    void stop() {
        if (openClient != null) {
            openClient.close();
        }
        if (server != null) {
            server.stop(0);
        }
        serverThreads.shutdownNow();
    }

    private static RecordsQuery query() {
        return new RecordsQuery(NOW - 3600, OptionalLong.of(NOW), null, null, ApiLimits.MAX_PAGE_SIZE);
    }

    private static void writeForever(OutputStream out, Duration pause) throws IOException, InterruptedException {
        byte[] chunk = new byte[pause.isZero() ? 8192 : 1];
        Arrays.fill(chunk, (byte) ' ');
        out.write('{');
        while (true) {
            out.write(chunk);
            out.flush();
            if (!pause.isZero()) {
                Thread.sleep(pause.toMillis());
            }
        }
    }

    @Test
    void refusesAnAnswerThatSaysItIsLargerThanTheLimitWithoutReadingIt() throws Exception {
        HttpTrtcRecordsClient client = clientOf(exchange -> {
            exchange.sendResponseHeaders(200, 10L * LIMIT);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 10 * LIMIT / 1024; i++) {
                out.write(new byte[1024]);
            }
        }, Duration.ofSeconds(10));

        assertThatThrownBy(() -> client.fetchPage(query(), 1))
                .isInstanceOf(TrtcRetriableException.class)
                .hasMessageContaining("larger than the limit of " + LIMIT + " bytes")
                .hasMessageContaining(TrtcSourceConfig.RESPONSE_MAX_BYTES_CONFIG)
                .hasMessageContaining("says it is " + 10 * LIMIT + " bytes long");
        assertThat(client.stats().outcomes()).containsEntry("too_large", (long) RETRIES + 1);
    }

    @Test
    void stopsReadingAnAnswerThatNeverEndsAtTheLimitAndDropsTheConnection() throws Exception {
        HttpTrtcRecordsClient client = clientOf(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            writeForever(exchange.getResponseBody(), Duration.ZERO);
        }, Duration.ofSeconds(30));

        assertTimeoutPreemptively(HUNG, () -> assertThatThrownBy(() -> client.fetchPage(query(), 1))
                .isInstanceOf(TrtcRetriableException.class)
                .hasMessageContaining("larger than the limit of " + LIMIT + " bytes")
                .hasMessageContaining("goes on past that"));
        assertThat(requests).hasValue(RETRIES + 1);
        assertThat(answersOver.await(HUNG.toSeconds(), TimeUnit.SECONDS))
                .as("the server's writes fail once the client has dropped the connection").isTrue();
    }

    @Test
    void givesUpOnAnAnswerThatTricklesPastTheRequestTimeoutAndDropsTheConnection() throws Exception {
        Duration timeout = Duration.ofMillis(500);
        HttpTrtcRecordsClient client = clientOf(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            writeForever(exchange.getResponseBody(), Duration.ofMillis(20));
        }, timeout);

        assertTimeoutPreemptively(HUNG, () -> assertThatThrownBy(() -> client.fetchPage(query(), 1))
                .isInstanceOf(TrtcRetriableException.class)
                .hasMessageContaining("no answer within " + timeout.toMillis() + " ms"));
        assertThat(client.stats().outcomes()).containsEntry("timeout", (long) RETRIES + 1);
        assertThat(answersOver.await(HUNG.toSeconds(), TimeUnit.SECONDS))
                .as("the server's writes fail once the client has dropped the connection").isTrue();
    }

    @Test
    void readsAnAnswerThatArrivesInPiecesWithinTheTimeout() throws Exception {
        byte[] body = ("{\"errorCode\":0,\"requestId\":\"r1\",\"data\":{\"totalNum\":1,\"page\":0,\"callRecordList\":["
                + "{\"callId\":\"c1\",\"startCallTs\":" + (NOW - 100) + ",\"endTs\":" + (NOW - 40) + "}]}}")
                .getBytes(StandardCharsets.UTF_8);
        HttpTrtcRecordsClient client = clientOf(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < body.length; i += 20) {
                out.write(body, i, Math.min(20, body.length - i));
                out.flush();
                Thread.sleep(5);
            }
        }, Duration.ofSeconds(30));

        RecordsPage page = client.fetchPage(query(), 1);

        assertThat(page.records()).extracting(CallRecord::callId).containsExactly("c1");
    }

    @Test
    void handsTheRecordsItCannotMapToTheCallerWithThePage() throws Exception {
        String bad = "{\"callId\":\"c2\",\"startCallTs\":\"soon\",\"endTs\":" + (NOW - 40) + "}";
        byte[] body = ("{\"errorCode\":0,\"requestId\":\"r1\",\"data\":{\"totalNum\":2,\"page\":0,\"callRecordList\":["
                + "{\"callId\":\"c1\",\"startCallTs\":" + (NOW - 100) + ",\"endTs\":" + (NOW - 40) + "}," + bad
                + "]}}").getBytes(StandardCharsets.UTF_8);
        HttpTrtcRecordsClient client = clientOf(exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }, Duration.ofSeconds(30));

        RecordsPage page = client.fetchPage(query(), 1);

        assertThat(page.records()).extracting(CallRecord::callId).containsExactly("c1");
        assertThat(page.invalid()).containsExactly(new InvalidRecord(bad,
                "'startCallTs' is not a whole number: 'soon'", "c2"));
        assertThat(page.requestId()).isEqualTo("r1");
        assertThat(client.stats().outcomes()).containsEntry("ok", 1L);
    }
}

package io.github.kafkaconnecttrtc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The identity checks take the right server for ready and nothing else: not another service on
 * the port, not a socket that merely accepts connections, not an instance of another cluster.
 */
class IdentityCheckTest {

    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final String REGISTRY_INFO = "{\"name\":\"apicurio-registry\",\"description\":\"High performance,"
            + " runtime registry for schemas and API designs.\",\"version\":\"2.6.13.Final\","
            + "\"builtOn\":\"2025-07-16T18:33:00Z\"}";
    private static final String WORKER_ROOT = "{\"version\":\"4.1.1\",\"commit\":\"be816b82d25370ce\","
            + "\"kafka_cluster_id\":\"ZmFrZS1jbHVzdGVyLWlk\"}";

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    /** An HTTP server on 127.0.0.1 answering {@code status} and {@code body} for each path given, 404 otherwise. */
    private int http(Map<String, Object[]> answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(Net.LOOPBACK), 0), 0);
        server.createContext("/", exchange -> {
            Object[] answer = answers.getOrDefault(exchange.getRequestURI().getPath(),
                    new Object[] {404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"});
            byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) answer[0], body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // Threads enough: a stray Kafka request may hold one, reading a request line that never ends.
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        closing.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    /** A server socket that accepts connections and then, per {@code close}, says nothing or hangs up. */
    private int socketThatAccepts(boolean close) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName(Net.LOOPBACK));
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    if (close) {
                        socket.close();
                    } else {
                        synchronized (accepted) {
                            accepted.add(socket);
                        }
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        closing.add(() -> {
            server.close();
            synchronized (accepted) {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        });
        return server.getLocalPort();
    }

    private static int closedPort() throws IOException {
        return Net.freePort();
    }

    private static URI base(int port) {
        return URI.create("http://" + Net.LOOPBACK + ":" + port);
    }

    // --- registry

    @Test
    void theRegistryIsReadyWhenItsSystemInfoSaysApicurioRegistryAndItIsHealthy() throws IOException {
        int port = http(Map.of(RegistryCheck.SYSTEM_INFO, new Object[] {200, REGISTRY_INFO},
                RegistryCheck.HEALTH_READY, new Object[] {200, "{\"status\":\"UP\",\"checks\":[]}"}));

        Readiness readiness = new RegistryCheck(base(port), true, TIMEOUT).check();

        assertThat(readiness.state()).isEqualTo(Readiness.State.READY);
        assertThat(readiness.detail()).isEqualTo("apicurio-registry 2.6.13.Final");
        assertThat(RegistryCheck.isApicurioRegistry("Apicurio Registry (In Memory)")).isTrue();
    }

    @Test
    void theRegistryIsNotReadyBeforeItIsHealthy() throws IOException {
        int port = http(Map.of(RegistryCheck.SYSTEM_INFO, new Object[] {200, REGISTRY_INFO},
                RegistryCheck.HEALTH_READY, new Object[] {503, "{\"status\":\"DOWN\"}"}));

        Readiness readiness = new RegistryCheck(base(port), true, TIMEOUT).check();

        assertThat(readiness.state()).isEqualTo(Readiness.State.STARTING);
        assertThat(readiness.detail()).contains("/health/ready", "503");
        // An existing registry is not asked for its health.
        assertThat(new RegistryCheck(base(port), false, TIMEOUT).check().ready()).isTrue();
    }

    @Test
    void anotherHttpServiceOnTheRegistrysPortIsNotTheRegistry() throws IOException {
        // A Connect worker, say: / answers, everything else 404; and a server that answers 200 to anything.
        int worker = http(Map.of("/", new Object[] {200, WORKER_ROOT}));
        int anything = http(Map.of(RegistryCheck.SYSTEM_INFO, new Object[] {200, "{\"name\":\"something else\"}"},
                RegistryCheck.HEALTH_READY, new Object[] {200, "OK"}));

        Readiness onWorker = new RegistryCheck(base(worker), true, TIMEOUT).check();
        Readiness onOther = new RegistryCheck(base(anything), true, TIMEOUT).check();

        assertThat(onWorker.state()).isEqualTo(Readiness.State.WRONG_SERVICE);
        assertThat(onWorker.detail()).startsWith("port " + worker + " answers but not as Apicurio Registry:")
                .contains("404");
        assertThat(onOther.state()).isEqualTo(Readiness.State.WRONG_SERVICE);
        assertThat(onOther.detail()).contains("something else");
    }

    @Test
    void aPortThatIsNotHttpOrNotOpenIsNotTheRegistry() throws IOException {
        int hangsUp = socketThatAccepts(true);
        int closed = closedPort();

        Readiness onHangUp = new RegistryCheck(base(hangsUp), true, TIMEOUT).check();
        Readiness onClosed = new RegistryCheck(base(closed), true, TIMEOUT).check();

        assertThat(onHangUp.ready()).isFalse();
        assertThat(onHangUp.detail()).contains("port " + hangsUp);
        assertThat(onClosed.state()).isEqualTo(Readiness.State.NOT_LISTENING);
        assertThat(onClosed.detail()).isEqualTo("nothing listens on port " + closed + " yet");
    }

    // --- worker

    @Test
    void theWorkerIsReadyWhenItAnswersItsVersionForTheExpectedCluster() throws IOException {
        int port = http(Map.of("/", new Object[] {200, WORKER_ROOT}));

        Readiness readiness = new WorkerCheck(base(port), "ZmFrZS1jbHVzdGVyLWlk", TIMEOUT).check();

        assertThat(readiness.state()).isEqualTo(Readiness.State.READY);
        assertThat(readiness.detail()).isEqualTo("Kafka Connect 4.1.1, cluster ZmFrZS1jbHVzdGVyLWlk");
        assertThat(new WorkerCheck(base(port), null, TIMEOUT).check().ready()).isTrue();
    }

    @Test
    void aWorkerOfAnotherClusterOrAnotherServiceIsNotTheWorker() throws IOException {
        int worker = http(Map.of("/", new Object[] {200, WORKER_ROOT}));
        int registry = http(Map.of(RegistryCheck.SYSTEM_INFO, new Object[] {200, REGISTRY_INFO}));
        int json = http(Map.of("/", new Object[] {200, "{\"status\":\"ok\"}"}));

        Readiness otherCluster = new WorkerCheck(base(worker), "b3RoZXItY2x1c3Rlcg", TIMEOUT).check();
        Readiness onRegistry = new WorkerCheck(base(registry), null, TIMEOUT).check();
        Readiness onJson = new WorkerCheck(base(json), null, TIMEOUT).check();

        assertThat(otherCluster.state()).isEqualTo(Readiness.State.WRONG_SERVICE);
        assertThat(otherCluster.detail()).startsWith("port " + worker + " answers but not as the Kafka Connect worker:")
                .contains("ZmFrZS1jbHVzdGVyLWlk", "b3RoZXItY2x1c3Rlcg");
        assertThat(onRegistry.state()).isEqualTo(Readiness.State.WRONG_SERVICE);
        assertThat(onRegistry.detail()).contains("404");
        assertThat(onJson.state()).isEqualTo(Readiness.State.WRONG_SERVICE);
        assertThat(onJson.detail()).contains("{\"status\":\"ok\"}");
    }

    @Test
    void aSocketThatSaysNothingIsNotTheWorker() throws IOException {
        int silent = socketThatAccepts(false);

        Readiness readiness = new WorkerCheck(base(silent), null, TIMEOUT).check();

        assertThat(readiness.state()).isEqualTo(Readiness.State.STARTING);
        assertThat(readiness.detail()).contains("port " + silent, "no HTTP answer");
    }

    // --- broker

    @Test
    void theBrokerIsReadyWhenDescribeClusterAnswersItsClusterIdAndNode() throws IOException {
        FakeKafkaBroker broker = new FakeKafkaBroker("ZmFrZS1jbHVzdGVyLWlk", 1);
        closing.add(broker);

        try (BrokerCheck check = new BrokerCheck(Net.LOOPBACK, broker.port(), "ZmFrZS1jbHVzdGVyLWlk", 1,
                Duration.ofSeconds(5))) {
            Readiness readiness = check.check();

            assertThat(readiness.state()).as(readiness.detail()).isEqualTo(Readiness.State.READY);
            assertThat(readiness.detail()).isEqualTo("cluster ZmFrZS1jbHVzdGVyLWlk, node 1");
        }
        assertThat(Net.askKafka(Net.LOOPBACK, broker.port()).kind()).isEqualTo(Net.PortAnswer.Kind.KAFKA);
    }

    @Test
    void aBrokerOfAnotherClusterIsNotTheBroker() throws IOException {
        FakeKafkaBroker broker = new FakeKafkaBroker("b3RoZXItY2x1c3Rlcg", 1);
        closing.add(broker);

        try (BrokerCheck check = new BrokerCheck(Net.LOOPBACK, broker.port(), "ZmFrZS1jbHVzdGVyLWlk", 1,
                Duration.ofSeconds(5))) {
            Readiness readiness = check.check();

            assertThat(readiness.state()).isEqualTo(Readiness.State.WRONG_SERVICE);
            assertThat(readiness.detail()).startsWith("port " + broker.port() + " answers but not as the Kafka broker:")
                    .contains("b3RoZXItY2x1c3Rlcg");
        }
        assertThat(BrokerCheck.judge(9092, "c", 1, "c", List.of(new Node(2, Net.LOOPBACK, 9092))).state())
                .isEqualTo(Readiness.State.WRONG_SERVICE);
        assertThat(BrokerCheck.judge(9092, "c", 1, "c", List.of(new Node(1, Net.LOOPBACK, 9092))).ready()).isTrue();
    }

    @Test
    void anHttpServerOnTheBrokersPortIsNotTheBroker() throws IOException {
        // What happened in the bug: the registry had bound the port the broker was given.
        int port = http(Map.of(RegistryCheck.SYSTEM_INFO, new Object[] {200, REGISTRY_INFO}));

        try (BrokerCheck check = new BrokerCheck(Net.LOOPBACK, port, "ZmFrZS1jbHVzdGVyLWlk", 1, TIMEOUT)) {
            Readiness readiness = check.check();

            assertThat(readiness.state()).isEqualTo(Readiness.State.WRONG_SERVICE);
            assertThat(readiness.detail()).startsWith("port " + port + " answers but not as the Kafka broker:")
                    .contains("an HTTP server", "404");
        }
    }

    @Test
    void aServerThatAnswersAnyRequestWithHttpIsNotTheBroker() throws IOException {
        // As Jetty or Vert.x do with a Kafka request: 400 at once (which a Kafka client would take
        // for a 1.2 GB response and try to allocate).
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName(Net.LOOPBACK));
        closing.add(server);
        Thread answering = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read(new byte[256]);
                    socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nServer: Jetty(9.4.57)\r\n"
                            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // next
                }
            }
        }, "test-http-400");
        answering.setDaemon(true);
        answering.start();

        assertThat(Net.askKafka(Net.LOOPBACK, server.getLocalPort()).kind()).isEqualTo(Net.PortAnswer.Kind.HTTP);
        try (BrokerCheck check = new BrokerCheck(Net.LOOPBACK, server.getLocalPort(), "ZmFrZS1jbHVzdGVyLWlk", 1,
                TIMEOUT)) {
            Readiness readiness = check.check();

            assertThat(readiness.state()).isEqualTo(Readiness.State.WRONG_SERVICE);
            assertThat(readiness.detail()).isEqualTo("port " + server.getLocalPort() + " answers but not as the Kafka"
                    + " broker: an HTTP server: HTTP/1.1 400 Bad Request, Server: Jetty(9.4.57)");
        }
    }

    @Test
    void aSocketThatAcceptsAndSaysNothingIsNotTheBroker() throws IOException {
        int silent = socketThatAccepts(false);

        try (BrokerCheck check = new BrokerCheck(Net.LOOPBACK, silent, "ZmFrZS1jbHVzdGVyLWlk", 1, TIMEOUT)) {
            Readiness readiness = check.check();

            assertThat(readiness.ready()).isFalse();
            assertThat(readiness.state()).isEqualTo(Readiness.State.STARTING);
            assertThat(readiness.detail()).contains("port " + silent, "no Kafka answer");
        }
    }

    @Test
    void nothingOnTheBrokersPortIsNotListening() throws IOException {
        int closed = closedPort();

        try (BrokerCheck check = new BrokerCheck(Net.LOOPBACK, closed, "ZmFrZS1jbHVzdGVyLWlk", 1, TIMEOUT)) {
            assertThat(check.check().state()).isEqualTo(Readiness.State.NOT_LISTENING);
        }
    }
}

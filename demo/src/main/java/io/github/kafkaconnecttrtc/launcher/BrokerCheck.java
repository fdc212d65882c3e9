package io.github.kafkaconnecttrtc.launcher;

import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/**
 * Whether the Kafka broker on {@code host:port} is the one the launcher formatted: an admin
 * client's {@code describeCluster()} must answer with the cluster id the launcher formatted the
 * storage with, and list the node id it configured.
 */
public final class BrokerCheck implements IdentityCheck {

    static final String EXPECTED = "the Kafka broker";
    private final String host;
    private final int port;
    private final String clusterId;
    private final int nodeId;
    private final Duration timeout;
    private Admin admin;

    /**
     * @param clusterId the cluster id the broker's storage was formatted with
     * @param nodeId its {@code node.id}
     * @param timeout how long one check waits for an answer
     */
    public BrokerCheck(String host, int port, String clusterId, int nodeId, Duration timeout) {
        this.host = host;
        this.port = port;
        this.clusterId = clusterId;
        this.nodeId = nodeId;
        this.timeout = timeout;
    }

    @Override
    public Readiness check() {
        // First by hand, so that the admin client never talks to another kind of server: it would
        // take the first four bytes of an HTTP answer for a length and allocate 1.2 GB.
        Net.PortAnswer answer = Net.askKafka(host, port);
        switch (answer.kind()) {
            case NOTHING:
                return Readiness.notListening(port);
            case HTTP:
            case OTHER:
                return Readiness.wrongService(port, EXPECTED, answer.text());
            case SILENT:
            case CLOSED:
                return silentOrClosed(answer);
            default:
                break;
        }
        String foundId;
        Collection<Node> nodes;
        try {
            DescribeClusterResult cluster = admin().describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            long waitMillis = timeout.toMillis() + 500;
            foundId = cluster.clusterId().get(waitMillis, TimeUnit.MILLISECONDS);
            nodes = cluster.nodes().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable why = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return Readiness.starting("port " + port + " answers Kafka requests but describeCluster() did not"
                    + " answer within " + timeout.toMillis() + " ms (" + why + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Readiness.starting("interrupted while asking port " + port);
        }
        return judge(port, clusterId, nodeId, foundId, nodes);
    }

    /** The verdict on a Kafka answer: {@code foundId} and {@code nodes} from port {@code port}. */
    static Readiness judge(int port, String clusterId, int nodeId, String foundId, Collection<Node> nodes) {
        if (!clusterId.equals(foundId)) {
            return Readiness.wrongService(port, EXPECTED, "a Kafka broker of cluster " + foundId
                    + ", not of the cluster " + clusterId + " formatted for this run (an earlier run's broker?)");
        }
        if (nodes.stream().noneMatch(node -> node.id() == nodeId)) {
            return Readiness.wrongService(port, EXPECTED, "a broker of cluster " + clusterId + " without node "
                    + nodeId + ": nodes " + nodes.stream().map(Node::toString).collect(Collectors.joining(", ")));
        }
        return Readiness.ready("cluster " + clusterId + ", node " + nodeId);
    }

    /**
     * No answer to a Kafka request: a broker still starting says nothing, but so does an HTTP
     * server waiting for the end of a request line; asked over HTTP, the latter tells itself.
     */
    private Readiness silentOrClosed(Net.PortAnswer kafka) {
        Net.PortAnswer http = Net.whatAnswers(host, port);
        switch (http.kind()) {
            case NOTHING:
                return Readiness.notListening(port);
            case HTTP:
            case OTHER:
                return Readiness.wrongService(port, EXPECTED, http.text());
            default:
                return Readiness.starting("port " + port + " accepts connections but gave no Kafka answer: "
                        + kafka.text());
        }
    }

    private Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, host + ":" + port);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "trtc-demo-readiness-" + port);
            int millis = (int) timeout.toMillis();
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
            props.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(millis, 1_000));
            props.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(millis, 1_000));
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50);
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
            props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
            props.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
            admin = Admin.create(props);
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}

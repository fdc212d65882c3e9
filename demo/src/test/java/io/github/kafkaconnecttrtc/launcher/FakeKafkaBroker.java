package io.github.kafkaconnecttrtc.launcher;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * Just enough of a Kafka broker on 127.0.0.1 for an admin client's {@code describeCluster()}:
 * ApiVersions, Metadata and DescribeCluster answered with one node of the given cluster id.
 */
final class FakeKafkaBroker implements AutoCloseable {

    private final ServerSocket server;
    private final String clusterId;
    private final int nodeId;
    private final List<Socket> connections = new ArrayList<>();

    FakeKafkaBroker(String clusterId, int nodeId) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName(Net.LOOPBACK));
        this.clusterId = clusterId;
        this.nodeId = nodeId;
        Thread acceptor = new Thread(this::accept, "fake-kafka-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (connections) {
                    connections.add(socket);
                }
                Thread connection = new Thread(() -> serve(socket), "fake-kafka-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                byte[] frame = new byte[in.readInt()];
                in.readFully(frame);
                RequestHeader header = RequestHeader.parse(ByteBuffer.wrap(frame));
                Message response = respond(header.apiKey());
                if (response == null) {
                    continue; // not a call describeCluster makes: left unanswered
                }
                ResponseHeader responseHeader = header.toResponseHeader();
                byte[] head = bytes(responseHeader.data(), responseHeader.headerVersion());
                byte[] body = bytes(response, header.apiVersion());
                out.writeInt(head.length + body.length);
                out.write(head);
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private Message respond(ApiKeys api) {
        switch (api) {
            case API_VERSIONS:
                return new ApiVersionsResponseData().setErrorCode((short) 0)
                        .setApiKeys(ApiVersionsResponse.filterApis(ApiMessageType.ListenerType.BROKER, false, false));
            case METADATA:
                MetadataResponseData.MetadataResponseBrokerCollection brokers =
                        new MetadataResponseData.MetadataResponseBrokerCollection();
                brokers.add(new MetadataResponseData.MetadataResponseBroker().setNodeId(nodeId).setHost(Net.LOOPBACK)
                        .setPort(port()));
                return new MetadataResponseData().setBrokers(brokers).setClusterId(clusterId).setControllerId(nodeId);
            case DESCRIBE_CLUSTER:
                DescribeClusterResponseData.DescribeClusterBrokerCollection nodes =
                        new DescribeClusterResponseData.DescribeClusterBrokerCollection();
                nodes.add(new DescribeClusterResponseData.DescribeClusterBroker().setBrokerId(nodeId)
                        .setHost(Net.LOOPBACK).setPort(port()));
                return new DescribeClusterResponseData().setErrorCode((short) 0).setClusterId(clusterId)
                        .setControllerId(nodeId).setBrokers(nodes);
            default:
                return null;
        }
    }

    private static byte[] bytes(Message message, short version) {
        ByteBuffer buffer = MessageUtil.toByteBufferAccessor(message, version).buffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (connections) {
            for (Socket socket : connections) {
                socket.close();
            }
        }
    }
}

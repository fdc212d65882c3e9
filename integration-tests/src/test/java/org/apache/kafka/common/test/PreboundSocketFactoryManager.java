package org.apache.kafka.common.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.server.ServerSocketFactory;

/**
 * SHADOWS the class of the same name in kafka-test-common-runtime 4.1.1 (test-classes come first on the
 * class path). Kafka's version pre-binds the KRaft listener ports with {@code new InetSocketAddress(0)},
 * i.e. on the WILDCARD address, whatever host `listeners` says. This one binds them to the loopback address.
 * Same public API/behaviour otherwise; re-check it when upgrading Kafka (the IT asserts that no socket of
 * the test JVM listens on a non-loopback address).
 */
public class PreboundSocketFactoryManager implements AutoCloseable {

    private boolean closed;
    private final Map<Integer, PreboundSocketFactory> factories = new HashMap<>();
    private final Map<Integer, Map<String, ServerSocketChannel>> sockets = new HashMap<>();
    private final Map<Integer, Set<String>> usedSockets = new HashMap<>();

    private class PreboundSocketFactory implements ServerSocketFactory {
        private final int nodeId;

        private PreboundSocketFactory(int nodeId) {
            this.nodeId = nodeId;
        }

        @Override
        public ServerSocketChannel openServerSocket(String listenerName, InetSocketAddress socketAddress,
                                                    int listenBacklogSize, int recvBufferSize) throws IOException {
            ServerSocketChannel prebound = getSocketForListenerAndMarkAsUsed(nodeId, listenerName);
            if (prebound == null) {
                return ServerSocketFactory.INSTANCE.openServerSocket(listenerName, socketAddress, listenBacklogSize, recvBufferSize);
            }
            if (prebound.isOpen()) {
                return prebound;
            }
            // node restarted: rebind the same port
            return ServerSocketFactory.INSTANCE.openServerSocket(listenerName,
                    new InetSocketAddress(socketAddress.getHostString(), prebound.socket().getLocalPort()),
                    listenBacklogSize, recvBufferSize);
        }
    }

    public synchronized ServerSocketChannel getSocketForListenerAndMarkAsUsed(int nodeId, String listener) {
        Map<String, ServerSocketChannel> nodeSockets = sockets.get(nodeId);
        if (nodeSockets == null) {
            return null;
        }
        ServerSocketChannel socket = nodeSockets.get(listener);
        if (socket == null) {
            return null;
        }
        usedSockets.computeIfAbsent(nodeId, k -> new HashSet<>()).add(listener);
        return socket;
    }

    public synchronized ServerSocketFactory getOrCreateSocketFactory(int nodeId) {
        return factories.computeIfAbsent(nodeId, PreboundSocketFactory::new);
    }

    public synchronized int getOrCreatePortForListener(int nodeId, String listener) throws IOException {
        Map<String, ServerSocketChannel> nodeSockets = sockets.computeIfAbsent(nodeId, k -> new HashMap<>());
        ServerSocketChannel socket = nodeSockets.get(listener);
        if (socket == null) {
            if (closed) {
                throw new RuntimeException("Cannot open new socket: manager is closed.");
            }
            // the one change: loopback instead of wildcard
            socket = ServerSocketFactory.INSTANCE.openServerSocket(listener,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), -1, -1);
            nodeSockets.put(listener, socket);
        }
        return ((InetSocketAddress) socket.getLocalAddress()).getPort();
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        // sockets handed to a server are closed by that server; close the ones never used
        for (Map.Entry<Integer, Map<String, ServerSocketChannel>> node : sockets.entrySet()) {
            Set<String> used = usedSockets.getOrDefault(node.getKey(), Set.of());
            for (Map.Entry<String, ServerSocketChannel> s : node.getValue().entrySet()) {
                if (!used.contains(s.getKey())) {
                    try {
                        s.getValue().close();
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
            }
        }
    }
}

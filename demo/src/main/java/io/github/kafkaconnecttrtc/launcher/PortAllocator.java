package io.github.kafkaconnecttrtc.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * Chooses the listening ports of the servers the launcher starts, so that two of them never get
 * the same one and a port that another process holds is never chosen.
 *
 * <p>A child JVM cannot be handed a bound socket, so the launcher has to name a port and let the
 * child bind it seconds later. Picking a port by opening and closing a socket on port 0 is not
 * enough: the kernel may hand the same port out again to the next such socket (two of the demo's
 * servers were once given the same port), and the kernel also hands ports of its ephemeral range
 * to every outgoing connection on the machine, the children's own among them. This allocator
 * therefore
 *
 * <ul>
 *   <li>never hands out a port twice in this JVM, released or not;
 *   <li>takes a port only after binding it itself (without SO_REUSEADDR, so a port with a
 *       lingering connection is skipped too), and keeps it bound, listening, until the caller
 *       {@linkplain Reservation#close() releases} it right before starting the child that binds
 *       it;
 *   <li>picks at random below the kernel's ephemeral range ({@code ip_local_port_range}, 32768
 *       and up by default on Linux, 49152 and up on macOS) where that leaves room, so that no
 *       port the kernel hands out on its own (bind to port 0, outgoing connections) can take the
 *       port between its release and the child's bind.
 * </ul>
 *
 * <p>What is left, another program binding that very port on purpose in the second between
 * release and bind, makes the child fail to bind; {@link StartupWait} sees it and starts the
 * child again on another port.
 */
public final class PortAllocator {

    /** The lowest port chosen below the ephemeral range: above the well-known ports of common servers. */
    static final int FLOOR = 20_000;
    /** Fewer free ports than this in a range: use the kernel's choice instead. */
    static final int MIN_RANGE = 1_000;
    private static final int ATTEMPTS = 500;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final PortAllocator LOOPBACK = new PortAllocator(loopbackAddress(), defaultCandidates());

    /** A port this allocator bound and holds until {@link #close()}. */
    public static final class Reservation implements AutoCloseable {
        private final ServerSocket socket;
        private final int port;

        private Reservation(ServerSocket socket) {
            this.socket = socket;
            this.port = socket.getLocalPort();
        }

        public int port() {
            return port;
        }

        /** Whether the port is still held. */
        public boolean held() {
            return !socket.isClosed();
        }

        /** Unbinds the port for the child to bind; the allocator never hands it out again. */
        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed anyway
            }
        }

        @Override
        public String toString() {
            return "port " + port + (held() ? " (held)" : " (released)");
        }
    }

    private final InetAddress address;
    private final IntSupplier candidates;
    private final Set<Integer> handedOut = new HashSet<>();

    /**
     * @param candidates the ports to try, one per call; 0 for the kernel's choice
     */
    PortAllocator(InetAddress address, IntSupplier candidates) {
        this.address = address;
        this.candidates = candidates;
    }

    /** The allocator of this JVM for 127.0.0.1, which every server of the launcher gets its ports from. */
    public static PortAllocator loopback() {
        return LOOPBACK;
    }

    /**
     * A port on this allocator's address that was free just now and that this allocator never
     * handed out before, bound until the reservation is closed.
     *
     * @throws IllegalStateException when no such port turns up after many tries
     */
    public synchronized Reservation reserve() {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int candidate = candidates.getAsInt();
            if (candidate != 0 && handedOut.contains(candidate)) {
                continue;
            }
            ServerSocket socket = null;
            try {
                socket = new ServerSocket();
                // Off: a port that another socket still uses in any way (TIME_WAIT included) is skipped.
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(address, candidate), 1);
            } catch (IOException e) {
                last = e;
                closeQuietly(socket);
                continue;
            }
            if (!handedOut.add(socket.getLocalPort())) {
                closeQuietly(socket); // the kernel's choice, handed out before: its child may not have bound it yet
                continue;
            }
            return new Reservation(socket);
        }
        throw new IllegalStateException("no free port on " + address.getHostAddress() + " after " + ATTEMPTS
                + " tries", last);
    }

    /** Whether this allocator handed {@code port} out. */
    public synchronized boolean handedOut(int port) {
        return handedOut.contains(port);
    }

    /**
     * Where to pick ports given the kernel's ephemeral range {@code low..high}: below it from
     * {@link #FLOOR}, else above it, else nowhere ({@code null}: bind port 0, the kernel's choice).
     *
     * @return {from, to}, both inclusive, or null
     */
    static int[] rangeOutside(int low, int high) {
        if (low - FLOOR >= MIN_RANGE) {
            return new int[] {FLOOR, low - 1};
        }
        if (65_535 - high >= MIN_RANGE) {
            return new int[] {high + 1, 65_535};
        }
        return null;
    }

    /** The kernel's ephemeral port range: Linux's from /proc, otherwise Linux's default. */
    static int[] ephemeralRange() {
        try {
            String[] parts = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (IOException | RuntimeException e) {
            // Not Linux: 32768..60999 lies below macOS's and Windows' range (49152..65535) too.
            return new int[] {32_768, 60_999};
        }
    }

    private static IntSupplier defaultCandidates() {
        int[] ephemeral = ephemeralRange();
        int[] range = rangeOutside(ephemeral[0], ephemeral[1]);
        if (range == null) {
            return () -> 0;
        }
        return () -> ThreadLocalRandom.current().nextInt(range[0], range[1] + 1);
    }

    private static InetAddress loopbackAddress() {
        try {
            return InetAddress.getByName(Net.LOOPBACK);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing bound
            }
        }
    }
}

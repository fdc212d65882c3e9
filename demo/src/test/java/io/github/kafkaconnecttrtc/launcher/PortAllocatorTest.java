package io.github.kafkaconnecttrtc.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** Candidates in this order, then the kernel's choice. */
    private static PortAllocator allocator(Integer... candidates) {
        Iterator<Integer> next = List.of(candidates).iterator();
        return new PortAllocator(LOOPBACK, () -> next.hasNext() ? next.next() : 0);
    }

    private static int freeByKernel() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void neverHandsOutAPortTwiceEvenWhenTheKernelOffersItAgain() {
        // Port 0 only: the kernel's choice, which may well be the port just released (the bug).
        PortAllocator allocator = new PortAllocator(LOOPBACK, () -> 0);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            try (PortAllocator.Reservation reservation = allocator.reserve()) {
                assertThat(ports.add(reservation.port())).as("port %d handed out twice", reservation.port()).isTrue();
            }
        }
    }

    @Test
    void theSharedAllocatorNeverHandsOutAPortTwiceEither() {
        List<Integer> ports = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> ports.add(Net.freePort()));
        try (PortAllocator.Reservation held = PortAllocator.loopback().reserve()) {
            ports.add(held.port());
        }
        assertThat(ports).doesNotHaveDuplicates();
    }

    @Test
    void skipsAPortThatAnotherSocketHolds() throws IOException {
        int free = freeByKernel();
        try (ServerSocket other = new ServerSocket(0, 1, LOOPBACK)) {
            PortAllocator allocator = allocator(other.getLocalPort(), other.getLocalPort(), free);

            try (PortAllocator.Reservation reservation = allocator.reserve()) {
                assertThat(reservation.port()).isNotEqualTo(other.getLocalPort()).isEqualTo(free);
            }
            assertThat(allocator.handedOut(other.getLocalPort())).isFalse();
        }
    }

    @Test
    void skipsAPortItHandedOutBeforeThoughItIsFreeAgain() throws IOException {
        int first = freeByKernel();
        int second = freeByKernel();
        PortAllocator allocator = allocator(first, first, second);

        try (PortAllocator.Reservation reservation = allocator.reserve()) {
            assertThat(reservation.port()).isEqualTo(first);
        }
        // Not necessarily the second: the kernel may have given that one to another process meanwhile.
        try (PortAllocator.Reservation reservation = allocator.reserve()) {
            assertThat(reservation.port()).isNotEqualTo(first);
        }
    }

    @Test
    void holdsThePortUntilReleasedThenLetsItsServerBindIt() throws IOException {
        PortAllocator.Reservation reservation = PortAllocator.loopback().reserve();
        int port = reservation.port();
        assertThat(reservation.held()).isTrue();
        assertThatThrownBy(() -> {
            try (ServerSocket intruder = new ServerSocket()) {
                intruder.bind(new InetSocketAddress(LOOPBACK, port));
            }
        }).isInstanceOf(BindException.class);

        reservation.close();

        assertThat(reservation.held()).isFalse();
        try (ServerSocket child = new ServerSocket()) {
            child.setReuseAddress(true);
            child.bind(new InetSocketAddress(LOOPBACK, port));
            assertThat(child.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void picksBelowTheKernelsEphemeralRangeWhereThereIsRoom() {
        assertThat(PortAllocator.rangeOutside(32_768, 60_999)).containsExactly(PortAllocator.FLOOR, 32_767);
        assertThat(PortAllocator.rangeOutside(49_152, 65_535)).containsExactly(PortAllocator.FLOOR, 49_151);
        assertThat(PortAllocator.rangeOutside(10_000, 40_000)).containsExactly(40_001, 65_535);
        assertThat(PortAllocator.rangeOutside(1_024, 65_000)).isNull();

        int[] ephemeral = PortAllocator.ephemeralRange();
        int[] range = PortAllocator.rangeOutside(ephemeral[0], ephemeral[1]);
        try (PortAllocator.Reservation reservation = PortAllocator.loopback().reserve()) {
            if (range != null) {
                assertThat(reservation.port()).isBetween(range[0], range[1]);
            }
        }
    }
}

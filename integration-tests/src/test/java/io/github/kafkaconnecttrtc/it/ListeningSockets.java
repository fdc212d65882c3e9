package io.github.kafkaconnecttrtc.it;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Linux only (/proc): TCP sockets in LISTEN state owned by this JVM. Returns an empty list elsewhere. */
final class ListeningSockets {
    private ListeningSockets() { }

    static List<String> nonLoopbackListenersOfThisJvm() throws IOException {
        Path fdDir = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fdDir)) {
            return List.of();
        }
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // fd closed meanwhile
                }
            }
        }
        List<String> bad = new ArrayList<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // f[1]=local addr:port (hex), f[3]=state (0A = LISTEN), f[9]=inode
                if (!"0A".equals(f[3]) || !inodes.contains(f[9])) {
                    continue;
                }
                String[] hostPort = f[1].split(":");
                InetAddress addr = InetAddress.getByAddress(procAddrToBytes(hostPort[0]));
                int port = Integer.parseInt(hostPort[1], 16);
                if (!addr.isLoopbackAddress() && !isV4MappedLoopback(addr)) {
                    bad.add(addr.getHostAddress() + ":" + port);
                }
            }
        }
        return bad;
    }

    /** /proc stores each 32-bit word in host (little-endian) order. */
    private static byte[] procAddrToBytes(String hex) {
        byte[] raw = new BigInteger("1" + hex, 16).toByteArray(); // leading 1 keeps leading zeros
        byte[] b = new byte[hex.length() / 2];
        System.arraycopy(raw, raw.length - b.length, b, 0, b.length);
        for (int w = 0; w < b.length; w += 4) {
            byte t0 = b[w];
            byte t1 = b[w + 1];
            b[w] = b[w + 3];
            b[w + 1] = b[w + 2];
            b[w + 2] = t1;
            b[w + 3] = t0;
        }
        return b;
    }

    private static boolean isV4MappedLoopback(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && b[10] == (byte) 0xff && b[11] == (byte) 0xff && b[12] == 127;
    }
}

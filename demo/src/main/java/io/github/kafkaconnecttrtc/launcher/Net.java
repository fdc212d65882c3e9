package io.github.kafkaconnecttrtc.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Loopback ports and what answers on them. */
public final class Net {

    public static final String LOOPBACK = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    private static final int READ_TIMEOUT_MILLIS = 1_000;
    private static final int ANSWER_BYTES = 1_024;

    private Net() {
    }

    /**
     * A port free on 127.0.0.1 right now that no other caller in this JVM got, nor gets later
     * (see {@link PortAllocator}). For a port that stays bound until its server starts, use
     * {@link PortAllocator#reserve()}.
     */
    public static int freePort() {
        try (PortAllocator.Reservation reservation = PortAllocator.loopback().reserve()) {
            return reservation.port();
        }
    }

    /**
     * What a port answered to {@link #whatAnswers} or {@link #askKafka}.
     *
     * @param kind what kind of answer
     * @param text the answer in a few words, for messages
     */
    record PortAnswer(Kind kind, String text) {
        enum Kind {
            /** Connection refused (or not accepted in time). */
            NOTHING,
            /** Accepted the connection and sent nothing within a second. */
            SILENT,
            /** Accepted the connection and closed it without a byte: what a Kafka broker does with a stray HTTP request. */
            CLOSED,
            /** An HTTP answer. */
            HTTP,
            /** Bytes that are not HTTP (nor, for {@link #askKafka}, Kafka). */
            OTHER,
            /** An answer to a Kafka request, from {@link #askKafka}. */
            KAFKA
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Asks {@code host:port} for {@code /} over HTTP/1.0 and sums up the answer in a few words,
     * for error messages that say what holds a port: an HTTP server answers with a status line,
     * a Kafka broker closes the connection, a server that is still starting may say nothing.
     */
    static PortAnswer whatAnswers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + host + ":" + port + "\r\nAccept: */*\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[ANSWER_BYTES];
            boolean timedOut = false;
            try {
                int n;
                while (answer.size() < ANSWER_BYTES && (n = in.read(buffer, 0, ANSWER_BYTES - answer.size())) > 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                timedOut = true;
            } catch (IOException e) {
                // reset by the peer: judged by what came before
            }
            if (answer.size() == 0) {
                return timedOut
                        ? new PortAnswer(PortAnswer.Kind.SILENT, "it accepts connections but says nothing")
                        : new PortAnswer(PortAnswer.Kind.CLOSED, "it accepts connections and closes them without a"
                                + " word to an HTTP request");
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            if (text.startsWith("HTTP/")) {
                return new PortAnswer(PortAnswer.Kind.HTTP, "an HTTP server: " + httpSummary(text));
            }
            return new PortAnswer(PortAnswer.Kind.OTHER, "it answers '" + printable(text, 60) + "'");
        } catch (ConnectException | SocketTimeoutException e) {
            return new PortAnswer(PortAnswer.Kind.NOTHING, "nothing listens on port " + port);
        } catch (IOException e) {
            return new PortAnswer(PortAnswer.Kind.NOTHING, "port " + port + ": " + e.getMessage());
        }
    }

    /**
     * Sends {@code host:port} a Kafka ApiVersions request (version 0, which every broker answers,
     * if only to say it wants another version) and tells whether the answer is Kafka's: a length
     * that fits and the request's correlation id. Unlike a Kafka client, which takes the first four
     * bytes of any answer for a length and allocates that much (1.2 GB for "HTTP"), this reads a
     * few hundred bytes at most.
     */
    static PortAnswer askKafka(String host, int port) {
        int correlationId = 0x7472_7463; // "trtc"
        byte[] clientId = "trtc-demo-readiness".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer request = ByteBuffer.allocate(4 + 2 + 2 + 4 + 2 + clientId.length);
        request.putInt(request.capacity() - 4).putShort((short) 18).putShort((short) 0).putInt(correlationId)
                .putShort((short) clientId.length).put(clientId);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.array());
            socket.getOutputStream().flush();
            byte[] answer = new byte[ANSWER_BYTES];
            int length = 0;
            boolean timedOut = false;
            try {
                InputStream in = socket.getInputStream();
                int n;
                while (length < 8 && (n = in.read(answer, length, answer.length - length)) > 0) {
                    length += n;
                }
            } catch (SocketTimeoutException e) {
                timedOut = true;
            } catch (IOException e) {
                // reset by the peer: judged by what came before
            }
            if (length == 0) {
                return timedOut
                        ? new PortAnswer(PortAnswer.Kind.SILENT, "it accepts connections but does not answer a Kafka"
                                + " request within " + READ_TIMEOUT_MILLIS + " ms")
                        : new PortAnswer(PortAnswer.Kind.CLOSED, "it accepts connections and closes them without"
                                + " answering a Kafka request");
            }
            ByteBuffer head = ByteBuffer.wrap(answer, 0, length);
            if (length >= 8) {
                int size = head.getInt();
                if (size >= 4 && size <= 1_048_576 && head.getInt() == correlationId) {
                    return new PortAnswer(PortAnswer.Kind.KAFKA, "a Kafka server");
                }
            }
            String text = new String(answer, 0, length, StandardCharsets.ISO_8859_1);
            if (text.startsWith("HTTP/")) {
                return new PortAnswer(PortAnswer.Kind.HTTP, "an HTTP server: " + httpSummary(text));
            }
            return new PortAnswer(PortAnswer.Kind.OTHER, "it answers a Kafka request with '" + printable(text, 60)
                    + "'");
        } catch (ConnectException | SocketTimeoutException e) {
            return new PortAnswer(PortAnswer.Kind.NOTHING, "nothing listens on port " + port);
        } catch (IOException e) {
            return new PortAnswer(PortAnswer.Kind.NOTHING, "port " + port + ": " + e.getMessage());
        }
    }

    /** "HTTP/1.1 404 Not Found, Server: Jetty, '{"error_code":404...'" from a raw answer. */
    private static String httpSummary(String raw) {
        int headerEnd = raw.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? raw : raw.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : raw.substring(headerEnd + 4);
        String[] lines = head.split("\r\n");
        StringBuilder summary = new StringBuilder(lines[0].trim());
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].toLowerCase(Locale.ROOT).startsWith("server:")) {
                summary.append(", ").append(lines[i].trim());
            }
        }
        if (!body.isBlank()) {
            summary.append(", '").append(printable(body, 60)).append("'");
        }
        return summary.toString();
    }

    /** {@code text} on one line, control characters as dots, cut to {@code max} characters. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if (out.length() >= max) {
                out.append("...");
                break;
            }
            out.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c < 32 || c > 126 ? '.' : c);
        }
        return out.toString().replaceAll(" {2,}", " ");
    }
}

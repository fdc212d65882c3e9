package io.github.kafkaconnecttrtc.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads answer bodies without trusting them: at most a number of bytes, and only until a deadline. An
 * answer that never ends, or ends only after gigabytes, so costs neither the worker's heap nor the task's
 * time. The HTTP client's own timeout ends with the headers; past them a watchdog closes the stream at the
 * deadline. A stream closed before its end makes the HTTP client drop the connection.
 */
final class BodyReader implements AutoCloseable {

    private static final int CHUNK = 8192;

    private final int maxBytes;
    private final ScheduledThreadPoolExecutor watchdogs;

    /** @param maxBytes the largest body read */
    BodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
        this.watchdogs = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "trtc-http-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // A body read in time cancels its watchdog, which must not linger with the stream until it was due.
        watchdogs.setRemoveOnCancelPolicy(true);
    }

    /** The body was longer than the limit. */
    static final class TooLargeException extends IOException {

        TooLargeException(String message) {
            super(message);
        }
    }

    /**
     * Reads the whole body of {@code response}, and closes it in any case.
     *
     * @param deadline the {@link System#nanoTime()} by which the body must have arrived
     * @throws TooLargeException when the body is, or says it is, longer than the limit
     * @throws HttpTimeoutException when the body has not ended by the deadline
     * @throws IOException when the connection fails
     */
    byte[] read(HttpResponse<InputStream> response, long deadline) throws IOException {
        try (InputStream in = response.body()) {
            OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
            if (declared.isPresent() && declared.getAsLong() > maxBytes) {
                throw tooLarge("says it is " + declared.getAsLong() + " bytes long");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new HttpTimeoutException("the body did not arrive in time");
            }
            AtomicBoolean expired = new AtomicBoolean();
            ScheduledFuture<?> watchdog = watchdogs.schedule(() -> {
                expired.set(true);
                closeQuietly(in);
            }, left, TimeUnit.NANOSECONDS);
            try {
                byte[] body = readAll(in, declared);
                // A stream closed by the watchdog can end like a complete one.
                if (expired.get()) {
                    throw new HttpTimeoutException("the body did not end in time");
                }
                return body;
            } catch (IOException e) {
                if (expired.get() && !(e instanceof HttpTimeoutException)) {
                    throw new HttpTimeoutException("the body did not end in time");
                }
                throw e;
            } finally {
                watchdog.cancel(false);
            }
        }
    }

    private byte[] readAll(InputStream in, OptionalLong declared) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(declared.orElse(CHUNK), maxBytes));
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (out.size() + n > maxBytes) {
                throw tooLarge("goes on past that");
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private TooLargeException tooLarge(String detail) {
        return new TooLargeException("the answer is larger than the limit of " + maxBytes + " bytes ("
                + "trtc.response.max.bytes): it " + detail);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // The stream is being abandoned; the reader learns of the deadline from the flag.
        }
    }

    @Override
    public void close() {
        watchdogs.shutdownNow();
    }
}

package io.github.kafkaconnecttrtc.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TrtcRecordsClient} over the JDK's HTTP client, for either dialect of the API (the access says which:
 * its path, names and error-code table).
 *
 * <p>Every request waits for a permit of the rate limiter, including retries. Transient failures
 * (gateway errors, timeouts, broken connections, malformed answers, rate-limit and unknown codes) are
 * retried by a Failsafe policy with exponential back-off and jitter, for at most
 * {@link RequestPolicy#RETRY_BUDGET} after the first attempt, so that a poll is never held for
 * long; an expired UserSig (v1's 70003, v4's 70001) makes a new one and asks again at once. Fatal codes surface immediately.
 * Messages and causes are scrubbed of the secret key and the UserSig.
 *
 * <p>An answer is read only up to the policy's size limit and request timeout, whatever the server
 * sends; a page carries the records it could not map faithfully apart from the others.
 */
public final class HttpTrtcRecordsClient implements TrtcRecordsClient {

    private static final Logger log = LoggerFactory.getLogger(HttpTrtcRecordsClient.class);
    private final ApiAccess access;
    private final RequestPolicy policy;
    private final URI recordsUri;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final UserSigProvider userSigs;
    private final RequestRateLimiter limiter;
    private final RetryPolicy<RecordsPage> retryPolicy;
    private final InstantSource clock;
    private final ResponseParser parser;
    private final BodyReader bodies;
    /** The least time an attempt gets (within the request timeout), however close to the deadline it starts. */
    private static final Duration LAST_ATTEMPT_MIN = Duration.ofSeconds(1);
    private final JsonFactory json = JsonFactory.builder().build();
    private final ClientStats stats = new ClientStats();
    private final ErrorCodes codes;

    /** A client alone on its application's budget. */
    public HttpTrtcRecordsClient(ApiAccess access, RequestPolicy policy, InstantSource clock) {
        this(access, policy, clock, UserSigProvider.DEFAULT_TTL);
    }

    /** A client alone on its application's budget whose UserSigs are valid for {@code userSigTtl}. */
    public HttpTrtcRecordsClient(ApiAccess access, RequestPolicy policy, InstantSource clock, Duration userSigTtl) {
        this(access, policy, clock,
                new RequestRateLimiter(RequestRateLimiter.permitRate(ApiLimits.MAX_REQUESTS_PER_SECOND, 1)),
                userSigTtl);
    }

    /** A client that shares {@code limiter} with others reading the same application. */
    public HttpTrtcRecordsClient(ApiAccess access, RequestPolicy policy, InstantSource clock,
            RequestRateLimiter limiter) {
        this(access, policy, clock, limiter, UserSigProvider.DEFAULT_TTL);
    }

    private HttpTrtcRecordsClient(ApiAccess access, RequestPolicy policy, InstantSource clock,
            RequestRateLimiter limiter, Duration userSigTtl) {
        this.access = access;
        this.policy = policy;
        String base = access.endpoint().toString();
        String path = access.dialect().path();
        this.recordsUri = URI.create(base.endsWith("/") ? base + path : base + "/" + path);
        this.codes = access.dialect().codes();
        this.httpExecutor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "trtc-http");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .build();
        this.clock = clock;
        this.parser = new ResponseParser(access.dialect(), access.sdkAppId(), policy.maxResponseBytes());
        this.bodies = new BodyReader(policy.maxResponseBytes());
        this.userSigs = new UserSigProvider(access.secretKey(), access.sdkAppId(), access.identifier(), clock,
                userSigTtl);
        this.limiter = limiter;
        RetryPolicyBuilder<RecordsPage> retries = RetryPolicy.<RecordsPage>builder().handle(TransientFailure.class);
        // Failsafe refuses a back-off whose maximum equals its start, which the configuration allows: a fixed delay.
        if (policy.maxBackoff().compareTo(policy.initialBackoff()) > 0) {
            retries.withBackoff(policy.initialBackoff(), policy.maxBackoff());
        } else {
            retries.withDelay(policy.initialBackoff());
        }
        this.retryPolicy = retries
                .withJitter(0.25)
                .withMaxRetries(policy.maxRetries())
                // Failsafe shortens the last back-off to end at the budget, and makes no attempt after it.
                .withMaxDuration(RequestPolicy.RETRY_BUDGET)
                .onRetry(event -> {
                    stats.retry();
                    log.info("Retrying a records request (retry {} of {}) after: {}",
                            event.getAttemptCount(), policy.maxRetries(), event.getLastException().getMessage());
                })
                .build();
    }

    @Override
    public RecordsPage fetchPage(RecordsQuery query, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages are 1-based, got " + page);
        }
        byte[] body = requestBody(query, page);
        AtomicInteger attempts = new AtomicInteger();
        // Attempts end by this deadline (or LAST_ATTEMPT_MIN after they start), so one page holds a poll
        // no longer than a request timeout or the retry budget, whichever is longer, plus that second.
        long deadline = System.nanoTime() + Math.max(policy.requestTimeout().toNanos(), RequestPolicy.RETRY_BUDGET.toNanos());
        try {
            return Failsafe.with(retryPolicy).get(() -> {
                attempts.incrementAndGet();
                return attempt(body, query.numberPerPage(), page, deadline);
            });
        } catch (TransientFailure e) {
            int made = attempts.get();
            throw new TrtcRetriableException("Could not read page " + page + " of " + describe(query) + " after "
                    + made + (made == 1 ? " attempt" : " attempts") + " (retries stop at " + policy.maxRetries()
                    + ", or " + RequestPolicy.RETRY_BUDGET.toSeconds() + " s after the first attempt); last failure: "
                    + e.getMessage(), e.errorCode, e.requestId, e.getCause());
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ClientInterruptedException("interrupted while backing off", interrupted);
            }
            throw e;
        }
    }

    @Override
    public ClientStats stats() {
        return stats;
    }

    @Override
    public void close() {
        bodies.close();
        httpExecutor.shutdownNow();
        try {
            httpExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RecordsPage attempt(byte[] body, int pageSize, int page, long deadline) {
        String userSig = userSigs.current();
        ApiResponse response = exchange(body, pageSize, page, userSig, deadline);
        if (codes.reaction(response.errorCode()) == ErrorCodes.Reaction.RENEW_USERSIG) {
            log.info("The API says the UserSig expired (requestId {}); making a new one", response.requestId());
            userSigs.renew();
            userSig = userSigs.current();
            response = exchange(body, pageSize, page, userSig, deadline);
            if (codes.reaction(response.errorCode()) == ErrorCodes.Reaction.RENEW_USERSIG) {
                throw new TransientFailure("the API rejected a freshly made UserSig as expired ("
                        + response.errorCode() + "): check that the worker's clock is in sync",
                        response.errorCode(), response.requestId(), null);
            }
        }
        return interpret(response, page, userSig);
    }

    private RecordsPage interpret(ApiResponse response, int page, String userSig) {
        int code = response.errorCode();
        ErrorCodes.Reaction reaction = codes.reaction(code);
        if (reaction == ErrorCodes.Reaction.SUCCESS) {
            return new RecordsPage(page, response.page(), response.totalNum(), response.records(),
                    response.invalid(), response.requestId());
        }
        if (reaction == ErrorCodes.Reaction.NO_RECORDS) {
            return RecordsPage.empty(page, response.requestId());
        }
        String answer = "errorCode " + code + " (" + Redaction.redact(response.errorMessage(), secrets(userSig))
                + ", requestId " + response.requestId() + ")";
        switch (reaction) {
            case FATAL -> throw new TrtcFatalException("The TRTC records API (" + access.dialect().configName()
                    + ") answered " + answer + ": " + codes.meaning(code), code, response.requestId());
            case RATE_LIMITED ->
                throw new TransientFailure("rate limited by the API: " + answer, code, response.requestId(), null);
            default -> throw new TransientFailure("the API answered an internal error: " + answer, code,
                    response.requestId(), null);
        }
    }

    private ApiResponse exchange(byte[] body, int pageSize, int page, String userSig, long deadline) {
        URI uri = requestUri(userSig);
        stats.rateLimitWait(limiter.acquire());
        long started = System.nanoTime();
        // The last retry may start at the deadline: it still gets a short chance, and its own failure.
        long timeoutNanos = Math.min(policy.requestTimeout().toNanos(),
                Math.max(deadline - started, LAST_ATTEMPT_MIN.toNanos()));
        Duration timeout = Duration.ofNanos(timeoutNanos);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<InputStream> response;
        byte[] answer = null;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 200) {
                answer = bodies.read(response, started + timeoutNanos);
            } else {
                // Only the status is used: closing the body before its end drops the connection.
                response.body().close();
            }
        } catch (BodyReader.TooLargeException e) {
            stats.request("too_large");
            throw failure(e.getMessage(), e, userSig);
        } catch (HttpTimeoutException e) {
            stats.request("timeout");
            throw failure("no answer within " + timeout.toMillis() + " ms", e, userSig);
        } catch (IOException e) {
            stats.request("io_error");
            throw failure("request failed: " + e, e, userSig);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientInterruptedException("interrupted while waiting for an answer", e);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int status = response.statusCode();
        if (status != 200) {
            stats.request("http_" + status);
            String detail = "HTTP " + status + " from " + recordsUri.getHost() + " ("
                    + response.headers().firstValue("Content-Type").orElse("no content type") + ")";
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new TrtcFatalException(detail + ": check the endpoint setting, which should be the "
                        + access.dialect().configName() + " API host such as "
                        + access.dialect().regions().get(0).endpoint(), null, null, new HttpStatusException(status));
            }
            throw new TransientFailure(detail, null, null, new HttpStatusException(status));
        }
        ApiResponse parsed;
        try {
            parsed = parser.parse(answer, pageSize, clock.instant());
        } catch (MalformedResponseException e) {
            stats.request("malformed");
            throw failure("malformed answer: " + e.getMessage(), e, userSig);
        }
        stats.request(outcome(parsed.errorCode()));
        if (log.isDebugEnabled()) {
            log.debug("POST {} page {}: errorCode {}, {} records, {} invalid, totalNum {}, nextPage {}, requestId {},"
                    + " {} ms", Redaction.redact(uri.toString(), secrets(userSig)), page, parsed.errorCode(),
                    parsed.records().size(), parsed.invalid().size(), parsed.totalNum(), parsed.page(),
                    parsed.requestId(), millis);
        }
        return parsed;
    }

    private String outcome(int code) {
        return switch (codes.reaction(code)) {
            case SUCCESS -> "ok";
            case NO_RECORDS -> "no_records";
            default -> "api_" + code;
        };
    }

    private TransientFailure failure(String message, Throwable cause, String userSig) {
        List<String> secrets = secrets(userSig);
        return new TransientFailure(Redaction.redact(message, secrets), null, null, Redaction.scrub(cause, secrets));
    }

    private List<String> secrets(String userSig) {
        return List.of(access.secretKey().value(), userSig);
    }

    private URI requestUri(String userSig) {
        long random = ThreadLocalRandom.current().nextLong(1L << 32);
        return URI.create(recordsUri + "?sdkappid=" + access.sdkAppId()
                + "&identifier=" + URLEncoder.encode(access.identifier(), StandardCharsets.UTF_8)
                + "&usersig=" + URLEncoder.encode(userSig, StandardCharsets.UTF_8)
                + "&random=" + random
                + "&contenttype=json");
    }

    private byte[] requestBody(RecordsQuery query, int page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator g = json.createGenerator(out)) {
            access.dialect().writeQuery(g, query, page);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a request body", e);
        }
        return out.toByteArray();
    }

    private static String describe(RecordsQuery query) {
        return "the query for calls from " + query.startTimestamp()
                + (query.endTimestamp().isPresent() ? " to " + query.endTimestamp().getAsLong() : "");
    }

    /** A failed attempt that the retry policy may repeat; its message is already redacted. */
    private static final class TransientFailure extends RuntimeException {

        final Integer errorCode;
        final String requestId;

        TransientFailure(String message, Integer errorCode, String requestId, Throwable cause) {
            super(message, cause);
            this.errorCode = errorCode;
            this.requestId = requestId;
        }
    }
}

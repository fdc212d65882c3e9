package io.github.kafkaconnecttrtc.client;

import java.time.Duration;
import java.time.InstantSource;
import org.apache.kafka.common.config.types.Password;

/**
 * Hands out the current UserSig, making a new one halfway through the validity of the last, so
 * that a request never goes out with a UserSig close to expiry. Thread-safe.
 *
 * <p>The tasks' UserSigs live a day, so that few are made; a one-off request, such as the
 * connection check of {@code validate()}, takes one of minutes, so that one seen by others is
 * soon worth nothing.
 */
public final class UserSigProvider {

    /** Validity of the tasks' UserSigs. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    private final Password secretKey;
    private final long sdkAppId;
    private final String identifier;
    private final InstantSource clock;
    private final long ttlSeconds;

    private String current;
    private long issuedAt;

    /**
     * @param ttl how long each UserSig is valid; a new one is made halfway through
     */
    public UserSigProvider(Password secretKey, long sdkAppId, String identifier, InstantSource clock, Duration ttl) {
        this.secretKey = secretKey;
        this.sdkAppId = sdkAppId;
        this.identifier = identifier;
        this.clock = clock;
        this.ttlSeconds = ttl.toSeconds();
    }

    /** A UserSig with at least half of its validity left. */
    public synchronized String current() {
        long now = clock.instant().getEpochSecond();
        if (current == null || now - issuedAt >= ttlSeconds / 2 || now < issuedAt) {
            issue(now);
        }
        return current;
    }

    /** Makes a new UserSig now, after the API has said the last one expired. */
    public synchronized void renew() {
        issue(clock.instant().getEpochSecond());
    }

    private void issue(long now) {
        current = UserSig.generate(secretKey.value(), sdkAppId, identifier, now, ttlSeconds);
        issuedAt = now;
    }
}

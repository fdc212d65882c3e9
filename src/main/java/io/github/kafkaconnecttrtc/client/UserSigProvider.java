package io.github.kafkaconnecttrtc.client;

import java.time.Duration;
import java.time.InstantSource;
import org.apache.kafka.common.config.types.Password;

/**
 * Hands out the current UserSig, making a new one halfway through the validity of the last, so
 * that a request never goes out with a UserSig close to expiry. Thread-safe.
 */
public final class UserSigProvider {

    private final Password secretKey;
    private final long sdkAppId;
    private final String identifier;
    private final long ttlSeconds;
    private final InstantSource clock;

    private String current;
    private long issuedAt;

    public UserSigProvider(Password secretKey, long sdkAppId, String identifier, Duration ttl, InstantSource clock) {
        this.secretKey = secretKey;
        this.sdkAppId = sdkAppId;
        this.identifier = identifier;
        this.ttlSeconds = ttl.toSeconds();
        this.clock = clock;
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

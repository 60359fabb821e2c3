package no.ks.led.foundation.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The identities quarkus-oidc verified from bearer tokens, by the SHA-256 of the token, each kept until its
 * token's {@code exp} and never after, at most {@link TokenCacheConfig#maximumSize()} of them. A token differing
 * in any character (a changed signature too) has another key, so only a token that was verified as it is can
 * be found. What the caller may do in a tenant is not kept here: that stays a per-request check.
 */
@Singleton
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maximumSize;
    private final InstantSource clock;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    @Inject
    public VerifiedTokens(TokenCacheConfig config) {
        this(config.maximumSize(), Clock.systemUTC());
    }

    /** A cache on the given clock (tests move it). */
    public VerifiedTokens(int maximumSize, InstantSource clock) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("led.token-cache.maximum-size must be at least 1 (to switch the cache off, "
                    + "set led.token-cache.enabled=false): " + maximumSize);
        }
        this.maximumSize = maximumSize;
        this.clock = clock;
    }

    /** The key a token is kept under: its SHA-256, Base64-encoded. */
    public static String keyOf(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The identity verified from the token with this key, unless there is none or the token has expired. */
    public Optional<SecurityIdentity> find(String key) {
        Entry entry = entries.get(key);
        if (entry != null && clock.instant().isBefore(entry.expiresAt())) {
            hits.increment();
            return Optional.of(entry.identity());
        }
        if (entry != null) {
            entries.remove(key, entry);
        }
        misses.increment();
        return Optional.empty();
    }

    /** Keeps an identity verified from the token with this key until the token expires (its {@code exp}). */
    public void remember(String key, SecurityIdentity identity, Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return;
        }
        if (entries.size() >= maximumSize && !entries.containsKey(key)) {
            makeRoom(now);
        }
        entries.put(key, new Entry(identity, expiresAt));
    }

    /** Tokens kept now, expired ones not yet removed included. */
    public int size() {
        return entries.size();
    }

    /** Lookups that found a token, since start. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that found none, or an expired one, since start. */
    public long misses() {
        return misses.sum();
    }

    private synchronized void makeRoom(Instant now) {
        entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        while (entries.size() >= maximumSize) {
            entries.entrySet().stream()
                    .min(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().expiresAt()))
                    .ifPresent(soonest -> entries.remove(soonest.getKey(), soonest.getValue()));
        }
    }
}

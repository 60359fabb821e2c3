package no.ks.led.gateway.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One request limit, a token bucket per key (a person, or a client address): {@code burst} requests at
 * once, refilled at {@code perSecond}. In memory and per gateway replica, so with n replicas behind a
 * load balancer a key gets up to n times the limit.
 */
public final class RateLimit {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Look for idle buckets to drop every this many requests. */
    private static final long SWEEP_EVERY = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    public RateLimit(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the key's bucket: empty if allowed, else how long until the next one is. */
    public Optional<Duration> take(String key) {
        long now = nanoTime.getAsLong();
        if (requests.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(now);
    }

    /** Drops buckets that have refilled completely: they are the same as a new one. */
    private void sweep(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                if (bucket.tokensAt(now) >= burst) {
                    it.remove();
                }
            }
        }
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        double tokensAt(long now) {
            return Math.min(burst, tokens + (now - updated) * perSecond / NANOS_PER_SECOND);
        }

        synchronized Optional<Duration> take(long now) {
            tokens = tokensAt(now);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * NANOS_PER_SECOND)));
        }
    }
}

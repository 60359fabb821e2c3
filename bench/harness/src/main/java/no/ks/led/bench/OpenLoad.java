package no.ks.led.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model HTTP load generator (as wrk2): request {@code i} is due at {@code start + i / rate}
 * whatever happened to earlier ones, and its latency is measured from that intended time, so time a
 * request spends waiting to be sent (the server or the generator being behind) counts: coordinated
 * omission is corrected. At most {@code maxInFlight} requests are outstanding (one connection each);
 * a request that cannot be handed to the client within {@link #LATE_NANOS} of its intended time,
 * because all of them are busy or the generator itself was held up, counts as not sent on time.
 * Requests still unsent {@link #GIVE_UP_NANOS} after the end of the run's window are not sent at
 * all (and counted), so that a saturated server cannot stretch a run without bound.
 */
final class OpenLoad {

    /** How late a request may be handed to the HTTP client and still count as sent on time. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** How long after the end of its window a run keeps sending what is still due. */
    static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** The outcome of one run. Latencies of successful requests, in microseconds. */
    record Result(Histogram latencies, long offered, long ok, long errors, long late, long unsent, long unanswered,
            double windowSeconds, double elapsedSeconds, String firstError) {

        /** Requests not handed to the client within {@link #LATE_NANOS} of their time, or never sent. */
        long notOnTime() {
            return late + unsent;
        }

        Stats.Percentiles percentiles() {
            return Stats.Percentiles.of(latencies);
        }

        /** Successful responses per second, over the time from the first intended send to the last answer. */
        double achievedRate() {
            return elapsedSeconds <= 0 ? 0 : ok / elapsedSeconds;
        }
    }

    private OpenLoad() {
    }

    /** Waits (parking, not spinning) until {@code System.nanoTime()} reaches {@code deadline}. */
    static void waitUntil(long deadline) {
        long now;
        while ((now = System.nanoTime()) < deadline) {
            LockSupport.parkNanos(deadline - now);
        }
    }

    static Result run(HttpClient client, IntFunction<HttpRequest> request, int rate, Duration duration, int maxInFlight,
            int expectedStatus, Consumer<String> onBody) throws InterruptedException {
        long period = 1_000_000_000L / rate;
        int total = (int) Math.max(1, rate * duration.toMillis() / 1000);
        Semaphore inFlight = new Semaphore(maxInFlight);
        Histogram latencies = new ConcurrentHistogram(Stats.MAX_MICROS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch answered = new CountDownLatch(total);
        long late = 0;
        long unsent = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long giveUp = start + total * period + GIVE_UP_NANOS;
        for (int i = 0; i < total; i++) {
            final long intended = start + i * period;
            waitUntil(intended);
            if (!inFlight.tryAcquire() && !inFlight.tryAcquire(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                unsent = total - i;
                for (long k = 0; k < unsent; k++) {
                    answered.countDown();
                }
                break;
            }
            if (System.nanoTime() - intended > LATE_NANOS) {
                late++;
            }
            HttpRequest req = request.apply(i);
            client.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long end = System.nanoTime();
                inFlight.release();
                if (failure == null && response.statusCode() == expectedStatus) {
                    Stats.record(latencies, (end - intended) / 1000);
                    ok.incrementAndGet();
                    if (onBody != null) {
                        onBody.accept(response.body());
                    }
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, failure != null ? failure.toString()
                            : response.statusCode() + " " + abbreviate(response.body()));
                }
                lastAnswer.accumulateAndGet(end, Math::max);
                answered.countDown();
            });
        }
        answered.await(60, TimeUnit.SECONDS);
        long end = lastAnswer.get() == 0 ? System.nanoTime() : lastAnswer.get();
        return new Result(latencies, total, ok.get(), errors.get(), late, unsent, answered.getCount(), total * period / 1e9,
                (end - start) / 1e9, firstError.get());
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}

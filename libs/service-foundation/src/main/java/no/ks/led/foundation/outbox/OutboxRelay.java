package no.ks.led.foundation.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.events.EventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Publishes recorded events to Kafka and marks them sent. A row that fails stays unsent, with its
 * attempt count and last error, and is retried after a backoff that doubles with each attempt; nothing
 * later with the same key (tenant) is claimed before it is sent, so each tenant's events keep their order.
 * A batch's rows are all handed to the producer at once, in order; the idempotent producer keeps each
 * partition's order through its own retries. A key whose row fails sends none of its later rows in that
 * batch. Only a row that fails after a later row of its key was already on its way can end up behind
 * it: the later row is published and marked sent, logged and counted in {@code led_outbox_overtaken_total}
 * (ADR 0004). A row that still fails after {@code led.outbox.max-attempts} is parked
 * ({@code parked_at}, counted in {@code led_outbox_parked_total}) and the key's later rows go on; other
 * keys are never held up by it.
 *
 * <p>A run starts as soon as a transaction that recorded events commits, and on a timer as a safety
 * net. Only one relay publishes at a time across all replicas (a PostgreSQL advisory lock): two
 * relays claiming different rows with {@code SKIP LOCKED} could publish one tenant's events out of
 * order. The others skip their run; rows are still claimed {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p>This uses the Kafka producer directly rather than a SmallRye emitter because the relay must
 * know, per row and within a bounded time, whether the broker acknowledged it before marking it sent.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager entityManager;

    /**
     * Every {@code kafka.*} setting of the application ({@code KAFKA_*} environment variables included):
     * the bootstrap servers and, in a cluster, the credentials (SASL, TLS) the consumers get too.
     */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    @ConfigProperty(name = "led.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "led.outbox.send-timeout-ms", defaultValue = "10000")
    int sendTimeoutMs;

    @ConfigProperty(name = "led.outbox.max-attempts", defaultValue = "20")
    int maxAttempts;

    @ConfigProperty(name = "led.outbox.initial-backoff-ms", defaultValue = "1000")
    long initialBackoffMs;

    @ConfigProperty(name = "led.outbox.max-backoff-ms", defaultValue = "300000")
    long maxBackoffMs;

    @Inject
    MeterRegistry meters;

    /** The advisory lock key that lets one relay at a time publish from this database. */
    private static final long RELAY_LOCK = 0x4c45444f5554424fL;

    @Inject
    ManagedExecutor executor;

    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();
    private Producer<String, byte[]> producer;

    @PostConstruct
    void createProducer() {
        producer = new KafkaProducer<>(producerConfig());
    }

    /** The producer's settings: the application's Kafka settings, and what the relay must have its own way. */
    public Properties producerConfig() {
        Properties config = new Properties();
        config.putAll(kafkaSettings);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        // Bounded waits: a missing topic or a down broker fails the row, it does not stall the relay.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5000, sendTimeoutMs));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5000, sendTimeoutMs));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeoutMs);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    @PreDestroy
    void closeProducer() {
        producer.close(java.time.Duration.ofSeconds(5));
    }

    @Scheduled(every = "${led.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayScheduled() {
        relayPending();
    }

    void onEventsCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.EventsRecorded recorded) {
        executor.execute(this::relayPending);
    }

    /**
     * Publishes everything pending now; returns how many rows this call published. A call while this
     * JVM's relay is already running asks that run to go round once more and returns at once.
     */
    public int relayPending() {
        int total = 0;
        requested.set(true);
        do {
            if (!running.tryLock()) {
                return total;
            }
            try {
                while (requested.getAndSet(false)) {
                    total += drain();
                }
            } finally {
                running.unlock();
            }
        } while (requested.get());
        return total;
    }

    private int drain() {
        int total = 0;
        while (true) {
            BatchResult result = QuarkusTransaction.requiringNew().call(this::publishBatch);
            total += result.published();
            // a failed row waits for its backoff and holds back its key's later rows, so the next batch
            // claims other rows: going on cannot loop on the same failure
            if (result.claimed() < batchSize) {
                return total;
            }
        }
    }

    private record BatchResult(int claimed, int published, int failed) {
    }

    private record PendingRow(UUID id, long sequence, String topic, EventEnvelope envelope, int attempts) {
        /** The ordering key: the tenant. */
        String key() {
            return envelope.tenant();
        }
    }

    private BatchResult publishBatch() {
        // The relay's own transaction does not wait for its commit to reach the disk (synchronous_commit
        // off, for this transaction only): a "sent" mark lost in a crash only publishes the row again,
        // which every consumer's inbox drops. The events themselves were committed by the business
        // transaction, durably.
        Object[] lock = (Object[]) entityManager.createNativeQuery(
                "SELECT pg_try_advisory_xact_lock(?1), set_config('synchronous_commit', 'off', true)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        boolean onlyRelay = (Boolean) lock[0];
        if (!onlyRelay) {
            return new BatchResult(0, 0, 0);
        }
        List<PendingRow> rows = claimBatch();
        if (rows.isEmpty()) {
            return new BatchResult(0, 0, 0);
        }
        // Every row goes out at once (the producer keeps each partition's order, idempotence makes its retries
        // safe). A key whose row fails sends nothing more in this batch: its later rows stay pending, held
        // back until the failed row is sent.
        Map<String, Long> failedAt = new HashMap<>(); // key -> sequence of its row that failed
        Map<PendingRow, Future<RecordMetadata>> inFlight = new LinkedHashMap<>();
        List<UUID> sent = new ArrayList<>();
        int failed = 0;
        for (PendingRow row : rows) {
            if (failedAt.containsKey(row.key())) {
                continue;
            }
            Future<RecordMetadata> send = send(row);
            Throwable refused = send.isDone() ? failure(send) : null;
            if (refused != null) {
                failed++;
                recordFailure(row, refused);
                failedAt.put(row.key(), row.sequence());
            } else {
                inFlight.put(row, send);
            }
        }
        for (Map.Entry<PendingRow, Future<RecordMetadata>> send : inFlight.entrySet()) {
            PendingRow row = send.getKey();
            Long failure = failedAt.get(row.key());
            boolean behindFailure = failure != null && failure < row.sequence();
            try {
                send.getValue().get(sendTimeoutMs, TimeUnit.MILLISECONDS);
                sent.add(row.id());
                if (behindFailure) {
                    overtaken(row); // published, so marked sent; the failed earlier row follows it
                }
            } catch (ExecutionException | TimeoutException e) {
                if (!behindFailure) {
                    failed++;
                    recordFailure(row, e instanceof ExecutionException ? e.getCause() : e);
                    failedAt.put(row.key(), row.sequence());
                } // else it stays pending behind its key's failed row, without an attempt counted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        markSent(sent);
        return new BatchResult(rows.size(), sent.size(), failed);
    }

    /** The exception of a completed send, or null if it succeeded. */
    private static Throwable failure(Future<RecordMetadata> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void overtaken(PendingRow row) {
        LOG.warnf("Outbox event %s (%s, key %s) was published ahead of an earlier event of its key that failed",
                row.id(), row.envelope().type(), row.key());
        meters.counter("led.outbox.overtaken", "topic", row.topic()).increment();
    }

    private Future<RecordMetadata> send(PendingRow row) {
        try {
            return producer.send(row.envelope().toProducerRecord(row.topic()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The oldest rows due now, in order, leaving out every key whose earlier row waits for its retry.
     * Parked rows are out of the stream.
     */
    @SuppressWarnings("unchecked")
    private List<PendingRow> claimBatch() {
        List<Object[]> result = entityManager.createNativeQuery("""
                SELECT id, topic, event_key, type, source, occurred_at, payload, attempts, sequence
                FROM outbox_event o
                WHERE sent_at IS NULL AND parked_at IS NULL
                  AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                  AND NOT EXISTS (SELECT 1 FROM outbox_event earlier
                                  WHERE earlier.event_key = o.event_key AND earlier.sequence < o.sequence
                                    AND earlier.sent_at IS NULL AND earlier.parked_at IS NULL
                                    AND earlier.next_attempt_at > now())
                ORDER BY sequence
                LIMIT ?1
                FOR UPDATE SKIP LOCKED""")
                .setParameter(1, batchSize)
                .getResultList();
        List<PendingRow> rows = new ArrayList<>(result.size());
        for (Object[] r : result) {
            UUID id = (UUID) r[0];
            EventEnvelope envelope = new EventEnvelope(id, (String) r[3], (String) r[4], toInstant(r[5]),
                    (String) r[2], (String) r[6]);
            rows.add(new PendingRow(id, ((Number) r[8]).longValue(), (String) r[1], envelope, ((Number) r[7]).intValue()));
        }
        return rows;
    }

    private void recordFailure(PendingRow row, Throwable cause) {
        int attempts = row.attempts() + 1;
        if (attempts >= maxAttempts) {
            LOG.errorf("Outbox event %s (%s, key %s) parked after %d attempts: %s", row.id(), row.envelope().type(),
                    row.envelope().tenant(), attempts, cause.toString());
            meters.counter("led.outbox.parked", "topic", row.topic()).increment();
            entityManager.createNativeQuery("""
                    UPDATE outbox_event SET attempts = ?2, last_error = ?3, parked_at = now() WHERE id = ?1""")
                    .setParameter(1, row.id())
                    .setParameter(2, attempts)
                    .setParameter(3, String.valueOf(cause))
                    .executeUpdate();
            return;
        }
        long backoffMs = Math.min(maxBackoffMs, initialBackoffMs << Math.min(attempts - 1, 30));
        LOG.warnf("Outbox event %s not published (attempt %d of %d), retrying in %d ms: %s", row.id(), attempts,
                maxAttempts, backoffMs, cause.toString());
        entityManager.createNativeQuery("""
                UPDATE outbox_event SET attempts = ?2, last_error = ?3,
                    next_attempt_at = now() + ?4 * interval '1 millisecond'
                WHERE id = ?1""")
                .setParameter(1, row.id())
                .setParameter(2, attempts)
                .setParameter(3, String.valueOf(cause))
                .setParameter(4, backoffMs)
                .executeUpdate();
    }

    private void markSent(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery(
                "UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY(?1)")
                .setParameter(1, ids.toArray(new UUID[0]))
                .executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        } else if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}

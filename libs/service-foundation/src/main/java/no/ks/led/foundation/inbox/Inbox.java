package no.ks.led.foundation.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandlers;
import no.ks.led.foundation.events.UnreadableEvent;
import no.ks.led.foundation.jdbc.Jdbc;
import no.ks.led.foundation.problem.Outage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * How a service consumes events: each record of a channel is routed to the consumer's
 * {@link no.ks.led.foundation.events.EventHandler}s and applied once, its handlers running in the
 * transaction that remembers the event, so a redelivered or replayed event changes nothing.
 *
 * <p>A channel hands over what one poll returned ({@code batch=true}); {@link #deliverAll} applies it in
 * one transaction, the inbox rows written in one statement. If that fails for any reason but an outage, the
 * batch is applied again one record at a time, each in its own transaction: a failure is retried with backoff
 * ({@link InboxConfig}), and a record that still fails, or can never be read, goes to the service's
 * dead-letter topic ({@link DeadLetters}) while the others are applied. An outage (the database down or
 * restarting: {@link Outage}) says nothing about the events, so it is waited out however long it lasts,
 * retrying at the longest backoff; the channel's later records wait behind it, keeping each tenant's order.
 * Offsets are committed only after the method returns, so a stop in the middle loses nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    Jdbc jdbc;

    @Inject
    EventHandlers handlers;

    @Inject
    InboxConfig config;

    @Inject
    DeadLetters deadLetters;

    /** A record the consumer has handlers for, read and routed. */
    private record Routed(ConsumerRecord<String, byte[]> record, EventHandlers.Delivery delivery) {
        EventEnvelope envelope() {
            return delivery.envelope();
        }
    }

    /** Applies what one poll of the consumer's channel returned, in order; call it outside any transaction. */
    public void deliverAll(String consumer, ConsumerRecords<String, byte[]> records) {
        List<Routed> routed = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                route(consumer, record).ifPresent(routed::add);
            } catch (UnreadableEvent e) {
                deadLetters.send(consumer, record, e);
            }
        }
        if (routed.size() > 1 && applyTogether(consumer, routed)) {
            return;
        }
        for (Routed one : routed) {
            applyAlone(consumer, one);
        }
    }

    private Optional<Routed> route(String consumer, ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.fromConsumerRecord(record);
        } catch (RuntimeException e) {
            throw new UnreadableEvent("Not a Led CloudEvent: " + e.getMessage(), e);
        }
        return handlers.route(consumer, envelope).map(delivery -> new Routed(record, delivery));
    }

    /** The batch in one transaction; false if it failed for any reason but an outage (which is waited out). */
    private boolean applyTogether(String consumer, List<Routed> batch) {
        Duration backoff = config.initialBackoff();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Set<UUID> fresh = firstDeliveries(consumer, batch.stream().map(Routed::envelope).toList());
                    for (Routed one : batch) {
                        // remove: an event that came twice in one batch is applied once
                        if (fresh.remove(one.envelope().id())) {
                            one.delivery().run();
                        }
                    }
                });
                return true;
            } catch (RuntimeException e) {
                Optional<Outage> outage = Outage.of(e);
                if (outage.isEmpty()) {
                    LOG.warnf("%s could not apply a batch of %d events together, applying them one by one: %s",
                            consumer, batch.size(), rootCause(e));
                    return false;
                }
                LOG.warnf("%s waits for the %s to apply a batch of %d events, retrying in %s: %s", consumer,
                        outage.get().dependency(), batch.size(), backoff, rootCause(e));
                sleep(backoff);
                backoff = longer(backoff);
            }
        }
    }

    /** One record in its own transaction, retried; what still fails goes to the dead-letter topic. */
    private void applyAlone(String consumer, Routed one) {
        EventEnvelope envelope = one.envelope();
        Duration backoff = config.initialBackoff();
        for (int attempt = 1; ; ) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, envelope)) {
                        one.delivery().run();
                    } else {
                        LOG.debugf("%s already applied event %s", consumer, envelope.id());
                    }
                });
                return;
            } catch (RuntimeException e) {
                Optional<Outage> outage = Outage.of(e);
                if (outage.isPresent()) {
                    LOG.warnf("%s waits for the %s to apply %s event %s, retrying in %s: %s", consumer,
                            outage.get().dependency(), envelope.type(), envelope.id(), backoff, rootCause(e));
                } else if (attempt >= config.maxAttempts()) {
                    deadLetters.send(consumer, one.record(), new IllegalStateException(consumer + " could not apply "
                            + envelope.type() + " event " + envelope.id() + " in " + attempt + " attempts: "
                            + rootCause(e), e));
                    return;
                } else {
                    LOG.warnf("%s failed to apply %s event %s (attempt %d of %d), retrying in %s: %s", consumer,
                            envelope.type(), envelope.id(), attempt, config.maxAttempts(), backoff, rootCause(e));
                    attempt++;
                }
                sleep(backoff);
                backoff = longer(backoff);
            }
        }
    }

    /** Records the event as applied by the consumer; false if it was applied before (then do nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        return !firstDeliveries(consumer, List.of(event)).isEmpty();
    }

    /**
     * Records the events as applied by the consumer, in one statement (plain JDBC: every batch of every consumer runs
     * it); the ids of those not applied before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, List<EventEnvelope> events) {
        List<UUID> inserted = jdbc.list("""
                INSERT INTO inbox_event (consumer, event_id, type)
                SELECT ?, id, type FROM unnest(CAST(? AS uuid[]), CAST(? AS text[])) AS e(id, type)
                ON CONFLICT (consumer, event_id) DO NOTHING
                RETURNING event_id""", row -> row.getObject(1, UUID.class), consumer,
                new Jdbc.ArrayOf("uuid", events.stream().map(EventEnvelope::id).toArray(UUID[]::new)),
                new Jdbc.ArrayOf("text", events.stream().map(EventEnvelope::type).toArray(String[]::new)));
        return new HashSet<>(inserted);
    }

    private Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}

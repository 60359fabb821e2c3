package no.ks.led.foundation.inbox;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandlers;
import no.ks.led.foundation.events.UnreadableEvent;
import no.ks.led.foundation.problem.Outage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * How a service consumes events: each record of a channel is routed to the consumer's
 * {@link no.ks.led.foundation.events.EventHandler}s and applied once, its handlers running in the
 * transaction that remembers the event, so a redelivered or replayed event changes nothing. A failure
 * is retried with backoff ({@link InboxConfig}); what still fails, or can never be read, is thrown, so
 * the channel's failure strategy sends it to the dead-letter topic with the reason. An outage (the
 * database down or restarting: {@link Outage}) says nothing about the event, so it is waited out
 * however long it lasts, retrying at the longest backoff, and never sends the event to the dead-letter
 * topic; the channel's later records wait behind it, keeping each tenant's order.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    EventHandlers handlers;

    @Inject
    InboxConfig config;

    /** Applies one record of the consumer's channel; call it outside any transaction. */
    public void deliver(String consumer, ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.fromConsumerRecord(record);
        } catch (RuntimeException e) {
            throw new UnreadableEvent("Not a Led CloudEvent: " + e.getMessage(), e);
        }
        Optional<EventHandlers.Delivery> delivery = handlers.route(consumer, envelope);
        if (delivery.isEmpty()) {
            return;
        }
        Duration backoff = config.initialBackoff();
        for (int attempt = 1; ; ) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, envelope)) {
                        delivery.get().run();
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
                    throw new IllegalStateException(consumer + " could not apply " + envelope.type() + " event "
                            + envelope.id() + " in " + attempt + " attempts: " + rootCause(e), e);
                } else {
                    LOG.warnf("%s failed to apply %s event %s (attempt %d of %d), retrying in %s: %s", consumer,
                            envelope.type(), envelope.id(), attempt, config.maxAttempts(), backoff, rootCause(e));
                    attempt++;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Records the event as applied by the consumer; false if it was applied before (then do nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO inbox_event (consumer, event_id, type) VALUES (?1, ?2, ?3)
                ON CONFLICT (consumer, event_id) DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        return inserted == 1;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}

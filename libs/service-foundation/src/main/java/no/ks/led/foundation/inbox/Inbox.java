package no.ks.led.foundation.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.events.EventEnvelope;

/**
 * Remembers which events a service has applied, so a redelivered or replayed event changes nothing.
 * Call {@link #firstDelivery} in the same transaction as the change the event causes.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /** Records the event as applied; false if it was applied before (then do nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(EventEnvelope event) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO inbox_event (event_id, type) VALUES (?1, ?2)
                ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .executeUpdate();
        return inserted == 1;
    }
}

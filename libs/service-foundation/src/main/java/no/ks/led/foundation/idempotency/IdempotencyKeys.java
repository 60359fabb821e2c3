package no.ks.led.foundation.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises the requests that carry one {@code Idempotency-Key}: call {@link #claim} first in the creating
 * transaction, then look for what an earlier request with the key created. Concurrent retries then wait for
 * each other instead of racing to insert (and the loser answering 500 from a unique constraint), so every
 * one of them finds the first one's result.
 */
@ApplicationScoped
public class IdempotencyKeys {

    @Inject
    EntityManager entityManager;

    /** Takes a transaction-scoped lock on (what is created, tenant, key); released at commit or rollback. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(String kind, String tenantId, String key) {
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) locked")
                .setParameter(1, kind + ":" + tenantId + ":" + key).getSingleResult();
    }
}

package no.ks.led.funding.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The native SQL of funding policies. */
@ApplicationScoped
public class PolicyRepository {

    @Inject
    EntityManager entityManager;

    /** Holds the policy's publishing lock until the transaction ends, so two publishers never take the same version. */
    public void lockForPublishing(String policyId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('funding_policy:' || ?1))")
                .setParameter(1, policyId).getSingleResult();
    }
}

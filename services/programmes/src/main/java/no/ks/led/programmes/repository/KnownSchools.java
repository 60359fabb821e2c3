package no.ks.led.programmes.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The tenant's schools as the access replica knows them: every school a membership of the tenant names. A
 * plan speaks of a school only if it is one of these, so another tenant's school id is never accepted.
 */
@ApplicationScoped
public class KnownSchools {

    @Inject
    EntityManager entityManager;

    /** Whether the school is one of the tenant's. */
    public boolean isSchoolOf(String tenantId, UUID schoolId) {
        return !entityManager.createNativeQuery(
                "SELECT 1 FROM access_membership WHERE organisation_id = ?1 AND school_id = ?2 LIMIT 1")
                .setParameter(1, tenantId).setParameter(2, schoolId).getResultList().isEmpty();
    }
}

package no.ks.led.surveys.invitation.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The SQL of {@code respondent_contact}: per (tenant, person) the address a tenant's coordinator gave, and
 * per person the address from their own token (no tenant). A tenant writes to {@code contact_email(tenant,
 * person)}: the newer of its own and the person's.
 */
@ApplicationScoped
public class RespondentContactRepository {

    public static final String FROM_ROUND_REQUEST = "round-request";
    public static final String FROM_TOKEN = "token";

    @Inject
    EntityManager entityManager;

    /** Stores (or replaces) the address the tenant gave for the person; true when it changed. */
    public boolean recordForTenant(String tenantId, UUID personId, String email) {
        return entityManager.createNativeQuery("""
                INSERT INTO respondent_contact (tenant_id, person_id, email, source) VALUES (?1, ?2, ?3, 'round-request')
                ON CONFLICT (tenant_id, person_id) DO UPDATE SET email = excluded.email, updated_at = now()
                WHERE respondent_contact.email <> excluded.email""")
                .setParameter(1, tenantId).setParameter(2, personId).setParameter(3, email).executeUpdate() > 0;
    }

    /** What storing a person's own address found: it stored it, the address was held already, or it stored nothing. */
    public enum OwnAddress {
        STORED, HELD, NOT_STORED
    }

    /**
     * Stores (or replaces) the person's own address, but only for people who could be respondents (a current
     * principal or school leader in the replica). An address already held is only read: it is what nearly every
     * call finds, and a conflicting upsert would lock the row, which writes to the WAL and makes the caller's commit
     * wait for the disk. (The outer query sees the table as it was before the insert.)
     */
    public OwnAddress recordOwn(UUID personId, String email) {
        Object[] found = (Object[]) entityManager.createNativeQuery("""
                WITH stored AS (
                    INSERT INTO respondent_contact (tenant_id, person_id, email, source)
                    SELECT NULL, ?1, ?2, 'token'
                    WHERE NOT EXISTS (SELECT 1 FROM respondent_contact WHERE tenant_id IS NULL AND person_id = ?1 AND email = ?2)
                      AND EXISTS (SELECT 1 FROM access_membership WHERE person_id = ?1 AND role IN ('principal', 'school-leader')
                                    AND ended_at IS NULL)
                    ON CONFLICT (tenant_id, person_id) DO UPDATE SET email = excluded.email, updated_at = now()
                    WHERE respondent_contact.email <> excluded.email
                    RETURNING 1)
                SELECT EXISTS (SELECT 1 FROM stored),
                       EXISTS (SELECT 1 FROM respondent_contact WHERE tenant_id IS NULL AND person_id = ?1 AND email = ?2)""")
                .setParameter(1, personId).setParameter(2, email).getSingleResult();
        if ((Boolean) found[0]) {
            return OwnAddress.STORED;
        }
        return (Boolean) found[1] ? OwnAddress.HELD : OwnAddress.NOT_STORED;
    }

    /** Deletes every address of the person (an erasure). */
    public void deleteAll(UUID personId) {
        entityManager.createNativeQuery("DELETE FROM respondent_contact WHERE person_id = ?1")
                .setParameter(1, personId).executeUpdate();
    }
}

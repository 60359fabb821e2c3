package no.ks.led.surveys.invitation.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The e-mail addresses this service knows ({@code respondent_contact}). It has no address book: an address
 * comes from the coordinator with a round, or from the {@code email} claim of a respondent's own token
 * when they call this service. Learning an address releases the person's invitations waiting for one.
 */
@ApplicationScoped
public class RespondentContacts {

    public static final String FROM_ROUND_REQUEST = "round-request";
    public static final String FROM_TOKEN = "token";

    @Inject
    EntityManager entityManager;

    /** Stores (or replaces) the person's address; the last one given wins. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(UUID personId, String email, String source) {
        int changed = entityManager.createNativeQuery("""
                INSERT INTO respondent_contact (person_id, email, source) VALUES (?1, ?2, ?3)
                ON CONFLICT (person_id) DO UPDATE SET email = excluded.email, source = excluded.source, updated_at = now()
                WHERE respondent_contact.email <> excluded.email""")
                .setParameter(1, personId).setParameter(2, normalised(email)).setParameter(3, source).executeUpdate();
        if (changed > 0) {
            release(personId);
        }
    }

    /**
     * Stores the address from a caller's token, but only for people who could be respondents (a current
     * principal or school leader in the replica): nobody else's address is kept.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rememberFromToken(UUID personId, String email) {
        int changed = entityManager.createNativeQuery("""
                INSERT INTO respondent_contact (person_id, email, source)
                SELECT ?1, ?2, 'token' WHERE EXISTS (
                    SELECT 1 FROM access_membership WHERE person_id = ?1 AND role IN ('principal', 'school-leader')
                      AND ended_at IS NULL)
                ON CONFLICT (person_id) DO UPDATE SET email = excluded.email, source = excluded.source, updated_at = now()
                WHERE respondent_contact.email <> excluded.email""")
                .setParameter(1, personId).setParameter(2, normalised(email)).executeUpdate();
        if (changed > 0) {
            release(personId);
        }
    }

    private void release(UUID personId) {
        entityManager.createNativeQuery(
                "UPDATE invitation SET status = 'pending' WHERE person_id = ?1 AND status = 'pending-address'")
                .setParameter(1, personId).executeUpdate();
    }

    private static String normalised(String email) {
        return email.strip();
    }
}

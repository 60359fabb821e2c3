package no.ks.led.surveys.invitation.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.surveys.repository.Rows;

/**
 * The SQL of {@code invitation}: queueing invitations and reminders, releasing those that wait for an
 * address, and the sender's claim-and-mark of each e-mail. A row's address is always the one its own
 * tenant may use ({@code contact_email(tenant, person)}).
 */
@ApplicationScoped
public class InvitationRepository {

    @Inject
    EntityManager entityManager;

    /** An e-mail due for delivery, locked for the caller's transaction; {@code email} null when none is known. */
    public record Delivery(String kind, int attempts, String email, String tenantId, UUID roundId, String title,
            LocalDate closesOn) {
    }

    /** How many e-mails of a kind are in a status. */
    public record StatusCount(String kind, String status, long count) {
    }

    /** One invitation per respondent of the round, due at {@code firstAttempt} or now, whichever is later. */
    public void queueInvitations(String tenantId, UUID roundId, OffsetDateTime firstAttempt, LocalDate queuedOn) {
        entityManager.createNativeQuery("""
                INSERT INTO invitation (id, tenant_id, round_id, person_id, kind, status, next_attempt_at, queued_on)
                SELECT gen_random_uuid(), ?2, r.round_id, r.person_id, 'invitation',
                       CASE WHEN contact_email(?2, r.person_id) IS NULL THEN 'pending-address' ELSE 'pending' END,
                       greatest(now(), ?3), ?4
                FROM survey_respondent r WHERE r.round_id = ?1""")
                .setParameter(1, roundId).setParameter(2, tenantId).setParameter(3, firstAttempt)
                .setParameter(4, queuedOn).executeUpdate();
    }

    /** How many reminders of the round were queued on the day. */
    public long remindersQueuedOn(UUID roundId, LocalDate day) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM invitation WHERE round_id = ?1 AND kind = 'reminder' AND queued_on = ?2")
                .setParameter(1, roundId).setParameter(2, day).getSingleResult()).longValue();
    }

    /**
     * A reminder to every respondent who has not submitted (team rounds: whose school has not), at most one
     * per respondent and day; the statuses of those queued.
     */
    @SuppressWarnings("unchecked")
    public List<String> queueReminders(String tenantId, UUID roundId, boolean team, LocalDate day) {
        return entityManager.createNativeQuery("""
                INSERT INTO invitation (id, tenant_id, round_id, person_id, kind, status, queued_on)
                SELECT gen_random_uuid(), ?2, r.round_id, r.person_id, 'reminder',
                       CASE WHEN contact_email(?2, r.person_id) IS NULL THEN 'pending-address' ELSE 'pending' END, ?3
                FROM survey_respondent r
                WHERE r.round_id = ?1 AND NOT EXISTS (
                    SELECT 1 FROM survey_completion s WHERE s.round_id = r.round_id
                      AND (s.person_id = r.person_id OR (?4 AND s.school_id = r.school_id)))
                ON CONFLICT DO NOTHING
                RETURNING status""")
                .setParameter(1, roundId).setParameter(2, tenantId).setParameter(3, day).setParameter(4, team)
                .getResultList();
    }

    /** Makes the person's e-mails waiting for an address due: in one tenant, or in every tenant when null. */
    public void releaseWaitingForAddress(UUID personId, String tenantIdOrEvery) {
        entityManager.createNativeQuery("""
                UPDATE invitation SET status = 'pending'
                WHERE person_id = ?1 AND status = 'pending-address' AND (CAST(?2 AS text) IS NULL OR tenant_id = ?2)""")
                .setParameter(1, personId).setParameter(2, tenantIdOrEvery).executeUpdate();
    }

    /** Counts per kind and status. */
    public List<StatusCount> counts(UUID roundId) {
        return Rows.select(entityManager,
                "SELECT kind, status, count(*) AS n FROM invitation WHERE round_id = ?1 GROUP BY kind, status",
                Map.of("kind", String.class, "status", String.class, "n", Long.class))
                .setParameter(1, roundId).getResultStream()
                .map(t -> new StatusCount(t.get("kind", String.class), t.get("status", String.class), t.get("n", Long.class)))
                .toList();
    }

    /** The round's respondents whose e-mails wait for an address. */
    @SuppressWarnings("unchecked")
    public List<UUID> withoutAddress(UUID roundId) {
        return entityManager.createNativeQuery("""
                SELECT DISTINCT person_id FROM invitation WHERE round_id = ?1 AND status = 'pending-address'
                ORDER BY person_id""").setParameter(1, roundId).getResultList();
    }

    /** Pending e-mails due at {@code asOf} in rounds whose last day is {@code lastDayFrom} or later. */
    @SuppressWarnings("unchecked")
    public List<UUID> due(Instant asOf, LocalDate lastDayFrom, int limit) {
        return entityManager.createNativeQuery("""
                SELECT i.id FROM invitation i JOIN survey_round r ON r.id = i.round_id
                WHERE i.status = 'pending' AND i.next_attempt_at <= ?1 AND r.closes_on >= ?2
                ORDER BY i.next_attempt_at, i.id LIMIT ?3""")
                .setParameter(1, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC)).setParameter(2, lastDayFrom)
                .setParameter(3, limit).getResultList();
    }

    /** Locks a pending e-mail for delivery; empty when another sender holds it or it is no longer pending. */
    public Optional<Delivery> lockPending(UUID id) {
        return Rows.select(entityManager, """
                SELECT i.kind, i.attempts, contact_email(i.tenant_id, i.person_id) AS email, r.tenant_id,
                       r.id AS round_id, r.title, r.closes_on
                FROM invitation i JOIN survey_round r ON r.id = i.round_id
                WHERE i.id = ?1 AND i.status = 'pending'
                FOR UPDATE OF i SKIP LOCKED""",
                Map.of("kind", String.class, "attempts", Integer.class, "email", String.class, "tenant_id", String.class,
                        "round_id", UUID.class, "title", String.class, "closes_on", LocalDate.class))
                .setParameter(1, id).getResultStream()
                .map(t -> new Delivery(t.get("kind", String.class), t.get("attempts", Integer.class),
                        t.get("email", String.class), t.get("tenant_id", String.class), t.get("round_id", UUID.class),
                        t.get("title", String.class), t.get("closes_on", LocalDate.class)))
                .findFirst();
    }

    /** Puts an e-mail back to wait for an address. */
    public void waitForAddress(UUID id) {
        entityManager.createNativeQuery("UPDATE invitation SET status = 'pending-address' WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** Records a failed attempt and when to try again. */
    public void recordFailure(UUID id, int attempts, String error, Instant nextAttempt) {
        entityManager.createNativeQuery("""
                UPDATE invitation SET attempts = ?2, last_error = ?3, next_attempt_at = ?4 WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, attempts).setParameter(3, error)
                .setParameter(4, OffsetDateTime.ofInstant(nextAttempt, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Marks an e-mail accepted by the SMTP server. */
    public void markSent(UUID id, int attempts) {
        entityManager.createNativeQuery("""
                UPDATE invitation SET status = 'sent', sent_at = now(), attempts = ?2, last_error = NULL WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, attempts).executeUpdate();
    }

    /**
     * Pseudonymises the person's invitations (an erasure): a random person id instead, no error text, and
     * those not sent yet wait for an address that never comes.
     */
    public void pseudonymise(UUID personId) {
        entityManager.createNativeQuery("""
                UPDATE invitation SET person_id = gen_random_uuid(), last_error = NULL,
                       status = CASE WHEN status = 'sent' THEN 'sent' ELSE 'pending-address' END
                WHERE person_id = ?1""").setParameter(1, personId).executeUpdate();
    }
}

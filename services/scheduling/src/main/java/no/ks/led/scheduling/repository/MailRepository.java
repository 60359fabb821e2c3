package no.ks.led.scheduling.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** The e-mails waiting to be sent (to speakers, reminders to participants): each sent at least once, retried with backoff. */
@ApplicationScoped
public class MailRepository {

    @Inject
    EntityManager entityManager;

    /** An e-mail to send. */
    public record Mail(UUID id, String recipient, String subject, String body, String calendar, String method, int attempts) {
    }

    /** Queues an e-mail; {@code calendar} and {@code method} are null for one without an iCalendar part. */
    public void enqueue(String tenantId, String recipient, String subject, String body, String calendar, String method,
            Instant at) {
        entityManager.createNativeQuery("""
                INSERT INTO outgoing_mail (id, tenant_id, recipient, subject, body, calendar, method, created_at, next_attempt_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenantId).setParameter(3, recipient)
                .setParameter(4, subject).setParameter(5, body).setParameter(6, calendar).setParameter(7, method)
                .setParameter(8, at).executeUpdate();
    }

    /** The ids of unsent e-mails due at {@code asOf}, oldest first. */
    @SuppressWarnings("unchecked")
    public List<UUID> due(Instant asOf, int limit) {
        return entityManager.createNativeQuery("""
                SELECT id FROM outgoing_mail WHERE sent_at IS NULL AND next_attempt_at <= ?1
                ORDER BY created_at, id LIMIT ?2""").setParameter(1, asOf).setParameter(2, limit).getResultList();
    }

    /** The unsent e-mail, locked for this sender; empty if another sender has it or it was sent. */
    @SuppressWarnings("unchecked")
    public Optional<Mail> lockPending(UUID id) {
        List<Tuple> rows = entityManager.createNativeQuery("""
                SELECT id, recipient, subject, body, calendar, method, attempts FROM outgoing_mail
                WHERE id = ?1 AND sent_at IS NULL FOR UPDATE SKIP LOCKED""", Tuple.class)
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(t -> new Mail(t.get("id", UUID.class), t.get("recipient", String.class),
                t.get("subject", String.class), t.get("body", String.class), t.get("calendar", String.class),
                t.get("method", String.class), t.get("attempts", Integer.class)));
    }

    public void markSent(UUID id, int attempts, Instant at) {
        entityManager.createNativeQuery("UPDATE outgoing_mail SET sent_at = ?2, attempts = ?3, last_error = NULL WHERE id = ?1")
                .setParameter(1, id).setParameter(2, at).setParameter(3, attempts).executeUpdate();
    }

    public void recordFailure(UUID id, int attempts, String error, Instant nextAttemptAt) {
        entityManager.createNativeQuery(
                "UPDATE outgoing_mail SET attempts = ?2, last_error = ?3, next_attempt_at = ?4 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, attempts).setParameter(3, error).setParameter(4, nextAttemptAt)
                .executeUpdate();
    }
}

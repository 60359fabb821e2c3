package no.ks.led.surveys.invitation.service;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.surveys.invitation.InvitationConfig;
import no.ks.led.surveys.service.RoundOpening;
import org.jboss.logging.Logger;

/**
 * Delivers due invitations and reminders through the SMTP server. Each e-mail is handled in its own
 * transaction that locks its row ({@code FOR UPDATE SKIP LOCKED}, so several instances never take the same
 * one), hands the e-mail to the SMTP server, and marks it sent in that same transaction once the server has
 * accepted it. If the server is down the row stays pending with the attempt and error recorded, and is
 * tried again after a backoff that doubles up to a maximum. If the commit fails after the server accepted
 * the e-mail, it is sent again later: delivery is at least once.
 */
@ApplicationScoped
public class InvitationSender {

    private static final Logger LOG = Logger.getLogger(InvitationSender.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ReactiveMailer mailer;

    @Inject
    InvitationMail mail;

    @Inject
    InvitationConfig config;

    /** What one run did. */
    public record Run(int sent, int failed) {
    }

    @Scheduled(identity = "invitation-sender", every = "${led.surveys.mail.send-every}",
            delayed = "${led.surveys.mail.send-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = deliverDue(Instant.now());
        if (run.sent() + run.failed() > 0) {
            LOG.infof("Invitations: %d sent, %d failed (will be retried)", run.sent(), run.failed());
        }
    }

    /**
     * Delivers everything due at {@code asOf} in rounds still open, a batch at a time; returns how many were
     * sent and how many failed (those wait for their backoff, so they are not tried twice in one run).
     */
    public synchronized Run deliverDue(Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, RoundOpening.PLATFORM_ZONE);
        Set<UUID> tried = new HashSet<>();
        int sent = 0;
        int failed = 0;
        while (true) {
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> dueIds(asOf, today));
            boolean full = batch.size() == config.batchSize();
            batch = batch.stream().filter(tried::add).toList();
            for (UUID id : batch) {
                Boolean result = QuarkusTransaction.requiringNew().call(() -> deliver(id, asOf));
                if (result == null) {
                    continue;
                }
                if (result) {
                    sent++;
                } else {
                    failed++;
                }
            }
            if (!full || batch.isEmpty()) {
                return new Run(sent, failed);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> dueIds(Instant asOf, LocalDate today) {
        return entityManager.createNativeQuery("""
                SELECT i.id FROM invitation i JOIN survey_round r ON r.id = i.round_id
                WHERE i.status = 'pending' AND i.next_attempt_at <= ?1 AND r.closes_on >= ?2
                ORDER BY i.next_attempt_at, i.id LIMIT ?3""")
                .setParameter(1, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC)).setParameter(2, today)
                .setParameter(3, config.batchSize()).getResultList();
    }

    /** true: sent; false: failed, to be retried; null: nothing to do (taken by another sender, no address). */
    private Boolean deliver(UUID id, Instant asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT i.kind, i.attempts, c.email, r.tenant_id, r.id, r.title, r.closes_on
                FROM invitation i JOIN survey_round r ON r.id = i.round_id
                LEFT JOIN respondent_contact c ON c.person_id = i.person_id
                WHERE i.id = ?1 AND i.status = 'pending'
                FOR UPDATE OF i SKIP LOCKED""").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        String email = (String) row[2];
        if (email == null) {
            entityManager.createNativeQuery("UPDATE invitation SET status = 'pending-address' WHERE id = ?1")
                    .setParameter(1, id).executeUpdate();
            return null;
        }
        int attempts = ((Number) row[1]).intValue() + 1;
        LocalDate closesOn = row[6] instanceof Date d ? d.toLocalDate() : (LocalDate) row[6];
        try {
            // bounded: a server (or a pooled connection) that never answers is a failed attempt, not a stuck sender
            mailer.send(mail.compose((String) row[0], email, (String) row[3], (UUID) row[4], (String) row[5], closesOn))
                    .await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            entityManager.createNativeQuery("""
                    UPDATE invitation SET attempts = ?2, last_error = ?3, next_attempt_at = ?4 WHERE id = ?1""")
                    .setParameter(1, id).setParameter(2, attempts).setParameter(3, describe(e))
                    .setParameter(4, OffsetDateTime.ofInstant(asOf.plus(backoff(attempts)), ZoneOffset.UTC))
                    .executeUpdate();
            LOG.debugf("Invitation %s not delivered (attempt %d): %s", id, attempts, e);
            return false;
        }
        entityManager.createNativeQuery("""
                UPDATE invitation SET status = 'sent', sent_at = now(), attempts = ?2, last_error = NULL WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, attempts).executeUpdate();
        return true;
    }

    /** The wait after the given number of failed attempts: the base, doubled per further failure, capped. */
    Duration backoff(int attempts) {
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.maxRetryBackoff()) > 0 ? config.maxRetryBackoff() : wait;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
    }
}

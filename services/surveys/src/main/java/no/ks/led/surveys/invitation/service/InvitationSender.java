package no.ks.led.surveys.invitation.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.surveys.invitation.InvitationConfig;
import no.ks.led.surveys.invitation.repository.InvitationRepository;
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
    InvitationRepository invitations;

    @Inject
    TenantZones zones;

    @Inject
    AccessReplica access;

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
     * Delivers everything due at {@code asOf} in rounds still open (by their tenant's own day), a batch at a
     * time; returns how many were sent and how many failed (those wait for their backoff, so they are not
     * tried twice in one run).
     */
    public synchronized Run deliverDue(Instant asOf) {
        // the earliest "today" of any zone: a round whose last day is before it is closed for every tenant
        LocalDate earliestToday = LocalDate.ofInstant(asOf, ZoneOffset.MIN);
        Set<UUID> tried = new HashSet<>();
        int sent = 0;
        int failed = 0;
        while (true) {
            List<UUID> batch = QuarkusTransaction.requiringNew()
                    .call(() -> invitations.due(asOf, earliestToday, config.batchSize()));
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

    /**
     * true: sent; false: failed, to be retried; null: nothing to do (taken by another sender, no address, or
     * the round closed by its tenant's day).
     */
    private Boolean deliver(UUID id, Instant asOf) {
        Optional<InvitationRepository.Delivery> due = invitations.lockPending(id);
        if (due.isEmpty()) {
            return null;
        }
        InvitationRepository.Delivery delivery = due.get();
        if (delivery.closesOn().isBefore(LocalDate.ofInstant(asOf, zones.of(delivery.tenantId())))) {
            return null;
        }
        if (delivery.email() == null) {
            invitations.waitForAddress(id);
            return null;
        }
        int attempts = delivery.attempts() + 1;
        try {
            // bounded: a server (or a pooled connection) that never answers is a failed attempt, not a stuck sender
            mailer.send(mail.compose(delivery.kind(), delivery.email(), delivery.tenantId(),
                    access.countryOf(delivery.tenantId()), delivery.roundId(),
                    delivery.title(), delivery.closesOn())).await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            invitations.recordFailure(id, attempts, describe(e), asOf.plus(backoff(attempts)));
            LOG.debugf("Invitation %s not delivered (attempt %d): %s", id, attempts, e);
            return false;
        }
        invitations.markSent(id, attempts);
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

package no.ks.led.scheduling.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.SchedulingConfig;
import no.ks.led.scheduling.Speaker;
import no.ks.led.scheduling.SpeakerBooking;
import no.ks.led.scheduling.calendar.ICalendar;
import no.ks.led.scheduling.repository.MailRepository;
import org.jboss.logging.Logger;

/**
 * Invitations and cancellations to booked speakers by e-mail, each with an iCalendar part ({@code METHOD:REQUEST}
 * or {@code METHOD:CANCEL}, Content-Type {@code text/calendar; method=...}) through the SMTP server surveys uses.
 * Queued in the change's transaction and sent by a scheduled sender: at least once, retried with backoff.
 */
@ApplicationScoped
public class SpeakerInvitations {

    private static final Logger LOG = Logger.getLogger(SpeakerInvitations.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @Inject
    MailRepository mails;

    @Inject
    ReactiveMailer mailer;

    @Inject
    SchedulingConfig config;

    @Inject
    AccessReplica access;

    /** Queues the activity as it is now (a request, or a cancellation) for every speaker booked for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifySpeakers(Activity activity) {
        for (SpeakerBooking booking : SpeakerBooking.ofActivity(activity.tenantId, activity.id)) {
            notifySpeaker(activity, Speaker.findById(booking.speakerId));
        }
    }

    /** Queues the activity as it is now for one speaker. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifySpeaker(Activity activity, Speaker speaker) {
        String method = activity.isCancelled() ? "CANCEL" : "REQUEST";
        String calendar = ICalendar.message(CalendarFeeds.event(activity),
                new ICalendar.Invitation(config.mail().organizer(), speaker.name, speaker.email));
        LocalDateTime start = activity.localStart();
        ActivityMailWords words = ActivityMailWords.of(access.countryOf(activity.tenantId));
        String subject = (activity.isCancelled() ? words.cancelled() : words.invitation()) + activity.title
                + " " + WHEN.format(start);
        String body = activity.title + "\n" + WHEN.format(start) + " – " + WHEN.format(activity.localEnd()) + " ("
                + activity.timeZone + ")" + (activity.place == null ? "" : "\n" + activity.place)
                + (activity.isCancelled() ? "\n\n" + words.cancelledLine() : "");
        mails.enqueue(activity.tenantId, speaker.email, subject, body, calendar, method, Instant.now());
    }

    @Scheduled(identity = "speaker-mail-sender", every = "${led.scheduling.mail.send-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int sent = deliverDue(Instant.now());
        if (sent > 0) {
            LOG.infof("Speaker e-mails: %d sent", sent);
        }
    }

    /** Sends what is due at {@code asOf}; answers how many were sent (failures wait for their backoff). */
    public synchronized int deliverDue(Instant asOf) {
        int sent = 0;
        Set<UUID> tried = new HashSet<>();
        while (true) {
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> mails.due(asOf, config.mail().batchSize()));
            batch = batch.stream().filter(tried::add).toList();
            if (batch.isEmpty()) {
                return sent;
            }
            for (UUID id : batch) {
                if (Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(() -> deliver(id, asOf)))) {
                    sent++;
                }
            }
        }
    }

    private Boolean deliver(UUID id, Instant asOf) {
        var pending = mails.lockPending(id);
        if (pending.isEmpty()) {
            return null;
        }
        MailRepository.Mail mail = pending.get();
        int attempts = mail.attempts() + 1;
        try {
            Mail message = Mail.withText(mail.recipient(), mail.subject(), mail.body());
            if (mail.calendar() != null) {
                // the calendar part as an alternative body, so calendar clients offer to accept (or remove) the event
                message.addAttachment("invite.ics", mail.calendar().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8; method=" + mail.method());
            }
            mailer.send(message).await().atMost(config.mail().sendTimeout());
        } catch (RuntimeException e) {
            java.time.Duration wait = config.mail().retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
            if (wait.compareTo(config.mail().maxRetryBackoff()) > 0) {
                wait = config.mail().maxRetryBackoff();
            }
            String error = String.valueOf(e.getMessage());
            mails.recordFailure(id, attempts, error.length() > 1000 ? error.substring(0, 1000) : error, asOf.plus(wait));
            return false;
        }
        mails.markSent(id, attempts, Instant.now());
        return true;
    }
}

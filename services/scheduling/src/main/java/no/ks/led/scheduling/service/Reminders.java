package no.ks.led.scheduling.service;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.SchedulingConfig;
import no.ks.led.scheduling.repository.MailRepository;
import no.ks.led.scheduling.repository.ReminderRepository;
import org.jboss.logging.Logger;

/**
 * One e-mail reminder to each confirmed participant a while before the activity starts
 * ({@code led.scheduling.reminders.lead-time}, 2 days by default). The reminder's row (one per activity and person)
 * is inserted in the transaction that queues the e-mail, so a restart or a second replica never queues it twice;
 * the queue is sent by the same sender as the speakers' invitations.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final int BATCH = 200;

    @Inject
    ReminderRepository reminders;

    @Inject
    MailRepository mails;

    @Inject
    SchedulingConfig config;

    @Inject
    AccessReplica access;

    @Scheduled(identity = "activity-reminders", every = "${led.scheduling.reminders.every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int queued = queueDue(Instant.now());
        if (queued > 0) {
            LOG.infof("Activity reminders: %d queued", queued);
        }
    }

    /** Queues the reminders due at {@code now}; answers how many this call queued. */
    public int queueDue(Instant now) {
        Instant until = now.plus(config.reminders().leadTime());
        int queued = 0;
        while (true) {
            List<ReminderRepository.Due> batch = QuarkusTransaction.requiringNew().call(() -> reminders.due(now, until, BATCH));
            int before = queued;
            for (ReminderRepository.Due due : batch) {
                if (QuarkusTransaction.requiringNew().call(() -> queue(due, now))) {
                    queued++;
                }
            }
            if (batch.size() < BATCH || queued == before) {
                return queued;
            }
        }
    }

    private boolean queue(ReminderRepository.Due due, Instant now) {
        Activity activity = Activity.findById(due.activityId());
        if (!reminders.record(activity.tenantId, activity.id, due.personId(), now)) {
            return false;
        }
        String subject = ActivityMailWords.of(access.countryOf(activity.tenantId)).reminder() + activity.title + " "
                + WHEN.format(activity.localStart());
        String body = activity.title + "\n" + WHEN.format(activity.localStart()) + " – " + WHEN.format(activity.localEnd())
                + " (" + activity.timeZone + ")" + (activity.place == null ? "" : "\n" + activity.place)
                + (activity.room == null ? "" : ", " + activity.room) + "\n\n" + config.publicUrl() + "/tenants/"
                + activity.tenantId + "/activities/" + activity.id;
        mails.enqueue(activity.tenantId, due.email(), subject, body, null, null, now);
        return true;
    }
}

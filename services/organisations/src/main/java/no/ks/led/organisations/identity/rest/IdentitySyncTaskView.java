package no.ks.led.organisations.identity.rest;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.organisations.identity.IdentitySyncTask;

/** An identity sync task as KS sees it: ids, state and the last error, never the event's personal data. */
public record IdentitySyncTaskView(long id, UUID eventId, String tenantId, String kind, String status, int attempts,
        String lastError, Instant nextAttemptAt, Instant createdAt, Instant doneAt) {

    static IdentitySyncTaskView of(IdentitySyncTask task) {
        return new IdentitySyncTaskView(task.id, task.eventId, task.tenantId, task.kind, task.status, task.attempts,
                task.lastError, IdentitySyncTask.PENDING.equals(task.status) ? task.nextAttemptAt : null,
                task.createdAt, task.doneAt);
    }
}

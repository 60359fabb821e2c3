package no.ks.led.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * An activity's time or place changed; sequence is its iCalendar SEQUENCE after the change.
 */
@EventContract(service = "scheduling", name = "ActivityRescheduled", version = 1)
public record ActivityRescheduled(UUID activityId, String tenantId, Instant startsAt, Instant endsAt, String place,
        int sequence, Instant rescheduledAt) {
}

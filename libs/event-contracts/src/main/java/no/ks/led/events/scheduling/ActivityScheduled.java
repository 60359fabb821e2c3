package no.ks.led.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * An activity (a gathering, seminar, network meeting, supervision...) was put in a tenant's calendar, possibly
 * from a programme's planned activity. Times are instants; timeZone is the tenant's zone they were entered in.
 *
 * @param programmeId the programme, or null for a stand-alone activity.
 * @param plannedActivityId the programme's ActivityPlanned it came from, or null.
 */
@EventContract(service = "scheduling", name = "ActivityScheduled", version = 1)
public record ActivityScheduled(UUID activityId, String tenantId, UUID programmeId, UUID plannedActivityId,
        String kind, String title, Instant startsAt, Instant endsAt, String timeZone, String place,
        Instant scheduledAt) {
}

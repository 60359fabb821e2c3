package no.ks.led.events.programmes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A school owner planned an activity of its programme (a gathering, the dialogue conference, a seminar,
 * supervision...): the scheduling service's cue to make it an activity with sessions and bookings. Dates are
 * in the tenant's zone.
 *
 * @param place where it is held, or null until decided
 */
@EventContract(service = "programmes", name = "ActivityPlanned", version = 1)
public record ActivityPlanned(UUID activityId, UUID programmeId, String tenantId, String kind, String title,
        LocalDate startsOn, LocalDate endsOn, String place, Instant plannedAt) {
}

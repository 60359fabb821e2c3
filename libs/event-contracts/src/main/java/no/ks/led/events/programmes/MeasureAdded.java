package no.ks.led.events.programmes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A measure (tiltak) was added to a local plan: what is to be done, who is responsible, by when (a date in
 * the tenant's zone). Names the responsible person as the plan does, by role or name.
 *
 * @param schoolId the school the measure is for, or null for the whole programme
 */
@EventContract(service = "programmes", name = "MeasureAdded", version = 1)
public record MeasureAdded(UUID measureId, UUID programmeId, String tenantId, String title, String responsible,
        LocalDate dueOn, UUID schoolId, Instant addedAt) {
}

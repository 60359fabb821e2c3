package no.ks.led.events.organisations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A tenant engaged a consultancy, or one named consultant of it, for a period. With
 * {@code consultantPersonId} null every consultant of the consultancy may act; with
 * {@code schoolIds} empty the engagement covers the whole tenant, else only those schools.
 */
@EventContract(service = "organisations", name = "EngagementStarted", version = 1)
public record EngagementStarted(UUID engagementId, String tenantId, String consultancyId, UUID consultantPersonId,
        List<UUID> schoolIds, LocalDate startsOn, LocalDate endsOn) {
}

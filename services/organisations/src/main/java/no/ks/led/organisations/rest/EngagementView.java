package no.ks.led.organisations.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.ks.led.organisations.Engagement;

/** An engagement of a consultancy by a tenant; {@code schoolIds} empty means the whole tenant. */
public record EngagementView(UUID id, String tenantId, String consultancyId, UUID consultantPersonId,
        List<UUID> schoolIds, LocalDate startsOn, LocalDate endsOn, Instant endedAt, boolean active) {

    static EngagementView of(Engagement engagement, LocalDate today) {
        return new EngagementView(engagement.id, engagement.tenantId, engagement.consultancyId,
                engagement.consultantPersonId, engagement.schools(), engagement.startsOn, engagement.endsOn,
                engagement.endedAt, engagement.currentOn(today));
    }
}

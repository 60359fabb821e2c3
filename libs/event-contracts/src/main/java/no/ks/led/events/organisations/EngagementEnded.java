package no.ks.led.events.organisations;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/** An engagement was ended or revoked by the tenant: the consultants lose access at once. */
@EventContract(service = "organisations", name = "EngagementEnded", version = 1)
public record EngagementEnded(UUID engagementId, String tenantId, Instant endedAt) {
}

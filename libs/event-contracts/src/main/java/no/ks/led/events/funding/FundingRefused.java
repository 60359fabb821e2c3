package no.ks.led.events.funding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * The fund refused an application (or the platform's policy check did), with the reason.
 */
@EventContract(service = "funding", name = "FundingRefused", version = 1)
public record FundingRefused(UUID applicationId, String tenantId, List<UUID> activityIds, String reason,
        Instant refusedAt) {
}

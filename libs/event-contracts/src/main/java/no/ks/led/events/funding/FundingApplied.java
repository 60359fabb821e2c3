package no.ks.led.events.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A school owner submitted an application to the fund (in KS's portal) for some of its activities, under a
 * policy version; amounts in øre.
 */
@EventContract(service = "funding", name = "FundingApplied", version = 1)
public record FundingApplied(UUID applicationId, String tenantId, UUID programmeId, List<UUID> activityIds,
        String policy, int policyVersion, long requestedOre, LocalDate submittedOn, Instant appliedAt) {
}

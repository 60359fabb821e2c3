package no.ks.led.events.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * The fund approved an application: its case number (normalised, 21/12345), the approved amount in øre and the
 * grant's expiry date.
 */
@EventContract(service = "funding", name = "FundingApproved", version = 1)
public record FundingApproved(UUID applicationId, String tenantId, List<UUID> activityIds, String caseNumber,
        long approvedOre, LocalDate expiresOn, Instant approvedAt) {
}

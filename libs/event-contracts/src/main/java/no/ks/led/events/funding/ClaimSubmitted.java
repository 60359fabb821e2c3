package no.ks.led.events.funding;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A refund claim was submitted for an approved application; the amount claimed in øre, computed under the
 * application's policy version.
 */
@EventContract(service = "funding", name = "ClaimSubmitted", version = 1)
public record ClaimSubmitted(UUID claimId, UUID applicationId, String tenantId, long claimedOre, Instant submittedAt) {
}

package no.ks.led.events.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * The fund paid a claim; the amount received in øre.
 */
@EventContract(service = "funding", name = "RefundReceived", version = 1)
public record RefundReceived(UUID claimId, UUID applicationId, String tenantId, long receivedOre,
        LocalDate receivedOn, Instant recordedAt) {
}

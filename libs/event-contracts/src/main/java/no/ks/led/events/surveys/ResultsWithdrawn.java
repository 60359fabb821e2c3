package no.ks.led.events.surveys;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/** A school's principal withdrew the sharing of the school's results of a round; the owner sees them no longer. */
@EventContract(service = "surveys", name = "ResultsWithdrawn", version = 1)
public record ResultsWithdrawn(UUID roundId, String tenantId, UUID schoolId, Instant withdrawnAt) {
}

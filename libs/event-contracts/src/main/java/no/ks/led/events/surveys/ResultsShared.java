package no.ks.led.events.surveys;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/** A school's principal shared the school's results of a round with the owner. Carries no results. */
@EventContract(service = "surveys", name = "ResultsShared", version = 1)
public record ResultsShared(UUID roundId, String tenantId, UUID schoolId, Instant sharedAt) {
}

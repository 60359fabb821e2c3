package no.ks.led.events.programmes;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/** A school owner completed one of the local plan's three phases in an evaluation cycle. */
@EventContract(service = "programmes", name = "PlanPhaseCompleted", version = 1)
public record PlanPhaseCompleted(UUID programmeId, String tenantId, String phase, int cycle, Instant completedAt) {
}

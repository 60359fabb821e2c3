package no.ks.led.events.programmes;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A school owner evaluated its local plan against the three questions: the cycle {@code cycle} is kept as
 * it stood and the next one begins.
 */
@EventContract(service = "programmes", name = "PlanEvaluated", version = 1)
public record PlanEvaluated(UUID programmeId, String tenantId, int cycle, Instant evaluatedAt) {
}

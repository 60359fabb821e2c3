package no.ks.led.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * An activity was cancelled; it stays in calendar feeds as cancelled.
 */
@EventContract(service = "scheduling", name = "ActivityCancelled", version = 1)
public record ActivityCancelled(UUID activityId, String tenantId, String reason, Instant cancelledAt) {
}

package no.ks.led.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A tentative speaker booking became firm.
 */
@EventContract(service = "scheduling", name = "SpeakerConfirmed", version = 1)
public record SpeakerConfirmed(UUID activityId, String tenantId, UUID speakerId, Instant confirmedAt) {
}

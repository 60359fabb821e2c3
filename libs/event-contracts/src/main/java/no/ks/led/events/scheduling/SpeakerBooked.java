package no.ks.led.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A speaker or process leader was booked for an activity (tentatively or firmly), with the fee and travel the
 * owner expects to pay, in øre (0 for an unpaid speaker).
 */
@EventContract(service = "scheduling", name = "SpeakerBooked", version = 1)
public record SpeakerBooked(UUID activityId, String tenantId, UUID speakerId, String speakerName, long feeOre,
        long travelOre, boolean tentative, Instant bookedAt) {
}

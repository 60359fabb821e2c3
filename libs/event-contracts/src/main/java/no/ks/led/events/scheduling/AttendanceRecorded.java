package no.ks.led.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * Whether a signed-up person attended an activity.
 */
@EventContract(service = "scheduling", name = "AttendanceRecorded", version = 1)
public record AttendanceRecorded(UUID activityId, String tenantId, UUID personId, boolean attended,
        Instant recordedAt) {
}

package no.ks.led.events.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * Sign-up for an activity opened, with its deadline (tenant's local date) and capacity (null: no limit).
 */
@EventContract(service = "scheduling", name = "SignUpOpened", version = 1)
public record SignUpOpened(UUID activityId, String tenantId, LocalDate deadline, Integer capacity, Instant openedAt) {
}

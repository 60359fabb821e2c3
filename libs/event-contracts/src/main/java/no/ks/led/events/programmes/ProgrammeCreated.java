package no.ks.led.events.programmes;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/** A school owner created a local leadership-development programme. */
@EventContract(service = "programmes", name = "ProgrammeCreated", version = 1)
public record ProgrammeCreated(UUID programmeId, String tenantId, String name, Instant createdAt) {
}

package no.ks.led.events.organisations;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.events.EventContract;

/** A membership ended before its planned end: access through it stops at once. */
@EventContract(service = "organisations", name = "MembershipEnded", version = 1)
public record MembershipEnded(UUID membershipId, String tenantId, UUID personId, Instant endedAt) {
}

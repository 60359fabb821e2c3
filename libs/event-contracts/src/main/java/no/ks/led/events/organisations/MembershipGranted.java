package no.ks.led.events.organisations;

import java.time.LocalDate;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A person was given a role in an organisation: a tenant's role ({@code owner-executive},
 * {@code coordinator}, {@code principal}, {@code school-leader}) or, with the consultancy's slug as
 * {@code tenantId}, the role {@code consultant} in a consultancy. {@code schoolId} is set for the
 * school roles; {@code endsOn} is null for an open-ended membership.
 */
@EventContract(service = "organisations", name = "MembershipGranted", version = 1)
public record MembershipGranted(UUID membershipId, String tenantId, UUID personId, String role, UUID schoolId,
        LocalDate startsOn, LocalDate endsOn) {
}

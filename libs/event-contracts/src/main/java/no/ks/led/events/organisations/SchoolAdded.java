package no.ks.led.events.organisations;

import java.util.UUID;

import no.ks.led.events.EventContract;

/** A school was added to a tenant. */
@EventContract(service = "organisations", name = "SchoolAdded", version = 1)
public record SchoolAdded(UUID schoolId, String tenantId, String name, String organisationNumber, String kind,
        boolean hasLeadershipTeam) {
}

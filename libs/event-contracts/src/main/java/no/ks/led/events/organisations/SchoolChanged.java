package no.ks.led.events.organisations;

import java.util.UUID;

import no.ks.led.events.EventContract;

/** A school's details changed; the record carries the school as it is now. */
@EventContract(service = "organisations", name = "SchoolChanged", version = 1)
public record SchoolChanged(UUID schoolId, String tenantId, String name, String organisationNumber, String kind,
        boolean hasLeadershipTeam) {
}

package no.ks.led.events.organisations;

import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * Version 2 of {@link SchoolChanged}, for schools of both countries: A school's details changed; the record carries the school as it is now. A Norwegian school has its
 * {@code organisationNumber} and no {@code institutionNumber}, a Danish one the other way round; {@code kind} is
 * one of its country's. Published for every school; version 1, which can describe only a Norwegian school, is
 * published beside it for Norwegian schools until every consumer reads version 2.
 */
@EventContract(service = "organisations", name = "SchoolChanged", version = 2)
public record SchoolChangedV2(UUID schoolId, String tenantId, String name, String country, String organisationNumber,
        String institutionNumber, String kind, boolean hasLeadershipTeam) {

    /** Whether version 1 can carry this school: a Norwegian school only. */
    public boolean hasV1() {
        return "NO".equals(country);
    }

    /** Version 1 of the same event; only for a Norwegian school ({@link #hasV1()}). */
    public SchoolChanged v1() {
        return new SchoolChanged(schoolId, tenantId, name, organisationNumber, kind, hasLeadershipTeam);
    }
}

package no.ks.led.organisations.rest;

import java.util.UUID;

import no.ks.led.organisations.School;

/** A school as the API shows it: a Norwegian school with its organisation number, a Danish one with its institution number. */
public record SchoolView(UUID id, String name, String organisationNumber, String institutionNumber, String kind,
        boolean hasLeadershipTeam) {

    static SchoolView of(School school) {
        return new SchoolView(school.id, school.name, school.orgNumber, school.institutionNumber, school.kind,
                school.hasLeadershipTeam);
    }
}

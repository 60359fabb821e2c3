package no.ks.led.organisations.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import no.ks.led.organisations.Membership;

/**
 * A membership: a person's role in a tenant (or, as consultant, in a consultancy), and their own job title
 * beside it (null when none was given).
 */
public record MembershipView(UUID id, String organisationId, UUID personId, String role, UUID schoolId, String title,
        LocalDate startsOn, LocalDate endsOn, Instant endedAt) {

    static MembershipView of(Membership membership) {
        return new MembershipView(membership.id, membership.organisationId, membership.personId, membership.role,
                membership.schoolId, membership.title, membership.startsOn, membership.endsOn, membership.endedAt);
    }
}

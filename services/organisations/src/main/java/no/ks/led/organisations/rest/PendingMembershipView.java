package no.ks.led.organisations.rest;

import java.time.LocalDate;
import java.util.UUID;

import no.ks.led.organisations.service.PendingMemberships;

/** A membership waiting for the caller to accept it: the organisation that asks, the role and where. */
public record PendingMembershipView(UUID id, String organisationId, String organisationName, String role,
        UUID schoolId, String schoolName, LocalDate startsOn, LocalDate endsOn) {

    static PendingMembershipView of(PendingMemberships.Pending pending) {
        var m = pending.membership();
        return new PendingMembershipView(m.id, m.organisationId, pending.organisationName(), m.role, m.schoolId,
                pending.schoolName(), m.startsOn, m.endsOn);
    }
}

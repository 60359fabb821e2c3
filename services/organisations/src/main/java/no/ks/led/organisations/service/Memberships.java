package no.ks.led.organisations.service;

import static no.ks.led.organisations.service.PlatformClock.now;
import static no.ks.led.organisations.service.PlatformClock.today;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.service.PeopleDirectory.NewRole;

/**
 * Granting and ending a person's membership of an organisation (a tenant or a consultancy), each with its
 * event in the same transaction; the rules of who may hold which role where are the caller's.
 */
@ApplicationScoped
public class Memberships {

    @Inject
    Outbox outbox;

    Membership grantMembership(String organisationId, Person person, NewRole grant, UUID fixedId) {
        if (person.erased()) {
            throw ProblemException.notFound("Person " + person.id);
        }
        LocalDate today = today(organisationId);
        LocalDate startsOn = grant.startsOn() == null ? today : grant.startsOn();
        if (grant.endsOn() != null && grant.endsOn().isBefore(startsOn)) {
            throw ProblemException.invalidField("endsOn", "must be on or after startsOn (" + startsOn + ")");
        }
        List<Membership> held = Membership.ofPersonIn(organisationId, person.id);
        if (held.stream().anyMatch(m -> m.role.equals(grant.role()) && Objects.equals(m.schoolId, grant.schoolId())
                && m.openOn(today))) {
            throw new ProblemException(ProblemType.ROLE_ALREADY_HELD,
                    "The person already has the role " + grant.role() + " there");
        }
        Membership membership = new Membership();
        membership.id = fixedId == null ? UUID.randomUUID() : fixedId;
        membership.organisationId = organisationId;
        membership.personId = person.id;
        membership.role = grant.role();
        membership.schoolId = grant.schoolId();
        membership.startsOn = startsOn;
        membership.endsOn = grant.endsOn();
        membership.persist();
        outbox.record(organisationId, new MembershipGranted(membership.id, organisationId, person.id, membership.role,
                membership.schoolId, membership.startsOn, membership.endsOn));
        return membership;
    }

    /** Ends the membership now, with its event. */
    void end(Membership membership) {
        membership.endedAt = now();
        outbox.record(membership.organisationId,
                new MembershipEnded(membership.id, membership.organisationId, membership.personId, membership.endedAt));
    }
}

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
import no.ks.led.events.organisations.MembershipGrantedV2;
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

    /**
     * How a grant is made: {@code awaitingConfirmation} keeps it from granting anything (and from any
     * event) until the person accepts it; {@code initialImport} marks the tenant's first roster import.
     */
    record GrantKind(boolean awaitingConfirmation, boolean initialImport) {
        static final GrantKind DIRECT = new GrantKind(false, false);
    }

    Membership grantMembership(String organisationId, Person person, NewRole grant, UUID fixedId) {
        return grantMembership(organisationId, person, grant, fixedId, GrantKind.DIRECT);
    }

    Membership grantMembership(String organisationId, Person person, NewRole grant, UUID fixedId, GrantKind kind) {
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
        membership.title = grant.title() == null ? null : grant.title().strip();
        membership.startsOn = startsOn;
        membership.endsOn = grant.endsOn();
        membership.awaitingConfirmation = kind.awaitingConfirmation();
        membership.persist();
        if (!membership.awaitingConfirmation) {
            announce(membership, kind.initialImport());
        }
        return membership;
    }

    /** The person accepts a membership that waited for them: from now on it grants its role, announced by its event. */
    void confirm(Membership membership) {
        membership.awaitingConfirmation = false;
        membership.confirmedAt = now();
        announce(membership, false);
    }

    /** Both versions of the grant's event, until every consumer reads version 2. */
    private void announce(Membership membership, boolean initialImport) {
        MembershipGrantedV2 granted = new MembershipGrantedV2(membership.id, membership.organisationId,
                membership.personId, membership.role, membership.schoolId, membership.startsOn, membership.endsOn,
                initialImport);
        outbox.record(membership.organisationId, granted.v1());
        outbox.record(membership.organisationId, granted);
    }

    /** Ends the membership now, with its event (none for one that still waited: nothing was granted or announced). */
    void end(Membership membership) {
        membership.endedAt = now();
        if (membership.awaitingConfirmation) {
            return;
        }
        outbox.record(membership.organisationId,
                new MembershipEnded(membership.id, membership.organisationId, membership.personId, membership.endedAt));
    }
}

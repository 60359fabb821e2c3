package no.ks.led.organisations.service;

import static no.ks.led.organisations.service.PlatformClock.now;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.Consultancy;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.School;
import no.ks.led.organisations.Tenant;

/**
 * Memberships that wait for their person: an organisation linked an address it did not create and had no
 * confirmed membership with, so nothing is granted until the person, signed in as themselves (their
 * token's {@code led_person_id}, which Keycloak carries only for a user linked by a verified address or
 * the identity provider), accepts it. Declining ends it without any event.
 */
@ApplicationScoped
public class PendingMemberships {

    @Inject
    Memberships memberships;

    /** A membership waiting for its person, with what the person needs to decide: who asks, for which role where. */
    public record Pending(Membership membership, String organisationName, String schoolName) {
    }

    /** The person's memberships that wait for them, in organisations still active. */
    public List<Pending> of(UUID personId) {
        LocalDate today = PlatformClock.today();
        return Membership.awaitingOf(personId).stream()
                .filter(m -> m.endsOn == null || !m.endsOn.isBefore(today))
                .map(this::describe)
                .filter(p -> p.organisationName() != null)
                .toList();
    }

    /** The person accepts the membership: it grants its role from now on, announced by its event. */
    @Transactional
    public Membership accept(UUID personId, UUID membershipId) {
        Membership membership = waiting(personId, membershipId);
        memberships.confirm(membership);
        return membership;
    }

    /** The person declines the membership: it ends, having granted and announced nothing. */
    @Transactional
    public void decline(UUID personId, UUID membershipId) {
        Membership membership = waiting(personId, membershipId);
        // it stays marked as waiting: a declined membership never counts as the person's confirmation
        membership.endedAt = now();
    }

    /** The caller's own waiting membership; anyone else's, or one already decided, is not found. */
    private Membership waiting(UUID personId, UUID membershipId) {
        Person person = personId == null ? null : Person.findById(personId);
        return Membership.<Membership>findByIdOptional(membershipId)
                .filter(m -> person != null && !person.erased() && m.personId.equals(person.id))
                .filter(m -> m.awaitingConfirmation && m.endedAt == null)
                .filter(m -> describe(m).organisationName() != null)
                .orElseThrow(() -> ProblemException.notFound("Pending membership " + membershipId));
    }

    private Pending describe(Membership m) {
        String organisation;
        Tenant tenant = Tenant.findById(m.organisationId);
        if (tenant != null) {
            organisation = tenant.active ? tenant.name : null;
        } else {
            Consultancy consultancy = Consultancy.findById(m.organisationId);
            organisation = consultancy == null ? null : consultancy.name;
        }
        School school = m.schoolId == null ? null : School.findById(m.schoolId);
        return new Pending(m, organisation, school == null ? null : school.name);
    }
}

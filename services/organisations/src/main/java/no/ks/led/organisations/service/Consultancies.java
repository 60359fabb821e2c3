package no.ks.led.organisations.service;

import static no.ks.led.organisations.service.PlatformClock.now;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.organisations.Consultancy;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.OrganisationNumber;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.Tenant;

/** Consultancies and their consultants; people and memberships go through {@link PersonRegister} and {@link Memberships}. */
@ApplicationScoped
public class Consultancies {

    @Inject
    PersonRegister register;

    @Inject
    Memberships memberships;

    /** Registers a consultancy; its slug may name neither another consultancy nor a tenant. */
    @Transactional
    public Consultancy register(String slug, String name, String orgNumber) {
        if (Consultancy.findById(slug) != null || Tenant.findById(slug) != null) {
            throw new ProblemException(ProblemType.ORGANISATION_SLUG_TAKEN, "An organisation with the slug " + slug + " exists");
        }
        String number = OrganisationNumber.normalise(orgNumber);
        if (Consultancy.count("orgNumber", number) > 0) {
            throw ProblemException.invalidField("organisationNumber", "another consultancy has this organisation number");
        }
        Consultancy consultancy = new Consultancy();
        consultancy.slug = slug;
        consultancy.name = name.strip();
        consultancy.orgNumber = number;
        consultancy.createdAt = now();
        consultancy.persist();
        return consultancy;
    }

    /** Adds a consultant to a consultancy: the person (linked by e-mail) and a membership with the role consultant. */
    @Transactional
    public PeopleDirectory.Granted addConsultant(String consultancyId, String name, String email, LocalDate startsOn) {
        return addConsultant(consultancyId, name, email, startsOn, null, null);
    }

    /** As {@link #addConsultant(String, String, String, LocalDate)}, with the ids fixed unless null: the demo data only. */
    @Transactional
    PeopleDirectory.Granted addConsultant(String consultancyId, String name, String email, LocalDate startsOn,
            UUID personId, UUID membershipId) {
        Consultancy consultancy = Consultancy.<Consultancy>findByIdOptional(consultancyId)
                .orElseThrow(() -> ProblemException.notFound("Consultancy " + consultancyId));
        PersonRegister.Registered registered = register.findOrCreate(consultancy.slug, name, email, personId);
        PeopleDirectory.NewRole grant = new PeopleDirectory.NewRole(PeopleDirectory.CONSULTANT, null, startsOn, null);
        Memberships.GrantKind kind = new Memberships.GrantKind(
                PeopleDirectory.awaitsConfirmation(consultancy.slug, registered, personId != null), false);
        return PeopleDirectory.granted(registered.person(), name, email,
                memberships.grantMembership(consultancy.slug, registered.person(), grant, membershipId, kind));
    }

    /** Whether the person is a consultant of the consultancy on the day. */
    public static boolean isConsultantOf(UUID personId, String consultancyId, LocalDate day) {
        return personId != null && Membership.ofPersonIn(consultancyId, personId).stream()
                .anyMatch(m -> PeopleDirectory.CONSULTANT.equals(m.role) && m.currentOn(day));
    }
}

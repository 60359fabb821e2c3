package no.ks.led.organisations.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.organisations.Consultancy;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.OrganisationNumber;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.School;
import no.ks.led.organisations.Tenant;

/**
 * People and their memberships in tenants and consultancies, and consultancies themselves. Every
 * change records its event in the same transaction.
 */
@ApplicationScoped
public class PeopleDirectory {

    /** The zone the platform's dates are in. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    static final Set<String> TENANT_ROLES = Set.of(TenantRole.OWNER_EXECUTIVE.roleName(),
            TenantRole.COORDINATOR.roleName(), TenantRole.PRINCIPAL.roleName(), TenantRole.SCHOOL_LEADER.roleName());
    static final Set<String> SCHOOL_ROLES = Set.of(TenantRole.PRINCIPAL.roleName(), TenantRole.SCHOOL_LEADER.roleName());
    static final String CONSULTANT = TenantRole.CONSULTANT.roleName();

    @Inject
    Outbox outbox;

    /** A role to grant; {@code startsOn} null means today. Ids are null unless fixed (demo data). */
    public record NewRole(String role, UUID schoolId, LocalDate startsOn, LocalDate endsOn) {
    }

    /** A person and the membership just granted to them. */
    public record Granted(Person person, Membership membership) {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Adds a person to a tenant with one membership. A person with the same e-mail (whatever its case)
     * is linked, not duplicated. {@code personId} and {@code membershipId} are null unless fixed.
     */
    @Transactional
    public Granted addToTenant(String tenantId, String name, String email, NewRole grant, UUID personId,
            UUID membershipId) {
        Tenant tenant = activeTenant(tenantId);
        checkTenantGrant(tenant.slug, grant);
        Person person = findOrCreate(name, email, personId);
        return new Granted(person, grantMembership(tenant.slug, person, grant, membershipId));
    }

    /** Gives a person already in the tenant another role there; anyone else is not found. */
    @Transactional
    public Membership grantInTenant(String tenantId, UUID personId, NewRole grant) {
        Tenant tenant = activeTenant(tenantId);
        LocalDate today = today();
        Person person = Person.<Person>findByIdOptional(personId)
                .filter(p -> !p.erased())
                .filter(p -> Membership.ofPersonIn(tenantId, p.id).stream().anyMatch(m -> m.openOn(today)))
                .orElseThrow(() -> ProblemException.notFound("Person " + personId));
        checkTenantGrant(tenant.slug, grant);
        return grantMembership(tenant.slug, person, grant, null);
    }

    /**
     * Ends a tenant's membership now. Ending an ended one changes nothing. An executive cannot end
     * their own last executive membership: the tenant would lose the person who may give it back.
     *
     * @return whether this call ended it
     */
    @Transactional
    public boolean endInTenant(String tenantId, UUID membershipId, UUID caller) {
        Membership membership = Membership.<Membership>findByIdOptional(membershipId)
                .filter(m -> m.organisationId.equals(tenantId) && TENANT_ROLES.contains(m.role))
                .orElseThrow(() -> ProblemException.notFound("Membership " + membershipId));
        if (membership.endedAt != null) {
            return false;
        }
        if (TenantRole.OWNER_EXECUTIVE.roleName().equals(membership.role) && membership.personId.equals(caller)) {
            LocalDate today = today();
            boolean another = Membership.ofPersonIn(tenantId, caller).stream()
                    .anyMatch(m -> !m.id.equals(membership.id) && m.role.equals(membership.role) && m.currentOn(today));
            if (!another) {
                throw new ProblemException(ProblemType.CONFLICT,
                        "Du kan ikke avslutte ditt eget siste lederoppdrag (owner-executive) i " + tenantId);
            }
        }
        end(membership);
        return true;
    }

    /** The membership of a tenant, if it exists there (a tenant role, not a consultancy's). */
    public Membership inTenant(String tenantId, UUID membershipId) {
        return Membership.<Membership>findByIdOptional(membershipId)
                .filter(m -> m.organisationId.equals(tenantId) && TENANT_ROLES.contains(m.role))
                .orElseThrow(() -> ProblemException.notFound("Membership " + membershipId));
    }

    /** The person with this id, created with it if missing (and not known by the e-mail under another id). */
    @Transactional
    public Person ensurePerson(UUID personId, String name, String email) {
        return findOrCreate(name, email, personId);
    }

    /** Registers a consultancy; its slug may name neither another consultancy nor a tenant. */
    @Transactional
    public Consultancy registerConsultancy(String slug, String name, String orgNumber) {
        if (Consultancy.findById(slug) != null || Tenant.findById(slug) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "An organisation with the slug " + slug + " exists");
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
    public Granted addConsultant(String consultancyId, String name, String email, LocalDate startsOn, UUID personId,
            UUID membershipId) {
        Consultancy consultancy = Consultancy.<Consultancy>findByIdOptional(consultancyId)
                .orElseThrow(() -> ProblemException.notFound("Consultancy " + consultancyId));
        Person person = findOrCreate(name, email, personId);
        NewRole grant = new NewRole(CONSULTANT, null, startsOn, null);
        return new Granted(person, grantMembership(consultancy.slug, person, grant, membershipId));
    }

    /** Whether the person is a consultant of the consultancy on the day. */
    public static boolean isConsultantOf(UUID personId, String consultancyId, LocalDate day) {
        return personId != null && Membership.ofPersonIn(consultancyId, personId).stream()
                .anyMatch(m -> CONSULTANT.equals(m.role) && m.currentOn(day));
    }

    /**
     * Erases a person: pseudonymises the row, ends their memberships (each with its event) and records
     * one {@link PersonErased} per organisation they belonged to. Erasing again changes nothing.
     */
    @Transactional
    public Person erase(UUID personId) {
        Person person = Person.<Person>findByIdOptional(personId)
                .orElseThrow(() -> ProblemException.notFound("Person " + personId));
        if (person.erased()) {
            return person;
        }
        Instant now = now();
        person.name = Person.ERASED_NAME;
        person.email = "erased-" + person.id + "@invalid";
        person.feideId = null;
        person.erasedAt = now;
        Set<String> organisations = new LinkedHashSet<>();
        for (Membership membership : Membership.ofPerson(person.id)) {
            organisations.add(membership.organisationId);
            if (membership.endedAt == null) {
                end(membership);
            }
        }
        for (String organisation : organisations) {
            outbox.record(organisation, new PersonErased(person.id, organisation, now));
        }
        return person;
    }

    private void end(Membership membership) {
        membership.endedAt = now();
        outbox.record(membership.organisationId,
                new MembershipEnded(membership.id, membership.organisationId, membership.personId, membership.endedAt));
    }

    private static Tenant activeTenant(String tenantId) {
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant == null || !tenant.active) {
            throw ProblemException.notFound("Tenant " + tenantId);
        }
        return tenant;
    }

    /** The domain rules of a tenant role: school roles at one of the tenant's schools, the owner's at none. */
    private static void checkTenantGrant(String tenantId, NewRole grant) {
        if (!TENANT_ROLES.contains(grant.role())) {
            throw ProblemException.invalidField("role", "must be owner-executive, coordinator, principal or school-leader");
        }
        if (SCHOOL_ROLES.contains(grant.role())) {
            if (grant.schoolId() == null) {
                throw ProblemException.invalidField("schoolId", "a " + grant.role() + " needs a school");
            }
            School school = School.findById(grant.schoolId());
            if (school == null || !school.tenantId.equals(tenantId)) {
                throw ProblemException.invalidField("schoolId", "no such school in this tenant");
            }
        } else if (grant.schoolId() != null) {
            throw ProblemException.invalidField("schoolId", "the role " + grant.role() + " is not tied to a school");
        }
    }

    private Person findOrCreate(String name, String email, UUID fixedId) {
        Person existing = Person.findByEmail(email).orElse(null);
        if (existing != null) {
            return existing;
        }
        if (fixedId != null) {
            Person byId = Person.findById(fixedId);
            if (byId != null) {
                return byId;
            }
        }
        Person person = new Person();
        person.id = fixedId == null ? UUID.randomUUID() : fixedId;
        person.name = name.strip();
        person.email = Person.normaliseEmail(email);
        person.createdAt = now();
        person.persist();
        return person;
    }

    private Membership grantMembership(String organisationId, Person person, NewRole grant, UUID fixedId) {
        if (person.erased()) {
            throw ProblemException.notFound("Person " + person.id);
        }
        LocalDate startsOn = grant.startsOn() == null ? today() : grant.startsOn();
        if (grant.endsOn() != null && grant.endsOn().isBefore(startsOn)) {
            throw ProblemException.invalidField("endsOn", "must be on or after startsOn (" + startsOn + ")");
        }
        LocalDate today = today();
        List<Membership> held = Membership.ofPersonIn(organisationId, person.id);
        if (held.stream().anyMatch(m -> m.role.equals(grant.role()) && java.util.Objects.equals(m.schoolId, grant.schoolId())
                && m.openOn(today))) {
            throw new ProblemException(ProblemType.CONFLICT,
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
}

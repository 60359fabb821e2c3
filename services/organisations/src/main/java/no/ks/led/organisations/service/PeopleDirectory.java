package no.ks.led.organisations.service;

import static no.ks.led.organisations.service.PlatformClock.today;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.School;
import no.ks.led.organisations.Tenant;
import no.ks.led.organisations.repository.PersonNames;

/**
 * A tenant's people: adding them, granting and ending their roles in the tenant, under the tenant's rules
 * (school roles at one of its own schools, never ending one's own last executive role). Who a person is
 * across organisations is {@link PersonRegister}'s; granting and ending with their events is
 * {@link Memberships}'s; erasure is {@link PersonErasure}'s. Each organisation sees a person only under
 * the name it gave them itself (see docs/architecture.md, "People across tenants").
 */
@ApplicationScoped
public class PeopleDirectory {

    static final Set<String> TENANT_ROLES = Set.of(TenantRole.OWNER_EXECUTIVE.roleName(),
            TenantRole.COORDINATOR.roleName(), TenantRole.PRINCIPAL.roleName(), TenantRole.SCHOOL_LEADER.roleName());
    static final Set<String> SCHOOL_ROLES = Set.of(TenantRole.PRINCIPAL.roleName(), TenantRole.SCHOOL_LEADER.roleName());
    static final String CONSULTANT = TenantRole.CONSULTANT.roleName();

    @Inject
    PersonRegister register;

    @Inject
    Memberships memberships;

    @Inject
    PersonNames names;

    /** A role to grant; {@code startsOn} null means today. Ids are null unless fixed (demo data). */
    public record NewRole(String role, UUID schoolId, LocalDate startsOn, LocalDate endsOn, String title) {

        /** A role with no job title of its own. */
        public NewRole(String role, UUID schoolId, LocalDate startsOn, LocalDate endsOn) {
            this(role, schoolId, startsOn, endsOn, null);
        }
    }

    /**
     * A person and the membership just granted to them, with the name and e-mail address the
     * organisation gave: all it may learn of them, whether or not the address was known before.
     */
    public record Granted(Person person, String name, String email, Membership membership) {
    }

    /**
     * Adds a person to a tenant with one membership. A person with the same e-mail (whatever its case)
     * is linked, not duplicated; the tenant knows them by the name it gave first, and nothing of the
     * person's record changes. {@code personId} and {@code membershipId} are null unless fixed.
     * Linking to a person the tenant did not create and has no confirmed membership with waits for
     * that person to accept it ({@link PendingMemberships}); the answer is the same either way.
     */
    @Transactional
    public Granted addToTenant(String tenantId, String name, String email, NewRole grant, UUID personId,
            UUID membershipId) {
        return addToTenant(tenantId, name, email, grant, personId, membershipId, false);
    }

    /** As {@link #addToTenant(String, String, String, NewRole, UUID, UUID)}, marking the tenant's first roster import. */
    @Transactional
    public Granted addToTenant(String tenantId, String name, String email, NewRole grant, UUID personId,
            UUID membershipId, boolean initialImport) {
        Tenant tenant = activeTenant(tenantId);
        checkTenantGrant(tenant.slug, grant);
        PersonRegister.Registered registered = register.findOrCreate(tenant.slug, name, email, personId);
        Memberships.GrantKind kind = new Memberships.GrantKind(
                awaitsConfirmation(tenant.slug, registered, personId != null), initialImport);
        return granted(registered.person(), name, email,
                memberships.grantMembership(tenant.slug, registered.person(), grant, membershipId, kind));
    }

    /**
     * Whether a new membership must wait for the person to accept it: the organisation did not create the
     * person just now and has no membership with them that was confirmed. The demo directory, whose
     * people the dev realm's users already carry ({@code vouched}), never waits.
     */
    static boolean awaitsConfirmation(String organisationId, PersonRegister.Registered registered, boolean vouched) {
        return !registered.created() && !vouched && !Membership.confirmedIn(organisationId, registered.person().id);
    }

    static Granted granted(Person person, String name, String email, Membership membership) {
        return new Granted(person, name.strip(), Person.normaliseEmail(email), membership);
    }

    /** The names under which the organisation knows these people, by person id. */
    public Map<UUID, String> namesIn(String organisationId, Collection<UUID> personIds) {
        return names.in(organisationId, personIds);
    }

    /** Gives a person already in the tenant another role there; anyone else is not found. */
    @Transactional
    public Membership grantInTenant(String tenantId, UUID personId, NewRole grant) {
        Tenant tenant = activeTenant(tenantId);
        LocalDate today = today(tenantId);
        Person person = Person.<Person>findByIdOptional(personId)
                .filter(p -> !p.erased())
                .filter(p -> Membership.ofPersonIn(tenantId, p.id).stream().anyMatch(m -> m.openOn(today)))
                .orElseThrow(() -> ProblemException.notFound("Person " + personId));
        checkTenantGrant(tenant.slug, grant);
        return memberships.grantMembership(tenant.slug, person, grant, null, new Memberships.GrantKind(
                !Membership.confirmedIn(tenant.slug, person.id), false));
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
            LocalDate today = today(tenantId);
            boolean another = Membership.ofPersonIn(tenantId, caller).stream()
                    .anyMatch(m -> !m.id.equals(membership.id) && m.role.equals(membership.role) && m.currentOn(today));
            if (!another) {
                throw new ProblemException(ProblemType.LAST_OWN_EXECUTIVE_ROLE,
                        "You cannot end your own last owner-executive role in " + tenantId);
            }
        }
        memberships.end(membership);
        return true;
    }

    /** The membership of a tenant, if it exists there (a tenant role, not a consultancy's). */
    public Membership inTenant(String tenantId, UUID membershipId) {
        return Membership.<Membership>findByIdOptional(membershipId)
                .filter(m -> m.organisationId.equals(tenantId) && TENANT_ROLES.contains(m.role))
                .orElseThrow(() -> ProblemException.notFound("Membership " + membershipId));
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
}

package no.ks.led.organisations.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.CallerToken;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.Engagement;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.Tenant;
import no.ks.led.organisations.service.PeopleDirectory;
import no.ks.led.organisations.service.PersonalData;
import no.ks.led.organisations.service.PlatformClock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's own identity, answered from this service's own tables: the person behind the token's
 * {@code led_person_id}, their national roles (from the token) and the tenants they may enter with
 * their roles there, including a consultant's current engagements.
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    static final Set<String> NATIONAL_ROLES = Set.of(NationalTenantResource.KS_ADMIN, NationalTenantResource.KS_ANALYST,
            CallerToken.DK_NATIONAL);

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Caller caller;

    @Inject
    PersonalData personalData;

    /** Everything this service stores about the caller (their right of access). */
    @GET
    @Path("export")
    public PersonalData.Export myData() {
        UUID me = caller.personId().orElseThrow(() -> ProblemException.notFound("Your person record"));
        return personalData.export(me);
    }

    @GET
    public Me me() {
        Set<String> roles = new TreeSet<>();
        identity.getRoles().stream().filter(NATIONAL_ROLES::contains).forEach(roles::add);
        Set<String> tenants = new TreeSet<>();
        List<Me.TenantMembership> memberships = new ArrayList<>();
        UUID personId = caller.personId().orElse(null);
        Person person = personId == null ? null : Person.<Person>findById(personId);
        if (person != null && person.erased()) {
            person = null;
        }
        if (person != null) {
            LocalDate today = PlatformClock.today();
            Set<String> activeTenants = new TreeSet<>();
            Tenant.listAll(false).forEach(t -> activeTenants.add(t.slug));
            List<String> consultancies = new ArrayList<>();
            for (Membership m : Membership.ofPerson(person.id)) {
                if (!m.currentOn(today)) {
                    continue;
                }
                if (TenantRole.CONSULTANT.roleName().equals(m.role)) {
                    consultancies.add(m.organisationId);
                    memberships.add(new Me.TenantMembership(m.organisationId, m.role, null, null, null));
                    roles.add(m.role);
                } else if (activeTenants.contains(m.organisationId)) {
                    tenants.add(m.organisationId);
                    memberships.add(new Me.TenantMembership(m.organisationId, m.role, m.schoolId, null, null));
                    roles.add(m.role);
                }
            }
            if (!consultancies.isEmpty()) {
                List<Engagement> engagements = Engagement.list(
                        "consultancyId in ?1 and endedAt is null order by tenantId, startsOn, id", consultancies);
                for (Engagement e : engagements) {
                    if (e.currentOn(today) && e.covers(person.id) && activeTenants.contains(e.tenantId)) {
                        tenants.add(e.tenantId);
                        memberships.add(new Me.TenantMembership(e.tenantId, TenantRole.CONSULTANT.roleName(), null,
                                e.id, e.schools()));
                    }
                }
            }
        }
        String name = person != null ? person.name : token.getClaim("name");
        return new Me(token.getSubject(), token.getClaim("preferred_username"), name,
                person == null ? null : person.id, person == null ? null : person.email, tenants, roles, memberships);
    }
}

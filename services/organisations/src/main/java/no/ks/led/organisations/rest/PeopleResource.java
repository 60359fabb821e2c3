package no.ks.led.organisations.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.service.PeopleDirectory;
import no.ks.led.organisations.service.PlatformClock;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's people and their roles there. */
@Path("/api/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    TenantAccess access;

    @Inject
    Caller caller;

    @Inject
    PeopleDirectory people;

    /**
     * The people with a current membership in the tenant and their roles there. Any member may list;
     * only the owner's executive and coordinator see e-mail addresses.
     */
    @GET
    @Path("people")
    public RestResponse<List<TenantPersonView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId);
        boolean withEmail = caller.holds(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        LocalDate today = PlatformClock.today(tenantId);
        Map<UUID, List<TenantPersonView.Role>> roles = new LinkedHashMap<>();
        for (Membership m : Membership.ofOrganisation(tenantId)) {
            if (m.listedOn(today)) {
                roles.computeIfAbsent(m.personId, id -> new ArrayList<>())
                        .add(new TenantPersonView.Role(m.id, m.role, m.schoolId, m.title, m.startsOn, m.endsOn));
            }
        }
        if (roles.isEmpty()) {
            return page.of(List.<TenantPersonView>of()).toResponse();
        }
        List<Person> persons = Person.list("id in ?1", roles.keySet());
        Map<UUID, String> names = people.namesIn(tenantId, roles.keySet());
        List<TenantPersonView> views = persons.stream()
                .filter(p -> !p.erased())
                .map(p -> new TenantPersonView(p.id, names.getOrDefault(p.id, ""), withEmail ? p.email : null,
                        roles.get(p.id)))
                .sorted(Comparator.comparing(TenantPersonView::name).thenComparing(TenantPersonView::id))
                .toList();
        return page.of(views).toResponse();
    }

    /** Adds a person (or links the one with this e-mail) to the tenant with one role. */
    @POST
    @Path("people")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("tenantId") String tenantId,
            @NotNull(message = "a JSON body is required") @Valid NewPersonRequest request) {
        requireMayGrant(tenantId, request.role());
        PeopleDirectory.Granted granted = people.addToTenant(tenantId, request.name(), request.email(),
                newRole(request.role(), request.schoolId(), request.startsOn(), request.endsOn(), request.title()), null, null);
        return Response.created(URI.create("/api/tenants/" + tenantId + "/memberships/" + granted.membership().id))
                .entity(PersonAdded.of(granted))
                .build();
    }

    /** Gives a person already in the tenant another role there. */
    @POST
    @Path("people/{personId}/memberships")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("tenantId") String tenantId, @PathParam("personId") String personId,
            @NotNull(message = "a JSON body is required") @Valid NewMembershipRequest request) {
        requireMayGrant(tenantId, request.role());
        UUID person = Fields.pathId("Person", personId);
        Membership membership = people.grantInTenant(tenantId, person,
                newRole(request.role(), request.schoolId(), request.startsOn(), request.endsOn(), request.title()));
        return Response.created(URI.create("/api/tenants/" + tenantId + "/memberships/" + membership.id))
                .entity(MembershipView.of(membership)).build();
    }

    /** Ends a membership now; ending an ended one changes nothing. */
    @DELETE
    @Path("memberships/{membershipId}")
    public Response end(@PathParam("tenantId") String tenantId, @PathParam("membershipId") String membershipId) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        Membership membership = people.inTenant(tenantId, Fields.pathId("Membership", membershipId));
        if (TenantRole.OWNER_EXECUTIVE.roleName().equals(membership.role)) {
            access.require(tenantId, TenantRole.OWNER_EXECUTIVE);
        }
        people.endInTenant(tenantId, membership.id, caller.personId().orElse(null));
        return Response.noContent().build();
    }

    /** Executives and coordinators add people; only an executive gives the executive role. */
    private void requireMayGrant(String tenantId, String role) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        if (TenantRole.OWNER_EXECUTIVE.roleName().equals(role)) {
            access.require(tenantId, TenantRole.OWNER_EXECUTIVE);
        }
    }

    private static PeopleDirectory.NewRole newRole(String role, String schoolId, String startsOn, String endsOn,
            String title) {
        return new PeopleDirectory.NewRole(role, Fields.uuid("schoolId", schoolId), Fields.date("startsOn", startsOn),
                Fields.date("endsOn", endsOn), title);
    }
}

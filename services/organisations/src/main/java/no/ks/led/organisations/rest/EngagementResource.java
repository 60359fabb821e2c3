package no.ks.led.organisations.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import no.ks.led.organisations.Engagement;
import no.ks.led.organisations.service.Consultancies;
import no.ks.led.organisations.service.Engagements;
import no.ks.led.organisations.service.PeopleDirectory;
import no.ks.led.organisations.service.PlatformClock;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's engagements of consultancies. */
@Path("/api/tenants/{tenantId}/engagements")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource {

    @Inject
    TenantAccess access;

    @Inject
    Caller caller;

    @Inject
    Engagements engagements;

    /** The executive and coordinator see all the tenant's engagements; a consultant only those that cover them. */
    @GET
    public RestResponse<List<EngagementView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR, TenantRole.CONSULTANT);
        LocalDate today = PlatformClock.today(tenantId);
        List<Engagement> all = Engagement.ofTenant(tenantId);
        if (!caller.holds(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR)) {
            UUID me = caller.personId().orElse(null);
            all = all.stream()
                    .filter(e -> me != null && e.covers(me) && Consultancies.isConsultantOf(me, e.consultancyId, today))
                    .toList();
        }
        return page.of(all).map(e -> EngagementView.of(e, today)).toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("tenantId") String tenantId,
            @NotNull(message = "a JSON body is required") @Valid NewEngagementRequest request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        List<UUID> schools = request.schoolIds() == null ? List.of()
                : request.schoolIds().stream().map(id -> Fields.uuid("schoolIds", id)).toList();
        Engagement engagement = engagements.start(tenantId, new Engagements.NewEngagement(request.consultancyId(),
                Fields.uuid("consultantPersonId", request.consultantPersonId()), schools,
                Fields.date("startsOn", request.startsOn()), Fields.date("endsOn", request.endsOn())),
                caller.personId().orElse(null));
        return Response.created(URI.create("/api/tenants/" + tenantId + "/engagements/" + engagement.id))
                .entity(EngagementView.of(engagement, PlatformClock.today(tenantId))).build();
    }

    /** Revokes the engagement now; revoking a revoked one changes nothing. */
    @DELETE
    @Path("{engagementId}")
    public Response end(@PathParam("tenantId") String tenantId, @PathParam("engagementId") String engagementId) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        engagements.end(tenantId, Fields.pathId("Engagement", engagementId));
        return Response.noContent().build();
    }
}

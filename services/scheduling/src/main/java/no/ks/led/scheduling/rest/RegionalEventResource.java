package no.ks.led.scheduling.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.paging.Page;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.scheduling.NationalEvent;
import no.ks.led.scheduling.rest.NationalEventRequests.NewEvent;
import no.ks.led.scheduling.service.NationalEvents;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Regional events as their host publishes and follows them: a lead owner's coordinator or executive publishes an
 * event for its own people and those of the tenants it invites (of its country), sees the sign-ups of every invited
 * tenant (it runs the event, as KS a national one) and cancels it. The invited tenants' people find it among their
 * events at {@code /api/tenants/{tenantId}/national-events} and sign up there.
 */
@Path("/api/tenants/{tenantId}/regional-events")
@Produces(MediaType.APPLICATION_JSON)
public class RegionalEventResource {

    private static final TenantRole[] HOSTS = {TenantRole.COORDINATOR, TenantRole.OWNER_EXECUTIVE};

    @Inject
    TenantAccess access;

    @Inject
    NationalEvents events;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("tenantId") String tenantId,
            @NotNull(message = "a JSON body is required") @Valid NewEvent request) {
        Grant grant = access.require(tenantId, HOSTS);
        NationalEvent event = events.publishRegional(tenantId, request.invitedTenants(), request.draft(),
                grant.personId().toString());
        return Response.created(URI.create("/api/tenants/" + tenantId + "/regional-events/" + event.id))
                .entity(NationalEventView.forOperator(events.occupancy(event))).build();
    }

    /** The regional events the tenant hosts that have not ended, earliest first. */
    @GET
    public RestResponse<List<NationalEventView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId, HOSTS);
        Page<NationalEvent> hosted = page.of(NationalEvent.hostedBy(tenantId, Instant.now()));
        return new Page<>(events.occupancies(hosted.items()), hosted.next()).map(NationalEventView::forOperator)
                .toResponse();
    }

    @GET
    @Path("{regionalEventId}")
    public NationalEventView get(@PathParam("tenantId") String tenantId, @PathParam("regionalEventId") UUID eventId) {
        access.require(tenantId, HOSTS);
        return NationalEventView.forOperator(events.getHosted(tenantId, eventId));
    }

    /** Every invited tenant's sign-ups, in the order people signed up, with what the caterer needs to know. */
    @GET
    @Path("{regionalEventId}/sign-ups")
    public RestResponse<List<NationalSignUpView>> signUps(@PathParam("tenantId") String tenantId,
            @PathParam("regionalEventId") UUID eventId, @BeanParam PageRequest page) {
        access.require(tenantId, HOSTS);
        return page.of(events.allHosted(tenantId, eventId)).map(NationalSignUpView::of).toResponse();
    }

    @POST
    @Path("{regionalEventId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    public NationalEventView cancel(@PathParam("tenantId") String tenantId, @PathParam("regionalEventId") UUID eventId,
            @Valid ActivityRequests.Cancellation request) {
        access.require(tenantId, HOSTS);
        return NationalEventView.forOperator(events.occupancy(events.cancelHosted(tenantId, eventId,
                request == null ? null : request.reason())));
    }
}

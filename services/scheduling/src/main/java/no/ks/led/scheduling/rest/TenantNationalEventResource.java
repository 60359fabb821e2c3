package no.ks.led.scheduling.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import no.ks.led.foundation.paging.Page;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.scheduling.NationalEvent;
import no.ks.led.scheduling.NationalSignUp;
import no.ks.led.scheduling.rest.ActivityRequests.NewSignUp;
import no.ks.led.scheduling.service.NationalEvents;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The events across tenants as a tenant's people see them (the national ones of its country, the regional ones it
 * hosts or is invited to), and their sign-ups through the tenant: a tenant sees only its own participants, never
 * another tenant's.
 */
@Path("/api/tenants/{tenantId}/national-events")
@Produces(MediaType.APPLICATION_JSON)
public class TenantNationalEventResource {

    @Inject
    TenantAccess access;

    @Inject
    NationalEvents events;

    /**
     * The events the tenant's people may join that have not ended, earliest first: the national ones of its country
     * and the regional ones it hosts or is invited to.
     */
    @GET
    public RestResponse<List<NationalEventView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        Grant grant = access.require(tenantId);
        Page<NationalEvent> upcoming = page.of(NationalEvent.upcomingFor(tenantId, events.countryOf(tenantId), Instant.now()));
        return new Page<>(events.forTenant(grant, upcoming.items()), upcoming.next()).map(NationalEventView::forTenant)
                .toResponse();
    }

    @GET
    @Path("{eventId}")
    public NationalEventView get(@PathParam("tenantId") String tenantId, @PathParam("eventId") UUID eventId) {
        return NationalEventView.forTenant(events.getForTenant(access.require(tenantId), eventId));
    }

    /** The caller signs up through the tenant: confirmed while there is room, else on the waiting list. */
    @POST
    @Path("{eventId}/sign-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signUp(@PathParam("tenantId") String tenantId, @PathParam("eventId") UUID eventId,
            @Valid NewSignUp request) {
        Grant grant = access.require(tenantId);
        NationalSignUp signUp = events.signUp(tenantId, eventId, grant.personId(),
                request == null ? null : request.dietaryNeeds());
        return Response.created(URI.create("/api/tenants/" + tenantId + "/national-events/" + eventId + "/sign-ups/"
                + signUp.id)).entity(NationalSignUpView.of(signUp)).build();
    }

    /** The tenant's sign-ups for its organisers; the caller's own for anyone else. */
    @GET
    @Path("{eventId}/sign-ups")
    public RestResponse<List<NationalSignUpView>> signUps(@PathParam("tenantId") String tenantId,
            @PathParam("eventId") UUID eventId, @BeanParam PageRequest page) {
        return page.of(events.visibleTo(access.require(tenantId), eventId)).map(NationalSignUpView::of).toResponse();
    }

    @POST
    @Path("{eventId}/sign-ups/{nationalSignUpId}/cancellation")
    public NationalSignUpView cancel(@PathParam("tenantId") String tenantId, @PathParam("eventId") UUID eventId,
            @PathParam("nationalSignUpId") UUID signUpId) {
        return NationalSignUpView.of(events.cancel(access.require(tenantId), eventId, signUpId));
    }
}

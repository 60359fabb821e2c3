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
import no.ks.led.foundation.access.CallerToken;
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.paging.Page;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.scheduling.NationalEvent;
import no.ks.led.scheduling.rest.ActivityRequests.Cancellation;
import no.ks.led.scheduling.rest.NationalEventRequests.NewEvent;
import no.ks.led.scheduling.service.NationalEvents;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * National events as their national operator publishes and follows them: KS for Norway's tenants, the Danish
 * national operator for Denmark's. Publishing and cancelling need {@code ks-admin} or {@code dk-national}.
 */
@Path("/api/national/events")
@Produces(MediaType.APPLICATION_JSON)
public class NationalEventResource {

    @Inject
    TenantAccess access;

    @Inject
    CallerToken caller;

    @Inject
    NationalEvents events;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@NotNull(message = "a JSON body is required") @Valid NewEvent request) {
        Country country = publisher();
        if (request.invitedTenants() != null && !request.invitedTenants().isEmpty()) {
            throw ProblemException.invalidField("invitedTenants", "a national event invites every tenant of its country");
        }
        NationalEvent event = events.publish(country, request.draft(), caller.subject());
        return Response.created(URI.create("/api/national/events/" + event.id))
                .entity(NationalEventView.forOperator(events.occupancy(event))).build();
    }

    /** The country's events that have not ended, earliest first. */
    @GET
    public RestResponse<List<NationalEventView>> list(@BeanParam PageRequest page) {
        Country country = access.requireNationalFigures();
        Page<NationalEvent> upcoming = page.of(NationalEvent.upcoming(country, Instant.now()));
        return new Page<>(events.occupancies(upcoming.items()), upcoming.next()).map(NationalEventView::forOperator)
                .toResponse();
    }

    @GET
    @Path("{eventId}")
    public NationalEventView get(@PathParam("eventId") UUID eventId) {
        return NationalEventView.forOperator(events.get(access.requireNationalFigures(), eventId));
    }

    /** Every tenant's sign-ups, in the order people signed up, with what the caterer needs to know. */
    @GET
    @Path("{eventId}/sign-ups")
    public RestResponse<List<NationalSignUpView>> signUps(@PathParam("eventId") UUID eventId, @BeanParam PageRequest page) {
        return page.of(events.all(access.requireNationalFigures(), eventId)).map(NationalSignUpView::of).toResponse();
    }

    @POST
    @Path("{eventId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    public NationalEventView cancel(@PathParam("eventId") UUID eventId, @Valid Cancellation request) {
        Country country = publisher();
        NationalEvent event = events.cancel(country, eventId, request == null ? null : request.reason());
        return NationalEventView.forOperator(events.occupancy(event));
    }

    /** The country a caller may publish for: 403 without {@code ks-admin} or {@code dk-national}. */
    private Country publisher() {
        access.requireNational(CallerToken.KS_ADMIN, CallerToken.DK_NATIONAL);
        return access.requireNationalFigures();
    }
}

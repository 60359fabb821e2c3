package no.ks.led.scheduling.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.scheduling.service.CalendarFeeds;

/** Calendar feeds at secret URLs for a person, a school or a programme; DELETE revokes one (404 after). */
@Path("/api/tenants/{tenantId}/calendar-feeds")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarFeedResource {

    @Inject
    TenantAccess access;

    @Inject
    CalendarFeeds feeds;

    /** A new feed; its URL is shown this once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenantId") String tenantId,
            @NotNull(message = "a JSON body is required") @Valid NewFeed request) {
        Grant grant = access.require(tenantId);
        CalendarFeeds.Created created = feeds.create(grant, request.scope(), request.id());
        return Response.created(URI.create("/api/tenants/" + tenantId + "/calendar-feeds/" + created.feed().id))
                .entity(new FeedView(created.feed().id, created.feed().scope, created.feed().scopeId, created.url())).build();
    }

    @DELETE
    @Path("{feedId}")
    public Response revoke(@PathParam("tenantId") String tenantId, @PathParam("feedId") UUID feedId) {
        feeds.revoke(access.require(tenantId), feedId);
        return Response.noContent().build();
    }

    /** The feed to make: person (the caller; id optional), school or programme (id required). */
    public record NewFeed(
            @NotNull(message = "is required") @Pattern(regexp = "person|school|programme", message = "must be person, school or programme") String scope,
            UUID id) {
    }

    /** A created feed and its secret URL. */
    public record FeedView(UUID id, String scope, UUID scopeId, String url) {
    }
}

package no.ks.led.web.scheduling;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.CalendarFeed;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * My calendar: a feed of the person's activities for Outlook, Google or Teams. The secret link is shown once,
 * right after it is made, with a button that revokes it.
 */
@Path("/tenants/{tenantId}/calendar")
@Produces(MediaType.TEXT_HTML)
public class MyCalendar {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(Page page, CalendarFeed feed, boolean revoked);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance calendar(@PathParam("tenantId") String tenantId, @QueryParam("revoked") boolean revoked) {
        return Templates.calendar(pages.page("calendar.title", tenantId), null, revoked);
    }

    /** Makes a new feed of the person's calendar and shows its link. */
    @POST
    @Path("feeds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance create(@PathParam("tenantId") String tenantId) {
        CalendarFeed feed = api.createCalendarFeed(tenantId, Map.of("scope", "person"));
        return Templates.calendar(pages.page("calendar.title", tenantId), feed, false);
    }

    /** Revokes a feed: its link answers nothing from now on. */
    @POST
    @Path("feeds/{feedId}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("tenantId") String tenantId, @PathParam("feedId") UUID feedId) {
        api.revokeCalendarFeed(tenantId, feedId);
        return Response.seeOther(URI.create("/tenants/" + tenantId + "/calendar?revoked=true")).build();
    }
}

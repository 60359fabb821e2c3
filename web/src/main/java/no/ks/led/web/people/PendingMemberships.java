package no.ks.led.web.people;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.PendingMembership;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The roles an organisation has offered the signed-in person and that wait for them: they accept or decline
 * each (docs/architecture.md, "People across tenants"). The API decides whose they are.
 */
@Path("/pending-memberships")
@Produces(MediaType.TEXT_HTML)
public class PendingMemberships {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, List<PendingMembership> memberships, String notice);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance list(@QueryParam("decided") String decided) {
        Page page = pages.page("pending.title");
        String notice = "accepted".equals(decided) || "declined".equals(decided) ? page.t().msg("pending." + decided) : null;
        return Templates.list(page, api.pendingMemberships(), notice);
    }

    /** {@code decision=accept} accepts the membership, anything else declines it. */
    @POST
    @Path("{membershipId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("membershipId") UUID membershipId, @FormParam("decision") String decision) {
        boolean accept = "accept".equals(decision);
        if (accept) {
            api.acceptMembership(membershipId);
        } else {
            api.declineMembership(membershipId);
        }
        return Response.seeOther(URI.create("/pending-memberships?decided=" + (accept ? "accepted" : "declined"))).build();
    }
}

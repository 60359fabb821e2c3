package no.ks.led.scheduling.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.scheduling.service.CalendarFeeds;

/**
 * A calendar feed at its secret URL, for calendar clients (Outlook, Google, Teams) that carry no token: the
 * secret is the access. Unknown and revoked secrets answer the same 404. The gateway limits the request rate.
 */
@Path("/calendar")
public class PublicFeedResource {

    /** 43 URL-safe base64 characters: 32 random bytes. */
    private static final String SECRET = "[A-Za-z0-9_-]{43}";

    @Inject
    CalendarFeeds feeds;

    @GET
    @Path("{secret}.ics")
    @Produces("text/calendar")
    public Response feed(@PathParam("secret") String secret, @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (!secret.matches(SECRET)) {
            throw ProblemException.notFound("Calendar feed");
        }
        CalendarFeeds.Rendered feed = feeds.render(secret).orElseThrow(() -> ProblemException.notFound("Calendar feed"));
        if (feed.etag().equals(ifNoneMatch)) {
            return Response.notModified().tag(new jakarta.ws.rs.core.EntityTag(feed.etag().replace("\"", ""))).build();
        }
        return Response.ok(feed.body(), "text/calendar; charset=utf-8")
                .header("ETag", feed.etag())
                .header("Cache-Control", "private, max-age=300")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .build();
    }
}

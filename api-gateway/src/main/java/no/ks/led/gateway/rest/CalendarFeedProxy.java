package no.ks.led.gateway.rest;

import java.util.Optional;
import java.util.Set;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.gateway.config.GatewayConfig;
import no.ks.led.gateway.ratelimit.RateLimits;
import no.ks.led.gateway.routing.RouteTable;
import org.jboss.logging.Logger;

/**
 * The one public route outside {@code /api}: calendar feeds at secret URLs ({@code /calendar/{secret}.ics}),
 * which calendar clients fetch without a token; the secret is the access. Allowed by a route line like any
 * other, limited per client address by the route's own request limit, and the secret never logged.
 */
@Path("/calendar")
@ApplicationScoped
public class CalendarFeedProxy {

    private static final Logger LOG = Logger.getLogger(CalendarFeedProxy.class);
    private static final Set<String> FORWARDED_RESPONSE_HEADERS = Set.of("content-type", "etag", "cache-control",
            "referrer-policy", "x-robots-tag");

    @Inject
    RouteTable routes;

    @Inject
    RateLimits limits;

    @Inject
    GatewayConfig config;

    @Inject
    RoutingContext request;

    @Inject
    Upstream upstream;

    @GET
    @Path("{file}")
    public Uni<Response> feed(@Context UriInfo uri, @HeaderParam("If-None-Match") String ifNoneMatch) {
        String path = uri.getPath();
        Optional<RouteTable.Match> found = routes.match("GET", path).filter(m -> m.tenantId().isEmpty());
        RouteTable.Match match = found.orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, null));
        Optional<Response> refused = limits.take(match.route().rateLimit().orElse(RateLimits.API),
                RateLimits.addressKey(request.request()), "/calendar");
        if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(match.upstreamBaseUrl() + uri.getRequestUri().getRawPath())
                .setTimeout(match.route().timeout().orElse(config.upstreamTimeout()).toMillis());
        if (ifNoneMatch != null) {
            options.addHeader("If-None-Match", ifNoneMatch);
        }
        return upstream.exchange(options, null, (name, value, response) -> {
            if (FORWARDED_RESPONSE_HEADERS.contains(name.toLowerCase())) {
                response.header(name, value);
            }
        }).onFailure().recoverWithItem(failure -> {
            // the path is the secret: it stays out of the log
            LOG.warnf("Upstream %s failed for a calendar feed: %s", match.route().service(), failure.toString());
            return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The calendar service did not answer", "/calendar").toResponse();
        });
    }
}

package no.ks.led.gateway.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.ks.led.foundation.access.CallerToken;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.gateway.access.MemoryAccessReplica;
import no.ks.led.gateway.access.OrganisationEventsFollower;
import no.ks.led.gateway.config.GatewayConfig;
import no.ks.led.gateway.ratelimit.RateLimits;
import no.ks.led.gateway.routing.RouteTable;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Forwards allowed API requests to the service that owns them. The caller's token is checked here
 * (signature, expiry, audience) and the caller must be a member of the tenant in the path (token and
 * access replica); the service checks both again. Only the listed request headers travel upstream.
 */
@Path("/api")
@Authenticated
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    private static final List<String> FORWARDED_REQUEST_HEADERS = List.of(
            HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE,
            "Idempotency-Key");
    private static final Set<String> FORWARDED_RESPONSE_HEADERS = Set.of(
            "content-type", "etag", "last-modified", "content-disposition", "www-authenticate",
            // a list's next page (RFC 8288); services give it as a path, so it names no internal address
            "link",
            // a service's own protections for what it serves (exports, SVG charts) travel with it
            "cache-control", "x-content-type-options", "content-security-policy",
            // a service's 503 says when to try again
            "retry-after");

    @Inject
    RouteTable routes;

    @Inject
    CallerToken caller;

    @Inject
    MemoryAccessReplica replica;

    @Inject
    OrganisationEventsFollower follower;

    @Inject
    GatewayConfig config;

    @Inject
    RateLimits limits;

    @Inject
    JsonWebToken token;

    @Inject
    RoutingContext request;

    @Inject
    Upstream upstream;

    @GET
    @Path("{path: .+}")
    public Uni<Response> get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", uri, headers, null);
    }

    @DELETE
    @Path("{path: .+}")
    public Uni<Response> delete(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", uri, headers, null);
    }

    @POST
    @Path("{path: .+}")
    public Uni<Response> post(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", uri, headers, body);
    }

    @PUT
    @Path("{path: .+}")
    public Uni<Response> put(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", uri, headers, body);
    }

    @PATCH
    @Path("{path: .+}")
    public Uni<Response> patch(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", uri, headers, body);
    }

    private Uni<Response> forward(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        String path = uri.getPath();
        Optional<RouteTable.Match> found = routes.match(method, path);
        Optional<Response> refused = limits.take(found.flatMap(m -> m.route().rateLimit()).orElse(RateLimits.API),
                callerKey(), path);
        if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
        }
        RouteTable.Match match = found.orElseThrow(() -> routes.knowsPath(path)
                ? new ProblemException(ProblemType.METHOD_NOT_ALLOWED, method + " is not allowed on " + path)
                : new ProblemException(ProblemType.NOT_FOUND, null));
        if (!match.tenantId().isEmpty() && !mayEnter(match.tenantId())) {
            throw ProblemException.notFound("Tenant " + match.tenantId());
        }
        String query = uri.getRequestUri().getRawQuery();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setAbsoluteURI(match.upstreamBaseUrl() + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query))
                .setTimeout(match.route().timeout().orElse(config.upstreamTimeout()).toMillis());
        for (String name : FORWARDED_REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                options.addHeader(name, value);
            }
        }
        String origin = publicOrigin(uri);
        return upstream.exchange(options, body, (name, value, response) -> {
                    String lower = name.toLowerCase();
                    if (lower.equals("location")) {
                        response.header(name, publicLocation(value, origin));
                    } else if (FORWARDED_RESPONSE_HEADERS.contains(lower)) {
                        response.header(name, value);
                    }
                })
                .onFailure().recoverWithItem(failure -> upstreamFailed(match, path, failure));
    }

    /**
     * KS staff pass on to the service, which decides what national roles may see there. Anyone else
     * needs the tenant in their token's {@code organization} claim and a current role there in the
     * replica: a revoked engagement is refused here too as soon as its event has arrived.
     */
    private boolean mayEnter(String tenantId) {
        if (caller.isNational()) {
            return true;
        }
        if (!follower.caughtUp()) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The gateway is still loading access data");
        }
        return caller.namesTenant(tenantId) && caller.personId()
                .map(person -> replica.mayEnter(person, tenantId, LocalDate.now(replica.zoneOf(tenantId))))
                .orElse(false);
    }

    /**
     * Whose limit a request counts against: the verified token's person (or subject, for a token without
     * one); a request without a token, its client address.
     */
    private String callerKey() {
        if (caller.isAnonymous()) {
            return RateLimits.addressKey(request.request());
        }
        return caller.personId().map(person -> "person:" + person).orElseGet(() -> "subject:" + token.getSubject());
    }

    /** The origin clients reach the platform at: the configured public URL, else the request's (forwarded) own. */
    private String publicOrigin(UriInfo uri) {
        URI base = config.publicUrl().orElse(uri.getBaseUri());
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    /**
     * A service's {@code Location} names the service's own address ({@code http://127.0.0.1:8103/...} or an
     * in-cluster name); the client gets the same path at the gateway's public origin. Relative locations
     * and other origins pass unchanged.
     */
    String publicLocation(String location, String publicOrigin) {
        for (String upstream : config.services().values()) {
            URI service = URI.create(upstream);
            String origin = service.getScheme() + "://" + service.getRawAuthority();
            if (location.regionMatches(true, 0, origin, 0, origin.length())
                    && (location.length() == origin.length() || location.charAt(origin.length()) == '/')) {
                return publicOrigin + location.substring(origin.length());
            }
        }
        return location;
    }

    /**
     * No answer from the service (refused, reset, timed out): it is down or overloaded, so the client
     * gets 503 with {@code Retry-After}, never a hung request or a bare 502.
     */
    private static Response upstreamFailed(RouteTable.Match match, String path, Throwable failure) {
        LOG.warnf("Upstream %s failed for %s: %s", match.route().service(), path, failure.toString());
        return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The " + match.route().service() + " service did not answer",
                path).toResponse();
    }
}

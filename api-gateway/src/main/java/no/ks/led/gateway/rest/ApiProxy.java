package no.ks.led.gateway.rest;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.CallerToken;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.gateway.access.MemoryAccessReplica;
import no.ks.led.gateway.access.OrganisationEventsFollower;
import no.ks.led.gateway.config.GatewayConfig;
import no.ks.led.gateway.ratelimit.RateLimits;
import no.ks.led.gateway.routing.RouteTable;
import org.jboss.logging.Logger;

/**
 * Forwards allowed API requests to the service that owns them, as a plain Vert.x route that streams both
 * bodies (no JAX-RS, nothing buffered). The caller's token is checked by the HTTP layer (the {@code api}
 * permission, {@code authenticated} on {@code /api/*}) and the caller must be a member of the tenant in the
 * path (token and access replica); the service checks both again. Only the listed request headers travel
 * upstream and only the listed response headers come back.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    private static final String PATHS = "/api/*";
    /** After authentication (order -200) has attached the caller, before the permission check (-100). */
    private static final int BEFORE_PERMISSION_CHECK = -150;
    private static final Set<HttpMethod> FORWARDED_METHODS = Set.of(HttpMethod.GET, HttpMethod.DELETE, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH);
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final List<String> FORWARDED_REQUEST_HEADERS = List.of(
            "Authorization", "Content-Type", "Accept", "Accept-Language", "Idempotency-Key",
            // the length of the body streamed on; without it the body goes chunked
            "Content-Length");
    private static final Set<String> FORWARDED_RESPONSE_HEADERS = Set.of(
            "content-type", "etag", "last-modified", "content-disposition", "www-authenticate",
            // a list's next page (RFC 8288); services give it as a path, so it names no internal address
            "link",
            // a service's own protections for what it serves (exports, SVG charts) travel with it
            "cache-control", "x-content-type-options", "content-security-policy",
            // a service's 503 says when to try again
            "retry-after",
            // the length of the body streamed back; without it the body goes chunked
            "content-length");

    @Inject
    RouteTable routes;

    @Inject
    MemoryAccessReplica replica;

    @Inject
    OrganisationEventsFollower follower;

    @Inject
    GatewayConfig config;

    @Inject
    RateLimits limits;

    @Inject
    Upstream upstream;

    void register(@Observes Router router) {
        router.route(PATHS).order(BEFORE_PERMISSION_CHECK).handler(this::requireToken);
        // after the permission check, before any JAX-RS resource (the web app's catch-all among them)
        router.route(PATHS).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::forward);
    }

    /**
     * Answers a request without a valid token with the same 401 problem (and {@code WWW-Authenticate}) as every
     * Led API, instead of the HTTP layer's empty challenge; a request with one goes on to the permission check.
     */
    private void requireToken(RoutingContext ctx) {
        if (ctx.normalizedPath().length() <= "/api/".length()) {
            // no route at all, which needs no token to say
            send(ctx, Problem.of(ProblemType.NOT_FOUND, null, ctx.normalizedPath()));
            return;
        }
        BiConsumer<RoutingContext, Throwable> unauthorized = (failed, failure) -> unauthorized(failed);
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, unauthorized);
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> {
            if (identity.isAnonymous()) {
                unauthorized(ctx);
            } else {
                ctx.next();
            }
        }, failure -> unauthorized(ctx));
    }

    private static void unauthorized(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problem.of(ProblemType.UNAUTHORIZED, null, pathOf(ctx)).send(ctx.response());
        }
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // nothing of the body may be read before the upstream request can take it
        request.pause();
        String path = pathOf(ctx);
        if (path == null) {
            send(ctx, Problem.of(ProblemType.NOT_FOUND, null, request.path()));
            return;
        }
        String method = request.method().name();
        CallerToken caller = CallerToken.of(identityOf(ctx));
        Optional<RouteTable.Match> found = FORWARDED_METHODS.contains(request.method())
                ? routes.match(method, path) : Optional.empty();
        Optional<Response> refused = limits.take(
                found.flatMap(m -> m.route().rateLimit()).orElse(RateLimits.API), callerKey(caller, request), path);
        if (refused.isPresent()) {
            request.resume();
            RateLimits.send(refused.get(), ctx.response());
            return;
        }
        if (found.isEmpty()) {
            send(ctx, routes.knowsPath(path)
                    ? Problem.of(ProblemType.METHOD_NOT_ALLOWED, method + " is not allowed on " + path, path)
                    : Problem.of(ProblemType.NOT_FOUND, null, path));
            return;
        }
        RouteTable.Match match = found.get();
        if (!match.tenantId().isEmpty()) {
            Optional<Problem> outside = refusedEntry(caller, match.tenantId(), path);
            if (outside.isPresent()) {
                send(ctx, outside.get());
                return;
            }
        }
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(match.upstreamBaseUrl() + request.path() + (query == null ? "" : "?" + query))
                .setTimeout(match.route().timeout().orElse(config.upstreamTimeout()).toMillis());
        MultiMap headers = request.headers();
        for (String name : FORWARDED_REQUEST_HEADERS) {
            String value = headers.get(name);
            if (value != null && (WITH_BODY.contains(request.method()) || !name.equals("Content-Length"))) {
                options.addHeader(name, value);
            }
        }
        String origin = publicOrigin(request);
        upstream.streaming().request(options)
                .compose(out -> WITH_BODY.contains(request.method()) ? out.send(request) : sendWithoutBody(out, request))
                .onSuccess(answer -> relay(answer, ctx.response(), origin, match, path))
                .onFailure(failure -> upstreamFailed(ctx, match, path, failure));
    }

    /** A GET or DELETE carries no body upstream (as before: a body sent with one is dropped). */
    private static Future<HttpClientResponse> sendWithoutBody(HttpClientRequest out, HttpServerRequest in) {
        in.resume();
        return out.send();
    }

    /** Streams the upstream's answer back with its status and the allowed headers, a {@code Location} made public. */
    private void relay(HttpClientResponse answer, HttpServerResponse response, String origin, RouteTable.Match match,
            String path) {
        response.setStatusCode(answer.statusCode());
        answer.headers().forEach((name, value) -> {
            String lower = name.toLowerCase();
            if (lower.equals("location")) {
                response.headers().add(name, publicLocation(value, origin));
            } else if (FORWARDED_RESPONSE_HEADERS.contains(lower)) {
                response.headers().add(name, value);
            }
        });
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH) && answer.statusCode() != 204 && answer.statusCode() != 304) {
            response.setChunked(true);
        }
        answer.pipe().endOnFailure(false).to(response).onFailure(failure -> {
            // the service or the client broke off: both connections are cut, so neither hangs half-read
            LOG.warnf("The answer of %s for %s broke off: %s", match.route().service(), path, failure.toString());
            answer.request().reset();
            if (!response.ended()) {
                response.reset();
            }
        });
    }

    private static SecurityIdentity identityOf(RoutingContext ctx) {
        return ((QuarkusHttpUser) ctx.user()).getSecurityIdentity();
    }

    /**
     * The request's path as the allow-list and problems name it: normalized and decoded; null if it cannot be
     * decoded (a stray {@code %}).
     */
    private static String pathOf(RoutingContext ctx) {
        try {
            return URLDecoder.decode(ctx.normalizedPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * KS staff pass on to the service, which decides what national roles may see there. Anyone else
     * needs the tenant in their token's {@code organization} claim and a current role there in the
     * replica: a revoked engagement is refused here too as soon as its event has arrived.
     */
    private Optional<Problem> refusedEntry(CallerToken caller, String tenantId, String path) {
        if (caller.isNational()) {
            return Optional.empty();
        }
        if (!follower.caughtUp()) {
            return Optional.of(Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The gateway is still loading access data", path));
        }
        boolean member = caller.namesTenant(tenantId) && caller.personId()
                .map(person -> replica.mayEnter(person, tenantId, LocalDate.now(replica.zoneOf(tenantId))))
                .orElse(false);
        return member ? Optional.empty()
                : Optional.of(Problem.of(ProblemType.NOT_FOUND, "Tenant " + tenantId + " was not found", path));
    }

    /**
     * Whose limit a request counts against: the verified token's person (or subject, for a token without
     * one); a request without a token, its client address.
     */
    private static String callerKey(CallerToken caller, HttpServerRequest request) {
        if (caller.isAnonymous()) {
            return RateLimits.addressKey(request);
        }
        return caller.personId().map(person -> "person:" + person).orElseGet(() -> "subject:" + caller.subject());
    }

    /** The origin clients reach the platform at: the configured public URL, else the request's (forwarded) own. */
    private String publicOrigin(HttpServerRequest request) {
        return config.publicUrl().map(base -> base.getScheme() + "://" + base.getRawAuthority())
                .orElseGet(() -> request.scheme() + "://" + request.authority());
    }

    /**
     * A service's {@code Location} names the service's own address ({@code http://127.0.0.1:8103/...} or an
     * in-cluster name); the client gets the same path at the gateway's public origin. Relative locations
     * and other origins pass unchanged.
     */
    String publicLocation(String location, String publicOrigin) {
        for (String service : config.services().values()) {
            URI address = URI.create(service);
            String origin = address.getScheme() + "://" + address.getRawAuthority();
            if (location.regionMatches(true, 0, origin, 0, origin.length())
                    && (location.length() == origin.length() || location.charAt(origin.length()) == '/')) {
                return publicOrigin + location.substring(origin.length());
            }
        }
        return location;
    }

    /** A problem before anything went upstream; the body, if any, is read and dropped. */
    private static void send(RoutingContext ctx, Problem problem) {
        ctx.request().resume();
        problem.send(ctx.response());
    }

    /**
     * No answer from the service (refused, reset, timed out): it is down or overloaded, so the client
     * gets 503 with {@code Retry-After}, never a hung request or a bare 502.
     */
    private static void upstreamFailed(RoutingContext ctx, RouteTable.Match match, String path, Throwable failure) {
        LOG.warnf("Upstream %s failed for %s: %s", match.route().service(), path, failure.toString());
        if (ctx.response().headWritten()) {
            // the answer had begun: all that is left is to cut it off
            ctx.response().reset();
            return;
        }
        send(ctx, Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The " + match.route().service() + " service did not answer",
                path));
    }
}

package no.ks.led.gateway.rest;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * Everything that is not {@code /api/...} goes to the web app, so browsers see one origin: pages, their
 * files, the login's callback and logout. The web app does its own login (cookies, not bearer tokens), so
 * nothing is checked here; it learns the origin the browser used from {@code X-Forwarded-Proto/-Host}.
 * {@code /q/...} (health, metrics) is never forwarded: the management port has it.
 */
@Path("/")
@ApplicationScoped
public class WebProxy {

    private static final Logger LOG = Logger.getLogger(WebProxy.class);
    private static final List<String> FORWARDED_REQUEST_HEADERS = List.of(
            HttpHeaders.COOKIE, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE,
            HttpHeaders.USER_AGENT, HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE, "Origin", "Referer",
            // htmx says what it asks for
            "HX-Request", "HX-Target", "HX-Trigger", "HX-Current-URL", "HX-Boosted");
    private static final Set<String> FORWARDED_RESPONSE_HEADERS = Set.of(
            // content-disposition: the web app's downloads (the plan as a Word document) keep their file name
            "content-type", "content-disposition", "content-language", "location", "set-cookie", "cache-control", "expires", "etag",
            "last-modified", "vary", "content-security-policy", "x-content-type-options", "x-frame-options",
            "referrer-policy", "permissions-policy", "strict-transport-security", "retry-after",
            "hx-redirect", "hx-location", "hx-refresh", "hx-trigger", "hx-push-url", "hx-retarget", "hx-reswap");

    @Inject
    GatewayConfig config;

    @Inject
    Upstream upstream;

    @GET
    public Uni<Response> root(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", uri, headers, null);
    }

    @GET
    @Path("{path: .+}")
    public Uni<Response> get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", uri, headers, null);
    }

    @HEAD
    @Path("{path: .+}")
    public Uni<Response> head(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("HEAD", uri, headers, null);
    }

    @POST
    @Path("{path: .+}")
    public Uni<Response> post(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", uri, headers, body);
    }

    private Uni<Response> forward(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        String path = uri.getRequestUri().getRawPath();
        if (!WebRoutes.isWebPath(path)) {
            throw new ProblemException(ProblemType.NOT_FOUND, null);
        }
        String query = uri.getRequestUri().getRawQuery();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setAbsoluteURI(config.webUrl() + path + (query == null ? "" : "?" + query))
                .setTimeout(config.upstreamTimeout().toMillis());
        for (String name : FORWARDED_REQUEST_HEADERS) {
            List<String> values = headers.getRequestHeader(name);
            if (values != null) {
                values.forEach(value -> options.addHeader(name, value));
            }
        }
        URI origin = config.publicUrl().orElse(uri.getBaseUri());
        options.putHeader("X-Forwarded-Proto", origin.getScheme());
        options.putHeader("X-Forwarded-Host", origin.getRawAuthority());
        return upstream.exchange(options, body, (name, value, response) -> {
                    if (FORWARDED_RESPONSE_HEADERS.contains(name.toLowerCase())) {
                        response.header(name, value);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("The web app failed for %s: %s", path, failure.toString());
                    return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The web app did not answer", path).toResponse();
                });
    }
}

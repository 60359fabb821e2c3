package no.ks.led.web.security;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import no.ks.led.web.WebConfig;
import no.ks.led.web.error.ErrorPage;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * The one check against cross-site request forgery: every request that may change something (POST, PUT,
 * PATCH, DELETE) must come from this origin ({@code Origin}, else {@code Referer}) and carry the form
 * field {@code csrf} equal to the browser's {@code led-csrf} cookie (SameSite=Strict, HttpOnly). Anything
 * else is a 403 page and changes nothing.
 */
public class CsrfFilter {

    private static final Logger LOG = Logger.getLogger(CsrfFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CsrfToken token;

    @Inject
    WebConfig config;

    @Inject
    ErrorPage errors;

    @ServerRequestFilter(readBody = true)
    public Optional<jakarta.ws.rs.core.Response> check(ResteasyReactiveContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(CsrfToken.COOKIE);
        token.begin(cookie == null ? null : cookie.getValue());
        if (SAFE.contains(request.getMethod())) {
            return Optional.empty();
        }
        URI base = request.getUriInfo().getBaseUri();
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        if (!sameOrigin(request.getHeaderString("Origin"), request.getHeaderString("Referer"), origin)) {
            LOG.debugf("Refused %s %s: not from %s", request.getMethod(), request.getUriInfo().getPath(), origin);
            return Optional.of(errors.forgedRequest());
        }
        String submitted = null;
        if (request.getMediaType() != null && (request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || request.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(CsrfToken.FIELD, true, false);
            submitted = field == null ? null : field.toString();
        }
        if (!token.matches(submitted)) {
            LOG.debugf("Refused %s %s: no matching anti-forgery token", request.getMethod(), request.getUriInfo().getPath());
            return Optional.of(errors.forgedRequest());
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    public void issue(ContainerResponseContext response) {
        if (token.value() != null && token.issued()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(CsrfToken.COOKIE)
                    .value(token.value()).path("/").httpOnly(true).secure(config.secureCookies())
                    .sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    /** The request's {@code Origin}, or without one its {@code Referer}, must be this origin; one of them must be there. */
    static boolean sameOrigin(String originHeader, String referer, String origin) {
        if (originHeader != null && !originHeader.isBlank()) {
            return originHeader.equals(origin);
        }
        if (referer != null && !referer.isBlank()) {
            return referer.equals(origin) || referer.startsWith(origin + "/");
        }
        return false;
    }
}

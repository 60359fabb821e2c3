package no.ks.led.web.security;

import java.net.URI;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import no.ks.led.web.WebConfig;

/**
 * The headers every answer carries, pages, files and error pages alike: a strict Content-Security-Policy
 * (nothing inline, nothing from elsewhere; forms may lead only here and to the identity provider, for
 * logout) and no framing, sniffing or referrer beyond this origin.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    SecurityHeaders(WebConfig config) {
        URI idp = config.identityProviderUrl();
        String idpOrigin = idp.getScheme() + "://" + idp.getRawAuthority();
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; form-action 'self' " + idpOrigin + "; frame-ancestors 'none'; base-uri 'none'";
    }

    public String contentSecurityPolicy() {
        return policy;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.response().headers()
                    .set("Content-Security-Policy", policy)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("X-Frame-Options", "DENY")
                    .set("Referrer-Policy", "same-origin")
                    .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            ctx.next();
        });
    }
}

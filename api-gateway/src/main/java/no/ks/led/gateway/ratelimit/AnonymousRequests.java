package no.ks.led.gateway.ratelimit;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Limits requests that carry no credentials by client address (the forwarded one behind the ingress),
 * before authentication looks at them; requests with a token are limited per person once it is verified
 * ({@code ApiProxy}). Health, metrics and OpenAPI are on the management interface, not this router.
 */
@ApplicationScoped
public class AnonymousRequests {

    @Inject
    RateLimits limits;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            if (ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
                ctx.next();
                return;
            }
            limits.take(RateLimits.API, RateLimits.addressKey(ctx.request()), ctx.normalizedPath())
                    .ifPresentOrElse(refused -> RateLimits.send(refused, ctx.response()), ctx::next);
        });
    }
}

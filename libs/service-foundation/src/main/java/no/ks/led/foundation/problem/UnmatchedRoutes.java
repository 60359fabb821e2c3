package no.ks.led.foundation.problem;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Answers a request that no route of the application matched with a 404 problem, not a default page. */
@ApplicationScoped
public class UnmatchedRoutes {

    void register(@Observes Router router) {
        router.route().last().handler(ctx -> {
            Problem.of(ProblemType.NOT_FOUND, null, ctx.normalizedPath()).send(ctx.response());
        });
    }
}

package no.ks.led.web.error;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/** A path no page has gets the 404 page in the person's language, not the framework's default. */
@ApplicationScoped
public class UnknownPaths {

    void register(@Observes Router router, ErrorPage pages) {
        router.route().last().handler(ctx -> {
            Response page = pages.of(404, null, ErrorPage.languageOf(ctx));
            ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html;charset=UTF-8")
                    .end((String) page.getEntity());
        });
    }
}

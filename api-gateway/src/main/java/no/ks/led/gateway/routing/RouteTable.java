package no.ks.led.gateway.routing;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.gateway.config.GatewayConfig;

/** The allow-list of routes, checked in order; a request that matches none is not forwarded. */
@ApplicationScoped
public class RouteTable {

    /** A request matched to its route, with the tenant named in its path (empty for none). */
    public record Match(Route route, String tenantId, String upstreamBaseUrl) {
    }

    private final List<Route> routes;
    private final GatewayConfig config;

    RouteTable(GatewayConfig config) {
        this.config = config;
        this.routes = config.routes().stream().map(Route::parse).toList();
        for (Route route : routes) {
            if (!config.services().containsKey(route.service())) {
                throw new IllegalStateException("Route " + route.template() + " names unknown service " + route.service());
            }
            if (route.rateLimit().isPresent() && !config.rateLimits().containsKey(route.rateLimit().get())) {
                throw new IllegalStateException("Route " + route.template() + " names unknown rate limit " + route.rateLimit().get());
            }
        }
    }

    public Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            Optional<String> tenant = route.match(method, path);
            if (tenant.isPresent()) {
                return Optional.of(new Match(route, tenant.get(), config.services().get(route.service())));
            }
        }
        return Optional.empty();
    }

    /** Whether any route has this path for some method (to answer 405 rather than 404). */
    public boolean knowsPath(String path) {
        return routes.stream().anyMatch(r -> r.pattern().matcher(path).matches());
    }
}

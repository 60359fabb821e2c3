package no.ks.led.gateway.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.gateway.config.GatewayConfig;

/**
 * The gateway's request limits by name ({@code led.gateway.rate-limits.<name>}): every route uses
 * {@link #API} unless it names another ({@code rate-limit=<name>} in its route line), so a public route
 * can get a limit of its own. A refused request is a 429 problem with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimits {

    /** The limit of every route that names none. */
    public static final String API = "api";

    private final Map<String, RateLimit> limits = new HashMap<>();
    private final MeterRegistry metrics;

    RateLimits(GatewayConfig config, MeterRegistry metrics) {
        this.metrics = metrics;
        config.rateLimits().forEach((name, limit) -> {
            if (limit.enabled()) {
                limits.put(name, new RateLimit(limit.perSecond(), limit.burst(), System::nanoTime));
            }
        });
    }

    /**
     * Takes one request of {@code key} from the named limit: empty when it may pass, else the 429 to answer.
     * A limit that is switched off lets everything pass.
     */
    public Optional<Response> take(String limit, String key, String path) {
        RateLimit rateLimit = limits.get(limit);
        if (rateLimit == null) {
            return Optional.empty();
        }
        return rateLimit.take(key).map(wait -> {
            metrics.counter("led.gateway.rate.limited", "limit", limit).increment();
            return tooManyRequests(wait, path);
        });
    }

    /** Answers a request on a Vert.x route with a refusal {@link #take} gave: the 429 problem and its {@code Retry-After}. */
    public static void send(Response refused, HttpServerResponse response) {
        response.putHeader("Retry-After", refused.getHeaderString("Retry-After"));
        ((Problem) refused.getEntity()).send(response);
    }

    /** The key of a caller the gateway could not identify by token: its client address. */
    public static String addressKey(HttpServerRequest request) {
        return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    private static Response tooManyRequests(Duration wait, String path) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Response problem = Problem.of(ProblemType.TOO_MANY_REQUESTS,
                "Too many requests; try again in " + seconds + " s", path).toResponse();
        return Response.fromResponse(problem).header("Retry-After", seconds).build();
    }
}

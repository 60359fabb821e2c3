package no.ks.led.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's configuration: where each service is, which routes go to it, and the request limits. */
@ConfigMapping(prefix = "led.gateway")
public interface GatewayConfig {

    /** Base URL of each upstream service, by service name. */
    Map<String, String> services();

    /** Base URL of the web app, which answers every path outside {@code /api} (and {@code /q}). */
    String webUrl();

    /** The allow-list, each entry {@code METHOD /path/{param} service [timeout=<seconds>s] [rate-limit=<name>]}. */
    List<String> routes();

    /** How long an upstream may take to answer before the client gets 503 with {@code Retry-After}. */
    @WithDefault("15s")
    Duration upstreamTimeout();

    /**
     * The platform's public URL (e.g. {@code https://led.example.org}), which upstream {@code Location}
     * headers are rewritten to; without it, the request's own (forwarded) scheme and host.
     */
    Optional<URI> publicUrl();

    /** Request limits by name; {@code api} applies to every route that names no other. */
    Map<String, RateLimitConfig> rateLimits();

    /** One request limit: a token bucket per person (or client address, without a token). */
    interface RateLimitConfig {

        /** Off: every request passes (the benchmarks switch the api limit off). */
        @WithDefault("true")
        boolean enabled();

        /** Requests per second a person may keep sending. */
        double perSecond();

        /** Requests a person may send at once, above the steady rate. */
        int burst();
    }
}

package no.ks.led.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's configuration: where each service is and which routes go to it. */
@ConfigMapping(prefix = "led.gateway")
public interface GatewayConfig {

    /** Base URL of each upstream service, by service name. */
    Map<String, String> services();

    /** The allow-list, each entry {@code METHOD /path/{param} service}. */
    List<String> routes();

    /** How long an upstream may take to answer before the client gets 503 with {@code Retry-After}. */
    @WithDefault("15s")
    Duration upstreamTimeout();
}

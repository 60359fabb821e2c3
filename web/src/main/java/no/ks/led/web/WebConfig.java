package no.ks.led.web;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The web app's own settings; login and the API's address are Quarkus OIDC and REST client settings. */
@ConfigMapping(prefix = "led.web")
public interface WebConfig {

    /** Keycloak's realm URL: its origin is the one place besides the app itself that forms may lead to (login, logout). */
    @WithName("identity-provider-url")
    URI identityProviderUrl();

    /** Whether cookies carry {@code Secure} (on wherever the platform is served over HTTPS, as in the chart). */
    @WithDefault("false")
    boolean secureCookies();
}

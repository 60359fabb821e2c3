package no.ks.led.foundation.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether {@link VerifiedTokens} keeps verified bearer tokens, and how many at most. */
@ConfigMapping(prefix = "led.token-cache")
public interface TokenCacheConfig {

    /** Off: every request's token is verified by quarkus-oidc, as without the cache. */
    @WithDefault("true")
    boolean enabled();

    /** Tokens kept at once; when full, the expired ones go first, then the one that expires soonest. */
    @WithDefault("1000")
    int maximumSize();
}

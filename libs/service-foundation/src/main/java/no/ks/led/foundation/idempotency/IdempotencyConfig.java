package no.ks.led.foundation.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long {@link IdempotencyKeys} honours a key, and how often it forgets the expired ones. */
@ConfigMapping(prefix = "led.idempotency")
public interface IdempotencyConfig {

    /** A retry within this time gets the first request's result; after it the key is forgotten. */
    @WithDefault("24h")
    Duration retention();

    /** How often the expired keys are deleted. */
    @WithDefault("1h")
    Duration purgeInterval();
}

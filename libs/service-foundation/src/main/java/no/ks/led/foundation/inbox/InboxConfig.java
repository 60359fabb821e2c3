package no.ks.led.foundation.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the {@link Inbox} retries an event whose handlers failed, before it goes to the dead-letter topic. */
@ConfigMapping(prefix = "led.events.retry")
public interface InboxConfig {

    /** Attempts in all, the first included. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after the first failure; it doubles after each further one. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();
}

package no.ks.led.organisations.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the identity sync retries and how long it waits for Keycloak. */
@ConfigMapping(prefix = "led.identity-sync")
public interface IdentitySyncConfig {

    /** How often the worker looks for due tasks (a Quarkus scheduler interval). */
    @WithDefault("1s")
    String pollInterval();

    /** Wait before the second attempt; doubles with every failure. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("60s")
    Duration maxBackoff();

    /** After this many failed attempts a task is marked failed and waits for an administrator's retry. */
    @WithDefault("50")
    int maxAttempts();

    /**
     * How long a claimed task is reserved for the worker applying it: Keycloak is called outside any
     * database transaction, and another replica takes the task over only after this time.
     */
    @WithDefault("120s")
    Duration claimLease();

    /** Tasks applied per run of the worker at most. */
    @WithDefault("50")
    int batchSize();

    /** Keycloak must accept the connection within this time. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Keycloak must answer within this time. */
    @WithDefault("5s")
    Duration readTimeout();
}

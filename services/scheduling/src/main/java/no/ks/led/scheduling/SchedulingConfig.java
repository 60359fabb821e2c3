package no.ks.led.scheduling;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The scheduling service's settings. */
@ConfigMapping(prefix = "led.scheduling")
public interface SchedulingConfig {

    /** The fewest gatherings the next twelve months should hold before the horizon check stops warning. */
    @WithDefault("2")
    int horizonMinimumGatherings();

    /** The platform's public origin, for the calendar feed URLs (the gateway serves /calendar/...). */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** E-mail to speakers. */
    Mail mail();

    /**
     * The fewest answers an activity's evaluation needs before its results are shown (the tenant's k is not known
     * to this service, so one setting for all; never below the national minimum of 3).
     */
    @WithDefault("5")
    int evaluationMinimumAnswers();

    /** Reminders to the people signed up for an activity. */
    Reminders reminders();

    /** When reminders go out. */
    interface Reminders {
        /** How long before an activity starts its reminder is sent. */
        @WithDefault("P2D")
        Duration leadTime();

        /** How often the job looks for reminders due ("off" in tests, which run it themselves). */
        @WithDefault("15m")
        String every();
    }

    /** How e-mails to speakers are sent. */
    interface Mail {
        /** The organizer address the invitations name. */
        @WithDefault("ikke-svar@led.localhost")
        String organizer();

        /** How often the sender looks for e-mails due ("off" in tests, which send themselves). */
        @WithDefault("30s")
        String sendEvery();

        @WithDefault("10S")
        Duration sendTimeout();

        @WithDefault("30S")
        Duration retryBackoff();

        @WithDefault("1H")
        Duration maxRetryBackoff();

        @WithDefault("50")
        int batchSize();
    }
}

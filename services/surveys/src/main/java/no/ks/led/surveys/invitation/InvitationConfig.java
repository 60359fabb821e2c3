package no.ks.led.surveys.invitation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How invitations and reminders are delivered (the SMTP server itself is {@code quarkus.mailer.*}). */
@ConfigMapping(prefix = "led.surveys.mail")
public interface InvitationConfig {

    /** The address users reach the platform at; links in e-mails start with it. */
    String publicUrl();

    /** How often the sender runs ({@code off} disables it, as in tests, which run it themselves). */
    String sendEvery();

    /** How long after start-up the sender first runs. */
    String sendDelay();

    /** The wait after the first failed delivery; doubled after each further failure. */
    @WithDefault("1M")
    Duration retryBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("1H")
    Duration maxRetryBackoff();

    /** The longest wait for the SMTP server to take one e-mail; longer counts as a failed attempt. */
    @WithDefault("30S")
    Duration sendTimeout();

    /** At most this many e-mails per run of the sender. */
    @WithDefault("100")
    int batchSize();
}

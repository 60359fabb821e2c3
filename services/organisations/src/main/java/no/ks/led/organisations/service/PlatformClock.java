package no.ks.led.organisations.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Today and now as the organisations service records them. */
public final class PlatformClock {

    /** The zone the platform's dates are in. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private PlatformClock() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Now, to the microsecond PostgreSQL keeps. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

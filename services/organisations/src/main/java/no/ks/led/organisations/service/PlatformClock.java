package no.ks.led.organisations.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import no.ks.led.foundation.access.TenantZones;
import no.ks.led.organisations.Tenant;

/** Today and now as the organisations service records them. */
public final class PlatformClock {

    private PlatformClock() {
    }

    /** Today in the platform's default zone: for what belongs to no tenant (consultancies, a person's own view). */
    public static LocalDate today() {
        return LocalDate.now(TenantZones.PLATFORM_DEFAULT);
    }

    /** Today for an organisation: in a tenant's own zone (its tenant record), else in the platform's default zone. */
    public static LocalDate today(String organisationId) {
        return LocalDate.now(zoneOf(organisationId));
    }

    /** The tenant's time zone from its record; the platform's default for a consultancy or an unknown id. */
    public static ZoneId zoneOf(String organisationId) {
        Tenant tenant = organisationId == null ? null : Tenant.findById(organisationId);
        if (tenant == null || tenant.timeZone == null) {
            return TenantZones.PLATFORM_DEFAULT;
        }
        try {
            return ZoneId.of(tenant.timeZone);
        } catch (DateTimeException e) {
            return TenantZones.PLATFORM_DEFAULT;
        }
    }

    /** Now, to the microsecond PostgreSQL keeps. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

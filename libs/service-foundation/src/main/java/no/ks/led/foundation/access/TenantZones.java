package no.ks.led.foundation.access;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.jdbc.Jdbc;

/**
 * Each tenant's own time zone, as the organisations service onboarded it ({@code TenantOnboarded.timeZone}),
 * from this service's access replica: the one place a service asks which day it is for a tenant.
 */
@ApplicationScoped
public class TenantZones {

    /** The id of {@link #PLATFORM_DEFAULT}, for annotations and configuration that need a constant string. */
    public static final String PLATFORM_DEFAULT_ID = "Europe/Oslo";

    /**
     * The platform's default zone, the one named constant for it: the zone of a tenant the replica does not
     * know (yet), of what belongs to no tenant, and of the platform's national views.
     */
    public static final ZoneId PLATFORM_DEFAULT = ZoneId.of(PLATFORM_DEFAULT_ID);

    @Inject
    Jdbc jdbc;

    /** The tenant's time zone, or {@link #PLATFORM_DEFAULT} for a tenant the replica does not know. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ZoneId of(String tenantId) {
        List<String> zones = jdbc.list("SELECT time_zone FROM access_organisation WHERE id = ?", row -> row.getString(1), tenantId);
        return parse(zones.isEmpty() ? null : zones.get(0));
    }

    /**
     * The zone a replica row names ({@code access_organisation.time_zone}, which a statement may read with its other
     * columns); {@link #PLATFORM_DEFAULT} for none, or one this JVM does not know.
     */
    public static ZoneId parse(String timeZone) {
        if (timeZone == null) {
            return PLATFORM_DEFAULT;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return PLATFORM_DEFAULT;
        }
    }
}

package no.ks.led.foundation.access;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
    EntityManager entityManager;

    /** The tenant's time zone, or {@link #PLATFORM_DEFAULT} for a tenant the replica does not know. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ZoneId of(String tenantId) {
        List<?> rows = entityManager.createNativeQuery("SELECT time_zone FROM access_organisation WHERE id = ?1")
                .setParameter(1, tenantId).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return PLATFORM_DEFAULT;
        }
        try {
            return ZoneId.of((String) rows.get(0));
        } catch (DateTimeException e) {
            return PLATFORM_DEFAULT;
        }
    }
}

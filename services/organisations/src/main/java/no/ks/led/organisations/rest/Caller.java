package no.ks.led.organisations.rest;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.ks.led.foundation.access.CallerToken;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;

/**
 * The caller of the current request as this service's resources need it: their platform person id
 * and whether they hold a role in a tenant. The decision itself stays with {@link TenantAccess}.
 */
@RequestScoped
public class Caller {

    @Inject
    CallerToken token;

    @Inject
    TenantAccess access;

    /** The caller's {@code led_person_id}, if their token carries one. */
    public Optional<UUID> personId() {
        return access.personId();
    }

    /**
     * Whether the caller, already known to be a member of the tenant, holds one of the roles there;
     * from the {@link no.ks.led.foundation.access.Grant} of {@link TenantAccess#require}, so a
     * non-member still gets its 404.
     */
    public boolean holds(String tenantId, TenantRole... anyOf) {
        return access.require(tenantId).hasAny(Arrays.asList(anyOf));
    }

    /** Whether the caller holds the national role. */
    public boolean hasNationalRole(String role) {
        return token.hasNationalRole(role);
    }
}

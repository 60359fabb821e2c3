package no.ks.led.organisations.rest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who the caller is: their identity, the tenants they may enter, their roles (national and in any
 * tenant) and, per tenant, the roles they hold there.
 */
public record Me(String subject, String username, String name, UUID personId, String email, Set<String> tenants,
        Set<String> roles, List<TenantMembership> memberships) {

    /**
     * A role in a tenant (or, for {@code consultant} through a membership, in a consultancy). For a
     * consultant's engagement {@code engagementId} names it and {@code schoolIds} its scope (empty:
     * the whole tenant); a school role names its {@code schoolId}.
     */
    public record TenantMembership(String tenantId, String role, UUID schoolId,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID engagementId,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<UUID> schoolIds) {
    }
}

package no.ks.led.organisations.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person in a tenant's list, with their current roles in that tenant only. The e-mail is left out
 * for callers who may see names and roles only.
 */
public record TenantPersonView(UUID id, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String email,
        List<Role> roles) {

    /** One current membership in the tenant, with the person's own job title beside the role (null if none). */
    public record Role(UUID membershipId, String role, UUID schoolId, String title, LocalDate startsOn, LocalDate endsOn) {
    }
}

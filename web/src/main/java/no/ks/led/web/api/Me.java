package no.ks.led.web.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** Who the signed-in person is, as the API says ({@code GET /api/me}): their tenants and roles there. */
@TemplateData
public record Me(String username, String name, UUID personId, Set<String> tenants, Set<String> roles,
        List<Membership> memberships) {

    /** A role in a tenant, at a school for the school roles. */
    @TemplateData
    public record Membership(String tenantId, String role, UUID schoolId) {
    }

    public Me {
        tenants = tenants == null ? Set.of() : tenants;
        roles = roles == null ? Set.of() : roles;
        memberships = memberships == null ? List.of() : memberships;
    }

    /** The person's roles in one tenant. */
    public List<Membership> in(String tenantId) {
        return memberships.stream().filter(m -> m.tenantId().equals(tenantId)).toList();
    }

    /** Whether the person holds one of these roles in the tenant (what to offer on a page; the API decides). */
    public boolean holds(String tenantId, String... anyOf) {
        return in(tenantId).stream().anyMatch(m -> Set.of(anyOf).contains(m.role()));
    }

    /** The school where the person leads in the tenant (principal or school leader), if any. */
    public Optional<UUID> leadsSchool(String tenantId) {
        return in(tenantId).stream()
                .filter(m -> m.schoolId() != null && (m.role().equals("principal") || m.role().equals("school-leader")))
                .map(Membership::schoolId).findFirst();
    }

    /**
     * The country whose national figures the person sees ({@code NO} for KS's roles, {@code DK} for
     * {@code dk-national}), or null for a person with no national role or, refused by the API, roles of both.
     */
    public String nationalCountry() {
        boolean norway = roles.contains("ks-admin") || roles.contains("ks-analyst");
        boolean denmark = roles.contains("dk-national");
        return norway == denmark ? null : norway ? "NO" : "DK";
    }

    /** A name to greet the person by. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : username;
    }
}

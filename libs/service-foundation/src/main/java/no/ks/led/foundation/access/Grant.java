package no.ks.led.foundation.access;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one person may do in one tenant today: their roles, and for each role whether it covers the
 * whole tenant or only some schools. Worked out from the replica's rows by {@link #decide}, a pure
 * function, so the rule is written once and tested without a database.
 */
public record Grant(String tenantId, UUID personId, Map<TenantRole, Scope> roles) {

    /** Where a role applies: the whole tenant, or the listed schools. */
    public record Scope(boolean wholeTenant, Set<UUID> schools) {

        static final Scope WHOLE_TENANT = new Scope(true, Set.of());

        public boolean covers(UUID schoolId) {
            return wholeTenant || schools.contains(schoolId);
        }

        Scope plus(Scope other) {
            if (wholeTenant || other.wholeTenant) {
                return WHOLE_TENANT;
            }
            return new Scope(false, union(schools, other.schools));
        }

        private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
            var all = new java.util.HashSet<>(a);
            all.addAll(b);
            return Set.copyOf(all);
        }
    }

    /** A membership row of the replica: a role in a tenant or (role consultant) in a consultancy. */
    public record MembershipRow(String organisationId, UUID personId, String role, UUID schoolId, LocalDate startsOn,
            LocalDate endsOn, boolean ended) {

        boolean currentOn(LocalDate day) {
            return !ended && !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
        }
    }

    /** An engagement row of the replica. */
    public record EngagementRow(String tenantId, String consultancyId, UUID consultantPersonId, List<UUID> schoolIds,
            LocalDate startsOn, LocalDate endsOn, boolean ended) {

        boolean currentOn(LocalDate day) {
            return !ended && !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
        }
    }

    public boolean isEmpty() {
        return roles.isEmpty();
    }

    public boolean hasAny(Collection<TenantRole> anyOf) {
        return anyOf.stream().anyMatch(roles::containsKey);
    }

    /** Whether one of the roles covers the school. */
    public boolean coversSchool(UUID schoolId, Collection<TenantRole> anyOf) {
        return anyOf.stream().map(roles::get).anyMatch(scope -> scope != null && scope.covers(schoolId));
    }

    /** The roles the person holds in the tenant. */
    public Set<TenantRole> roleSet() {
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles.keySet());
    }

    /**
     * The rule. A membership gives its role in its tenant while it is current; principal and
     * school-leader memberships only at their school. A consultant acts in a tenant through an engagement
     * that is current and names them, or names no one and they are a current consultant of the
     * engagement's consultancy; its school list (empty = whole tenant) limits where. A deactivated
     * tenant grants nothing.
     *
     * @param memberships the person's membership rows in the tenant and in any consultancy
     * @param engagements the tenant's engagement rows
     */
    public static Grant decide(String tenantId, UUID personId, boolean tenantActive, List<MembershipRow> memberships,
            List<EngagementRow> engagements, LocalDate today) {
        Map<TenantRole, Scope> roles = new EnumMap<>(TenantRole.class);
        if (!tenantActive) {
            return new Grant(tenantId, personId, Map.of());
        }
        for (MembershipRow m : memberships) {
            if (!m.organisationId().equals(tenantId) || !m.personId().equals(personId) || !m.currentOn(today)) {
                continue;
            }
            TenantRole role = TenantRole.fromName(m.role()).orElse(null);
            if (role == null || role == TenantRole.CONSULTANT) {
                continue;
            }
            Scope scope = m.schoolId() == null ? Scope.WHOLE_TENANT : new Scope(false, Set.of(m.schoolId()));
            roles.merge(role, scope, Scope::plus);
        }
        for (EngagementRow e : engagements) {
            if (!e.tenantId().equals(tenantId) || !e.currentOn(today)) {
                continue;
            }
            boolean consultantOfFirm = memberships.stream().anyMatch(m -> m.organisationId().equals(e.consultancyId())
                    && m.personId().equals(personId) && "consultant".equals(m.role()) && m.currentOn(today));
            boolean engaged = e.consultantPersonId() == null ? consultantOfFirm
                    : e.consultantPersonId().equals(personId) && consultantOfFirm;
            if (engaged) {
                Scope scope = e.schoolIds().isEmpty() ? Scope.WHOLE_TENANT : new Scope(false, Set.copyOf(e.schoolIds()));
                roles.merge(TenantRole.CONSULTANT, scope, Scope::plus);
            }
        }
        return new Grant(tenantId, personId, Map.copyOf(roles));
    }
}

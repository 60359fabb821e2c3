package no.ks.led.foundation.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;

/**
 * Answers "may the caller act in this tenant (and school), in one of these roles" for the current
 * request, from this service's {@link AccessReplica}: no call to another service, and a revoked
 * engagement or ended membership counts as soon as its event has arrived, whatever the token says.
 *
 * <p>The caller is a member of a tenant when the token names the tenant ({@code organization}) and
 * the replica grants the token's person ({@code led_person_id}) a current role there. A caller who is
 * not a member gets 404, exactly as for a tenant that does not exist, so nothing about other tenants
 * is revealed. A member without a required role gets 403.
 */
@RequestScoped
public class TenantAccess {

    @Inject
    CallerToken caller;

    @Inject
    AccessReplica replica;

    private Grant cached;

    /** Fails with 404 unless the caller is a member of the tenant, and 403 unless they hold one of the roles. */
    public Grant require(String tenantId, TenantRole... anyOf) {
        Grant grant = grant(tenantId).orElseThrow(() -> ProblemException.notFound("Tenant " + tenantId));
        if (anyOf.length > 0 && !grant.hasAny(Arrays.asList(anyOf))) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "This needs one of the roles " + Arrays.stream(anyOf).map(TenantRole::roleName).toList());
        }
        return grant;
    }

    /**
     * As {@link #require}, and one of the roles must cover the school: a principal or school leader
     * acts only at their own school, a consultant only at the schools of their engagement.
     */
    public Grant requireAtSchool(String tenantId, UUID schoolId, TenantRole... anyOf) {
        Grant grant = require(tenantId, anyOf);
        List<TenantRole> roles = anyOf.length > 0 ? Arrays.asList(anyOf) : List.copyOf(grant.roleSet());
        if (!grant.coversSchool(schoolId, roles)) {
            throw ProblemException.notFound("School " + schoolId);
        }
        return grant;
    }

    /** Fails with 403 unless the caller holds one of the national roles ({@code ks-admin}, {@code ks-analyst}). */
    public void requireNational(String... anyOfRoles) {
        if (caller.isAnonymous() || !caller.hasNationalRole(anyOfRoles)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This needs one of the national roles " + List.of(anyOfRoles));
        }
    }

    /**
     * The country whose national figures the caller sees: Norway for KS's roles, Denmark for
     * {@code dk-national}. Fails with 403 for a caller with no national role, and for one holding roles of
     * several countries, since no view mixes them.
     */
    public Country requireNationalFigures() {
        List<Country> countries = Arrays.stream(Country.values())
                .filter(c -> !caller.isAnonymous() && caller.hasNationalRole(c.nationalRoles().toArray(String[]::new)))
                .toList();
        if (countries.size() != 1) {
            throw new ProblemException(ProblemType.FORBIDDEN, countries.isEmpty()
                    ? "This needs a national role of one country"
                    : "National roles of several countries: no view mixes their figures");
        }
        return countries.get(0);
    }

    /**
     * What the caller may do in the tenant, if they are a member: memberships and engagements checked against the
     * day in the tenant's own zone.
     */
    public Optional<Grant> grant(String tenantId) {
        if (cached != null && cached.tenantId().equals(tenantId)) {
            return Optional.of(cached);
        }
        Optional<UUID> person = caller.personId();
        if (person.isEmpty() || !caller.namesTenant(tenantId)) {
            return Optional.empty();
        }
        Grant grant = replica.grantFor(person.get(), tenantId);
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        cached = grant;
        return Optional.of(grant);
    }

    /** Whether the caller is a member of the tenant. */
    public boolean isMember(String tenantId) {
        return grant(tenantId).isPresent();
    }

    /** The tenants the caller's token names (membership is still checked per tenant). */
    public Set<String> tenants() {
        return caller.tenants();
    }

    /** The caller's platform person id, if the token carries one. */
    public Optional<UUID> personId() {
        return caller.personId();
    }

    /** The caller's stable subject id from the identity provider. */
    public String subject() {
        return caller.subject();
    }
}

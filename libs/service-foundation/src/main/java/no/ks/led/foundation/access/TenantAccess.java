package no.ks.led.foundation.access;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Answers "may the caller act in this tenant, in one of these roles" for the current request.
 *
 * <p>A caller who is not a member of the tenant gets 404, exactly as for a tenant that does not
 * exist, so nothing about other tenants is revealed. A member without a required role gets 403.
 * Membership comes from the token's {@code organization} claim (Keycloak organizations, alias =
 * tenant slug); roles from the realm roles.
 */
@RequestScoped
public class TenantAccess {

    /** What a tenant slug looks like; anything else cannot name a tenant. */
    public static final Pattern TENANT_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    static final String ORGANIZATION_CLAIM = "organization";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** Fails with 404 unless the caller is a member of the tenant, and 403 unless they hold one of the roles. */
    public void require(String tenantId, TenantRole... anyOf) {
        if (!isMember(tenantId)) {
            throw ProblemException.notFound("Tenant " + tenantId);
        }
        if (anyOf.length > 0 && Arrays.stream(anyOf).noneMatch(role -> identity.hasRole(role.roleName()))) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "This needs one of the roles " + Arrays.stream(anyOf).map(TenantRole::roleName).toList());
        }
    }

    /** Fails with 403 unless the caller holds one of the national roles ({@code ks-admin}, {@code ks-analyst}). */
    public void requireNational(String... anyOfRoles) {
        if (identity.isAnonymous() || Arrays.stream(anyOfRoles).noneMatch(identity::hasRole)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This needs one of the national roles " + List.of(anyOfRoles));
        }
    }

    /** Whether the caller is a member of the tenant. */
    public boolean isMember(String tenantId) {
        return tenantId != null && TENANT_SLUG.matcher(tenantId).matches() && tenants().contains(tenantId);
    }

    /** The tenants (organization aliases) the caller's token names. */
    public Set<String> tenants() {
        if (identity.isAnonymous()) {
            return Set.of();
        }
        return organizationAliases(token.getClaim(ORGANIZATION_CLAIM));
    }

    /** The caller's stable subject id from the identity provider. */
    public String subject() {
        return token.getSubject();
    }

    /** Reads the claim in either of Keycloak's shapes: an array of aliases, or an object keyed by alias. */
    static Set<String> organizationAliases(Object claim) {
        Set<String> aliases = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString s) {
                    aliases.add(s.getString());
                }
            }
        } else if (claim instanceof JsonObject object) {
            aliases.addAll(object.keySet());
        } else if (claim instanceof JsonString s) {
            aliases.add(s.getString());
        } else if (claim instanceof Iterable<?> values) {
            values.forEach(value -> aliases.add(String.valueOf(value)));
        }
        return Collections.unmodifiableSet(aliases);
    }
}

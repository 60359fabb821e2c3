package no.ks.led.foundation.access;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the caller's verified access token says: the platform person id ({@code led_person_id}), the
 * tenants it names ({@code organization}, Keycloak organizations, alias = tenant slug) and the national
 * realm roles. Authentication only: whether the person may act in a tenant is {@link TenantAccess}'s
 * question, answered from the replica.
 */
@RequestScoped
public class CallerToken {

    /** What a tenant slug looks like; anything else cannot name a tenant. */
    public static final Pattern TENANT_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public static final String KS_ADMIN = "ks-admin";
    public static final String KS_ANALYST = "ks-analyst";
    /** Denmark's national operator (KL, or a regional partnership such as PLF Nord): Danish national figures only. */
    public static final String DK_NATIONAL = "dk-national";

    static final String ORGANIZATION_CLAIM = "organization";
    static final String PERSON_CLAIM = "led_person_id";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /**
     * The caller of a request served outside CDI's request scope (a Vert.x route, such as the gateway's
     * proxy), read from the identity the HTTP layer verified.
     */
    public static CallerToken of(SecurityIdentity identity) {
        CallerToken caller = new CallerToken();
        caller.identity = identity;
        caller.token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        return caller;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The platform's id of the caller, if the token carries one. */
    public Optional<UUID> personId() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object claim = token.getClaim(PERSON_CLAIM);
        String value = claim instanceof JsonString s ? s.getString() : claim == null ? null : claim.toString();
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The tenants (organization aliases) the token names. */
    public Set<String> tenants() {
        if (identity.isAnonymous()) {
            return Set.of();
        }
        return organizationAliases(token.getClaim(ORGANIZATION_CLAIM));
    }

    /** Whether the token names this tenant. */
    public boolean namesTenant(String tenantId) {
        return tenantId != null && TENANT_SLUG.matcher(tenantId).matches() && tenants().contains(tenantId);
    }

    /** Whether the caller holds one of these national realm roles. */
    public boolean hasNationalRole(String... anyOf) {
        if (identity.isAnonymous()) {
            return false;
        }
        for (String role : anyOf) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller is KS staff ({@code ks-admin} or {@code ks-analyst}). */
    public boolean isNational() {
        return hasNationalRole(KS_ADMIN, KS_ANALYST);
    }

    /** The identity provider's subject id. */
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

package no.ks.led.foundation.tokens;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Serves a bearer token's identity from {@link VerifiedTokens} when the very same token was verified before
 * and has not expired. Otherwise it passes (an empty result), so that quarkus-oidc's provider, which has a
 * lower priority, verifies the token; {@link VerifiedTokenRecorder} then keeps what it verified. Only bearer
 * access tokens: the code flow authenticates with an ID token, which passes untouched.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Request attribute: the key of a token that was not in the cache, for {@link VerifiedTokenRecorder}. */
    static final String MISSED_KEY = CachedTokenIdentityProvider.class.getName() + ".missed-key";
    /** quarkus-oidc's identity and routing-context attribute naming the OIDC tenant that verified the token. */
    static final String OIDC_TENANT_ID = "tenant-id";
    /** Attributes that belong to the request that verified the token, not to the token. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    @Inject
    TokenCacheConfig config;

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Above quarkus-oidc's {@code OidcIdentityProvider}, which keeps the default ({@code SYSTEM_FIRST + 1}). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.enabled() || !(request.getToken() instanceof AccessTokenCredential credential) || credential.isOpaque()) {
            return Uni.createFrom().nullItem();
        }
        String key = VerifiedTokens.keyOf(credential.getToken());
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Optional<SecurityIdentity> verified = tokens.find(key)
                .filter(identity -> routing == null
                        || Objects.equals(identity.getAttribute(OIDC_TENANT_ID), routing.get(OIDC_TENANT_ID)));
        if (verified.isEmpty()) {
            request.setAttribute(MISSED_KEY, key);
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = copy(verified.get()).addAttribute(REQUEST_CONTEXT, context);
        if (routing != null) {
            identity.addAttribute(ROUTING_CONTEXT, routing);
        }
        return Uni.createFrom().item(identity.build());
    }

    /** The identity without what refers to the request that verified it, as it is kept between requests. */
    static SecurityIdentity detached(SecurityIdentity identity) {
        return copy(identity).build();
    }

    private static QuarkusSecurityIdentity.Builder copy(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addRoles(identity.getRoles())
                .addPermissions(identity.getPermissions());
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (!attribute.getKey().equals(ROUTING_CONTEXT) && !attribute.getKey().equals(REQUEST_CONTEXT)) {
                builder.addAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        return builder;
    }
}

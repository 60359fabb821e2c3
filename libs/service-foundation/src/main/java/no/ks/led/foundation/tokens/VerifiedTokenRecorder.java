package no.ks.led.foundation.tokens;

import java.time.Instant;
import java.util.Map;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keeps in {@link VerifiedTokens} the identity quarkus-oidc verified from a bearer token that
 * {@link CachedTokenIdentityProvider} did not find, until the token's {@code exp}. It changes no identity.
 * A token OIDC refused never gets here (augmentors see successful authentications only).
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    @Inject
    VerifiedTokens tokens;

    /** First of the augmentors, so that what is kept is OIDC's identity as it verified it. */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (attributes.get(CachedTokenIdentityProvider.MISSED_KEY) instanceof String key
                && identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            tokens.remember(key, CachedTokenIdentityProvider.detached(identity), Instant.ofEpochSecond(token.getExpirationTime()));
        }
        return Uni.createFrom().item(identity);
    }
}

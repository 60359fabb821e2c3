package no.ks.led.foundation.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

class CachedTokenIdentityProviderTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";
    private static final AuthenticationRequestContext BLOCKING = work -> {
        throw new UnsupportedOperationException("nothing blocks here");
    };
    /** The context of the request that verified the token, which a later request must not carry. */
    private static final AuthenticationRequestContext EARLIER = work -> {
        throw new UnsupportedOperationException("an earlier request's");
    };

    private final VerifiedTokens tokens = new VerifiedTokens(10, Clock.systemUTC());
    private final CachedTokenIdentityProvider provider = provider(true);

    private CachedTokenIdentityProvider provider(boolean enabled) {
        CachedTokenIdentityProvider provider = new CachedTokenIdentityProvider();
        provider.tokens = tokens;
        provider.config = new TokenCacheConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int maximumSize() {
                return 10;
            }
        };
        return provider;
    }

    private static SecurityIdentity verified() {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> "fjordvik.coordinator")
                .addRoles(Set.of("coordinator", "offline_access"))
                .addPermissionAsString("openid")
                .addAttribute(CachedTokenIdentityProvider.OIDC_TENANT_ID, "Default")
                .addAttribute(AuthenticationRequestContext.class.getName(), EARLIER)
                .build();
    }

    private SecurityIdentity authenticate(CachedTokenIdentityProvider provider, TokenAuthenticationRequest request) {
        return provider.authenticate(request, BLOCKING).await().indefinitely();
    }

    @Test
    void aHitHasThePrincipalRolesPermissionsAndAttributesOidcVerified() {
        SecurityIdentity verified = verified();
        tokens.remember(VerifiedTokens.keyOf(TOKEN), CachedTokenIdentityProvider.detached(verified), Instant.now().plusSeconds(60));

        SecurityIdentity served = authenticate(provider, new TokenAuthenticationRequest(new AccessTokenCredential(TOKEN)));
        assertSame(verified.getPrincipal(), served.getPrincipal());
        assertEquals(verified.getRoles(), served.getRoles());
        assertEquals(verified.getPermissions(), served.getPermissions());
        assertEquals("Default", served.getAttribute(CachedTokenIdentityProvider.OIDC_TENANT_ID));
        assertSame(BLOCKING, served.getAttribute(AuthenticationRequestContext.class.getName()));
    }

    @Test
    void aMissPassesToOidcAndNamesTheKeyForTheRecorder() {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential(TOKEN));
        assertNull(authenticate(provider, request));
        assertEquals(VerifiedTokens.keyOf(TOKEN), request.getAttribute(CachedTokenIdentityProvider.MISSED_KEY));
    }

    @Test
    void theCodeFlowsIdTokenPassesUntouchedEvenWhenCached() {
        tokens.remember(VerifiedTokens.keyOf(TOKEN), CachedTokenIdentityProvider.detached(verified()), Instant.now().plusSeconds(60));
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new IdTokenCredential(TOKEN));
        assertNull(authenticate(provider, request));
        assertNull(request.getAttribute(CachedTokenIdentityProvider.MISSED_KEY));
    }

    @Test
    void switchedOffItPassesEveryTokenWithoutLookingItUp() {
        tokens.remember(VerifiedTokens.keyOf(TOKEN), CachedTokenIdentityProvider.detached(verified()), Instant.now().plusSeconds(60));
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential(TOKEN));
        assertNull(authenticate(provider(false), request));
        assertEquals(0, tokens.hits() + tokens.misses());
        assertNull(request.getAttribute(CachedTokenIdentityProvider.MISSED_KEY));
    }
}

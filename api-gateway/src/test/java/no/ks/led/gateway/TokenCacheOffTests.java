package no.ks.led.gateway;

import static no.ks.led.gateway.TokenCacheTests.probe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.foundation.tokens.VerifiedTokens;
import org.junit.jupiter.api.Test;

/** {@code led.token-cache.enabled=false}: every request's token is verified by OIDC, none is kept. */
@QuarkusTest
@TestProfile(TokenCacheOffTests.CacheOff.class)
class TokenCacheOffTests {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("led.token-cache.enabled", "false");
        }
    }

    @Inject
    VerifiedTokens tokens;

    @Test
    void switchedOffTheCacheIsNeitherAskedNorFilled() {
        String token = RealmLogin.fetchAccessToken("led-cli", "fjordvik.coordinator");
        probe(token).statusCode(200);
        probe(token).statusCode(200);
        assertEquals(0, tokens.size(), "tokens were kept");
        assertEquals(0, tokens.hits() + tokens.misses(), "the cache was asked");
    }
}

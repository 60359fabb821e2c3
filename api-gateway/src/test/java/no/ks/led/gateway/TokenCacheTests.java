package no.ks.led.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.foundation.tokens.VerifiedTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens (no.ks.led.foundation.tokens) in the gateway, with tokens from the real
 * realm: a hit is the identity OIDC verified, and neither a changed signature nor an expired token is ever
 * served from it.
 */
@QuarkusTest
class TokenCacheTests {

    @Inject
    VerifiedTokens tokens;

    @BeforeEach
    void warmUp() {
        // the first request of a run pays for OIDC's key fetch and class loading; the 2-second token must not
        probe(RealmLogin.accessToken("ks.admin")).statusCode(200);
    }

    @Test
    void aCachedTokenGivesThePrincipalAndRolesOidcVerified() {
        String token = RealmLogin.fetchAccessToken("led-cli", "fjordvik.coordinator");
        long hits = tokens.hits();
        Map<String, Object> verified = probe(token).statusCode(200).extract().jsonPath().getMap("");
        assertEquals(hits, tokens.hits(), "a new token was served from the cache");
        Map<String, Object> cached = probe(token).statusCode(200).extract().jsonPath().getMap("");
        assertEquals(hits + 1, tokens.hits(), "the second request was not served from the cache");

        assertEquals(verified, cached);
        assertEquals("fjordvik.coordinator", cached.get("principal"));
        assertEquals(token, cached.get("rawToken"));
        assertTrue(((List<?>) cached.get("tenants")).contains("fjordvik"), "tenants: " + cached.get("tenants"));

        // a national role read from the cached identity
        String admin = RealmLogin.fetchAccessToken("led-cli", "ks.admin");
        probe(admin).statusCode(200);
        JsonPath national = probe(admin).statusCode(200).extract().jsonPath();
        assertTrue(national.getList("roles").contains("ks-admin"), "roles: " + national.getList("roles"));
        assertEquals(true, national.getBoolean("national"));
    }

    @Test
    void aTokenWithAChangedSignatureIsNeverServedFromTheCacheAndIsRefused() {
        String token = RealmLogin.fetchAccessToken("led-cli", "fjordvik.coordinator");
        probe(token).statusCode(200);
        probe(token).statusCode(200);
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        // a character in the middle: the last one may carry unused bits and decode to the same signature
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        String altered = parts[0] + "." + parts[1] + "." + new String(signature);
        assertNotEquals(token, altered);

        long hits = tokens.hits();
        probe(altered).statusCode(401);
        probe(altered).statusCode(401);
        assertEquals(hits, tokens.hits(), "the altered token was served from the cache");
        probe(token).statusCode(200);
        assertEquals(hits + 1, tokens.hits());
    }

    @Test
    void anExpiredTokenIsRefusedAtItsExpEvenThoughItWasCached() throws InterruptedException {
        // led-cli-short's tokens live two seconds
        String token = RealmLogin.fetchAccessToken("led-cli-short", "fjordvik.coordinator");
        long expMillis = exp(token) * 1000;
        probe(token).statusCode(200);
        assertTrue(tokens.find(VerifiedTokens.keyOf(token)).isPresent(), "the token was not cached");

        long wait = expMillis + 1 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        // the first request after exp, not eventually one
        probe(token).statusCode(401);
        assertTrue(tokens.find(VerifiedTokens.keyOf(token)).isEmpty(), "an expired token is still cached");
    }

    static ValidatableResponse probe(String token) {
        return given().auth().oauth2(token).when().get("/token-probe").then();
    }

    private static long exp(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getLong("exp");
    }
}

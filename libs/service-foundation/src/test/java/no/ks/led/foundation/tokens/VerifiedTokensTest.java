package no.ks.led.foundation.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant EXP = Instant.parse("2026-12-03T12:05:00Z");

    /** A clock the test moves. */
    private static final class TestClock implements InstantSource {
        Instant now = EXP.minus(Duration.ofMinutes(5));

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();

    private static SecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(() -> name).addRole("coordinator").build();
    }

    @Test
    void aKeptTokenIsFoundUntilJustBeforeItsExp() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        SecurityIdentity identity = identity("fjordvik.coordinator");
        tokens.remember("k", identity, EXP);

        clock.now = EXP.minusMillis(1);
        assertEquals(identity, tokens.find("k").orElseThrow());
        assertEquals(1, tokens.hits());
    }

    @Test
    void atItsExpTheTokenIsNoLongerFoundNorLaterOn() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.remember("k", identity("fjordvik.coordinator"), EXP);

        clock.now = EXP;
        assertTrue(tokens.find("k").isEmpty(), "found at its exp");
        assertEquals(0, tokens.size(), "an expired token found is dropped");
        clock.now = EXP.minusSeconds(1);
        assertTrue(tokens.find("k").isEmpty(), "an expired token came back");
        assertEquals(2, tokens.misses());
    }

    @Test
    void anAlreadyExpiredTokenIsNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        clock.now = EXP;
        tokens.remember("k", identity("fjordvik.coordinator"), EXP);
        assertEquals(0, tokens.size());
    }

    @Test
    void whenFullTheExpiredGoFirstThenTheOneThatExpiresSoonest() {
        VerifiedTokens tokens = new VerifiedTokens(3, clock);
        tokens.remember("expires-first", identity("a"), EXP.minusSeconds(200));
        tokens.remember("expires-second", identity("b"), EXP.minusSeconds(100));
        tokens.remember("expires-last", identity("c"), EXP);

        tokens.remember("new-1", identity("d"), EXP);
        assertEquals(3, tokens.size());
        assertTrue(tokens.find("expires-first").isEmpty(), "the soonest to expire stayed");
        assertTrue(tokens.find("expires-second").isPresent());

        clock.now = EXP.minusSeconds(100);
        tokens.remember("new-2", identity("e"), EXP);
        assertEquals(3, tokens.size());
        assertTrue(tokens.find("expires-second").isEmpty(), "an expired token stayed");
        assertTrue(tokens.find("expires-last").isPresent());
        assertTrue(tokens.find("new-1").isPresent());
        assertTrue(tokens.find("new-2").isPresent());
    }

    @Test
    void theKeyIsTheTokensSha256AndAnyChangedCharacterChangesIt() {
        // FIPS 180-2's test vector: SHA-256("abc") = ba7816bf…f20015ad
        assertEquals("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", VerifiedTokens.keyOf("abc"));
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";
        String key = VerifiedTokens.keyOf(token);
        assertEquals(key, VerifiedTokens.keyOf(token));
        assertNotEquals(key, VerifiedTokens.keyOf(token.substring(0, token.length() - 3) + "Xmw"));
    }

    @Test
    void aSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens(0, clock));
    }
}

package no.ks.led.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/** Hammering the gateway: 429 with Retry-After for that person (or address) alone. */
@QuarkusTest
@TestProfile(RateLimitTests.TightLimit.class)
@QuarkusTestResource(value = UpstreamStub.class, restrictToAnnotatedClass = true)
class RateLimitTests {

    private static final int BURST = 10;

    /** A limit a test can reach: 10 at once, one more every 1000 s (so a slow, busy machine refills nothing). */
    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("led.gateway.rate-limits.api.per-second", "0.001",
                    "led.gateway.rate-limits.api.burst", String.valueOf(BURST));
        }
    }

    @Test
    void aPersonWhoHammersGets429WithRetryAfterAndAnotherPersonIsUnaffected() {
        String admin = RealmLogin.accessToken("ks.admin");
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < BURST + 5; i++) {
            Response response = given().auth().oauth2(admin).when().get("/api/national/tenants");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }
        assertEquals(BURST, statuses.stream().filter(s -> s == 200).count(), "the burst passes: " + statuses);
        assertEquals(5, statuses.stream().filter(s -> s == 429).count(), "then every request is refused: " + statuses);
        refused.then().contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:led:problem:too-many-requests"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) <= 1000, "one request refills in 1000 s");

        // another person has a bucket of their own, even from the same address
        given().auth().oauth2(RealmLogin.accessToken("ks.analyst")).when().get("/api/national/tenants")
                .then().statusCode(200);
        // and the refused person stays refused
        given().auth().oauth2(admin).when().get("/api/national/tenants").then().statusCode(429);
    }

    @Test
    void requestsWithoutATokenAreLimitedByAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BURST + 3; i++) {
            statuses.add(given().when().get("/api/national/tenants").statusCode());
        }
        assertEquals(List.of(401, 429), statuses.stream().distinct().toList(), "401 until the burst is spent: " + statuses);
        given().when().get("/api/me").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // a person with a token is not held back by what others at the address did
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).when().get("/api/national/tenants")
                .then().statusCode(200);
    }
}

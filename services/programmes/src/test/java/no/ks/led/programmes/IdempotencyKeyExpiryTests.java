package no.ks.led.programmes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.idempotency.IdempotencyKeys;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys are honoured for the retention (24 h) and then purged: a retry within it gets the first
 * result, a key older than it is deleted and the same request is new again; younger keys stay.
 */
@QuarkusTest
class IdempotencyKeyExpiryTests {

    @Inject
    IdempotencyKeys keys;

    @Inject
    EntityManager entityManager;

    @Test
    void keysOlderThanTheRetentionArePurgedAndYoungerOnesStay() {
        String oldKey = UUID.randomUUID().toString();
        String youngKey = UUID.randomUUID().toString();
        String first = create(oldKey, "Expiry probe").then().statusCode(201).extract().path("id");
        String young = create(youngKey, "Expiry probe young").then().statusCode(201).extract().path("id");
        assertEquals(first, create(oldKey, "Expiry probe").then().statusCode(200).extract().path("id"),
                "within the retention a retry gets the first result");

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE idempotency_key = ?1")
                .setParameter(1, oldKey).executeUpdate());
        assertTrue(keys.purgeExpired() >= 1, "the expired key is purged");

        assertEquals(0, rows(oldKey), "the expired key is gone");
        assertEquals(1, rows(youngKey), "a key within the retention stays");
        assertEquals(young, create(youngKey, "Expiry probe young").then().statusCode(200).extract().path("id"));
        String again = create(oldKey, "Expiry probe").then().statusCode(201).extract().path("id");
        assertNotEquals(first, again, "after expiry the same key and body is a new request");
    }

    private static io.restassured.response.Response create(String key, String name) {
        return given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .when().post("/api/tenants/fjordvik/programmes");
    }

    private long rows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?1").setParameter(1, key)
                .getSingleResult()).longValue());
    }
}

package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.Pages;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/** A programme's gatherings a page at a time: every row exactly once, and a page size within bounds. */
@QuarkusTest
class GatheringPagingTests {

    @Inject
    EntityManager entityManager;

    @Test
    void thePagesTogetherHoldEveryGatheringExactlyOnce() {
        UUID programme = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO programme_ref (id, tenant_id, name, created_at) VALUES (?1, 'fjordvik', 'Sider', now())")
                    .setParameter(1, programme).executeUpdate();
            for (int i = 0; i < 7; i++) {
                // two on each day, so the order needs its tie-breaker
                LocalDate day = LocalDate.of(2027, 3, 1 + i / 2);
                entityManager.createNativeQuery("""
                        INSERT INTO gathering (id, tenant_id, programme_id, title, kind, starts_on, ends_on)
                        VALUES (?1, 'fjordvik', ?2, 'Samling', 'leader-gathering', ?3, ?3)""")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, programme).setParameter(3, day).executeUpdate();
            }
        });

        List<String> ids = Pages.ids(RealmLogin.accessToken("fjordvik.coordinator"),
                "/api/tenants/fjordvik/programmes/" + programme + "/gatherings", 3);

        assertEquals(7, ids.size());
        assertEquals(7, new HashSet<>(ids).size(), "a row on two pages");
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + programme + "/gatherings?limit=100000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:led:problem:validation-failed"))
                .body("violations.field", hasItem("limit"));
    }
}

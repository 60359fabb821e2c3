package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** A programme's activities a page at a time: every row exactly once, and a page size within bounds. */
@QuarkusTest
class ProgrammeActivityPagingTests {

    @Inject
    EntityManager entityManager;

    @Test
    void thePagesTogetherHoldEveryActivityOfTheProgrammeExactlyOnce() {
        UUID programme = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO programme_ref (id, tenant_id, name, created_at) VALUES (?1, 'fjordvik', 'Sider', now())")
                    .setParameter(1, programme).executeUpdate();
        });
        int year = ActivityResourceTests.year();
        for (int i = 0; i < 7; i++) {
            // two on each day at the same time, so the order needs its tie-breaker
            String day = year + "-03-0" + (1 + i / 2);
            ActivityResourceTests.schedule("fjordvik.coordinator", "fjordvik", ActivityResourceTests.activity("Samling " + i,
                    day + "T09:00", day + "T15:00", ",\"programmeId\":\"" + programme + "\"")).then().statusCode(201);
        }
        // an activity of no programme is not among them
        ActivityResourceTests.schedule("fjordvik.coordinator", "fjordvik", ActivityResourceTests.activity("Uten program",
                year + "-03-01T09:00", year + "-03-01T15:00", "")).then().statusCode(201);

        List<String> ids = Pages.ids(RealmLogin.accessToken("fjordvik.coordinator"),
                "/api/tenants/fjordvik/programmes/" + programme + "/activities", 3);

        assertEquals(7, ids.size());
        assertEquals(7, new HashSet<>(ids).size(), "a row on two pages");
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + programme + "/activities?limit=100000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:led:problem:validation-failed"))
                .body("violations.field", hasItem("limit"));
    }
}

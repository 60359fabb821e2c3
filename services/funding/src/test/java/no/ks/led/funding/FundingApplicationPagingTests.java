package no.ks.led.funding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The funding applications a page at a time: every row exactly once, and a page size within bounds. */
@QuarkusTest
class FundingApplicationPagingTests {

    @Inject
    EntityManager entityManager;

    @Test
    void thePagesTogetherHoldEveryApplicationExactlyOnce() {
        for (int i = 0; i < 7; i++) {
            insert("nordhei");
        }
        long rows = QuarkusTransaction.requiringNew().call(() -> FundingApplication.count("tenantId", "nordhei"));
        assertTrue(rows > 3);

        List<String> ids = Pages.ids(RealmLogin.accessToken("nordhei.coordinator"), "/api/tenants/nordhei/funding-applications", 3);

        assertEquals(rows, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "a row on two pages");
    }

    @Test
    void aPageSizeBeyondTheMaximumIsAProblemNamingLimit() {
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/funding-applications?limit=100000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:led:problem:validation-failed"))
                .body("violations.field", hasItem("limit"));
    }

    private void insert(String tenant) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO funding_application (id, tenant_id, title, status, policy_id, policy_version, requested_ore) VALUES (?1, ?2, 'Nettverkssamling', 'draft', 'ou-2024', 1, 500000)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenant).executeUpdate());
    }
}

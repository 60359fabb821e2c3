package no.ks.led.surveys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant-scoped list against the real database and realm: each tenant sees only its own rows. */
@QuarkusTest
class SurveyRoundResourceTests {

    @Inject
    EntityManager entityManager;

    private UUID fjordvikOwn;

    @BeforeEach
    void oneRowInEachTenant() {
        fjordvikOwn = insert("fjordvik");
        insert("nordhei");
    }

    @Test
    void aMemberSeesTheirTenantsRows() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.leader"))
                .when().get("/api/tenants/fjordvik/survey-rounds")
                .then().statusCode(200).body("id", hasItem(fjordvikOwn.toString()));
    }

    @Test
    void anotherTenantsUserGetsNotFoundAndNoRows() {
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/fjordvik/survey-rounds")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:led:problem:not-found"));
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/survey-rounds")
                .then().statusCode(200).body("id", not(hasItem(fjordvikOwn.toString())));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemDetails() {
        given().when().get("/api/tenants/fjordvik/survey-rounds")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private UUID insert(String tenant) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO survey_round (id, tenant_id, title, mode, opens_on, closes_on, instrument_version) VALUES (?1, ?2, 'Ståstedsanalyse våren 2027', 'team', DATE '2027-02-01', DATE '2027-03-01', 1)")
                .setParameter(1, id).setParameter(2, tenant).executeUpdate());
        return id;
    }
}

package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static no.ks.led.organisations.Demo.NORDHEI_SCHOOL;
import static no.ks.led.organisations.Demo.PROBLEM;
import static no.ks.led.organisations.Demo.SCHOOL_CHANGED;
import static no.ks.led.organisations.Demo.events;
import static no.ks.led.organisations.Demo.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** Reading and changing one school. */
@QuarkusTest
class SchoolDetailsTests {

    @Inject
    EntityManager em;

    private String newSchool(String tenant, String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                .body("{\"name\":\"Gamle skole\",\"organisationNumber\":\"" + OrganisationNumberTest.randomValid()
                        + "\",\"kind\":\"grunnskole\",\"hasLeadershipTeam\":true}")
                .when().post("/api/tenants/" + tenant + "/schools")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anExecutiveRenamesASchoolAndTheChangeIsRecordedOnce() {
        String id = newSchool("fjordvik", "fjordvik.coordinator");
        given().auth().oauth2(token("fjordvik.executive")).contentType(ContentType.JSON)
                .body("{\"name\":\"Nye skole\",\"hasLeadershipTeam\":false}")
                .when().patch("/api/tenants/fjordvik/schools/" + id)
                .then().statusCode(200).body("name", equalTo("Nye skole")).body("hasLeadershipTeam", equalTo(false))
                .body("kind", equalTo("grunnskole"));
        assertEquals(1, events(em, SCHOOL_CHANGED, "fjordvik", id));
        // the same values again change nothing
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Nye skole\"}")
                .when().patch("/api/tenants/fjordvik/schools/" + id)
                .then().statusCode(200);
        assertEquals(1, events(em, SCHOOL_CHANGED, "fjordvik", id));
        given().auth().oauth2(token("fjordvik.leader"))
                .when().get("/api/tenants/fjordvik/schools/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("name", equalTo("Nye skole"));
    }

    @Test
    void invalidChangesAreRejectedNamingTheFieldAndChangeNothing() {
        String id = newSchool("fjordvik", "fjordvik.coordinator");
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"  \",\"kind\":\"universitet\"}")
                .when().patch("/api/tenants/fjordvik/schools/" + id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("name")).body("violations.field", hasItem("kind"));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"hasLeadershipTeam\":\"kanskje\"}")
                .when().patch("/api/tenants/fjordvik/schools/" + id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("hasLeadershipTeam"));
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/schools/" + id)
                .then().body("name", equalTo("Gamle skole")).body("kind", equalTo("grunnskole"));
        assertEquals(0, events(em, SCHOOL_CHANGED, "fjordvik", id));
    }

    @Test
    void changingASchoolNeedsTheExecutiveOrCoordinator() {
        String id = newSchool("fjordvik", "fjordvik.coordinator");
        for (String user : new String[] {"fjordvik.principal", "fjordvik.leader", "veiviser.consultant"}) {
            given().auth().oauth2(token(user)).contentType(ContentType.JSON).body("{\"name\":\"Kapret\"}")
                    .when().patch("/api/tenants/fjordvik/schools/" + id)
                    .then().statusCode(403).contentType(PROBLEM);
        }
        assertEquals(0, events(em, SCHOOL_CHANGED, "fjordvik", id));
    }

    @Test
    void anotherTenantsSchoolAnswersLikeAMissingOne() {
        String nordhei = NORDHEI_SCHOOL.toString();
        String missing = UUID.randomUUID().toString();
        Demo.assertLikeMissing(
                given().auth().oauth2(token("fjordvik.coordinator"))
                        .when().get("/api/tenants/fjordvik/schools/" + nordhei).andReturn(), nordhei,
                given().auth().oauth2(token("fjordvik.coordinator"))
                        .when().get("/api/tenants/fjordvik/schools/" + missing).andReturn(), missing);
        Demo.assertLikeMissing(
                given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                        .body("{\"name\":\"Kapret\"}")
                        .when().patch("/api/tenants/fjordvik/schools/" + nordhei).andReturn(), nordhei,
                given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                        .body("{\"name\":\"Kapret\"}")
                        .when().patch("/api/tenants/fjordvik/schools/" + missing).andReturn(), missing);
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/nordhei/schools/" + nordhei)
                .then().statusCode(404).contentType(PROBLEM);
        assertEquals(0, events(em, SCHOOL_CHANGED, "nordhei", nordhei));
    }
}

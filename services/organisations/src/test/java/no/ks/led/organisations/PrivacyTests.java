package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static no.ks.led.organisations.Demo.ENDED;
import static no.ks.led.organisations.Demo.FJORDVIK_SCHOOL;
import static no.ks.led.organisations.Demo.NORDHEI_SCHOOL;
import static no.ks.led.organisations.Demo.PERSON_ERASED;
import static no.ks.led.organisations.Demo.PROBLEM;
import static no.ks.led.organisations.Demo.addPerson;
import static no.ks.led.organisations.Demo.events;
import static no.ks.led.organisations.Demo.freshEmail;
import static no.ks.led.organisations.Demo.personBody;
import static no.ks.led.organisations.Demo.personId;
import static no.ks.led.organisations.Demo.token;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** Export of a person's data and erasure of a person. */
@QuarkusTest
class PrivacyTests {

    @Inject
    EntityManager em;

    @Test
    void aUserExportsTheirOwnDataAndNothingOfOthers() {
        String principal = personId("fjordvik.principal").toString();
        String body = given().auth().oauth2(token("fjordvik.principal"))
                .when().get("/api/me/export")
                .then().statusCode(200)
                .body("person.id", equalTo(principal))
                .body("person.email", equalTo("fjordvik.principal@example.org"))
                .body("memberships.id", hasItem("279f3beb-a344-55a9-bdde-092b9e5c6d75"))
                .body("memberships.role", everyItem(equalTo("principal")))
                .body("identitySync", notNullValue())
                .extract().asString();
        assertFalse(body.contains("fjordvik.leader"), body);
        assertFalse(body.contains(personId("fjordvik.leader").toString()), body);
    }

    @Test
    void ksExportsAPersonWithTheirMembershipsAndEngagements() {
        String consultant = personId("veiviser.consultant").toString();
        String engagement = given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON)
                .body("{\"consultancyId\":\"veiviser\",\"consultantPersonId\":\"" + consultant
                        + "\",\"startsOn\":\"2026-01-01\"}")
                .when().post("/api/tenants/nordhei/engagements")
                .then().statusCode(201).extract().path("id");
        String body = given().auth().oauth2(token("ks.admin"))
                .when().get("/api/national/people/" + consultant + "/export")
                .then().statusCode(200)
                .body("person.name", equalTo("Vera Viken"))
                .body("memberships.organisationId", hasItem("veiviser"))
                .body("engagements.id", hasItem(engagement))
                .extract().asString();
        // the consultancy-wide demo engagements do not name her; others' data is not there
        assertFalse(body.contains("5d0f7647-b0de-5d2b-b322-27ae377ea6e2"), body);
        Demo.DIRECTORY.people().stream().filter(p -> !p.username().equals("veiviser.consultant"))
                .forEach(p -> assertFalse(body.contains(p.email()), body));
        given().auth().oauth2(token("nordhei.coordinator"))
                .when().delete("/api/tenants/nordhei/engagements/" + engagement).then().statusCode(204);
    }

    @Test
    void exportAndErasureAreForKsAdminOnly() {
        String leader = personId("fjordvik.leader").toString();
        for (String user : new String[] {"ks.analyst", "fjordvik.executive", "fjordvik.coordinator"}) {
            given().auth().oauth2(token(user))
                    .when().get("/api/national/people/" + leader + "/export")
                    .then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token(user))
                    .when().post("/api/national/people/" + leader + "/erasure")
                    .then().statusCode(403).contentType(PROBLEM);
        }
        given().auth().oauth2(token("ks.admin"))
                .when().get("/api/national/people/" + UUID.randomUUID() + "/export")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("ks.admin"))
                .when().post("/api/national/people/" + UUID.randomUUID() + "/erasure")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("ks.admin"))
                .when().get("/api/national/people/not-a-uuid/export")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.leader"))
                .when().get("/api/me/export")
                .then().statusCode(200).body("person.name", equalTo("Finn Berg"));
    }

    @Test
    void erasurePseudonymisesEndsMembershipsAndRecordsOneEventPerOrganisationOnce() {
        String email = freshEmail();
        String personId = addPerson("fjordvik", "fjordvik.coordinator",
                personBody("Glemt Person", email, "school-leader", FJORDVIK_SCHOOL)).path("person.id");
        addPerson("nordhei", "nordhei.coordinator", personBody("Glemt Person", email, "principal", NORDHEI_SCHOOL));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"role\":\"coordinator\"}")
                .when().post("/api/tenants/fjordvik/people/" + personId + "/memberships")
                .then().statusCode(201);

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token("ks.admin"))
                    .when().post("/api/national/people/" + personId + "/erasure")
                    .then().statusCode(200)
                    .body("name", equalTo("Slettet person"))
                    .body("email", equalTo("erased-" + personId + "@invalid"));
        }
        assertEquals(1, events(em, PERSON_ERASED, "fjordvik", personId));
        assertEquals(1, events(em, PERSON_ERASED, "nordhei", personId));
        assertEquals(2, events(em, ENDED, "fjordvik", personId));
        // nordhei's membership still waited for the person (fjordvik created them): never granted, so no end
        assertEquals(0, events(em, ENDED, "nordhei", personId));
        assertEquals(0, Demo.count(em, "SELECT count(*) FROM person WHERE email = ?1 OR name = 'Glemt Person'", email));
        assertEquals(0, Demo.count(em,
                "SELECT count(*) FROM membership WHERE person_id = CAST(?1 AS uuid) AND ended_at IS NULL", personId));
        assertEquals(1, Demo.count(em,
                "SELECT count(*) FROM person WHERE id = CAST(?1 AS uuid) AND erased_at IS NOT NULL AND feide_id IS NULL",
                personId));

        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/people")
                .then().body("id", not(hasItem(personId)));
        String export = given().auth().oauth2(token("ks.admin"))
                .when().get("/api/national/people/" + personId + "/export")
                .then().statusCode(200).body("person.erasedAt", notNullValue())
                .body("person.feideId", nullValue())
                .body("memberships.organisationId", containsInAnyOrder("fjordvik", "fjordvik", "nordhei"))
                .extract().asString();
        assertFalse(export.contains(email), export);
        assertFalse(export.contains("Glemt"), export);
        // the e-mail is free again: adding it makes a new person
        String again = addPerson("fjordvik", "fjordvik.coordinator",
                personBody("Ny Person", email, "coordinator", null)).path("person.id");
        assertTrue(!again.equals(personId));
    }
}

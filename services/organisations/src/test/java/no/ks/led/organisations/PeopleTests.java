package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static no.ks.led.organisations.Demo.ENDED;
import static no.ks.led.organisations.Demo.FJORDVIK_EXECUTIVE_MEMBERSHIP;
import static no.ks.led.organisations.Demo.FJORDVIK_SCHOOL;
import static no.ks.led.organisations.Demo.GRANTED;
import static no.ks.led.organisations.Demo.NORDHEI_SCHOOL;
import static no.ks.led.organisations.Demo.PROBLEM;
import static no.ks.led.organisations.Demo.addPerson;
import static no.ks.led.organisations.Demo.count;
import static no.ks.led.organisations.Demo.events;
import static no.ks.led.organisations.Demo.freshEmail;
import static no.ks.led.organisations.Demo.personBody;
import static no.ks.led.organisations.Demo.personId;
import static no.ks.led.organisations.Demo.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** A tenant's people and memberships, against the real database, Kafka and realm. */
@QuarkusTest
class PeopleTests {

    @Inject
    EntityManager em;

    @Test
    void aCoordinatorAddsAPersonWhoIsListedWithTheirRoleAndTheGrantIsRecorded() {
        String email = freshEmail();
        Response added = addPerson("fjordvik", "fjordvik.coordinator",
                personBody("Siri Skole", email.toUpperCase(), "school-leader", FJORDVIK_SCHOOL));
        String personId = added.path("person.id");
        String membershipId = added.path("membership.id");
        assertEquals(email, added.path("person.email"));
        assertEquals("school-leader", added.path("membership.role"));
        assertEquals(FJORDVIK_SCHOOL.toString(), added.path("membership.schoolId"));
        assertEquals(1, events(em, GRANTED, "fjordvik", membershipId));

        given().auth().oauth2(token("fjordvik.executive"))
                .when().get("/api/tenants/fjordvik/people")
                .then().statusCode(200)
                .body("find { it.id == '" + personId + "' }.email", equalTo(email))
                .body("find { it.id == '" + personId + "' }.roles.role", equalTo(List.of("school-leader")))
                .body("find { it.id == '" + personId + "' }.roles[0].schoolId", equalTo(FJORDVIK_SCHOOL.toString()))
                .body("id", hasItem(personId(("fjordvik.principal")).toString()))
                .body("id", not(hasItem(personId("nordhei.principal").toString())));
    }

    @Test
    void aPersonsOwnTitleIsKeptBesideThePlatformRole() {
        String email = freshEmail();
        String body = "{\"name\":\"Inge Inspektør\",\"email\":\"" + email + "\",\"role\":\"school-leader\",\"schoolId\":\""
                + FJORDVIK_SCHOOL + "\",\"title\":\" inspektør \"}";
        Response added = addPerson("fjordvik", "fjordvik.coordinator", body);
        assertEquals("school-leader", added.path("membership.role"));
        assertEquals("inspektør", added.path("membership.title"));
        String personId = added.path("person.id");
        given().auth().oauth2(token("fjordvik.executive")).queryParam("limit", 500)
                .when().get("/api/tenants/fjordvik/people")
                .then().statusCode(200)
                .body("find { it.id == '" + personId + "' }.roles[0].title", equalTo("inspektør"))
                .body("find { it.id == '" + personId + "' }.roles[0].role", equalTo("school-leader"));
        // a second role with another title; a blank title is refused, naming the field
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"role\":\"principal\",\"schoolId\":\"" + FJORDVIK_SCHOOL + "\",\"title\":\"rektor\"}")
                .when().post("/api/tenants/fjordvik/people/" + personId + "/memberships")
                .then().statusCode(201).body("title", equalTo("rektor"));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"role\":\"coordinator\",\"title\":\"  \"}")
                .when().post("/api/tenants/fjordvik/people/" + personId + "/memberships")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("title"));
    }

    @Test
    void schoolLeadersSeeNamesAndRolesButNoEmail() {
        given().auth().oauth2(token("fjordvik.leader"))
                .when().get("/api/tenants/fjordvik/people")
                .then().statusCode(200)
                .body("name", hasItem("Frida Vik"))
                .body("roles.role.flatten()", hasItem("owner-executive"))
                .body("", everyItem(not(hasKey("email"))));
        given().auth().oauth2(token("fjordvik.principal"))
                .when().get("/api/tenants/fjordvik/people")
                .then().statusCode(200).body("", everyItem(not(hasKey("email"))));
    }

    @Test
    void theListShowsRolesInThatTenantOnly() {
        String email = freshEmail();
        String personId = addPerson("fjordvik", "fjordvik.coordinator",
                personBody("To Kommuner", email, "coordinator", null)).path("person.id");
        String linkedId = addPerson("nordhei", "nordhei.executive",
                personBody("To Kommuner", email, "principal", NORDHEI_SCHOOL)).path("person.id");
        assertEquals(personId, linkedId, "the same e-mail links the same person");
        assertEquals(1, Demo.count(em, "SELECT count(*) FROM person WHERE email = ?1", email));

        given().auth().oauth2(token("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/people")
                .then().statusCode(200)
                .body("find { it.id == '" + personId + "' }.roles.role", equalTo(List.of("principal")));
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/people")
                .then().statusCode(200)
                .body("find { it.id == '" + personId + "' }.roles.role", equalTo(List.of("coordinator")));
    }

    @Test
    void listingAnotherTenantsPeopleIs404() {
        given().auth().oauth2(token("nordhei.executive"))
                .when().get("/api/tenants/fjordvik/people")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.executive"))
                .contentType(ContentType.JSON).body(personBody("Inntrenger", freshEmail(), "coordinator", null))
                .when().post("/api/tenants/fjordvik/people")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void invalidPeopleAreRejectedNamingTheFieldAndChangeNothing() {
        long people = Demo.count(em, "SELECT count(*) FROM person");
        long memberships = Demo.count(em, "SELECT count(*) FROM membership");
        given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"email\":\"not-an-address\",\"role\":\"rektor\",\"schoolId\":\"x\",\"startsOn\":\"2026-13-01\"}")
                .when().post("/api/tenants/fjordvik/people")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("role"))
                .body("violations.field", hasItem("schoolId"));
        // the domain's rules: a school role needs one of the tenant's schools, the owner's roles none
        for (String[] bad : new String[][] {
                {personBody("Uten Skole", freshEmail(), "principal", null), "schoolId"},
                {personBody("Feil Skole", freshEmail(), "principal", NORDHEI_SCHOOL), "schoolId"},
                {personBody("Eier Med Skole", freshEmail(), "coordinator", FJORDVIK_SCHOOL), "schoolId"},
                {"{\"name\":\"Baklengs\",\"email\":\"" + freshEmail() + "\",\"role\":\"coordinator\","
                        + "\"startsOn\":\"2026-05-01\",\"endsOn\":\"2026-04-30\"}", "endsOn"},
                {"{\"name\":\"Umulig Dato\",\"email\":\"" + freshEmail() + "\",\"role\":\"coordinator\","
                        + "\"startsOn\":\"2026-02-30\"}", "startsOn"}}) {
            given().auth().oauth2(token("fjordvik.coordinator"))
                    .contentType(ContentType.JSON).body(bad[0])
                    .when().post("/api/tenants/fjordvik/people")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations.field", equalTo(List.of(bad[1])));
        }
        given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"name\":\"Uten E-post\",\"role\":\"coordinator\"}")
                .when().post("/api/tenants/fjordvik/people")
                .then().statusCode(400).body("violations.field", hasItem("email"));
        assertEquals(people, Demo.count(em, "SELECT count(*) FROM person"));
        assertEquals(memberships, Demo.count(em, "SELECT count(*) FROM membership"));
    }

    @Test
    void addingPeopleNeedsTheExecutiveOrCoordinatorAndOnlyAnExecutiveMakesExecutives() {
        for (String user : new String[] {"fjordvik.principal", "fjordvik.leader", "veiviser.consultant"}) {
            given().auth().oauth2(token(user))
                    .contentType(ContentType.JSON).body(personBody("Ikke Lov", freshEmail(), "coordinator", null))
                    .when().post("/api/tenants/fjordvik/people")
                    .then().statusCode(403).contentType(PROBLEM);
        }
        String email = freshEmail();
        given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body(personBody("Ny Sjef", email, "owner-executive", null))
                .when().post("/api/tenants/fjordvik/people")
                .then().statusCode(403).contentType(PROBLEM);
        assertEquals(0, Demo.count(em, "SELECT count(*) FROM person WHERE email = ?1", email));
        addPerson("fjordvik", "fjordvik.executive", personBody("Ny Sjef", email, "owner-executive", null));
    }

    @Test
    void anotherRoleIsGrantedToAPersonInTheTenantAndEndedOnceAndIdempotently() {
        String personId = addPerson("fjordvik", "fjordvik.coordinator",
                personBody("Rolle Samler", freshEmail(), "school-leader", FJORDVIK_SCHOOL)).path("person.id");
        String membershipId = given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"role\":\"principal\",\"schoolId\":\"" + FJORDVIK_SCHOOL + "\"}")
                .when().post("/api/tenants/fjordvik/people/" + personId + "/memberships")
                .then().statusCode(201).body("role", equalTo("principal")).body("personId", equalTo(personId))
                .body("endedAt", nullValue())
                .extract().path("id");
        assertEquals(1, events(em, GRANTED, "fjordvik", membershipId));

        // the same role again is a conflict
        given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"role\":\"principal\",\"schoolId\":\"" + FJORDVIK_SCHOOL + "\"}")
                .when().post("/api/tenants/fjordvik/people/" + personId + "/memberships")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:role-already-held"));

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token("fjordvik.coordinator"))
                    .when().delete("/api/tenants/fjordvik/memberships/" + membershipId)
                    .then().statusCode(204);
        }
        assertEquals(1, events(em, ENDED, "fjordvik", membershipId));
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/people")
                .then().statusCode(200)
                .body("find { it.id == '" + personId + "' }.roles.role", equalTo(List.of("school-leader")));
    }

    @Test
    void grantingAndEndingNeedTheRightRole() {
        String personId = addPerson("fjordvik", "fjordvik.coordinator",
                personBody("Vanlig Leder", freshEmail(), "school-leader", FJORDVIK_SCHOOL)).path("person.id");
        String membershipId = given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/people")
                .then().extract().path("find { it.id == '" + personId + "' }.roles[0].membershipId");
        given().auth().oauth2(token("fjordvik.principal"))
                .contentType(ContentType.JSON).body("{\"role\":\"coordinator\"}")
                .when().post("/api/tenants/fjordvik/people/" + personId + "/memberships")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.leader"))
                .when().delete("/api/tenants/fjordvik/memberships/" + membershipId)
                .then().statusCode(403).contentType(PROBLEM);
        // a coordinator does not end the executive's membership
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().delete("/api/tenants/fjordvik/memberships/" + FJORDVIK_EXECUTIVE_MEMBERSHIP)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"role\":\"rektor\",\"startsOn\":\"i morgen\"}")
                .when().post("/api/tenants/fjordvik/people/" + personId + "/memberships")
                .then().statusCode(400).body("violations.field", hasItem("role"))
                .body("violations.field", hasItem("startsOn"));
        assertEquals(0, events(em, ENDED, "fjordvik", membershipId));
    }

    @Test
    void anExecutiveCannotEndTheirOwnLastExecutiveMembership() {
        given().auth().oauth2(token("fjordvik.executive"))
                .when().delete("/api/tenants/fjordvik/memberships/" + FJORDVIK_EXECUTIVE_MEMBERSHIP)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:last-own-executive-role"))
                .body("detail", equalTo("You cannot end your own last owner-executive role in fjordvik"));
        assertEquals(0, events(em, ENDED, "fjordvik", FJORDVIK_EXECUTIVE_MEMBERSHIP));
        given().auth().oauth2(token("fjordvik.executive"))
                .when().get("/api/tenants/fjordvik/people")
                .then().body("find { it.id == '" + personId("fjordvik.executive") + "' }.roles.role",
                        equalTo(List.of("owner-executive")));
    }

    @Test
    void anotherTenantsMembershipsAndPeopleAnswerLikeMissingOnes() {
        String nordheiPerson = addPerson("nordhei", "nordhei.coordinator",
                personBody("Nordhei Person", freshEmail(), "coordinator", null)).path("person.id");
        String nordheiMembership = given().auth().oauth2(token("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/people")
                .then().extract().path("find { it.id == '" + nordheiPerson + "' }.roles[0].membershipId");
        String missing = UUID.randomUUID().toString();

        Demo.assertLikeMissing(
                given().auth().oauth2(token("fjordvik.coordinator"))
                        .when().delete("/api/tenants/fjordvik/memberships/" + nordheiMembership).andReturn(),
                nordheiMembership,
                given().auth().oauth2(token("fjordvik.coordinator"))
                        .when().delete("/api/tenants/fjordvik/memberships/" + missing).andReturn(),
                missing);
        Demo.assertLikeMissing(
                given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                        .body("{\"role\":\"coordinator\"}")
                        .when().post("/api/tenants/fjordvik/people/" + nordheiPerson + "/memberships").andReturn(),
                nordheiPerson,
                given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                        .body("{\"role\":\"coordinator\"}")
                        .when().post("/api/tenants/fjordvik/people/" + missing + "/memberships").andReturn(),
                missing);
        // the consultancy's membership is not a tenant's either
        String consultantMembership = "1ce51e90-ae00-5be3-a73f-186d8a82f446";
        Demo.assertLikeMissing(
                given().auth().oauth2(token("fjordvik.coordinator"))
                        .when().delete("/api/tenants/fjordvik/memberships/" + consultantMembership).andReturn(),
                consultantMembership,
                given().auth().oauth2(token("fjordvik.coordinator"))
                        .when().delete("/api/tenants/fjordvik/memberships/" + missing).andReturn(),
                missing);
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().delete("/api/tenants/nordhei/memberships/" + nordheiMembership)
                .then().statusCode(404).contentType(PROBLEM);
        assertEquals(0, events(em, ENDED, "nordhei", nordheiMembership));
    }
    /**
     * Issue 12, item 1: nordhei adds the address of an executive of fjordvik. The answer and nordhei's list
     * show only what nordhei gave (the same shape as for an unknown address), and fjordvik's data
     * about its executive is unchanged.
     */
    @Test
    void addingAnotherTenantsPersonByEmailDisclosesAndChangesNothingOfThem() {
        String email = freshEmail();
        String registered = "Fjordviks Leder " + UUID.randomUUID().toString().substring(0, 8);
        String executive = addPerson("fjordvik", "fjordvik.executive",
                personBody(registered, email, "owner-executive", null)).path("person.id");
        String given = "Nordheis Egen Navngiving";

        Response known = addPerson("nordhei", "nordhei.executive", personBody(given, email.toUpperCase(), "coordinator", null));
        Response unknown = addPerson("nordhei", "nordhei.executive",
                personBody("Helt Ny Person", freshEmail(), "coordinator", null));
        assertEquals(given, known.path("person.name"), "the name nordhei gave, not the registered one");
        assertEquals(email, known.path("person.email"));
        assertEquals(unknown.jsonPath().getMap("person").keySet(), known.jsonPath().getMap("person").keySet(),
                "the same shape whether or not the address was known");
        assertEquals(unknown.jsonPath().getMap("").keySet(), known.jsonPath().getMap("").keySet());
        assertEquals(201, known.statusCode());
        assertEquals(false, known.asString().contains(registered), "the registered name is nowhere in the answer");

        given().auth().oauth2(token("nordhei.executive"))
                .when().get("/api/tenants/nordhei/people")
                .then().statusCode(200)
                .body("find { it.id == '" + executive + "' }.name", equalTo(given))
                .body("name", not(hasItem(registered)));
        // fjordvik still knows its executive by its own name, with the same roles
        given().auth().oauth2(token("fjordvik.executive"))
                .when().get("/api/tenants/fjordvik/people")
                .then().statusCode(200)
                .body("find { it.id == '" + executive + "' }.name", equalTo(registered))
                .body("find { it.id == '" + executive + "' }.roles.role", equalTo(List.of("owner-executive")));
        assertEquals(1L, count(em, "SELECT count(*) FROM person WHERE email = ?1 AND name = ?2", email, registered),
                "the person's record is unchanged");
    }
}

package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static no.ks.led.organisations.Demo.ENGAGEMENT_ENDED;
import static no.ks.led.organisations.Demo.ENGAGEMENT_STARTED;
import static no.ks.led.organisations.Demo.FJORDVIK_ENGAGEMENT;
import static no.ks.led.organisations.Demo.FJORDVIK_SCHOOL;
import static no.ks.led.organisations.Demo.GRANTED;
import static no.ks.led.organisations.Demo.NORDHEI_ENGAGEMENT;
import static no.ks.led.organisations.Demo.NORDHEI_SCHOOL;
import static no.ks.led.organisations.Demo.PROBLEM;
import static no.ks.led.organisations.Demo.events;
import static no.ks.led.organisations.Demo.freshEmail;
import static no.ks.led.organisations.Demo.personId;
import static no.ks.led.organisations.Demo.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** Consultancies (KS) and engagements of them by tenants. */
@QuarkusTest
class EngagementsTests {

    private static final String CONSULTANT = personId("veiviser.consultant").toString();

    @Inject
    EntityManager em;

    private String newConsultancy() {
        String slug = "k-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Konsulent " + slug + " AS\",\"organisationNumber\":\""
                        + OrganisationNumberTest.randomValid() + "\"}")
                .when().post("/api/national/consultancies")
                .then().statusCode(201).body("slug", equalTo(slug));
        return slug;
    }

    private String start(String tenant, String user, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/" + tenant + "/engagements")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void ksRegistersAConsultancyAndItsConsultantsAndListsThem() {
        String slug = newConsultancy();
        String email = freshEmail();
        String membershipId = given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"Konrad Konsulent\",\"email\":\"" + email + "\"}")
                .when().post("/api/national/consultancies/" + slug + "/consultants")
                .then().statusCode(201).body("person.email", equalTo(email))
                .body("membership.role", equalTo("consultant")).body("membership.organisationId", equalTo(slug))
                .extract().path("membership.id");
        assertEquals(1, events(em, GRANTED, slug, membershipId));
        given().auth().oauth2(token("ks.analyst"))
                .when().get("/api/national/consultancies")
                .then().statusCode(200)
                .body("find { it.slug == '" + slug + "' }.consultants", equalTo(1))
                .body("slug", hasItem("veiviser"));
        // the slug is taken, also by a tenant
        for (String taken : new String[] {slug, "fjordvik"}) {
            given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON)
                    .body("{\"slug\":\"" + taken + "\",\"name\":\"Kopi AS\",\"organisationNumber\":\""
                            + OrganisationNumberTest.randomValid() + "\"}")
                    .when().post("/api/national/consultancies")
                    .then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("urn:no:ks:led:problem:organisation-slug-taken"));
        }
    }

    @Test
    void consultanciesAreKsBusinessAndValidated() {
        long before = Demo.count(em, "SELECT count(*) FROM consultancy");
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON)
                .body("{\"slug\":\"Store Bokstaver\",\"name\":\"\",\"organisationNumber\":\"987654321\"}")
                .when().post("/api/national/consultancies")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("slug")).body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("organisationNumber"));
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"Uten e-post\"}")
                .when().post("/api/national/consultancies/veiviser/consultants")
                .then().statusCode(400).body("violations.field", hasItem("email"));
        for (String user : new String[] {"ks.analyst", "fjordvik.executive", "veiviser.consultant"}) {
            given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                    .body("{\"slug\":\"ulovlig\",\"name\":\"Ulovlig AS\",\"organisationNumber\":\"987654325\"}")
                    .when().post("/api/national/consultancies")
                    .then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                    .body("{\"name\":\"Snik\",\"email\":\"" + freshEmail() + "\"}")
                    .when().post("/api/national/consultancies/veiviser/consultants")
                    .then().statusCode(403).contentType(PROBLEM);
        }
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/national/consultancies")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"Ingen\",\"email\":\"" + freshEmail() + "\"}")
                .when().post("/api/national/consultancies/finnes-ikke/consultants")
                .then().statusCode(404).contentType(PROBLEM);
        assertEquals(before, Demo.count(em, "SELECT count(*) FROM consultancy"));
    }

    @Test
    void aCoordinatorEngagesANamedConsultantForSchoolsAndRevokesItOnce() {
        String id = start("fjordvik", "fjordvik.coordinator", "{\"consultancyId\":\"veiviser\",\"consultantPersonId\":\""
                + CONSULTANT + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"],\"startsOn\":\"2026-01-01\","
                + "\"endsOn\":\"2030-12-31\"}");
        assertEquals(1, events(em, ENGAGEMENT_STARTED, "fjordvik", id));
        given().auth().oauth2(token("fjordvik.executive"))
                .when().get("/api/tenants/fjordvik/engagements")
                .then().statusCode(200)
                .body("find { it.id == '" + id + "' }.consultantPersonId", equalTo(CONSULTANT))
                .body("find { it.id == '" + id + "' }.schoolIds", equalTo(List.of(FJORDVIK_SCHOOL.toString())))
                .body("find { it.id == '" + id + "' }.active", equalTo(true));
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token("fjordvik.executive"))
                    .when().delete("/api/tenants/fjordvik/engagements/" + id)
                    .then().statusCode(204);
        }
        assertEquals(1, events(em, ENGAGEMENT_ENDED, "fjordvik", id));
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/engagements")
                .then().body("find { it.id == '" + id + "' }.active", equalTo(false))
                .body("find { it.id == '" + id + "' }.endedAt", notNullValue());
    }

    @Test
    void aConsultantSeesOnlyTheEngagementsThatCoverThem() {
        String slug = newConsultancy();
        String other = start("fjordvik", "fjordvik.coordinator",
                "{\"consultancyId\":\"" + slug + "\",\"startsOn\":\"2026-01-01\"}");
        given().auth().oauth2(token("veiviser.consultant"))
                .when().get("/api/tenants/fjordvik/engagements")
                .then().statusCode(200)
                .body("id", hasItem(FJORDVIK_ENGAGEMENT.toString()))
                .body("id", not(hasItem(other)))
                .body("tenantId", everyItem(equalTo("fjordvik")))
                .body("id", not(hasItem(NORDHEI_ENGAGEMENT.toString())));
        for (String user : new String[] {"fjordvik.principal", "fjordvik.leader"}) {
            given().auth().oauth2(token(user))
                    .when().get("/api/tenants/fjordvik/engagements")
                    .then().statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void invalidEngagementsAreRejectedNamingTheFieldAndChangeNothing() {
        String slug = newConsultancy();
        long before = Demo.count(em, "SELECT count(*) FROM engagement");
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"consultancyId\":\"\",\"consultantPersonId\":\"nei\",\"schoolIds\":[\"x\"],\"startsOn\":\"snart\"}")
                .when().post("/api/tenants/fjordvik/engagements")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("consultancyId"))
                .body("violations.field", hasItem("consultantPersonId"))
                .body("violations.field", hasItem("schoolIds"))
                .body("violations.field", hasItem("startsOn"));
        for (String[] bad : new String[][] {
                {"{\"consultancyId\":\"finnes-ikke\",\"startsOn\":\"2026-01-01\"}", "consultancyId"},
                // the demo consultant is veiviser's, not this consultancy's
                {"{\"consultancyId\":\"" + slug + "\",\"consultantPersonId\":\"" + CONSULTANT
                        + "\",\"startsOn\":\"2026-01-01\"}", "consultantPersonId"},
                {"{\"consultancyId\":\"veiviser\",\"schoolIds\":[\"" + NORDHEI_SCHOOL + "\"],\"startsOn\":\"2026-01-01\"}",
                        "schoolIds"},
                {"{\"consultancyId\":\"veiviser\",\"startsOn\":\"2026-06-01\",\"endsOn\":\"2026-05-31\"}", "endsOn"},
                {"{\"consultancyId\":\"veiviser\"}", "startsOn"}}) {
            given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body(bad[0])
                    .when().post("/api/tenants/fjordvik/engagements")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations.field", equalTo(List.of(bad[1])));
        }
        assertEquals(before, Demo.count(em, "SELECT count(*) FROM engagement"));
    }

    @Test
    void engagingAndRevokingNeedTheExecutiveOrCoordinator() {
        for (String user : new String[] {"fjordvik.principal", "fjordvik.leader", "veiviser.consultant"}) {
            given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                    .body("{\"consultancyId\":\"veiviser\",\"startsOn\":\"2026-01-01\"}")
                    .when().post("/api/tenants/fjordvik/engagements")
                    .then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(token(user))
                    .when().delete("/api/tenants/fjordvik/engagements/" + FJORDVIK_ENGAGEMENT)
                    .then().statusCode(403).contentType(PROBLEM);
        }
        assertEquals(0, events(em, ENGAGEMENT_ENDED, "fjordvik", FJORDVIK_ENGAGEMENT));
    }

    @Test
    void anotherTenantsEngagementAnswersLikeAMissingOne() {
        String nordhei = start("nordhei", "nordhei.coordinator", "{\"consultancyId\":\"veiviser\",\"startsOn\":\"2026-01-01\"}");
        String missing = UUID.randomUUID().toString();
        Demo.assertLikeMissing(
                given().auth().oauth2(token("fjordvik.coordinator"))
                        .when().delete("/api/tenants/fjordvik/engagements/" + nordhei).andReturn(), nordhei,
                given().auth().oauth2(token("fjordvik.coordinator"))
                        .when().delete("/api/tenants/fjordvik/engagements/" + missing).andReturn(), missing);
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().delete("/api/tenants/nordhei/engagements/" + nordhei)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/nordhei/engagements")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"consultancyId\":\"veiviser\",\"startsOn\":\"2026-01-01\"}")
                .when().post("/api/tenants/nordhei/engagements")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/engagements")
                .then().body("id", not(hasItem(nordhei)));
        assertEquals(0, events(em, ENGAGEMENT_ENDED, "nordhei", nordhei));
        given().auth().oauth2(token("nordhei.coordinator"))
                .when().delete("/api/tenants/nordhei/engagements/" + nordhei)
                .then().statusCode(204);
    }
}

package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.organisations.service.PlatformClock;
import no.ks.led.organisations.service.TenantRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Onboarding tenants (KS) and adding schools (the owner), against the real database and realm. */
@QuarkusTest
class TenantsAndSchoolsTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    @Inject
    TenantRegistry registry;

    @BeforeEach
    void demoTenantsExist() {
        for (String[] t : new String[][] {{"fjordvik", "Fjordvik kommune", "kommune", "934567897"},
                {"nordhei", "Nordhei fylkeskommune", "fylkeskommune", "945678909"}}) {
            int status = given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"slug\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\",\"organisationNumber\":\"%s\"}"
                            .formatted((Object[]) t))
                    .post("/api/national/tenants").statusCode();
            if (status != 201 && status != 409) {
                throw new AssertionError("could not onboard " + t[0] + ": " + status);
            }
        }
    }

    /** KS onboards a tenant with a fresh organisation number (a CVR number and a kommune number in Denmark). */
    private static void onboard(String slug, String name, String kind) {
        boolean danish = "dansk-kommune".equals(kind);
        given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\","
                        + "\"organisationNumber\":\"" + (danish ? CvrNumberTest.randomValid() : OrganisationNumberTest.randomValid())
                        + "\"" + (danish ? ",\"municipalityNumber\":\"851\"" : "") + "}")
                .when().post("/api/national/tenants").then().statusCode(201);
    }

    @Test
    void aDanishOwnerIsOnboardedByItsCvrAndKommuneNumberAndCountsInDenmarkOnly() {
        String slug = "dk-" + UUID.randomUUID().toString().substring(0, 8);
        String cvr = CvrNumberTest.randomValid();
        given().auth().oauth2(RealmLogin.accessToken("ks.admin")).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Norddalby Kommune\",\"kind\":\"dansk-kommune\","
                        + "\"organisationNumber\":\"" + cvr + "\",\"municipalityNumber\":\"851\"}")
                .when().post("/api/national/tenants")
                .then().statusCode(201).body("country", equalTo("DK")).body("organisationNumber", equalTo(cvr));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.organisations.TenantOnboarded.v2' AND event_key = ?1 AND payload LIKE '%\"country\":\"DK\"%'", slug));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.organisations.TenantOnboarded.v1' AND event_key = ?1", slug));

        given().auth().oauth2(RealmLogin.accessToken("ks.analyst")).queryParam("limit", 500)
                .when().get("/api/national/tenants")
                .then().statusCode(200).body("slug", not(hasItem(slug))).body("slug", hasItem("fjordvik"))
                .body("country", everyItem(equalTo("NO")));
        given().auth().oauth2(RealmLogin.accessToken("kl.analyst")).queryParam("limit", 500)
                .when().get("/api/national/tenants")
                .then().statusCode(200).body("slug", hasItem(slug)).body("slug", not(hasItem("fjordvik")))
                .body("country", everyItem(equalTo("DK")));
        // the Danish operator reads, but only KS onboards
        given().auth().oauth2(RealmLogin.accessToken("kl.analyst")).contentType(ContentType.JSON)
                .body("{\"slug\":\"kl-made\",\"name\":\"X\",\"kind\":\"dansk-kommune\",\"organisationNumber\":\"64942212\","
                        + "\"municipalityNumber\":\"101\"}")
                .when().post("/api/national/tenants").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void eachCountrysOwnerNumbersFollowItsOwnRule() {
        long before = count("SELECT count(*) FROM tenant", null);
        String[][] cases = {
                // a Norwegian organisation number is no CVR number
                {"dansk-kommune", "934567897", "\"851\"", "organisationNumber"},
                // a CVR number with a wrong check
                {"dansk-kommune", "64942213", "\"101\"", "organisationNumber"},
                // a Danish owner needs its three-digit kommune number
                {"dansk-kommune", "64942212", "null", "municipalityNumber"},
                {"dansk-kommune", "64942212", "\"1011\"", "municipalityNumber"},
                // and a CVR number is no Norwegian organisation number
                {"kommune", "64942212", "null", "organisationNumber"}};
        for (String[] c : cases) {
            given().auth().oauth2(RealmLogin.accessToken("ks.admin")).contentType(ContentType.JSON)
                    .body("{\"slug\":\"numbers-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"Feilby\","
                            + "\"kind\":\"" + c[0] + "\",\"organisationNumber\":\"" + c[1] + "\",\"municipalityNumber\":" + c[2] + "}")
                    .when().post("/api/national/tenants")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:no:ks:led:problem:validation-failed"))
                    .body("violations.field", equalTo(java.util.List.of(c[3])));
        }
        assertEquals(before, count("SELECT count(*) FROM tenant", null));
    }

    @Test
    void aDanishTenantsSchoolHasItsInstitutionNumberAndADanishKind() {
        String slug = "dks-" + UUID.randomUUID().toString().substring(0, 8);
        onboard(slug, "Skoleby Kommune " + slug, "dansk-kommune");
        String institution = String.format("%06d", new java.util.Random().nextInt(1_000_000));
        School school = registry.addSchool(slug, new TenantRegistry.NewSchool("Skoleby Skole", null, institution,
                "folkeskole", true));
        assertEquals(institution, school.institutionNumber);
        assertEquals(null, school.orgNumber);
        // version 1 cannot describe a Danish school: only version 2 is published
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.organisations.SchoolAdded.v2' AND payload LIKE ?1",
                "%" + school.id + "%"));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.organisations.SchoolAdded.v1' AND payload LIKE ?1",
                "%" + school.id + "%"));

        assertViolations(() -> registry.addSchool(slug, new TenantRegistry.NewSchool("Norsk", OrganisationNumberTest.randomValid(),
                null, "folkeskole", true)), "organisationNumber", "institutionNumber");
        assertViolations(() -> registry.addSchool(slug, new TenantRegistry.NewSchool("Grunnskole", null, "123457",
                "grunnskole", true)), "kind");
        assertViolations(() -> registry.changeSchool(slug, school.id, new TenantRegistry.SchoolChange(null, "videregaende", null)),
                "kind");
        assertViolations(() -> registry.addSchool(slug, new TenantRegistry.NewSchool("Dobbelt", null, institution,
                "folkeskole", true)), "institutionNumber");
        School changed = registry.changeSchool(slug, school.id, new TenantRegistry.SchoolChange(null, "specialskole", null));
        assertEquals("specialskole", changed.kind);
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.organisations.SchoolChanged.v2' AND payload LIKE ?1",
                "%" + school.id + "%"));
    }

    @Test
    void aNorwegianTenantCannotUseADanishKindOrAnInstitutionNumber() {
        for (String kind : new String[] {"folkeskole", "specialskole", "ungdomsskole", "10-klassecenter"}) {
            given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType(ContentType.JSON)
                    .body("{\"name\":\"Dansk\",\"organisationNumber\":\"" + OrganisationNumberTest.randomValid()
                            + "\",\"kind\":\"" + kind + "\",\"hasLeadershipTeam\":true}")
                    .when().post("/api/tenants/fjordvik/schools")
                    .then().statusCode(400).contentType(PROBLEM).body("violations.field", equalTo(java.util.List.of("kind")));
        }
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Dansk\",\"institutionNumber\":\"280001\",\"kind\":\"grunnskole\",\"hasLeadershipTeam\":true}")
                .when().post("/api/tenants/fjordvik/schools")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("institutionNumber"))
                .body("violations.field", hasItem("organisationNumber"));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Kort\",\"institutionNumber\":\"28001\",\"kind\":\"grunnskole\",\"hasLeadershipTeam\":true}")
                .when().post("/api/tenants/fjordvik/schools")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("institutionNumber"));
    }

    private static void assertViolations(Runnable action, String... fields) {
        try {
            action.run();
        } catch (ProblemException e) {
            assertEquals(java.util.List.of(fields), e.toProblem("/").violations().stream().map(Problem.Violation::field).toList());
            return;
        }
        throw new AssertionError("no problem");
    }

    @Test
    void aTenantsTodayIsInItsOwnZoneAndAnythingElsesInThePlatformDefault() {
        String slug = "dk-" + UUID.randomUUID().toString().substring(0, 8);
        onboard(slug, "Testby Kommune " + slug, "dansk-kommune");
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(ZoneId.of("Europe/Copenhagen"), PlatformClock.zoneOf(slug));
            assertEquals(TenantZones.PLATFORM_DEFAULT, PlatformClock.zoneOf("fjordvik"));
            assertEquals(TenantZones.PLATFORM_DEFAULT, PlatformClock.zoneOf("veiviser"), "a consultancy has no zone of its own");
            assertEquals(TenantZones.PLATFORM_DEFAULT, PlatformClock.zoneOf("no-such-tenant"));
        });
    }

    @Test
    void ksOnboardsATenantAndItsEventIsRecorded() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Testvik kommune " + slug + "\",\"kind\":\"kommune\","
                        + "\"organisationNumber\":\"" + OrganisationNumberTest.randomValid().replaceAll("(...)(...)(...)", "$1 $2 $3") + "\"}")
                .when().post("/api/national/tenants")
                .then().statusCode(201).body("slug", equalTo(slug)).body("active", equalTo(true));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.organisations.TenantOnboarded.v1' AND event_key = ?1", slug));

        given().auth().oauth2(RealmLogin.accessToken("ks.analyst"))
                .when().get("/api/national/tenants")
                .then().statusCode(200).body("slug", hasItem(slug))
                .body("[0]", not(hasKey("email")));
    }

    @Test
    void aTakenSlugIsRefusedWithItsOwnProblemType() {
        given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .contentType(ContentType.JSON)
                .body("{\"slug\":\"fjordvik\",\"name\":\"Andre Fjordvik\",\"kind\":\"kommune\","
                        + "\"organisationNumber\":\"" + OrganisationNumberTest.randomValid() + "\"}")
                .when().post("/api/national/tenants")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:organisation-slug-taken"))
                .body("detail", equalTo("A tenant or consultancy with the slug fjordvik exists"));
    }

    @Test
    void ksDeactivatesATenantOnceAndKeepsItsData() {
        String slug = "d-" + UUID.randomUUID().toString().substring(0, 8);
        onboard(slug, "Nedlagt kommune " + slug, "kommune");

        given().auth().oauth2(RealmLogin.accessToken("fjordvik.executive"))
                .when().post("/api/national/tenants/" + slug + "/deactivation")
                .then().statusCode(403).contentType(PROBLEM);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                    .when().post("/api/national/tenants/" + slug + "/deactivation")
                    .then().statusCode(200).body("active", equalTo(false));
        }
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.organisations.TenantDeactivated.v1' AND event_key = ?1", slug));
        assertEquals(1, count("SELECT count(*) FROM tenant WHERE slug = ?1", slug));
        given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .when().post("/api/national/tenants/no-such-tenant/deactivation")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aWrongOrganisationNumberIsA400ThatNamesTheFieldAndChangesNothing() {
        long before = count("SELECT count(*) FROM tenant", null);
        given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .contentType(ContentType.JSON)
                .body("{\"slug\":\"bad-number\",\"name\":\"Feilvik\",\"kind\":\"kommune\",\"organisationNumber\":\"934567898\"}")
                .when().post("/api/national/tenants")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("organisationNumber"));
        given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .contentType(ContentType.JSON)
                .body("{\"slug\":\"Bad Slug\",\"name\":\"\",\"kind\":\"by\",\"organisationNumber\":\"x\"}")
                .when().post("/api/national/tenants")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("slug"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("kind"))
                .body("violations.field", hasItem("organisationNumber"));
        assertEquals(before, count("SELECT count(*) FROM tenant", null));
    }

    @Test
    void onlyKsMayOnboardOrListTenants() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.executive"))
                .contentType(ContentType.JSON)
                .body("{\"slug\":\"sneaky\",\"name\":\"Sneaky\",\"kind\":\"kommune\",\"organisationNumber\":\"934567897\"}")
                .when().post("/api/national/tenants")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/national/tenants")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(RealmLogin.accessToken("ks.analyst"))
                .contentType(ContentType.JSON)
                .body("{\"slug\":\"analyst-made\",\"name\":\"X\",\"kind\":\"kommune\",\"organisationNumber\":\"934567897\"}")
                .when().post("/api/national/tenants")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aCoordinatorAddsASchoolThatOnlyTheirTenantSees() {
        String orgNumber = OrganisationNumberTest.randomValid();
        String id = given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Fjordvik skole\",\"organisationNumber\":\"" + orgNumber
                        + "\",\"kind\":\"grunnskole\",\"hasLeadershipTeam\":false}")
                .when().post("/api/tenants/fjordvik/schools")
                .then().statusCode(201).body("hasLeadershipTeam", equalTo(false))
                .extract().path("id");
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.organisations.SchoolAdded.v1' AND payload LIKE ?1", "%" + id + "%"));

        given().auth().oauth2(RealmLogin.accessToken("fjordvik.leader"))
                .when().get("/api/tenants/fjordvik/schools")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/fjordvik/schools")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/schools")
                .then().statusCode(200).body("id", everyItem(not(equalTo(id))));
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Inntrenger\",\"organisationNumber\":\"" + OrganisationNumberTest.randomValid()
                        + "\",\"kind\":\"grunnskole\",\"hasLeadershipTeam\":true}")
                .when().post("/api/tenants/fjordvik/schools")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void invalidSchoolsAreRejectedAndAdditionNeedsARole() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"organisationNumber\":\"123\",\"kind\":\"universitet\"}")
                .when().post("/api/tenants/fjordvik/schools")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("organisationNumber"))
                .body("violations.field", hasItem("kind"))
                .body("violations.field", hasItem("hasLeadershipTeam"));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.leader"))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Lederløs\",\"organisationNumber\":\"" + OrganisationNumberTest.randomValid()
                        + "\",\"kind\":\"grunnskole\",\"hasLeadershipTeam\":true}")
                .when().post("/api/tenants/fjordvik/schools")
                .then().statusCode(403).contentType(PROBLEM);
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            if (parameter != null) {
                query.setParameter(1, parameter);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}

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
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.organisations.service.PlatformClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Onboarding tenants (KS) and adding schools (the owner), against the real database and realm. */
@QuarkusTest
class TenantsAndSchoolsTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

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

    /** KS onboards a tenant with a fresh organisation number. */
    private static void onboard(String slug, String name, String kind) {
        given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\","
                        + "\"organisationNumber\":\"" + OrganisationNumberTest.randomValid() + "\"}")
                .when().post("/api/national/tenants").then().statusCode(201);
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

package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Danish owner through the gateway (issue 17): the demo skolechef of norddal onboards a folkeskole by its
 * institution number and opens a status-analysis round; the round counts in Denmark's national view and never
 * in KS's, and Norwegian and Danish users stay out of each other's tenants.
 */
@ExtendWith(Platform.class)
class DanishPathIT {

    /** Norddal Skole in the demo directory. */
    private static final String NORDDAL_SKOLE = "b582b8bc-249a-5c6c-a369-c9b7c4a42fb3";
    private static final String PROBLEM = "application/problem+json";

    /** A call through the gateway as the demo user. */
    private static RequestSpecification as(String user) {
        return given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken(user));
    }

    @Test
    void theSkolechefOnboardsAFolkeskoleAndOpensARoundThatKsNeverCounts() {
        as("norddal.skolechef").when().get("/api/tenants/norddal").then().statusCode(200)
                .body("country", equalTo("DK")).body("language", equalTo("da")).body("timeZone", equalTo("Europe/Copenhagen"));

        String institution = String.format("%06d", new Random().nextInt(1_000_000));
        as("norddal.skolechef").contentType(ContentType.JSON)
                .body("{\"name\":\"Fjordby Skole " + UUID.randomUUID().toString().substring(0, 8) + "\",\"institutionNumber\":\""
                        + institution + "\",\"kind\":\"folkeskole\",\"hasLeadershipTeam\":true}")
                .when().post("/api/tenants/norddal/schools")
                .then().statusCode(201).body("institutionNumber", equalTo(institution))
                .body("organisationNumber", nullValue()).body("kind", equalTo("folkeskole"));
        // a Norwegian organisation number or kind is refused, naming the field
        as("norddal.skolechef").contentType(ContentType.JSON)
                .body("{\"name\":\"Norsk skole\",\"organisationNumber\":\"974123452\",\"kind\":\"grunnskole\",\"hasLeadershipTeam\":true}")
                .when().post("/api/tenants/norddal/schools")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("institutionNumber"))
                .body("violations.field", hasItem("kind"));

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        String body = "{\"title\":\"Statusanalyse e2e\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + today
                + "\",\"closesOn\":\"" + today.plusDays(14) + "\",\"schoolIds\":[\"" + NORDDAL_SKOLE + "\"]}";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> as("norddal.skolechef")
                .contentType(ContentType.JSON).body(body).when().post("/api/tenants/norddal/survey-rounds").statusCode() == 201);

        int year = today.plusDays(14).getYear();
        String national = "/api/national/survey-results?instrumentVersion=1&year=" + year;
        as("kl.analyst").when().get(national).then().statusCode(200).body("tenants.tenantId", hasItem("norddal"))
                .body("tenants.tenantId", not(hasItem("fjordvik")));
        as("ks.analyst").when().get(national).then().statusCode(200).body("tenants.tenantId", not(hasItem("norddal")));
        as("ks.analyst").queryParam("limit", 500).when().get("/api/national/tenants").then().statusCode(200)
                .body("slug", not(hasItem("norddal"))).body("country", everyItem(equalTo("NO")));
        as("kl.analyst").queryParam("limit", 500).when().get("/api/national/tenants").then().statusCode(200)
                .body("slug", hasItem("norddal")).body("country", everyItem(equalTo("DK")));
    }

    @Test
    void theDistrictLeaderLeadsBothSchoolsAndEachTitleIsKeptBesideItsRole() {
        String people = "/api/tenants/norddal/people";
        String distriktsleder = "find { it.id == '" + DemoUsers.personId("norddal.distriktsleder") + "' }.roles";
        as("norddal.skolechef").queryParam("limit", 500).when().get(people).then().statusCode(200)
                .body(distriktsleder + ".findAll { it.role == 'principal' }.size()", equalTo(2))
                .body(distriktsleder + ".title", everyItem(equalTo("skoledistriktsleder")));
        String skoleleder = "find { it.id == '" + DemoUsers.personId("norddal.skoleleder") + "' }.roles[0]";
        as("norddal.skolechef").queryParam("limit", 500).when().get(people).then().statusCode(200)
                .body(skoleleder + ".role", equalTo("principal")).body(skoleleder + ".title", equalTo("skoleleder"));
    }

    @Test
    void norwegianAndDanishUsersStayOutOfEachOthersTenants() {
        as("fjordvik.coordinator").when().get("/api/tenants/norddal/schools").then().statusCode(404).contentType(PROBLEM);
        as("norddal.skolechef").when().get("/api/tenants/fjordvik/schools").then().statusCode(404).contentType(PROBLEM);
        as("veiviser.consultant").when().get("/api/tenants/norddal/schools").then().statusCode(200);
    }
}

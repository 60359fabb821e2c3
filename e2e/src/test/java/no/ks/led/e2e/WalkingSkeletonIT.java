package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import io.restassured.http.ContentType;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walking skeleton through the gateway: programmes, the outbox, Kafka, the inbox and scheduling. */
@ExtendWith(Platform.class)
class WalkingSkeletonIT {

    private static final String PROBLEM = "application/problem+json";
    private static String gateway;

    @BeforeAll
    static void gatewayUrl() {
        gateway = Platform.url("gateway");
    }

    @Test
    void aCoordinatorCreatesAProgrammeAndSchedulingLearnsOfIt() {
        String token = RealmLogin.accessToken("fjordvik.coordinator");
        String id = given().baseUri(gateway).auth().oauth2(token)
                .contentType(ContentType.JSON).body("{\"name\":\"Led skole Fjordvik 2027\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201)
                .extract().path("id");
        // the Location names the gateway the client called, never the service's own address
        given().baseUri(gateway).auth().oauth2(token)
                .contentType(ContentType.JSON).body("{\"name\":\"Led skole Fjordvik 2028\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201)
                .header("Location", matchesPattern(java.util.regex.Pattern.quote(gateway) + "/api/tenants/fjordvik/programmes/[0-9a-f-]{36}"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().baseUri(gateway).auth().oauth2(token)
                        .get("/api/tenants/fjordvik/programmes/" + id + "/activities").statusCode() == 200);
        given().baseUri(gateway).auth().oauth2(token)
                .when().get("/api/tenants/fjordvik/programmes/" + id + "/activities")
                .then().statusCode(200).body("size()", equalTo(0));
        given().baseUri(gateway).auth().oauth2(token)
                .when().get("/api/tenants/fjordvik/programmes/" + UUID.randomUUID() + "/activities")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:not-found"));
    }

    @Test
    void anotherTenantsUserGetsNotFoundWithNothingRevealed() {
        String id = given().baseUri(gateway).auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"name\":\"Hemmelig plan\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201).extract().path("id");
        String nordhei = RealmLogin.accessToken("nordhei.coordinator");
        String unknown = UUID.randomUUID().toString();
        for (String path : new String[] {"/api/tenants/fjordvik/programmes/%s",
                "/api/tenants/fjordvik/programmes/%s/activities", "/api/tenants/nordhei/programmes/%s"}) {
            String existing = given().baseUri(gateway).auth().oauth2(nordhei)
                    .when().get(path.formatted(id))
                    .then().statusCode(404).contentType(PROBLEM)
                    .body(not(containsString("Hemmelig")))
                    .extract().asString();
            String missing = given().baseUri(gateway).auth().oauth2(nordhei)
                    .when().get(path.formatted(unknown))
                    .then().statusCode(404).contentType(PROBLEM)
                    .extract().asString();
            // another tenant's programme answers exactly as one that does not exist
            assertEquals(missing.replace(unknown, "ID"), existing.replace(id, "ID"));
        }
        given().baseUri(gateway).auth().oauth2(nordhei)
                .when().get("/api/tenants/fjordvik/programmes")
                .then().statusCode(404).contentType(PROBLEM).body(not(containsString("Hemmelig")));
        given().baseUri(gateway).auth().oauth2(nordhei)
                .when().get("/api/tenants/no-such-tenant/programmes")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void noTokenIs401() {
        given().baseUri(gateway).when().get("/api/tenants/fjordvik/programmes")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", notNullValue());
    }

    @Test
    void aTamperedTokenIs401() {
        String[] parts = RealmLogin.accessToken("nordhei.coordinator").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("nordhei", "fjordvik").getBytes());
        given().baseUri(gateway).auth().oauth2(parts[0] + "." + forged + "." + parts[2])
                .when().get("/api/tenants/fjordvik/programmes")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anExpiredTokenIs401() {
        // led-cli-short issues tokens that live two seconds
        String token = RealmLogin.fetchAccessToken("led-cli-short", "fjordvik.coordinator");
        given().baseUri(gateway).auth().oauth2(token)
                .when().get("/api/tenants/fjordvik/programmes").then().statusCode(200);
        await("the token expires").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().baseUri(gateway).auth().oauth2(token)
                        .when().get("/api/tenants/fjordvik/programmes").statusCode() == 401);
        given().baseUri(gateway).auth().oauth2(token)
                .when().get("/api/tenants/fjordvik/programmes")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void malformedJsonIs400ProblemDetails() {
        given().baseUri(gateway).auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"name\": \"unterminated")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:malformed-request"))
                .body(not(containsString("at com.")));
    }

    @Test
    void unknownRoutesAre404ProblemDetails() {
        String token = RealmLogin.accessToken("fjordvik.coordinator");
        given().baseUri(gateway).auth().oauth2(token)
                .when().get("/api/tenants/fjordvik/secrets")
                .then().statusCode(404).contentType(PROBLEM);
        given().baseUri(gateway).auth().oauth2(token)
                .when().get("/api/nowhere")
                .then().statusCode(404).contentType(PROBLEM);
        // everything outside /api is the web app's: a page nobody is logged in to sends the browser to the login
        given().baseUri(gateway).redirects().follow(false)
                .when().get("/nowhere")
                .then().statusCode(302).header("Location", containsString("/protocol/openid-connect/auth"));
        given().baseUri(gateway).auth().oauth2(token)
                .when().delete("/api/tenants/fjordvik/programmes")
                .then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void everyApplicationIsReadyAndDescribesItself() {
        for (String app : Platform.APPLICATIONS.keySet()) {
            String url = Platform.managementUrl(app);
            given().baseUri(url).when().get("/q/health/live").then().statusCode(200);
            given().baseUri(url).when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            if (!app.equals("web")) { // the web app serves pages, not an API
                given().baseUri(url).when().get("/q/openapi").then().statusCode(200);
            }
            given().baseUri(url).when().get("/q/metrics").then().statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
        }
        for (String service : new String[] {"organisations", "surveys", "programmes", "scheduling", "funding"}) {
            given().baseUri(Platform.managementUrl(service)).when().get("/q/health/ready")
                    .then().body(containsString("Database connections health check"))
                    .body(containsString("Kafka connection health check"));
        }
    }

    @Test
    void thePublicPortOfNoApplicationServesAManagementEndpoint() {
        for (String app : Platform.APPLICATIONS.keySet()) {
            assertNotEquals(Platform.url(app), Platform.managementUrl(app), app + " has a management interface of its own");
            for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/health/ready"}) {
                if (app.equals("web")) { // the web app answers people: its own 404 page, and nothing of the endpoint
                    given().baseUri(Platform.url(app)).when().get(path).then().statusCode(404).contentType(containsString("text/html"))
                            .body(not(containsString("jvm_"))).body(not(containsString("openapi:")));
                } else {
                    given().baseUri(Platform.url(app)).when().get(path).then().statusCode(404).contentType(PROBLEM)
                            .body("type", equalTo("urn:no:ks:led:problem:not-found"));
                }
            }
        }
    }

    @Test
    void everyServiceAnswersThroughTheGateway() {
        given().baseUri(gateway).auth().oauth2(RealmLogin.accessToken("veiviser.consultant"))
                .when().get("/api/me")
                .then().statusCode(200).body("username", equalTo("veiviser.consultant"));
        String coordinator = RealmLogin.accessToken("nordhei.coordinator");
        given().baseUri(gateway).auth().oauth2(coordinator)
                .when().get("/api/tenants/nordhei/survey-rounds").then().statusCode(200);
        given().baseUri(gateway).auth().oauth2(coordinator)
                .when().get("/api/tenants/nordhei/funding-applications").then().statusCode(200);
        given().baseUri(gateway).auth().oauth2(coordinator)
                .when().get("/api/tenants/fjordvik/funding-applications").then().statusCode(404).contentType(PROBLEM);
        given().baseUri(gateway).auth().oauth2(coordinator)
                .when().get("/api/tenants/nordhei/schools").then().statusCode(200);
        given().baseUri(gateway).auth().oauth2(coordinator)
                .when().get("/api/national/tenants").then().statusCode(403).contentType(PROBLEM);
        given().baseUri(gateway).auth().oauth2(RealmLogin.accessToken("ks.analyst"))
                .when().get("/api/national/tenants").then().statusCode(200);
    }
}

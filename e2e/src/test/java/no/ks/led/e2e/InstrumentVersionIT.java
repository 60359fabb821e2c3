package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18 end to end through the gateway: KS ({@code ks.admin}) publishes instrument version 2 from the demo file
 * through the API, no release; no tenant sees it while it is a draft; {@code fjordvik} runs a round on it after one
 * on version 1, and the owner's results and trend compare the continued items across the versions. Beside the API's
 * two demo leaders, a third answer set per round is written as a bulk load would (answers, then the tallies
 * rebuilt), so the school reaches k = 3. And the owner's view split by the respondents' level, on a school of
 * its own with real submissions by principals and middle leaders.
 */
@ExtendWith(Platform.class)
class InstrumentVersionIT {

    private static final String SCHOOL = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";
    private static final String PROBLEM = "application/problem+json";
    private static final String INSTRUMENTS = "/api/national/instruments";
    private static String gateway;

    @BeforeAll
    static void gatewayUrl() {
        gateway = Platform.url("gateway");
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(gateway).auth().oauth2(RealmLogin.accessToken(user));
    }

    @Test
    void ksPublishesVersionTwoAndTheOwnerComparesTheContinuedItemsWithVersionOne() throws IOException {
        int version2 = publishedDemoVersion();
        as("fjordvik.leader").when().get("/api/tenants/fjordvik/instruments/" + version2).then().statusCode(200)
                .body("sections.code", hasItem("skills"));

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        // a round on version 1 that closed yesterday
        String before = openRound(1, today);
        answer(before, "fjordvik.principal", Map.of("learning-1", 2, "role-clarity-1", 2));
        answer(before, "fjordvik.leader", Map.of("learning-1", 2, "role-clarity-1", 3));
        bulkAnswerSet(before, Map.of("learning-1", 2, "role-clarity-1", 4));
        ServiceDatabases.update("surveys", "UPDATE survey_round SET opens_on = '" + today.minusDays(1) + "', closes_on = '"
                + today.minusDays(1) + "' WHERE id = '" + before + "'");
        // and one on version 2, its items in the first person
        String now = openRound(version2, today);
        as("fjordvik.leader").when().get("/api/tenants/fjordvik/survey-rounds/" + now).then().statusCode(200)
                .body("questions.version", equalTo(version2))
                .body("questions.sections.items.flatten().find { it.code == 'role-clarity-expectations' }.continues",
                        equalTo("role-clarity-1"))
                .body("questions.sections.items.flatten().find { it.code == 'learning-1' }.text.nb",
                        equalTo("Jeg følger systematisk opp elevenes læringsresultater."));
        answer(now, "fjordvik.principal", Map.of("learning-1", 5, "role-clarity-expectations", 5, "skills-engaging-staff", 4));
        answer(now, "fjordvik.leader", Map.of("learning-1", 4, "role-clarity-expectations", 4, "skills-engaging-staff", 2));
        bulkAnswerSet(now, Map.of("learning-1", 3, "role-clarity-expectations", 3, "skills-engaging-staff", 3));

        // the owner's view of the new round compares each continued item with the one it continues
        JsonPath owner = as("fjordvik.coordinator").when().get("/api/tenants/fjordvik/survey-rounds/" + now + "/results")
                .then().statusCode(200).body("previousRoundId", equalTo(before)).body("total.respondents", equalTo(3))
                .extract().jsonPath();
        String item = "total.sections.items.flatten().find { it.code == '%s' }.";
        assertEquals(4.0f, owner.getFloat(item.formatted("role-clarity-expectations") + "mean"));
        assertEquals(3.0f, owner.getFloat(item.formatted("role-clarity-expectations") + "previousMean"));
        assertEquals(1.0f, owner.getFloat(item.formatted("role-clarity-expectations") + "change"));
        assertEquals(2.0f, owner.getFloat(item.formatted("learning-1") + "change"));
        // a new item has nothing to compare with
        assertEquals(3.0f, owner.getFloat(item.formatted("skills-engaging-staff") + "mean"));
        assertNull(owner.get(item.formatted("skills-engaging-staff") + "previousMean"));

        // the trend lists both rounds, each on its version
        JsonPath trend = as("fjordvik.coordinator").when().get("/api/tenants/fjordvik/survey-results/trend").then()
                .statusCode(200).extract().jsonPath();
        String round = "rounds.find { it.roundId == '%s' }.";
        assertEquals(1, trend.getInt(round.formatted(before) + "instrumentVersion"));
        assertEquals(version2, trend.getInt(round.formatted(now) + "instrumentVersion"));
        List<String> ids = trend.getList("rounds.roundId");
        assertTrue(ids.indexOf(before) < ids.indexOf(now), "oldest first");
    }

    /**
     * The owner's split by level on version 2, with real submissions through the gateway: a new school of fjordvik
     * gets three principals and three middle leaders (added by the coordinator, logged in as people do after the
     * identity sync). In one round all six answer, and the owner sees principals and middle leaders apart; in another
     * one principal and three middle leaders answer, and both levels are suppressed (one principal is below k, and the
     * middle leaders would be the total minus that principal). Another tenant's id answers 404.
     */
    @Test
    void theOwnerSeesPrincipalsAndMiddleLeadersApartWhereKAllowsAndSuppressedWhereNot() throws IOException {
        int version2 = publishedDemoVersion();
        String school = as("fjordvik.coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "Nivåskolen " + UUID.randomUUID().toString().substring(0, 8), "organisationNumber",
                        CrossTenantMatrixIT.organisationNumber(), "kind", "grunnskole", "hasLeadershipTeam", true))
                .when().post("/api/tenants/fjordvik/schools").then().statusCode(201).extract().path("id");
        List<String> principals = new java.util.ArrayList<>();
        List<String> middleLeaders = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = "level-" + UUID.randomUUID() + "@example.org";
            as("fjordvik.coordinator").contentType(ContentType.JSON)
                    .body(Map.of("name", "Nivå Leder " + i, "email", email, "role", i < 3 ? "principal" : "school-leader",
                            "schoolId", school))
                    .when().post("/api/tenants/fjordvik/people").then().statusCode(201);
            (i < 3 ? principals : middleLeaders).add(email);
        }
        principals.forEach(PendingMembershipBrowserIT::letLogIn);
        middleLeaders.forEach(PendingMembershipBrowserIT::letLogIn);
        // the surveys service asks the school's leaders its access replica holds when a round opens
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() -> ServiceDatabases.strings(
                "surveys", "SELECT count(*) FROM access_membership WHERE school_id = '" + school + "' AND ended_at IS NULL")
                .contains("6"));

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        String all = openRound(version2, today, school);
        principals.forEach(p -> answerWithToken(all, respondent(all, p), Map.of("learning-1", 5, "skills-engaging-staff", 4)));
        middleLeaders.forEach(m -> answerWithToken(all, respondent(all, m), Map.of("learning-1", 2, "skills-engaging-staff", 1)));
        String levels = "/api/tenants/fjordvik/survey-rounds/" + all + "/results/levels";
        JsonPath split = as("fjordvik.coordinator").when().get(levels).then().statusCode(200)
                .body("total.respondents", equalTo(6)).extract().jsonPath();
        assertEquals(List.of("principal", "middle-leader"), split.getList("levels.level"));
        assertEquals(false, split.getBoolean("levels[0].results.suppressed"));
        assertEquals(3, split.getInt("levels[0].results.respondents"));
        String item = "levels[%d].results.sections.items.flatten().find { it.code == '%s' }.mean";
        assertEquals(5.0f, split.getFloat(item.formatted(0, "learning-1")));
        assertEquals(4.0f, split.getFloat(item.formatted(0, "skills-engaging-staff")));
        assertEquals(3, split.getInt("levels[1].results.respondents"));
        assertEquals(2.0f, split.getFloat(item.formatted(1, "learning-1")));
        assertEquals(1.0f, split.getFloat(item.formatted(1, "skills-engaging-staff")));
        as("nordhei.executive").when().get(levels.replace("/fjordvik/", "/nordhei/")).then().statusCode(404)
                .contentType(PROBLEM);
        as("fjordvik.principal").when().get(levels).then().statusCode(403).contentType(PROBLEM);

        String few = openRound(version2, today, school);
        answerWithToken(few, respondent(few, principals.get(0)), Map.of("learning-1", 5));
        middleLeaders.forEach(m -> answerWithToken(few, respondent(few, m), Map.of("learning-1", 2)));
        as("fjordvik.executive").when().get("/api/tenants/fjordvik/survey-rounds/" + few + "/results/levels").then()
                .statusCode(200)
                .body("total.suppressed", equalTo(false))
                .body("total.respondents", equalTo(4))
                .body("levels[0].level", equalTo("principal"))
                .body("levels[0].results.suppressed", equalTo(true))
                .body("levels[0].results.respondents", equalTo(null))
                .body("levels[1].level", equalTo("middle-leader"))
                .body("levels[1].results.suppressed", equalTo(true))
                .body("levels[1].results.respondents", equalTo(null));
    }

    /**
     * A fresh token of a person added in the test, once it opens their response in the round: their Keycloak user
     * joins the tenant's organization and the gateway's replica learns their role shortly after the user exists.
     */
    private String respondent(String round, String email) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                .pollInterval(java.time.Duration.ofSeconds(1)).until(() -> {
                    String token = RealmLogin.fetchAccessToken("led-cli", email);
                    int status = given().baseUri(gateway).auth().oauth2(token).when()
                            .get("/api/tenants/fjordvik/survey-rounds/" + round + "/responses/mine").then().extract().statusCode();
                    return status == 200 ? token : null;
                }, token -> token != null);
    }

    /**
     * The demo version 2, published now through the gateway unless a version of its name is; while it is a draft,
     * no tenant's user sees it.
     */
    private static int publishedDemoVersion() throws IOException {
        JsonNode content = new ObjectMapper().readTree(Files.readString(Path.of("../deploy/local/demo/instrument-v2.json")));
        String name = content.get("name").asText();
        List<Map<String, Object>> published = as("ks.analyst").queryParam("limit", 500).when().get(INSTRUMENTS).then()
                .statusCode(200).extract().jsonPath().getList("");
        for (Map<String, Object> version : published) {
            if (name.equals(version.get("name"))) {
                return (Integer) version.get("version");
            }
        }
        List<Integer> drafts = as("ks.admin").when().get(INSTRUMENTS + "/drafts").then().statusCode(200).extract().jsonPath()
                .getList("version");
        drafts.forEach(v -> as("ks.admin").when().delete(INSTRUMENTS + "/" + v).then().statusCode(204));
        int version = as("ks.admin").contentType(ContentType.JSON)
                .body(Map.of("name", name, "successorOf", content.get("successorOf").asInt())).when().post(INSTRUMENTS)
                .then().statusCode(201).extract().path("version");
        as("ks.admin").contentType(ContentType.JSON).body(content.toString()).when().put(INSTRUMENTS + "/" + version).then()
                .statusCode(200).body("publishedAt", equalTo(null));
        as("ks.analyst").queryParam("lang", "da").queryParam("mode", "team").when()
                .get(INSTRUMENTS + "/" + version + "/preview").then().statusCode(200)
                .body("scale[3].label", equalTo("Delvist enig"))
                .body("sections[0].items[0].text", equalTo("Vi følger systematisk op på elevernes læringsresultater."));
        // a draft is KS's: a tenant's users get 404 in their tenant and 403 on the national routes
        for (String user : new String[] {"fjordvik.coordinator", "fjordvik.principal", "nordhei.executive"}) {
            String tenant = user.substring(0, user.indexOf('.'));
            as(user).when().get("/api/tenants/" + tenant + "/instruments/" + version).then().statusCode(404)
                    .contentType(PROBLEM);
            as(user).when().get("/api/tenants/" + tenant + "/instruments").then().statusCode(200)
                    .body("version", not(hasItem(version)));
            as(user).when().get(INSTRUMENTS + "/" + version).then().statusCode(403).contentType(PROBLEM);
            as(user).contentType(ContentType.JSON).body(content.toString()).when().put(INSTRUMENTS + "/" + version).then()
                    .statusCode(403).contentType(PROBLEM);
            as(user).when().post(INSTRUMENTS + "/" + version + "/publication").then().statusCode(403).contentType(PROBLEM);
        }
        as("ks.admin").when().post(INSTRUMENTS + "/" + version + "/publication").then().statusCode(200)
                .body("publishedAt", notNullValue());
        // published: frozen
        as("ks.admin").contentType(ContentType.JSON).body(content.toString()).when().put(INSTRUMENTS + "/" + version).then()
                .statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:no:ks:led:problem:instrument-version-published"));
        return version;
    }

    private static String openRound(int version, LocalDate today) {
        return openRound(version, today, SCHOOL);
    }

    private static String openRound(int version, LocalDate today, String school) {
        return as("fjordvik.coordinator").contentType(ContentType.JSON)
                .body("{\"title\":\"Versjon " + version + " e2e " + UUID.randomUUID() + "\",\"mode\":\"individual\","
                        + "\"instrumentVersion\":" + version + ",\"opensOn\":\"" + today + "\",\"closesOn\":\""
                        + today.plusDays(14) + "\",\"schoolIds\":[\"" + school + "\"]}")
                .when().post("/api/tenants/fjordvik/survey-rounds").then().statusCode(201).extract().path("id");
    }

    private static void answer(String round, String user, Map<String, Integer> values) {
        answerWithToken(round, RealmLogin.accessToken(user), values);
    }

    private static void answerWithToken(String round, String token, Map<String, Integer> values) {
        String base = "/api/tenants/fjordvik/survey-rounds/" + round + "/responses/mine";
        StringBuilder answers = new StringBuilder();
        values.forEach((item, value) -> answers.append(answers.length() == 0 ? "" : ",")
                .append("{\"item\":\"").append(item).append("\",\"value\":").append(value).append('}'));
        given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON).body("{\"answers\":[" + answers + "]}")
                .when().put(base).then().statusCode(200);
        given().baseUri(gateway).auth().oauth2(token).header("Idempotency-Key", UUID.randomUUID().toString()).when().post(base + "/submission").then()
                .statusCode(200);
    }

    /** One more leader's submitted set, as a bulk load writes it: the answers, then the round's tallies rebuilt. */
    private static void bulkAnswerSet(String round, Map<String, Integer> values) {
        String set = UUID.randomUUID().toString();
        ServiceDatabases.update("surveys", "INSERT INTO answer_set (id, tenant_id, round_id, school_id, owner_tag, submitted) "
                + "VALUES ('" + set + "', 'fjordvik', '" + round + "', '" + SCHOOL + "', 'bulk-" + set + "', true)");
        values.forEach((item, value) -> ServiceDatabases.update("surveys",
                "INSERT INTO answer (answer_set_id, stage, item_code, value) VALUES ('" + set + "', 'submitted', '" + item
                        + "', " + value + ")"));
        ServiceDatabases.strings("surveys", "SELECT 'rebuilt' FROM (SELECT rebuild_result_tally('" + round + "')) r");
    }
}

package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The status analysis end to end through the gateway, with the demo users (issue 4, "done means"): the
 * fjordvik coordinator opens a round, the principal and the school leader answer, results appear with
 * suppression, the principal shares them, the executive sees the school as shared, and the national view
 * shows only aggregates that the k rule allows and never names a school.
 */
@ExtendWith(Platform.class)
class StatusAnalysisFlowIT {

    private static final String SCHOOL = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";
    private static final String PROBLEM = "application/problem+json";
    private static String gateway;

    @BeforeAll
    static void gatewayUrl() {
        gateway = Platform.url("gateway");
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(gateway).auth().oauth2(RealmLogin.accessToken(user));
    }

    private static void answer(String user, String round, int value, String comment) {
        String base = "/api/tenants/fjordvik/survey-rounds/" + round + "/responses/mine";
        String body = "{\"answers\":[{\"item\":\"learning-1\",\"value\":" + value + "},{\"item\":\"learning-2\",\"dontKnow\":true},"
                + "{\"item\":\"comments-1\",\"text\":\"" + comment + "\"}]}";
        as(user).contentType(ContentType.JSON).body(body).when().put(base).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        as(user).header("Idempotency-Key", key).when().post(base + "/submission").then().statusCode(200);
        // a retried submission (same key) changes nothing and still answers 200
        as(user).header("Idempotency-Key", key).when().post(base + "/submission").then().statusCode(200);
    }

    @Test
    void aRoundIsOpenedAnsweredSharedAndSeenWithSuppression() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        String title = "Ståstedsanalyse e2e " + UUID.randomUUID();
        String round = as("fjordvik.coordinator").contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + today + "\",\"closesOn\":\""
                        + today.plusDays(14) + "\",\"schoolIds\":[\"" + SCHOOL + "\"]}")
                .when().post("/api/tenants/fjordvik/survey-rounds")
                .then().statusCode(201).extract().path("id");
        String path = "/api/tenants/fjordvik/survey-rounds/" + round;

        // the respondents see the round and its questions; another tenant's users do not
        as("fjordvik.leader").when().get(path).then().statusCode(200).body("title", equalTo(title))
                .body("questions.sections.code", hasItems("learning", "role-clarity"));
        as("nordhei.coordinator").when().get(path).then().statusCode(404).contentType(PROBLEM);

        answer("fjordvik.principal", round, 4, "Godt samarbeid");
        answer("fjordvik.leader", round, 2, "<script>alert(1)</script>");

        // the completion list names who has finished, never what they answered
        as("fjordvik.coordinator").when().get(path + "/completion").then().statusCode(200)
                .body("personId", hasItems(DemoUsers.personId("fjordvik.principal"), DemoUsers.personId("fjordvik.leader")));

        // two answers at the school: below k = 3, so the school's figures are hidden from its own leaders
        // (each knows their own answer, so the rest must reach k on its own) and from the owner
        as("fjordvik.principal").when().get(path + "/results/schools/" + SCHOOL).then().statusCode(200)
                .body("minGroupSize", equalTo(3)).body("total.suppressed", equalTo(true))
                .body("total.freeText.size()", equalTo(0));
        as("fjordvik.executive").when().get(path + "/results").then().statusCode(200)
                .body("schools.find { it.schoolId == '" + SCHOOL + "' }.status", equalTo("not-shared"));
        // the school's own view is not the owner's to read
        as("fjordvik.executive").when().get(path + "/results/schools/" + SCHOOL).then().statusCode(403).contentType(PROBLEM);

        // the principal shares; the executive now sees the school as shared, still suppressed below k
        as("fjordvik.leader").when().put(path + "/results/schools/" + SCHOOL + "/sharing").then().statusCode(403);
        as("fjordvik.principal").when().put(path + "/results/schools/" + SCHOOL + "/sharing").then().statusCode(200);
        JsonPath owner = as("fjordvik.executive").when().get(path + "/results").then().statusCode(200)
                .body("schools.find { it.schoolId == '" + SCHOOL + "' }.status", equalTo("shared"))
                .extract().jsonPath();
        assertOnlyGroupsOfAtLeastK(owner.getMap("total"), 3);
        for (Map<String, Object> school : owner.<Map<String, Object>>getList("schools")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> results = (Map<String, Object>) school.get("results");
            assertOnlyGroupsOfAtLeastK(results, 3);
        }
        // exports and charts of the owner's view go through the gateway with the same rules
        as("fjordvik.executive").when().get(path + "/results.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        as("fjordvik.executive").when().get(path + "/results/chart/sections.svg").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("image/svg+xml"));
        as("nordhei.executive").when().get(path + "/results").then().statusCode(404).contentType(PROBLEM);

        // withdrawn: the executive no longer sees it as shared
        as("fjordvik.principal").when().delete(path + "/results/schools/" + SCHOOL + "/sharing").then().statusCode(200);
        as("fjordvik.executive").when().get(path + "/results").then().statusCode(200)
                .body("schools.find { it.schoolId == '" + SCHOOL + "' }.status", equalTo("not-shared"));

        // the national view (KS analyst): aggregates over tenants for the round's year, never a school
        String national = "/api/national/survey-results?instrumentVersion=1&year=" + today.plusDays(14).getYear();
        JsonPath nation = as("ks.analyst").when().get(national).then().statusCode(200)
                .body("tenants.tenantId", hasItems("fjordvik")).extract().jsonPath();
        String raw = nation.prettify();
        assertFalse(raw.contains(SCHOOL), "the national view names a school");
        assertFalse(raw.contains("Godt samarbeid") || raw.contains("alert(1)"), "the national view shows free text");
        int k = nation.getInt("minGroupSize");
        assertTrue(k >= 3);
        assertOnlyGroupsOfAtLeastK(nation.getMap("total"), k);
        for (Map<String, Object> tenant : nation.<Map<String, Object>>getList("tenants")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> results = (Map<String, Object>) tenant.get("results");
            assertOnlyGroupsOfAtLeastK(results, k);
        }
        as("fjordvik.executive").when().get(national).then().statusCode(403).contentType(PROBLEM);
        as("fjordvik.principal").when().get(national).then().statusCode(403).contentType(PROBLEM);

        // free text is stored as text, never rendered as markup, and never attributed
        as("fjordvik.leader").when().get(path + "/responses/mine").then().statusCode(200)
                .body("submitted.find { it.item == 'comments-1' }.text", equalTo("<script>alert(1)</script>"))
                .body("submittedAt", notNullValue());
    }

    /** Every group shown (not suppressed) reports at least k respondents. */
    @SuppressWarnings("unchecked")
    static void assertOnlyGroupsOfAtLeastK(Map<String, Object> group, int k) {
        if (group == null || Boolean.TRUE.equals(group.get("suppressed"))) {
            return;
        }
        Object respondents = group.get("respondents");
        assertTrue(respondents instanceof Number n && n.longValue() >= k, "a shown group has fewer than k: " + group);
        for (Map<String, Object> section : (List<Map<String, Object>>) group.getOrDefault("sections", List.of())) {
            for (Map<String, Object> item : (List<Map<String, Object>>) section.get("items")) {
                if (!Boolean.TRUE.equals(item.get("suppressed"))) {
                    Object answers = item.get("responseCount");
                    assertTrue(answers instanceof Number n && n.longValue() >= k, "a shown item has fewer than k answers: " + item);
                }
            }
        }
    }

    @Test
    void theCompletionListAndResultsAreClosedToOtherRoles() {
        as("fjordvik.leader").when().get("/api/tenants/fjordvik/survey-rounds").then().statusCode(200);
        String unknown = "/api/tenants/fjordvik/survey-rounds/" + UUID.randomUUID();
        as("fjordvik.coordinator").when().get(unknown + "/results").then().statusCode(404).contentType(PROBLEM);
        as("fjordvik.leader").when().get(unknown + "/completion").then().statusCode(403).contentType(PROBLEM);
        given().baseUri(gateway).when().get(unknown + "/results").then().statusCode(401);
        as("nordhei.principal").when().get("/api/tenants/fjordvik/survey-rounds").then().statusCode(404).contentType(PROBLEM);
    }
}

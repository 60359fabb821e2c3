package no.ks.led.surveys;

import static io.restassured.RestAssured.given;
import static no.ks.led.surveys.SurveyFlowTests.FJORDVIK_SCHOOL;
import static no.ks.led.surveys.SurveyFlowTests.FORBIDDEN;
import static no.ks.led.surveys.SurveyFlowTests.INVALID;
import static no.ks.led.surveys.SurveyFlowTests.NOT_FOUND;
import static no.ks.led.surveys.SurveyFlowTests.PROBLEM;
import static no.ks.led.surveys.SurveyFlowTests.as;
import static no.ks.led.surveys.SurveyFlowTests.path;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * Results over time against the real database and realm: a round shows the change since the previous round
 * at the same school (or tenant) only where both figures are shown to the same viewer, items of a newer
 * instrument version compare with the items they continue, and the trend route lists every round.
 *
 * <p>Every earlier round here opens and closes yesterday, the latest a round can close and open before one
 * opening today, so the newest one created is the previous round of a round opening today, whatever other
 * tests left in the database.
 */
@QuarkusTest
class TrendTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));
    static final List<String> LEARNING = List.of("learning-1", "learning-2", "learning-3", "learning-4");

    @Inject
    EntityManager entityManager;

    /** A round at the demo school opening today, on the given instrument version (null: the latest). */
    private static String openRound(Integer version) {
        String body = "{\"title\":\"Ståstedsanalyse\",\"mode\":\"individual\",\"opensOn\":\"" + TODAY + "\",\"closesOn\":\""
                + TODAY.plusDays(30) + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"],\"minGroupSize\":3"
                + (version == null ? "" : ",\"instrumentVersion\":" + version) + "}";
        return as("fjordvik.coordinator").contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/fjordvik/survey-rounds").then().statusCode(201).extract().path("id");
    }

    /** A round that opened and closed yesterday (opened today through the API, then moved back). */
    private String earlierRound(Integer version) {
        String round = openRound(version);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE survey_round SET opens_on = ?2, closes_on = ?3 WHERE id = ?1")
                .setParameter(1, UUID.fromString(round)).setParameter(2, TODAY.minusDays(1))
                .setParameter(3, TODAY.minusDays(1)).executeUpdate());
        return round;
    }

    /** Submitted sets at the demo school, one per value: each answers the items with that value. */
    private void answers(String round, List<String> items, int... values) {
        for (int value : values) {
            Map<String, Integer> set = new LinkedHashMap<>();
            items.forEach(item -> set.put(item, value));
            AnonymousAnswers.insert(entityManager, round, FJORDVIK_SCHOOL, set, null);
        }
    }

    private JsonPath school(String user, String round) {
        return as(user).when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void theSchoolAndTheOwnerSeeTheChangeSinceThePreviousRound() {
        String before = earlierRound(1);
        answers(before, LEARNING, 2, 2, 3);
        String now = openRound(1);
        answers(now, LEARNING, 4, 4, 5);

        as("fjordvik.principal").when().get(path(now) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("previousRoundId", equalTo(before))
                .body("total.sections[0].code", equalTo("learning"))
                .body("total.sections[0].mean", equalTo(4.33f))
                .body("total.sections[0].previousMean", equalTo(2.33f))
                .body("total.sections[0].change", equalTo(2.0f))
                .body("total.sections[0].items[0].code", equalTo("learning-1"))
                .body("total.sections[0].items[0].mean", equalTo(4.33f))
                .body("total.sections[0].items[0].previousMean", equalTo(2.33f))
                .body("total.sections[0].items[0].change", equalTo(2.0f))
                // a section nobody answered: hidden both times, no change
                .body("total.sections[1].suppressed", equalTo(true))
                .body("total.sections[1].previousMean", nullValue())
                .body("total.sections[1].change", nullValue());
        // the owner's aggregate compares with the tenant's previous round
        as("fjordvik.executive").when().get(path(now) + "/results").then().statusCode(200)
                .body("previousRoundId", equalTo(before))
                .body("total.sections[0].items[1].previousMean", equalTo(2.33f))
                .body("total.sections[0].items[1].change", equalTo(2.0f))
                // the school has not shared either round: nothing of it, and no change
                .body("schools[0].results.suppressed", equalTo(true));
        // the previous round itself has nothing before it to compare with but what closed before it opened
        as("fjordvik.principal").when().get(path(before) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("total.sections[0].mean", equalTo(2.33f))
                .body("previousRoundId", not(equalTo(now)));
        // the export shows the change too
        String csv = as("fjordvik.principal").when().get(path(now) + "/results/schools/" + FJORDVIK_SCHOOL + ".csv")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("Skolen;")
                && l.contains(";learning-1;") && l.endsWith(";3;4,33;0;0;0;2;1;0;2,33;2,00;")), csv);

        // once the principal has shared both rounds, the owner sees the school's change too
        for (String round : List.of(before, now)) {
            as("fjordvik.principal").when().put(path(round) + "/results/schools/" + FJORDVIK_SCHOOL + "/sharing")
                    .then().statusCode(200);
        }
        as("fjordvik.executive").when().get(path(now) + "/results").then().statusCode(200)
                .body("schools[0].status", equalTo("shared"))
                .body("schools[0].results.sections[0].previousMean", equalTo(2.33f))
                .body("schools[0].results.sections[0].change", equalTo(2.0f));
        // withdrawn for the earlier round: the owner no longer sees that figure, so no change either
        as("fjordvik.principal").when().delete(path(before) + "/results/schools/" + FJORDVIK_SCHOOL + "/sharing")
                .then().statusCode(200);
        as("fjordvik.executive").when().get(path(now) + "/results").then().statusCode(200)
                .body("schools[0].results.suppressed", equalTo(false))
                .body("schools[0].results.sections[0].mean", equalTo(4.33f))
                .body("schools[0].results.sections[0].previousMean", nullValue())
                .body("schools[0].results.sections[0].change", nullValue())
                .body("total.sections[0].change", equalTo(2.0f));
    }

    @Test
    void aFigureSuppressedInEitherRoundGivesNoChange() {
        // before: learning-4 has two answers (< k); now: learning-3 has two answers
        String before = earlierRound(1);
        answers(before, List.of("learning-1", "learning-2", "learning-3"), 3, 3, 3);
        answers(before, LEARNING, 3, 3);
        String now = openRound(1);
        answers(now, LEARNING, 5, 5);
        answers(now, List.of("learning-1", "learning-2", "learning-4"), 5, 4);

        JsonPath results = school("fjordvik.leader", now);
        String item = "total.sections[0].items.find { it.code == '%s' }.";
        // both shown: a change
        assertEquals(4.75f, results.getFloat(item.formatted("learning-1") + "mean"));
        assertEquals(3.0f, results.getFloat(item.formatted("learning-1") + "previousMean"));
        assertEquals(1.75f, results.getFloat(item.formatted("learning-1") + "change"));
        // suppressed now: the earlier figure (shown then) but no change
        assertTrue(results.getBoolean(item.formatted("learning-3") + "suppressed"));
        assertNull(results.get(item.formatted("learning-3") + "mean"));
        assertEquals(3.0f, results.getFloat(item.formatted("learning-3") + "previousMean"));
        assertNull(results.get(item.formatted("learning-3") + "change"));
        // suppressed then: no earlier figure and no change
        assertFalse(results.getBoolean(item.formatted("learning-4") + "suppressed"));
        assertNull(results.get(item.formatted("learning-4") + "previousMean"));
        assertNull(results.get(item.formatted("learning-4") + "change"));
        // the section: suppressed now (one item is), and then: no means compared
        assertNull(results.get("total.sections[0].previousMean"));
        assertNull(results.get("total.sections[0].change"));

        // a whole earlier round below k: nothing to compare with, though it is the previous round
        String small = earlierRound(1);
        answers(small, LEARNING, 1, 1);
        String later = openRound(1);
        answers(later, LEARNING, 4, 4, 4);
        as("fjordvik.principal").when().get(path(later) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("previousRoundId", equalTo(small))
                .body("total.sections[0].mean", equalTo(4.0f))
                .body("total.sections[0].previousMean", nullValue())
                .body("total.sections[0].change", nullValue())
                .body("total.sections[0].items[0].previousMean", nullValue())
                .body("total.sections[0].items[0].change", nullValue());
        // and the other way round: the earlier round shown, this one below k
        String shown = earlierRound(1);
        answers(shown, LEARNING, 4, 4, 4);
        String few = openRound(1);
        answers(few, LEARNING, 2, 2);
        as("fjordvik.principal").when().get(path(few) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("previousRoundId", equalTo(shown))
                .body("total.suppressed", equalTo(true))
                .body("total.sections.size()", equalTo(0));
    }

    @Test
    void itemsOfANewerVersionCompareWithTheItemsTheyContinue() {
        // the demo version 2, published through the API: role-clarity-1 is continued by role-clarity-expectations
        int version2 = DemoInstrument.published();
        DemoInstrument.deleteDrafts();
        // a published version still cannot change, continuation included
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE instrument_item SET continues_code = NULL WHERE version = ?1 AND code = 'role-clarity-expectations'")
                .setParameter(1, version2).executeUpdate()));
        // an item can only continue an item of the version before, of the same kind
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO instrument_version (version, name) VALUES (?1, 'Utkast')")
                    .setParameter(1, version2 + 1).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO instrument_section (version, code, position, title_nb, title_nn, title_en, title_da)
                    VALUES (?1, 'learning', 1, 'a', 'b', 'c', 'd')""").setParameter(1, version2 + 1).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO instrument_item (version, code, section_code, position, kind, text_nb, text_nn, text_en,
                        text_da, continues_code) VALUES (?1, 'x', 'learning', 1, 'scale', 'a', 'b', 'c', 'd', 'no-such-item')""")
                    .setParameter(1, version2 + 1).executeUpdate();
        }));

        String before = earlierRound(1);
        answers(before, List.of("learning-1", "role-clarity-1"), 2, 2, 2);
        String now = openRound(version2);
        answers(now, List.of("learning-1", "role-clarity-expectations"), 5, 5, 4);

        JsonPath results = school("fjordvik.principal", now);
        assertEquals(before, results.getString("previousRoundId"));
        String item = "total.sections.items.flatten().find { it.code == '%s' }.";
        assertEquals(4.67f, results.getFloat(item.formatted("role-clarity-expectations") + "mean"));
        assertEquals(2.0f,
                results.getFloat(item.formatted("role-clarity-expectations") + "previousMean"));
        assertEquals(2.67f, results.getFloat(item.formatted("role-clarity-expectations") + "change"));
        assertEquals(2.67f, results.getFloat(item.formatted("learning-1") + "change"));
        // the new version's own instrument names what each item continues
        as("fjordvik.leader").when().get("/api/tenants/fjordvik/instruments/" + version2).then().statusCode(200)
                .body("sections.items.flatten().find { it.code == 'role-clarity-expectations' }.continues",
                        equalTo("role-clarity-1"));
    }

    @Test
    void theTrendListsEveryRoundWithTheSectionMeansTheViewerMaySee() {
        String before = earlierRound(1);
        answers(before, LEARNING, 2, 2, 2);
        String now = openRound(1);
        answers(now, LEARNING, 4, 4);

        JsonPath school = as("fjordvik.principal").queryParam("schoolId", FJORDVIK_SCHOOL).when()
                .get("/api/tenants/fjordvik/survey-results/trend").then().statusCode(200)
                .body("scope", equalTo("school")).body("schoolId", equalTo(FJORDVIK_SCHOOL))
                .body("rounds.roundId", hasItem(before)).body("rounds.roundId", hasItem(now))
                .extract().jsonPath();
        String round = "rounds.find { it.roundId == '%s' }.";
        assertEquals(TODAY.minusDays(1).toString(),
                school.getString(round.formatted(before) + "closesOn"));
        assertEquals(1, school.getInt(round.formatted(before) + "instrumentVersion"));
        assertEquals("Ståstedsanalyse", school.getString(round.formatted(before) + "title"));
        assertEquals(2.0f,
                school.getFloat(round.formatted(before) + "sections.find { it.code == 'learning' }.mean"));
        // two respondents now: suppressed, no figure
        assertTrue(school.getBoolean(round.formatted(now) + "suppressed"));
        assertEquals(List.of(), school.getList(round.formatted(now) + "sections"));
        List<String> ids = school.getList("rounds.roundId");
        assertTrue(ids.indexOf(before) < ids.indexOf(now), "oldest first");

        JsonPath tenant = as("fjordvik.coordinator").when().get("/api/tenants/fjordvik/survey-results/trend").then()
                .statusCode(200).body("scope", equalTo("tenant")).extract().jsonPath();
        assertEquals(2.0f,
                tenant.getFloat(round.formatted(before) + "sections.find { it.code == 'learning' }.mean"));
        assertTrue(tenant.getBoolean(round.formatted(now) + "suppressed"));
    }

    @Test
    void theTrendAnswersAnotherTenantWithNotFoundAndTheWrongRoleWithForbidden() {
        String trend = "/api/tenants/fjordvik/survey-results/trend";
        for (String user : new String[] {"nordhei.coordinator", "nordhei.principal"}) {
            as(user).when().get(trend).then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
            as(user).queryParam("schoolId", FJORDVIK_SCHOOL).when().get(trend).then().statusCode(404).contentType(PROBLEM)
                    .body("type", equalTo(NOT_FOUND));
            as(user).queryParam("schoolId", "not-a-uuid").when().get(trend).then().statusCode(404).contentType(PROBLEM);
        }
        // the owner's people do not see a school's own trend, and a leader not the owner's
        as("fjordvik.coordinator").queryParam("schoolId", FJORDVIK_SCHOOL).when().get(trend).then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        as("fjordvik.leader").when().get(trend).then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        as("veiviser.consultant").when().get(trend).then().statusCode(403).contentType(PROBLEM);
        // a leader of another school (in their own tenant) and a malformed school id
        as("nordhei.leader").queryParam("schoolId", FJORDVIK_SCHOOL).when().get("/api/tenants/nordhei/survey-results/trend")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
        as("fjordvik.leader").queryParam("schoolId", "not-a-uuid").when().get(trend).then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo(INVALID));
        given().when().get(trend).then().statusCode(401).contentType(PROBLEM);
    }
}

package no.ks.led.surveys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/**
 * The status analysis against the real database, broker and realm, with the demo users: a coordinator
 * opens a round, the principal and the leader answer, results appear only as the k rule allows.
 */
@QuarkusTest
class SurveyFlowTests {

    static final String FJORDVIK_SCHOOL = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";
    static final String NORDHEI_SCHOOL = "411b22cd-71ee-5fd8-a7c2-fb467ea483a1";
    static final String FJORDVIK_PRINCIPAL = "7ff865af-f0ff-5b8f-9dbb-724d66a31ecb";
    static final String FJORDVIK_LEADER = "9d4109bc-2c26-59de-9273-2c9978f60fb4";
    static final String PROBLEM = "application/problem+json";
    static final String NOT_FOUND = "urn:no:ks:led:problem:not-found";
    static final String FORBIDDEN = "urn:no:ks:led:problem:forbidden";
    static final String INVALID = "urn:no:ks:led:problem:validation-failed";
    static final String NOT_OPEN_YET = "urn:no:ks:led:problem:survey-round-not-open-yet";
    static final String ROUND_CLOSED = "urn:no:ks:led:problem:survey-round-closed";
    static final String NO_DRAFT = "urn:no:ks:led:problem:no-draft-to-submit";
    static final String NOT_A_RESPONDENT = "urn:no:ks:led:problem:not-a-respondent";
    static final String KEY_REUSED = "urn:no:ks:led:problem:idempotency-key-reused";

    static final String ANSWERS = """
            {"answers":[{"item":"learning-1","value":4},{"item":"learning-2","value":2},
            {"item":"learning-3","dontKnow":true},{"item":"comments-1","text":"<b>Godt</b> samarbeid"}]}""";

    @Inject
    EntityManager entityManager;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Oslo"));
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(RealmLogin.accessToken(user));
    }

    static String openRound(String tenant, String school, String mode, LocalDate opensOn, Integer k) {
        String body = "{\"title\":\"Ståstedsanalyse\",\"mode\":\"" + mode + "\",\"instrumentVersion\":1,\"opensOn\":\"" + opensOn
                + "\",\"closesOn\":\"" + opensOn.plusDays(30) + "\",\"schoolIds\":[\"" + school + "\"]"
                + (k == null ? "" : ",\"minGroupSize\":" + k) + "}";
        return as(tenant + ".coordinator").contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/" + tenant + "/survey-rounds")
                .then().statusCode(201).extract().path("id");
    }

    static String fjordvikRound() {
        return openRound("fjordvik", FJORDVIK_SCHOOL, "individual", today(), 3);
    }

    static String path(String round) {
        return "/api/tenants/fjordvik/survey-rounds/" + round;
    }

    /** Moves the round's days back, so that it was open from ten days ago until yesterday. */
    static void closedYesterday(EntityManager entityManager, String round) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE survey_round SET opens_on = ?2, closes_on = ?3 WHERE id = ?1")
                .setParameter(1, UUID.fromString(round)).setParameter(2, today().minusDays(10))
                .setParameter(3, today().minusDays(1)).executeUpdate());
    }

    static void answer(String user, String round, String body, String key) {
        as(user).contentType(ContentType.JSON).body(body).when().put(path(round) + "/responses/mine").then().statusCode(200);
        as(user).header("Idempotency-Key", key).when().post(path(round) + "/responses/mine/submission").then().statusCode(200);
    }

    // ---- the instrument ----

    @Test
    void membersAndKsReadThePublishedInstrumentInFourLanguages() {
        as("fjordvik.leader").when().get("/api/tenants/fjordvik/instruments")
                .then().statusCode(200).body("version", hasItem(1));
        as("nordhei.executive").when().get("/api/tenants/nordhei/instruments/1")
                .then().statusCode(200)
                .body("sections.code", contains("learning", "collaboration", "development", "governance", "role-clarity", "comments"))
                .body("sections[0].items", hasSize(4))
                .body("sections[0].title.nn", equalTo("Oppfølging av læringsprosessane til elevane"))
                .body("sections[4].items[0].text.da", notNullValue())
                .body("sections[5].items[0].kind", equalTo("text"))
                .body("scale.value", contains("1", "2", "3", "4", "5", "dont-know"));
        as("ks.analyst").when().get("/api/national/instruments").then().statusCode(200).body("version", hasItem(1));
        as("ks.admin").when().get("/api/national/instruments/1").then().statusCode(200).body("version", equalTo(1));
        // Denmark's national operator reads the instrument its national results page names the sections of
        as("kl.analyst").when().get("/api/national/instruments/1").then().statusCode(200).body("version", equalTo(1));
        as("fjordvik.leader").when().get("/api/national/instruments")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        as("nordhei.executive").when().get("/api/tenants/fjordvik/instruments/1")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
        as("fjordvik.leader").when().get("/api/tenants/fjordvik/instruments/99")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
        as("ks.analyst").when().get("/api/national/instruments/v1")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
        given().when().get("/api/national/instruments").then().statusCode(401).contentType(PROBLEM);
        given().when().get("/api/tenants/fjordvik/instruments").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aPublishedVersionCannotBeChanged() {
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE instrument_item SET text_nb = 'endret' WHERE version = 1 AND code = 'learning-1'").executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM instrument_item WHERE version = 1 AND code = 'learning-2'").executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO instrument_item VALUES (1, 'extra', 'learning', 9, 'scale', 'a', 'b', 'c', 'd')").executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE instrument_version SET published_at = NULL WHERE version = 1").executeUpdate()));
        as("fjordvik.leader").when().get("/api/tenants/fjordvik/instruments/1")
                .then().statusCode(200).body("sections[0].items[0].text.nb",
                        equalTo("Skoleledelsen følger systematisk opp elevenes læringsresultater."));
    }

    // ---- the whole flow ----

    @Test
    void twoLeadersAnswerAndWithKThreeTheirSchoolsFiguresAreSuppressedForEveryone() {
        String round = fjordvikRound();
        assertEquals(1, events("no.ks.led.surveys.SurveyRoundOpened.v1", round));
        as("fjordvik.leader").when().get(path(round)).then().statusCode(200)
                .body("schoolIds", contains(FJORDVIK_SCHOOL)).body("minGroupSize", equalTo(3))
                .body("questions.sections.code", hasItem("learning"));
        answer("fjordvik.principal", round, ANSWERS, UUID.randomUUID().toString());
        answer("fjordvik.leader", round, """
                {"answers":[{"item":"learning-1","value":5},{"item":"comments-1","text":"Mer tid til ledelse"}]}""",
                UUID.randomUUID().toString());

        // each sees their own answers, submitted
        as("fjordvik.principal").when().get(path(round) + "/responses/mine").then().statusCode(200)
                .body("submitted.item", hasItem("comments-1"))
                .body("submitted.find { it.item == 'comments-1' }.text", equalTo("<b>Godt</b> samarbeid"))
                .body("submittedAt", notNullValue());

        // the owner: 2 respondents < k = 3, nothing shown
        as("fjordvik.executive").when().get(path(round) + "/results").then().statusCode(200)
                .body("scope", equalTo("tenant"))
                .body("total.suppressed", equalTo(true))
                .body("total.respondents", nullValue())
                .body("total.sections", hasSize(0))
                .body("total.freeText", hasSize(0))
                .body("schools[0].status", equalTo("not-shared"))
                .body("schools[0].results.suppressed", equalTo(true));
        // the school's own leaders: also 2 < k, and each could otherwise subtract their own answers
        as("fjordvik.principal").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("basis", equalTo("aggregate"))
                .body("total.suppressed", equalTo(true))
                .body("total.freeText", hasSize(0));

        // the completion list shows who has finished, nothing of what
        as("fjordvik.coordinator").when().get(path(round) + "/completion").then().statusCode(200)
                .body("personId", org.hamcrest.Matchers.containsInAnyOrder(FJORDVIK_PRINCIPAL, FJORDVIK_LEADER))
                .body("[0].answers", nullValue());

        // the answer sets carry no person; their tags are not person ids
        long personInAnswers = count("SELECT count(*) FROM answer_set WHERE round_id = ?1 AND (owner_tag LIKE '%"
                + FJORDVIK_PRINCIPAL + "%' OR owner_tag LIKE '%" + FJORDVIK_LEADER + "%')", round);
        assertEquals(0, personInAnswers);
    }

    @Test
    void withKRespondentsTheOwnerSeesFiguresAndARespondentOnlyWhenTheOthersAloneAreKOrMore() {
        String round = fjordvikRound();
        answer("fjordvik.principal", round, ANSWERS, UUID.randomUUID().toString());
        answer("fjordvik.leader", round, """
                {"answers":[{"item":"learning-1","value":5},{"item":"learning-2","value":3},
                {"item":"comments-1","text":"Mer tid til ledelse"}]}""", UUID.randomUUID().toString());
        // a third leader's submitted answers, as the anonymous table holds them
        insertAnonymousSet(round, 3, "Aller første kommentar");

        // 3 respondents = k: the owner, who answered nothing, sees the aggregate
        as("fjordvik.coordinator").when().get(path(round) + "/results").then().statusCode(200)
                .body("total.suppressed", equalTo(false))
                .body("total.respondents", equalTo(3))
                .body("total.sections[0].items[0].mean", equalTo(4.0f))
                // free text is the school's own leadership's: never in the owner's view
                .body("total.freeText", hasSize(0))
                .body("schools[0].results.suppressed", equalTo(true));
        // the principal knows their own answers, and 3 minus their own would show the other two
        as("fjordvik.principal").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("basis", equalTo("aggregate")).body("total.suppressed", equalTo(true));

        insertAnonymousSet(round, 4, "Fjerde");
        as("fjordvik.principal").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("total.suppressed", equalTo(false))
                .body("total.respondents", equalTo(4))
                .body("total.sections[0].code", equalTo("learning"))
                .body("total.sections[0].items[0].code", equalTo("learning-1"))
                .body("total.sections[0].items[0].responseCount", equalTo(4))
                .body("total.sections[0].items[0].mean", equalTo(4.0f))
                .body("total.sections[0].items[0].distribution.'3'", equalTo(1))
                .body("total.sections[0].items[0].distribution.'4'", equalTo(2))
                .body("total.sections[0].items[0].distribution.'5'", equalTo(1))
                .body("total.sections[0].items[0].distribution.'dont-know'", equalTo(0))
                .body("total.sections[0].items[1].mean", equalTo(3.25f))
                // learning-3 has one "don't know" only: fewer than k answers, hidden, and so its section mean
                .body("total.sections[0].items[2].suppressed", equalTo(true))
                .body("total.sections[0].items[2].distribution", nullValue())
                .body("total.sections[0].suppressed", equalTo(true))
                .body("total.sections[0].mean", nullValue())
                .body("total.freeText[0].item", equalTo("comments-1"))
                .body("total.freeText[0].texts", contains("<b>Godt</b> samarbeid", "Aller første kommentar", "Fjerde",
                        "Mer tid til ledelse"));
    }

    @Test
    void aPrincipalSharesTheSchoolsResultsWithTheOwnerAndMayWithdrawThem() {
        String round = fjordvikRound();
        answer("fjordvik.principal", round, ANSWERS, UUID.randomUUID().toString());
        answer("fjordvik.leader", round, """
                {"answers":[{"item":"learning-1","value":5},{"item":"comments-1","text":"Mer tid til ledelse"}]}""",
                UUID.randomUUID().toString());
        insertAnonymousSet(round, 3, "Tredje");
        String school = path(round) + "/results/schools/" + FJORDVIK_SCHOOL;

        as("fjordvik.executive").when().get(path(round) + "/results").then().statusCode(200)
                .body("total.suppressed", equalTo(false))
                .body("schools[0].status", equalTo("not-shared")).body("schools[0].results.suppressed", equalTo(true));
        // only the principal shares
        as("fjordvik.leader").when().put(school + "/sharing").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        as("fjordvik.coordinator").when().put(school + "/sharing").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        as("fjordvik.principal").when().put(school + "/sharing").then().statusCode(200).body("shared", equalTo(true));
        as("fjordvik.principal").when().put(school + "/sharing").then().statusCode(200).body("shared", equalTo(true));

        as("fjordvik.executive").when().get(path(round) + "/results").then().statusCode(200)
                .body("schools[0].schoolId", equalTo(FJORDVIK_SCHOOL))
                .body("schools[0].status", equalTo("shared"))
                .body("schools[0].results.suppressed", equalTo(false))
                .body("schools[0].results.respondents", equalTo(3))
                .body("schools[0].results.sections[0].items[0].mean", equalTo(4.0f))
                .body("total.freeText", hasSize(0))
                .body("schools[0].results.freeText", hasSize(0));
        // a shared school's free text stays its leaders' alone: not in the owner's view, its download or a consultant's
        String ownerCsv = as("fjordvik.executive").when().get(path(round) + "/results.csv").then().statusCode(200).extract()
                .asString();
        assertFalse(ownerCsv.contains("Mer tid til ledelse"), ownerCsv);
        // nor KS's: a round's results are no national route (the national view has no free text at all)
        as("ks.admin").when().get(path(round) + "/results").then().statusCode(404).contentType(PROBLEM);
        as("ks.admin").when().get(school).then().statusCode(404).contentType(PROBLEM);
        // the principal, who knows their own answers, sees the school once the others alone are k
        insertAnonymousSet(round, 4, "Fjerde");
        as("fjordvik.principal").when().get(school).then().statusCode(200)
                .body("total.freeText[0].texts", contains("<b>Godt</b> samarbeid", "Fjerde", "Mer tid til ledelse", "Tredje"));

        as("fjordvik.principal").when().delete(school + "/sharing").then().statusCode(200).body("shared", equalTo(false));
        as("fjordvik.principal").when().delete(school + "/sharing").then().statusCode(200).body("shared", equalTo(false));
        assertEquals(1, events("no.ks.led.surveys.ResultsShared.v1", round));
        assertEquals(1, events("no.ks.led.surveys.ResultsWithdrawn.v1", round));
        as("fjordvik.executive").when().get(path(round) + "/results").then().statusCode(200)
                .body("schools[0].status", equalTo("not-shared")).body("schools[0].results.suppressed", equalTo(true))
                .body("schools[0].results.respondents", nullValue());
    }

    @Test
    void aSharedSchoolWithFewerThanKRespondentsStaysSuppressed() {
        String round = fjordvikRound();
        answer("fjordvik.principal", round, ANSWERS, UUID.randomUUID().toString());
        answer("fjordvik.leader", round, ANSWERS, UUID.randomUUID().toString());
        as("fjordvik.principal").when().put(path(round) + "/results/schools/" + FJORDVIK_SCHOOL + "/sharing")
                .then().statusCode(200);
        as("fjordvik.coordinator").when().get(path(round) + "/results").then().statusCode(200)
                .body("total.suppressed", equalTo(true))
                .body("schools[0].status", equalTo("shared"))
                .body("schools[0].results.suppressed", equalTo(true))
                .body("schools[0].results.sections", hasSize(0))
                .body("schools[0].results.freeText", hasSize(0));
    }

    @Test
    void theAnswerTablesHaveNoColumnThatNamesAPersonOrATime() {
        @SuppressWarnings("unchecked")
        java.util.List<String> columns = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT column_name FROM information_schema.columns
                WHERE table_name IN ('answer_set', 'answer') ORDER BY column_name""").getResultList());
        // the respondent's level (issue 18) is a level, never a person
        assertEquals(java.util.List.of("answer_set_id", "dont_know", "id", "item_code", "owner_tag", "respondent_level",
                "round_id", "school_id", "stage", "submitted", "tenant_id", "text", "value"), columns);
    }

    @Test
    void aOneLeaderSchoolSeesItsOwnAnswersAndNobodyElseDoes() {
        String round = fjordvikRound();
        // a team of one: everybody but the principal leaves the round (other modules' tests may have added
        // leaders to the demo school before this runs)
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM survey_respondent WHERE round_id = ?1 AND person_id <> ?2")
                .setParameter(1, UUID.fromString(round)).setParameter(2, UUID.fromString(FJORDVIK_PRINCIPAL)).executeUpdate());
        answer("fjordvik.principal", round, ANSWERS, UUID.randomUUID().toString());

        as("fjordvik.principal").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("basis", equalTo("own-answers"))
                .body("total.respondents", equalTo(1))
                .body("total.sections[0].items[0].mean", equalTo(4.0f))
                .body("total.freeText[0].texts", contains("<b>Godt</b> samarbeid"));
        as("fjordvik.leader").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("basis", equalTo("aggregate")).body("total.suppressed", equalTo(true));
        as("fjordvik.executive").when().get(path(round) + "/results").then().statusCode(200)
                .body("total.suppressed", equalTo(true));
        // no longer a respondent: may not answer
        as("fjordvik.leader").contentType(ContentType.JSON).body(ANSWERS).when().put(path(round) + "/responses/mine")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(NOT_A_RESPONDENT));
    }

    @Test
    void inATeamRoundTheLeadersShareOneAgreedAnswerSet() {
        String round = openRound("fjordvik", FJORDVIK_SCHOOL, "team", today(), null);
        as("fjordvik.leader").contentType(ContentType.JSON).body(ANSWERS).when().put(path(round) + "/responses/mine")
                .then().statusCode(200);
        // the principal sees the team's draft and submits it
        as("fjordvik.principal").when().get(path(round) + "/responses/mine").then().statusCode(200)
                .body("mode", equalTo("team")).body("draft.item", hasItem("learning-1"));
        as("fjordvik.principal").header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post(path(round) + "/responses/mine/submission").then().statusCode(200)
                .body("submitted.item", hasItem("learning-1"));
        assertEquals(1, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", round));
        as("fjordvik.leader").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("basis", equalTo("team")).body("total.suppressed", equalTo(false))
                .body("total.sections[0].items[0].mean", equalTo(4.0f));
        // one team is fewer than k for the owner
        as("fjordvik.executive").when().get(path(round) + "/results").then().statusCode(200)
                .body("total.suppressed", equalTo(true));
    }

    @Test
    void aRespondentMayChangeTheirAnswersUntilClosing() {
        String round = fjordvikRound();
        answer("fjordvik.principal", round, ANSWERS, UUID.randomUUID().toString());
        answer("fjordvik.principal", round, "{\"answers\":[{\"item\":\"learning-1\",\"value\":1}]}", UUID.randomUUID().toString());
        as("fjordvik.principal").when().get(path(round) + "/responses/mine").then().statusCode(200)
                .body("submitted", hasSize(1)).body("submitted[0].value", equalTo(1));
        assertEquals(1, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", round));
        assertEquals(1, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyChangesNothing() {
        String round = fjordvikRound();
        String key = UUID.randomUUID().toString();
        answer("fjordvik.principal", round, ANSWERS, key);
        String first = as("fjordvik.principal").when().get(path(round) + "/responses/mine").then().extract().path("submittedAt");
        // a new draft, then the retry of the first submission: the submitted answers stay as they were
        as("fjordvik.principal").contentType(ContentType.JSON).body("{\"answers\":[{\"item\":\"learning-1\",\"value\":1}]}")
                .when().put(path(round) + "/responses/mine").then().statusCode(200);
        as("fjordvik.principal").header("Idempotency-Key", key).when().post(path(round) + "/responses/mine/submission")
                .then().statusCode(200).body("submittedAt", equalTo(first))
                .body("submitted", hasSize(4)).body("draft", hasSize(1));
        assertEquals(1, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
        // without a key: refused
        as("fjordvik.principal").when().post(path(round) + "/responses/mine/submission")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo(INVALID));
    }

    // ---- rejections that change nothing ----

    @Test
    void invalidAnswersAreRefusedAndChangeNothing() {
        String round = fjordvikRound();
        as("fjordvik.principal").contentType(ContentType.JSON).body(ANSWERS).when().put(path(round) + "/responses/mine")
                .then().statusCode(200);
        String[] bad = {
                "{\"answers\":[{\"item\":\"learning-1\",\"value\":6}]}",
                "{\"answers\":[{\"item\":\"learning-1\",\"value\":0}]}",
                "{\"answers\":[{\"item\":\"learning-1\",\"value\":3.5}]}",
                "{\"answers\":[{\"item\":\"learning-1\",\"value\":\"x\"}]}",
                "{\"answers\":[{\"item\":\"learning-1\",\"value\":3,\"dontKnow\":true}]}",
                "{\"answers\":[{\"item\":\"learning-1\"}]}",
                "{\"answers\":[{\"item\":\"learning-1\",\"text\":\"fri tekst\"}]}",
                "{\"answers\":[{\"item\":\"no-such-item\",\"value\":3}]}",
                "{\"answers\":[{\"item\":\"learning-1\",\"value\":3},{\"item\":\"learning-1\",\"value\":4}]}",
                "{\"answers\":[{\"item\":\"comments-1\",\"value\":3}]}",
                "{\"answers\":[{\"item\":\"comments-1\",\"text\":\"" + "x".repeat(2001) + "\"}]}",
                "{\"answers\":null}",
                "not json"};
        for (String body : bad) {
            as("fjordvik.principal").contentType(ContentType.JSON).body(body).when().put(path(round) + "/responses/mine")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        as("fjordvik.principal").when().get(path(round) + "/responses/mine").then().statusCode(200)
                .body("draft", hasSize(4)).body("draft.find { it.item == 'learning-1' }.value", equalTo(4));
        as("fjordvik.principal").contentType(ContentType.JSON).body("{\"answers\":[{\"item\":\"no-such-item\",\"value\":3}]}")
                .when().put(path(round) + "/responses/mine")
                .then().statusCode(400).body("type", equalTo(INVALID)).body("violations.field", hasItem("answers[0].item"));
        // 2,000 characters are fine
        as("fjordvik.principal").contentType(ContentType.JSON)
                .body("{\"answers\":[{\"item\":\"comments-1\",\"text\":\"" + "x".repeat(2000) + "\"}]}")
                .when().put(path(round) + "/responses/mine").then().statusCode(200);
    }

    @Test
    void noAnswersBeforeOpeningOrAfterClosing() {
        String later = openRound("fjordvik", FJORDVIK_SCHOOL, "individual", today().plusDays(1), null);
        as("fjordvik.principal").contentType(ContentType.JSON).body(ANSWERS).when().put(path(later) + "/responses/mine")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo(NOT_OPEN_YET));
        assertEquals(0, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", later));

        String round = fjordvikRound();
        String key = UUID.randomUUID().toString();
        answer("fjordvik.principal", round, ANSWERS, key);
        as("fjordvik.principal").contentType(ContentType.JSON).body("{\"answers\":[{\"item\":\"learning-1\",\"value\":1}]}")
                .when().put(path(round) + "/responses/mine").then().statusCode(200);
        closedYesterday(entityManager, round);
        as("fjordvik.principal").contentType(ContentType.JSON).body(ANSWERS).when().put(path(round) + "/responses/mine")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo(ROUND_CLOSED));
        as("fjordvik.principal").header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post(path(round) + "/responses/mine/submission")
                .then().statusCode(409).contentType(PROBLEM);
        // the retry of the submission made while open still answers as before
        as("fjordvik.principal").header("Idempotency-Key", key).when().post(path(round) + "/responses/mine/submission")
                .then().statusCode(200).body("submitted", hasSize(4));
        as("fjordvik.principal").when().get(path(round) + "/responses/mine").then().statusCode(200)
                .body("submitted", hasSize(4)).body("draft", hasSize(1));
    }

    @Test
    void submittingWithoutADraftIsAConflict() {
        String round = fjordvikRound();
        as("fjordvik.leader").header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post(path(round) + "/responses/mine/submission")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo(NO_DRAFT));
        assertEquals(0, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
    }

    @Test
    void someoneWhoWasNotAskedCannotAnswer() {
        String round = fjordvikRound();
        for (String user : new String[] {"fjordvik.coordinator", "fjordvik.executive", "veiviser.consultant"}) {
            as(user).contentType(ContentType.JSON).body(ANSWERS).when().put(path(round) + "/responses/mine")
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(NOT_A_RESPONDENT));
            as(user).header("Idempotency-Key", "k").when().post(path(round) + "/responses/mine/submission")
                    .then().statusCode(403).contentType(PROBLEM);
        }
        assertEquals(0, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", round));
    }

    // ---- opening a round ----

    @Test
    void invalidRoundsAreRefusedAndNothingIsStored() {
        long before = count("SELECT count(*) FROM survey_round WHERE tenant_id = ?1", "fjordvik");
        String base = "\"title\":\"R\",\"opensOn\":\"" + today() + "\",\"closesOn\":\"" + today().plusDays(5) + "\"";
        String[][] cases = {
                {"{" + base + ",\"mode\":\"solo\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"]}", "mode"},
                {"{" + base + ",\"mode\":\"team\",\"schoolIds\":[]}", "schoolIds"},
                {"{" + base + ",\"mode\":\"team\",\"schoolIds\":[\"" + NORDHEI_SCHOOL + "\"]}", "schoolIds"},
                {"{" + base + ",\"mode\":\"team\",\"schoolIds\":[\"" + UUID.randomUUID() + "\"]}", "schoolIds"},
                {"{" + base + ",\"mode\":\"team\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\",\"" + FJORDVIK_SCHOOL + "\"]}", "schoolIds"},
                {"{" + base + ",\"mode\":\"team\",\"minGroupSize\":2,\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"]}", "minGroupSize"},
                {"{" + base + ",\"mode\":\"team\",\"instrumentVersion\":99,\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"]}", "instrumentVersion"},
                {"{\"title\":\"R\",\"mode\":\"team\",\"opensOn\":\"" + today() + "\",\"closesOn\":\"" + today().minusDays(1)
                        + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"]}", "closesOn"},
                {"{\"title\":\"R\",\"mode\":\"team\",\"opensOn\":\"" + today().minusDays(1) + "\",\"closesOn\":\"" + today()
                        + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"]}", "opensOn"},
                {"{" + base + ",\"mode\":\"team\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"],\"localItems\":[{\"kind\":\"radio\",\"nb\":\"x\"}]}", "localItems.kind"},
                {"{\"title\":\" \",\"mode\":\"team\",\"opensOn\":\"" + today() + "\",\"closesOn\":\"" + today()
                        + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"]}", "title"}};
        for (String[] c : cases) {
            as("fjordvik.coordinator").contentType(ContentType.JSON).body(c[0]).when().post("/api/tenants/fjordvik/survey-rounds")
                    .then().statusCode(400).contentType(PROBLEM).body("type", equalTo(INVALID))
                    .body("violations.field", hasItem(c[1]));
        }
        assertEquals(before, count("SELECT count(*) FROM survey_round WHERE tenant_id = ?1", "fjordvik"));
    }

    @Test
    void localItemsAreAddedToTheRoundAndCanBeAnswered() {
        String body = "{\"title\":\"Med lokale\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + today() + "\",\"closesOn\":\""
                + today().plusDays(7) + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"],\"minGroupSize\":4,"
                + "\"localItems\":[{\"kind\":\"scale\",\"nb\":\"Vi bruker kommunens kvalitetsplan.\"},"
                + "{\"kind\":\"text\",\"nb\":\"Hva trenger dere fra skoleeier?\",\"en\":\"What do you need from the owner?\"}]}";
        String round = as("fjordvik.executive").contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/fjordvik/survey-rounds").then().statusCode(201)
                .body("minGroupSize", equalTo(4)).extract().path("id");
        as("fjordvik.principal").when().get(path(round)).then().statusCode(200)
                .body("questions.sections[6].code", equalTo("local"))
                .body("questions.sections[6].items.code", contains("local-1", "local-2"))
                .body("questions.sections[6].items[1].text.en", equalTo("What do you need from the owner?"))
                .body("questions.sections[6].items[1].text.nn", equalTo("Hva trenger dere fra skoleeier?"));
        answer("fjordvik.principal", round,
                "{\"answers\":[{\"item\":\"local-1\",\"value\":5},{\"item\":\"local-2\",\"text\":\"Tid\"}]}",
                UUID.randomUUID().toString());
        // the national instrument is untouched
        as("fjordvik.principal").when().get("/api/tenants/fjordvik/instruments/1").then().statusCode(200)
                .body("sections", hasSize(6));
    }

    @Test
    void aLocalItemNeedsItsTextInTheTenantsOwnLanguage() {
        String norddalSchool = "b582b8bc-249a-5c6c-a369-c9b7c4a42fb3";
        String title = "Lokale spørgsmål " + UUID.randomUUID();
        String days = "\"mode\":\"individual\",\"opensOn\":\"" + today() + "\",\"closesOn\":\"" + today().plusDays(7) + "\"";
        String danish = "Vi bruger kommunens kvalitetsrapport i ledergruppen.";
        // A Danish tenant's item in Danish only: accepted, and shown in Danish whatever the language asked for.
        String round = as("norddal.skolechef").contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\"," + days + ",\"schoolIds\":[\"" + norddalSchool + "\"],"
                        + "\"localItems\":[{\"kind\":\"scale\",\"da\":\"" + danish + "\"}]}")
                .when().post("/api/tenants/norddal/survey-rounds").then().statusCode(201).extract().path("id");
        as("norddal.skoleleder").when().get("/api/tenants/norddal/survey-rounds/" + round).then().statusCode(200)
                .body("questions.sections.find { it.code == 'local' }.items[0].code", equalTo("local-1"))
                .body("questions.sections.find { it.code == 'local' }.items[0].text.da", equalTo(danish))
                .body("questions.sections.find { it.code == 'local' }.items[0].text.nb", equalTo(danish))
                .body("questions.sections.find { it.code == 'local' }.items[0].text.nn", equalTo(danish))
                .body("questions.sections.find { it.code == 'local' }.items[0].text.en", equalTo(danish));

        // A Norwegian tenant's item needs bokmål; an item with no text at all is refused in both countries.
        String[][] cases = {
                {"fjordvik", "fjordvik.coordinator", FJORDVIK_SCHOOL, "{\"kind\":\"scale\",\"da\":\"" + danish + "\"}", "localItems.nb"},
                {"fjordvik", "fjordvik.coordinator", FJORDVIK_SCHOOL, "{\"kind\":\"text\",\"nb\":\" \"}", "localItems.nb"},
                {"norddal", "norddal.skolechef", norddalSchool, "{\"kind\":\"scale\"}", "localItems.da"},
                {"norddal", "norddal.skolechef", norddalSchool, "{\"kind\":\"scale\",\"nb\":\"Bare bokmål\"}", "localItems.da"}};
        String refused = "Refused " + UUID.randomUUID();
        for (String[] c : cases) {
            as(c[1]).contentType(ContentType.JSON)
                    .body("{\"title\":\"" + refused + "\"," + days + ",\"schoolIds\":[\"" + c[2] + "\"],\"localItems\":[" + c[3] + "]}")
                    .when().post("/api/tenants/" + c[0] + "/survey-rounds")
                    .then().statusCode(400).contentType(PROBLEM).body("type", equalTo(INVALID))
                    .body("violations.field", hasItem(c[4]));
        }
        assertEquals(0, count("SELECT count(*) FROM survey_round WHERE title = ?1", refused));
    }

    // ---- who may see what ----

    @Test
    void anotherTenantsUserGetsNotFoundOnEveryRouteExactlyAsForAMissingRound() {
        String round = fjordvikRound();
        String missing = UUID.randomUUID().toString();
        for (String id : new String[] {round, missing}) {
            for (String user : new String[] {"nordhei.coordinator", "nordhei.principal"}) {
                String p = "/api/tenants/fjordvik/survey-rounds/" + id;
                as(user).when().get(p).then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
                as(user).when().get(p + "/completion").then().statusCode(404).contentType(PROBLEM);
                as(user).when().get(p + "/results").then().statusCode(404).contentType(PROBLEM);
                as(user).when().get(p + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(404).contentType(PROBLEM);
                as(user).when().put(p + "/results/schools/" + FJORDVIK_SCHOOL + "/sharing").then().statusCode(404).contentType(PROBLEM);
                as(user).when().delete(p + "/results/schools/" + FJORDVIK_SCHOOL + "/sharing").then().statusCode(404).contentType(PROBLEM);
                as(user).when().get(p + "/responses/mine").then().statusCode(404).contentType(PROBLEM);
                as(user).contentType(ContentType.JSON).body(ANSWERS).when().put(p + "/responses/mine")
                        .then().statusCode(404).contentType(PROBLEM);
                as(user).header("Idempotency-Key", "k").when().post(p + "/responses/mine/submission")
                        .then().statusCode(404).contentType(PROBLEM);
                // the id under the caller's own tenant is just as unknown
                String own = "/api/tenants/nordhei/survey-rounds/" + id;
                as(user).when().get(own).then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
                as(user).when().get(own + "/responses/mine").then().statusCode(404).contentType(PROBLEM);
                // a coordinator has no principal role at all (403); a principal does not lead that school (404)
                as(user).when().put(own + "/results/schools/" + FJORDVIK_SCHOOL + "/sharing")
                        .then().statusCode(user.endsWith("principal") ? 404 : 403);
            }
        }
        as("nordhei.coordinator").contentType(ContentType.JSON)
                .body("{\"title\":\"R\",\"mode\":\"team\",\"opensOn\":\"" + today() + "\",\"closesOn\":\"" + today()
                        + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"]}")
                .when().post("/api/tenants/fjordvik/survey-rounds").then().statusCode(404).contentType(PROBLEM);
        as("nordhei.coordinator").when().get("/api/tenants/fjordvik/survey-rounds").then().statusCode(404);
    }

    @Test
    void theWrongRoleGetsForbiddenAndALeaderSeesOnlyTheirOwnSchool() {
        String round = fjordvikRound();
        as("fjordvik.leader").contentType(ContentType.JSON)
                .body("{\"title\":\"R\",\"mode\":\"team\",\"opensOn\":\"" + today() + "\",\"closesOn\":\"" + today()
                        + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"]}")
                .when().post("/api/tenants/fjordvik/survey-rounds").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(FORBIDDEN));
        as("fjordvik.principal").when().get(path(round) + "/results").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        as("fjordvik.leader").when().get(path(round) + "/completion").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        // the owner's people do not see a school's own results
        as("fjordvik.coordinator").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL)
                .then().statusCode(403).body("type", equalTo(FORBIDDEN));
        as("fjordvik.executive").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL)
                .then().statusCode(403);
        // a school leader of another school: their own tenant's round, someone else's school
        String nordhei = openRound("nordhei", NORDHEI_SCHOOL, "individual", today(), null);
        as("nordhei.leader").when().get("/api/tenants/nordhei/survey-rounds/" + nordhei + "/results/schools/" + FJORDVIK_SCHOOL)
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
        as("nordhei.leader").when().get("/api/tenants/nordhei/survey-rounds/" + nordhei + "/results/schools/" + NORDHEI_SCHOOL)
                .then().statusCode(200).body("schoolId", equalTo(NORDHEI_SCHOOL));
        // and a school that is not in the round
        as("fjordvik.leader").when().get("/api/tenants/fjordvik/survey-rounds/" + round + "/results/schools/" + NORDHEI_SCHOOL)
                .then().statusCode(404);
    }

    /** Events of the type about the round; none of them ever names a respondent. */
    private long events(String type, String round) {
        long withPeople = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE payload LIKE ?1 AND (payload LIKE ?2 OR payload LIKE ?3)")
                .setParameter(1, "%" + round + "%").setParameter(2, "%" + FJORDVIK_PRINCIPAL + "%")
                .setParameter(3, "%" + FJORDVIK_LEADER + "%").getSingleResult()).longValue());
        assertEquals(0, withPeople);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE type = ?1 AND payload LIKE ?2")
                .setParameter(1, type).setParameter(2, "%" + round + "%").getSingleResult()).longValue());
    }

    private long count(String sql, String param) {
        Object value = param.matches("[0-9a-f-]{36}") ? UUID.fromString(param) : param;
        Number n = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(sql)
                .setParameter(1, value).getSingleResult());
        assertNotNull(n);
        return n.longValue();
    }

    private void insertAnonymousSet(String round, int learning1, String comment) {
        AnonymousAnswers.insert(entityManager, round, FJORDVIK_SCHOOL, learning1, comment);
    }
}

package no.ks.led.surveys;

import static no.ks.led.surveys.SurveyFlowTests.FORBIDDEN;
import static no.ks.led.surveys.SurveyFlowTests.NOT_FOUND;
import static no.ks.led.surveys.SurveyFlowTests.PROBLEM;
import static no.ks.led.surveys.SurveyFlowTests.as;
import static no.ks.led.surveys.SurveyFlowTests.path;
import static no.ks.led.surveys.SurveyFlowTests.today;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.testing.DemoAccess;
import no.ks.led.surveys.service.ResultTallies;
import no.ks.led.surveys.service.RoundResults;
import org.junit.jupiter.api.Test;

/**
 * The respondent's level, recorded with each answer set from the person's role at the school in the access replica
 * when they submit, and the owner's split by level ({@code GET …/results/levels}) with real submissions of principals
 * and middle leaders at new schools of fjordvik (their memberships arrive as organisations events through the broker).
 */
@QuarkusTest
class RespondentLevelTests {

    @Inject
    EntityManager entityManager;

    @Inject
    AccessReplica replica;

    @Inject
    ResultTallies tallies;

    @Inject
    RoundResults results;

    /** A new school of fjordvik with this many principals and school leaders (middle leaders), their ids in that order. */
    private List<UUID> school(UUID school, int principals, int middleLeaders) {
        List<UUID> people = new ArrayList<>();
        List<UUID> memberships = new ArrayList<>();
        for (int i = 0; i < principals + middleLeaders; i++) {
            UUID person = UUID.randomUUID();
            UUID membership = UUID.randomUUID();
            DemoAccess.publish("fjordvik", new MembershipGranted(membership, "fjordvik", person,
                    i < principals ? "principal" : "school-leader", school, today().minusDays(1), null));
            people.add(person);
            memberships.add(membership);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.holdsMemberships(memberships));
        return people;
    }

    private static String round(UUID school) {
        return SurveyFlowTests.openRound("fjordvik", school.toString(), "individual", today(), 3);
    }

    /** Each person submits learning-1 = the value (and learning-2 = 3). */
    private void submit(String roundId, List<UUID> people, int value) {
        SurveyRound round = QuarkusTransaction.requiringNew()
                .call(() -> SurveyRound.<SurveyRound>findById(UUID.fromString(roundId)));
        for (UUID person : people) {
            Submitting.saveAndSubmit(round, person, List.of(new Answer("learning-1", value, false, null),
                    new Answer("learning-2", 3, false, null)));
        }
    }

    /** A round at a new school, its leaders (principals first) and the round's id. */
    private record Answered(UUID school, List<UUID> people, String round) {
    }

    /** A round at a new school where three principals answered 5 and three middle leaders 2. */
    private Answered threeAndThree() {
        UUID school = UUID.randomUUID();
        List<UUID> people = school(school, 3, 3);
        String round = round(school);
        submit(round, people.subList(0, 3), 5);
        submit(round, people.subList(3, 6), 2);
        return new Answered(school, people, round);
    }

    @Test
    void principalsAndMiddleLeadersAreShownApartWhereBothHaveKAnswers() {
        Answered arranged = threeAndThree();
        List<UUID> people = arranged.people();
        String round = arranged.round();

        as("fjordvik.coordinator").when().get(path(round) + "/results/levels").then().statusCode(200)
                .body("basis", equalTo("aggregate"))
                .body("minGroupSize", equalTo(3))
                .body("total.respondents", equalTo(6))
                .body("total.sections[0].items[0].mean", equalTo(3.5f))
                .body("levels.level", contains("principal", "middle-leader"))
                .body("levels[0].results.suppressed", equalTo(false))
                .body("levels[0].results.respondents", equalTo(3))
                .body("levels[0].results.sections[0].items[0].mean", equalTo(5.0f))
                .body("levels[1].results.respondents", equalTo(3))
                .body("levels[1].results.sections[0].items[0].mean", equalTo(2.0f))
                .body("levels[1].results.freeText", org.hamcrest.Matchers.empty())
                .body(not(org.hamcrest.Matchers.containsString(people.get(0).toString())));
        // the level is on the answer sets, which name no one; the repair path rebuilds the same level tallies
        assertEquals(List.of("middle-leader 3", "principal 3"), levelsOnAnswerSets(round));
        List<String> kept = levelTallies(round);
        tallies.rebuild(UUID.fromString(round));
        assertEquals(kept, levelTallies(round));
    }

    @Test
    void aLevelBelowKIsSuppressedAndSoIsTheOtherWhenTheTotalWouldRevealIt() {
        UUID school = UUID.randomUUID();
        List<UUID> people = school(school, 1, 4);
        String round = round(school);
        submit(round, people.subList(0, 1), 1);
        submit(round, people.subList(1, 5), 4);

        // one principal: hidden; the four middle leaders would be the total minus that principal, so hidden as well
        as("fjordvik.executive").when().get(path(round) + "/results/levels").then().statusCode(200)
                .body("total.suppressed", equalTo(false))
                .body("total.respondents", equalTo(5))
                .body("levels[0].level", equalTo("principal"))
                .body("levels[0].results.suppressed", equalTo(true))
                .body("levels[0].results.respondents", nullValue())
                .body("levels[1].level", equalTo("middle-leader"))
                .body("levels[1].results.suppressed", equalTo(true))
                .body("levels[1].results.respondents", nullValue());
    }

    @Test
    void anOwnerWhoAnsweredAsAPrincipalIsNotShownWhatTheirOwnAnswerWouldLetThemSubtract() {
        Answered arranged = threeAndThree();
        UUID school = arranged.school();
        List<UUID> people = arranged.people();
        String roundId = arranged.round();
        SurveyRound round = QuarkusTransaction.requiringNew()
                .call(() -> SurveyRound.<SurveyRound>findById(UUID.fromString(roundId)));
        Grant.Scope tenant = new Grant.Scope(true, Set.of());
        Grant coordinator = new Grant("fjordvik", UUID.randomUUID(), Map.of(TenantRole.COORDINATOR, tenant));
        assertEquals(List.of(false, false), suppressed(results.byLevel(round, coordinator)));
        // a coordinator who is also one of the three principals, and answered: the principals minus their own answer
        // would be two others, and the middle leaders the total minus three principals they partly know
        Grant both = new Grant("fjordvik", people.get(0), Map.of(TenantRole.COORDINATOR, tenant,
                TenantRole.PRINCIPAL, new Grant.Scope(false, Set.of(school))));
        assertEquals(List.of(true, true), suppressed(results.byLevel(round, both)));
    }

    private static List<Boolean> suppressed(LevelResults split) {
        return split.levels().stream().map(l -> l.results().suppressed()).toList();
    }

    @Test
    void aPersonsLevelIsTheirRoleWhenTheySubmitNotWhenTheRoundOpened() {
        UUID school = UUID.randomUUID();
        List<UUID> people = school(school, 0, 3);
        String round = round(school);
        // the first of them becomes the school's principal after the round opened
        UUID promotion = UUID.randomUUID();
        DemoAccess.publish("fjordvik", new MembershipGranted(promotion, "fjordvik", people.get(0), "principal", school,
                today(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.holdsMemberships(List.of(promotion)));
        submit(round, people, 3);
        assertEquals(List.of("middle-leader 2", "principal 1"), levelsOnAnswerSets(round));
    }

    @Test
    void theSplitIsTheOwnersOnlyAndAnotherTenantsRoundIsNotFound() {
        String round = SurveyFlowTests.fjordvikRound();
        as("fjordvik.principal").when().get(path(round) + "/results/levels")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        as("nordhei.executive").when().get("/api/tenants/nordhei/survey-rounds/" + round + "/results/levels")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
        as("fjordvik.coordinator").when().get(path(UUID.randomUUID().toString()) + "/results/levels")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
        as("fjordvik.coordinator").when().get(path("not-a-uuid") + "/results/levels")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404))).contentType(PROBLEM);
        // nobody has answered: nothing is shown
        as("fjordvik.coordinator").contentType(ContentType.JSON).when().get(path(round) + "/results/levels")
                .then().statusCode(200).body("total.suppressed", equalTo(true))
                .body("levels.results.suppressed", contains(true, true));
    }

    @SuppressWarnings("unchecked")
    private List<String> levelsOnAnswerSets(String round) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT respondent_level || ' ' || count(*) FROM answer_set WHERE round_id = ?1 AND submitted
                GROUP BY respondent_level ORDER BY respondent_level""").setParameter(1, UUID.fromString(round))
                .getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> levelTallies(String round) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>(entityManager.createNativeQuery("""
                    SELECT level || ' ' || respondents FROM level_tally WHERE round_id = ?1 AND respondents > 0 ORDER BY level""")
                    .setParameter(1, UUID.fromString(round)).getResultList());
            rows.addAll(entityManager.createNativeQuery("""
                    SELECT concat_ws(' ', level, item_code, n1, n2, n3, n4, n5, dont_know) FROM level_item_counts
                    WHERE round_id = ?1 AND n1 + n2 + n3 + n4 + n5 + dont_know > 0 ORDER BY level, item_code""")
                    .setParameter(1, UUID.fromString(round)).getResultList());
            assertFalse(rows.isEmpty());
            return rows;
        });
    }
}

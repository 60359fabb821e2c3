package no.ks.led.surveys;

import static no.ks.led.surveys.SurveyFlowTests.FJORDVIK_SCHOOL;
import static no.ks.led.surveys.SurveyFlowTests.FORBIDDEN;
import static no.ks.led.surveys.SurveyFlowTests.PROBLEM;
import static no.ks.led.surveys.SurveyFlowTests.as;
import static no.ks.led.surveys.SurveyFlowTests.path;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.testing.DemoAccess;
import org.junit.jupiter.api.Test;

/**
 * A consultant sees only what their engagement allows: the owner's view of the schools it covers, with the
 * owner's suppression; never a school's own view nor the completion list. The engagement changes arrive as
 * organisations events through the real broker; the demo engagement is restored afterwards.
 */
@QuarkusTest
class ConsultantResultsTests {

    static final UUID CONSULTANT = UUID.fromString("3fca4324-47b9-5a91-b819-0e5b7d4e1d2d");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    EntityManager entityManager;

    @Inject
    AccessReplica replica;

    /** A round at the demo school with three submitted sets, shared by its principal. */
    private String sharedRound() {
        String body = "{\"title\":\"Ståstedsanalyse\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + TODAY + "\",\"closesOn\":\""
                + TODAY.plusDays(30) + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"],\"minGroupSize\":3}";
        String round = as("fjordvik.coordinator").contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/fjordvik/survey-rounds").then().statusCode(201).extract().path("id");
        AnonymousAnswers.insert(entityManager, round, FJORDVIK_SCHOOL, 4, "Første");
        AnonymousAnswers.insert(entityManager, round, FJORDVIK_SCHOOL, 5, "Andre");
        AnonymousAnswers.insert(entityManager, round, FJORDVIK_SCHOOL, 3, "Tredje");
        as("fjordvik.principal").when().put(path(round) + "/results/schools/" + FJORDVIK_SCHOOL + "/sharing")
                .then().statusCode(200);
        return round;
    }

    @Test
    void theEngagedConsultantSeesTheSharedSchoolAsTheOwnerDoesButNeverTheSchoolsOwnViewOrTheNames() {
        String round = sharedRound();
        as("veiviser.consultant").when().get(path(round) + "/results").then().statusCode(200)
                .body("scope", equalTo("tenant"))
                .body("total.suppressed", equalTo(false))
                .body("total.respondents", equalTo(3))
                .body("schools", hasSize(1))
                .body("schools[0].schoolId", equalTo(FJORDVIK_SCHOOL))
                .body("schools[0].status", equalTo("shared"))
                .body("schools[0].results.sections[0].items[0].mean", equalTo(4.0f));
        String csv = as("veiviser.consultant").when().get(path(round) + "/results.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(FJORDVIK_SCHOOL + ";delt"), csv);
        as("veiviser.consultant").when().get(path(round) + "/results/chart/sections.svg").then().statusCode(200);

        // the school's own view, the completion list (names) and the invitations are not the consultant's
        as("veiviser.consultant").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        as("veiviser.consultant").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL + ".csv")
                .then().statusCode(403).contentType(PROBLEM);
        as("veiviser.consultant").when().get(path(round) + "/completion").then().statusCode(403).contentType(PROBLEM);
        as("veiviser.consultant").when().get(path(round) + "/invitations").then().statusCode(403).contentType(PROBLEM);
        // once withdrawn, the consultant no longer sees the school's figures either
        as("fjordvik.principal").when().delete(path(round) + "/results/schools/" + FJORDVIK_SCHOOL + "/sharing")
                .then().statusCode(200);
        as("veiviser.consultant").when().get(path(round) + "/results").then().statusCode(200)
                .body("schools[0].status", equalTo("not-shared"))
                .body("schools[0].results.suppressed", equalTo(true));
    }

    @Test
    void anEngagementForOtherSchoolsShowsNothingOfThisOneAndAnEndedEngagementIsNotFound() {
        String round = sharedRound();
        UUID otherSchool = UUID.randomUUID();
        try {
            endActiveEngagements();
            UUID limited = UUID.randomUUID();
            DemoAccess.publish("fjordvik", new EngagementStarted(limited, "fjordvik", "veiviser", null, List.of(otherSchool),
                    TODAY.minusDays(1), null));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Grant grant = grant();
                return !grant.isEmpty() && !grant.roles().get(TenantRole.CONSULTANT).wholeTenant();
            });
            // not the school (not listed at all), and not the tenant's aggregate over schools outside the scope
            as("veiviser.consultant").when().get(path(round) + "/results").then().statusCode(200)
                    .body("total.suppressed", equalTo(true))
                    .body("total.respondents", equalTo(null))
                    .body("schools", hasSize(0));
            String csv = as("veiviser.consultant").when().get(path(round) + "/results.csv").then().statusCode(200)
                    .extract().asString();
            assertFalse(csv.contains(FJORDVIK_SCHOOL), csv);
            assertFalse(csv.contains("Første"), csv);

            DemoAccess.publish("fjordvik", new EngagementEnded(limited, "fjordvik", Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> grant().isEmpty());
            as("veiviser.consultant").when().get(path(round) + "/results").then().statusCode(404).contentType(PROBLEM);
            as("veiviser.consultant").when().get(path(round) + "/results.xlsx").then().statusCode(404).contentType(PROBLEM);
        } finally {
            restoreDemoEngagement();
        }
        as("veiviser.consultant").when().get(path(round) + "/results").then().statusCode(200)
                .body("schools[0].status", equalTo("shared"));
    }

    private Grant grant() {
        return QuarkusTransaction.requiringNew().call(() -> replica.grantFor(CONSULTANT, "fjordvik", TODAY));
    }

    /** Ends every current engagement of the consultancy in fjordvik (the demo one, or a restored one). */
    private void endActiveEngagements() {
        @SuppressWarnings("unchecked")
        List<UUID> active = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT engagement_id FROM access_engagement
                WHERE tenant_id = 'fjordvik' AND consultancy_id = 'veiviser' AND ended_at IS NULL""").getResultList());
        active.forEach(id -> DemoAccess.publish("fjordvik", new EngagementEnded(id, "fjordvik", Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> grant().isEmpty());
    }

    /** The demo engagement again (a new one, as an ended engagement never restarts): the whole tenant. */
    private void restoreDemoEngagement() {
        endActiveEngagements();
        DemoAccess.publish("fjordvik", new EngagementStarted(UUID.randomUUID(), "fjordvik", "veiviser", null, List.of(),
                LocalDate.parse("2026-01-01"), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Grant grant = grant();
            return !grant.isEmpty() && grant.roles().get(TenantRole.CONSULTANT).wholeTenant();
        });
    }
}

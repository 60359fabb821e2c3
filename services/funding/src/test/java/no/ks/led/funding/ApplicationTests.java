package no.ks.led.funding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.testing.DemoAccess;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.funding.refund.PolicyRules;
import no.ks.led.funding.service.Applications;
import no.ks.led.funding.service.PolicyCatalogue;
import no.ks.led.funding.service.Warnings;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Applications from scheduled activities, their workflow and the platform's refusals and warnings. */
@QuarkusTest
class ApplicationTests {

    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate NEXT_YEAR = LocalDate.now(SchedulingFeed.OSLO).plusYears(1).withMonth(9).withDayOfMonth(15);

    @Inject
    Applications applications;

    @Inject
    PolicyCatalogue catalogue;

    @Inject
    Warnings warnings;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void access() {
        DemoAccess.awaitReplica();
    }

    @Test
    void anApplicationFromScheduledActivitiesIsExplainedSubmittedAndApproved() throws Exception {
        // 40,000 kr over two days (20,000 a day, capped at 18,000) and 4,000 travel; 15,000 for a one-day gathering
        UUID twoDays = SchedulingFeed.activity("fjordvik", "Ledersamling 1", NEXT_YEAR, NEXT_YEAR.plusDays(1), 4_000_000, 400_000);
        UUID oneDay = SchedulingFeed.activity("fjordvik", "Ledersamling 2", NEXT_YEAR.plusDays(35), NEXT_YEAR.plusDays(35), 1_500_000, 0);

        Response created = given().auth().oauth2(RealmLogin.accessToken("veiviser.consultant")).contentType("application/json")
                .body("{\"title\": \"Led skole neste år\", \"policy\": \"ou-2024\", \"activityIds\": [\"" + twoDays + "\", \"" + oneDay + "\"]}")
                .when().post("/api/tenants/fjordvik/funding/applications");
        created.then().statusCode(201).body("status", equalTo("draft")).body("policyVersion", equalTo(2))
                .body("days", equalTo(3)).body("costOre", equalTo(5_900_000))
                .body("requestedOre", equalTo((1_800_000 + 400_000 + 1_800_000 + 1_500_000) * 70 / 100))
                .body("lines.rule", hasItem("fee-cap"));
        String id = created.path("id");

        decide("veiviser.consultant", id, "{\"status\": \"submitted\"}").then().statusCode(403).contentType(PROBLEM);
        decide("fjordvik.coordinator", id, "{\"status\": \"approved\", \"caseNumber\": \"21/12345\", \"approvedOre\": 1, \"expiresOn\": \"2099-12-31\"}")
                .then().statusCode(409).body("type", equalTo("urn:no:ks:led:problem:funding-status-conflict"));
        decide("fjordvik.coordinator", id, "{\"status\": \"submitted\"}").then().statusCode(200).body("status", equalTo("submitted"));
        decide("fjordvik.coordinator", id, "{\"status\": \"approved\", \"caseNumber\": \"12345\", \"approvedOre\": 1, \"expiresOn\": \"2099-12-31\"}")
                .then().statusCode(400).body("violations.field", hasItem("caseNumber"));
        decide("fjordvik.coordinator", id, "{\"status\": \"approved\", \"caseNumber\": \"21/12345-1\", \"approvedOre\": 999999999, \"expiresOn\": \"2099-12-31\"}")
                .then().statusCode(400).body("violations.field", hasItem("approvedOre"));
        decide("fjordvik.coordinator", id, "{\"status\": \"approved\", \"caseNumber\": \"21/12345-1\", \"approvedOre\": 3000000, \"expiresOn\": \"2099-12-31\"}")
                .then().statusCode(200).body("status", equalTo("approved")).body("caseNumber", equalTo("21/12345"))
                .body("approvedOre", equalTo(3_000_000));
        assertEquals(List.of("no.ks.led.funding.FundingApplied.v1", "no.ks.led.funding.FundingApproved.v1"), outboxTypes(id));

        byte[] pdf = given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/funding/applications/" + id + "/summary.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("21/12345") && text.contains("Ledersamling 1") && text.contains("Fjordvik kommune"), text);
        }
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/funding/applications/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/funding/applications/" + id + "/summary.pdf").then().statusCode(404);
        decide("nordhei.coordinator", id, "{\"status\": \"withdrawn\"}").then().statusCode(404)
                .body("type", equalTo("urn:no:ks:led:problem:not-found"));
    }

    @Test
    void anApplicationNeedsItsFieldsAndTheTenantsOwnActivities() {
        UUID nordheis = SchedulingFeed.activity("nordhei", "Nordhei-samling", NEXT_YEAR, NEXT_YEAR, 100_000, 0);
        prepare("{\"title\": \"x\", \"policy\": \"ou-2024\", \"activityIds\": [\"" + nordheis + "\"]}", "activityIds");
        prepare("{\"title\": \"x\", \"policy\": \"lottery\", \"activityIds\": [\"" + UUID.randomUUID() + "\"]}", "policy");
        prepare("{\"title\": \" \", \"policy\": \"ou-2024\", \"activityIds\": [\"" + UUID.randomUUID() + "\"]}", "title");
        prepare("{\"title\": \"x\", \"policy\": \"ou-2024\", \"activityIds\": []}", "activityIds");
        decide("fjordvik.coordinator", UUID.randomUUID().toString(), "{\"status\": \"granted\"}").then().statusCode(400)
                .body("violations.field", hasItem("status"));
    }

    @Test
    void anApplicationTakesStudyFeesCountedUpToTheCapPerPersonAndSemester() {
        UUID gathering = SchedulingFeed.activity("fjordvik", "Studiesamling", NEXT_YEAR, NEXT_YEAR, 1_000_000, 0);
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json")
                .body("{\"title\": \"Videreutdanning\", \"policy\": \"ou-2024\", \"activityIds\": [\"" + gathering + "\"],"
                        + " \"studyFees\": [{\"person\": \"Kari\", \"date\": \"" + NEXT_YEAR + "\", \"feeOre\": 1200000}]}")
                .when().post("/api/tenants/fjordvik/funding/applications")
                .then().statusCode(201).body("policyVersion", equalTo(2))
                .body("requestedOre", equalTo(1_000_000 + 1_000_000))
                .body("lines.rule", hasItem("study-fee-cap"));
        prepare("{\"title\": \"x\", \"policy\": \"led-2018\", \"activityIds\": [\"" + gathering + "\"],"
                + " \"studyFees\": [{\"date\": \"2027-02-01\", \"feeOre\": 1}]}", "studyFees");
        prepare("{\"title\": \"x\", \"policy\": \"ou-2024\", \"activityIds\": [\"" + gathering + "\"],"
                + " \"studyFees\": [{\"date\": \"2027-02-01\"}]}", "studyFees.feeOre");
    }

    @Test
    void anOwnerTheFundDoesNotCoverIsRefusedWithTheReason() {
        String oslo = "oslo-" + UUID.randomUUID().toString().substring(0, 8);
        DemoAccess.publish(oslo, new TenantOnboarded(oslo, "Oslo kommune", "kommune", "958935420", "Europe/Oslo", "nb", Instant.now()));
        Awaitility.await().until(() -> QuarkusTransaction.requiringNew().call(() -> FundingTenant.of(oslo).isPresent()));
        UUID activity = SchedulingFeed.activity(oslo, "Samling", NEXT_YEAR, NEXT_YEAR, 1_000_000, 0);

        FundingApplication application = submitted(oslo, "ou-2024", List.of(activity));

        assertEquals("refused", application.status);
        assertTrue(application.reason.contains("Oslo kommune") && application.reason.contains("not covered"), application.reason);
    }

    @Test
    void aSecondLargeProgrammeWhileOneGrantIsRunningIsRefusedWithTheReason() {
        String tenant = "large-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = SchedulingFeed.activity(tenant, "Program 1", NEXT_YEAR, NEXT_YEAR.plusDays(4), 5_000_000, 0);
        UUID second = SchedulingFeed.activity(tenant, "Program 2", NEXT_YEAR.plusDays(60), NEXT_YEAR.plusDays(64), 5_000_000, 0);
        UUID single = SchedulingFeed.activity(tenant, "Enkeltsamling", NEXT_YEAR.plusDays(90), NEXT_YEAR.plusDays(90), 1_000_000, 0);
        FundingApplication running = submitted(tenant, "ou-2024", List.of(first));
        QuarkusTransaction.requiringNew().run(() -> applications.decide(tenant, running.id, new Applications.Decision("approved",
                null, "24/00001", 100_000L, NEXT_YEAR.plusYears(1), null)));

        FundingApplication another = submitted(tenant, "ou-2024", List.of(second));
        FundingApplication gathering = submitted(tenant, "ou-2024", List.of(single));

        assertEquals("refused", another.status);
        assertTrue(another.reason.contains("24/00001"), another.reason);
        assertEquals("submitted", gathering.status, "a grant for speakers at a single gathering is still allowed");
        assertEquals(List.of("no.ks.led.funding.FundingRefused.v1"), outboxTypes(another.id.toString()));
    }

    @Test
    void aNewPolicyVersionChangesNoDecidedAmount() {
        String policy = "check9-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> catalogue.publish(policy, new PolicyCatalogue.PolicyContent("Check 9", "NO",
                rules(1_000_000)), "test"));
        String tenant = "check9-" + UUID.randomUUID().toString().substring(0, 8);
        UUID activity = SchedulingFeed.activity(tenant, "Samling", NEXT_YEAR, NEXT_YEAR, 2_000_000, 0);
        FundingApplication application = submitted(tenant, policy, List.of(activity));
        QuarkusTransaction.requiringNew().run(() -> applications.decide(tenant, application.id, new Applications.Decision("approved",
                null, "24/00002", 1_000_000L, NEXT_YEAR.plusYears(1), null)));

        QuarkusTransaction.requiringNew().run(() -> catalogue.publish(policy, new PolicyCatalogue.PolicyContent("Check 9", "NO",
                rules(2_000_000)), "test"));

        FundingApplication after = QuarkusTransaction.requiringNew().call(() -> FundingApplication.<FundingApplication>findById(application.id));
        assertEquals(1, after.policyVersion);
        assertEquals(1_000_000, after.requestedOre);
        assertEquals(1_000_000L, after.approvedOre);
        assertEquals(1_000_000, after.lines.get(0).refundOre());
    }

    @Test
    void paidSpeakersSoonWithoutAnApplicationAndAnActivityHeldBeforeApprovalAreWarnedOf() {
        String tenant = "warn-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(SchedulingFeed.OSLO);
        UUID soon = SchedulingFeed.activity(tenant, "Snart", today.plusDays(20), today.plusDays(20), 1_000_000, 0);
        UUID unpaid = SchedulingFeed.activity(tenant, "Gratis", today.plusDays(10), today.plusDays(10), 0, 0);
        UUID later = SchedulingFeed.activity(tenant, "Senere", today.plusDays(80), today.plusDays(80), 1_000_000, 0);
        UUID held = SchedulingFeed.activity(tenant, "Holdt", today.minusDays(3), today.minusDays(3), 1_000_000, 0);

        List<Warnings.Warning> found = QuarkusTransaction.requiringNew().call(() -> warnings.of(tenant));

        assertEquals(List.of(held, soon), found.stream().map(Warnings.Warning::activityId).toList(), found.toString());
        assertEquals(List.of(Warnings.HELD_BEFORE_APPROVAL, Warnings.APPLY_SOON), found.stream().map(Warnings.Warning::kind).toList());
        assertTrue(!found.stream().map(Warnings.Warning::activityId).toList().contains(unpaid) && later != null);

        submitted(tenant, "ou-2024", List.of(soon));
        List<Warnings.Warning> afterSubmitting = QuarkusTransaction.requiringNew().call(() -> warnings.of(tenant));
        assertEquals(List.of(held), afterSubmitting.stream().map(Warnings.Warning::activityId).toList());
    }

    private static PolicyRules rules(long cap) {
        return new PolicyRules(PolicyRules.SPEAKER_CAPS, List.of(cap), 4_800_000L, null, null, null, null, null, null, true,
                false, null, null);
    }

    private FundingApplication submitted(String tenant, String policy, List<UUID> activities) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FundingApplication application = applications.prepare(tenant, new Applications.Preparation("Søknad", policy, activities),
                    "test", null).application();
            return applications.decide(tenant, application.id, new Applications.Decision("submitted", null, null, null, null, null));
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> outboxTypes(String applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT type FROM outbox_event WHERE payload::jsonb ->> 'applicationId' = ?1 ORDER BY sequence")
                .setParameter(1, applicationId).getResultList());
    }

    private static Response decide(String user, String id, String body) {
        return given().auth().oauth2(RealmLogin.accessToken(user)).contentType("application/json").body(body)
                .when().post("/api/tenants/fjordvik/funding/applications/" + id + "/decision");
    }

    private static void prepare(String body, String field) {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json").body(body)
                .when().post("/api/tenants/fjordvik/funding/applications")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem(field));
    }
}

package no.ks.led.funding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.ks.led.foundation.testing.DemoAccess;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.funding.service.Applications;
import no.ks.led.funding.service.Budgets;
import org.junit.jupiter.api.Test;

/** The budget: planned costs, what an approved application covers, what the owner pays; the procurement warning. */
@QuarkusTest
class BudgetTests {

    @Inject
    Budgets budgets;

    @Inject
    Applications applications;

    @Test
    void theBudgetShowsWhatTheFundCoversAndWhatTheOwnerPays() {
        String tenant = "budget-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now(SchedulingFeed.OSLO).plusYears(1).withMonth(3).withDayOfMonth(10);
        UUID covered = SchedulingFeed.activity(tenant, "Med søknad", day, day, 2_000_000, 300_000);
        SchedulingFeed.activity(tenant, "Uten søknad", day.plusDays(7), day.plusDays(7), 1_000_000, 0);
        // a supplier with 1.2 million kr booked in all approaches the 1.3 million threshold
        SchedulingFeed.activity(tenant, "Stort program", day.plusYears(1), day.plusYears(1), 120_000_000, 0);
        QuarkusTransaction.requiringNew().run(() -> {
            FundingApplication application = applications.prepare(tenant, new Applications.Preparation("Søknad", "led-2018",
                    List.of(covered)), "test", null).application();
            applications.decide(tenant, application.id, new Applications.Decision("submitted", null, null, null, null, null));
            applications.decide(tenant, application.id, new Applications.Decision("approved", null, "25/00001", 1_600_000L,
                    day.plusYears(1), null));
        });

        Budgets.Budget budget = QuarkusTransaction.requiringNew().call(() -> budgets.of(tenant, day.getYear()));

        assertEquals(3, budget.lines().size(), budget.toString());
        assertEquals(3_300_000, budget.plannedOre());
        // Led 2018: fee and travel 23,000 kr for one speaker a day, at most 16,000
        assertEquals(1_600_000, budget.fundCoversOre());
        assertEquals(3_300_000 - 1_600_000, budget.ownerPaysOre());
        assertNull(budget.lines().get(0).actualOre());
        assertEquals(1, budget.procurement().size());
        assertTrue(budget.procurement().get(0).supplier().contains("Stort program") && !budget.procurement().get(0).over());
    }

    @Test
    void theFundCoversWhatTheApprovalGrantsAndTheTotalsAddUpToTheCost() {
        String tenant = "budget-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(SchedulingFeed.OSLO);
        LocalDate held = today.minusDays(7);
        LocalDate later = held.plusYears(1);
        // held a week ago and approved today: the fund refunds nothing for it (Led 2018: approval before the event)
        UUID heldBeforeApproval = SchedulingFeed.activity(tenant, "Holdt før svaret", held, held, 1_000_000, 0);
        // next year, 16,000 kr applied for and 12,000 kr approved: the fund covers no more than KS approved
        UUID approvedLess = SchedulingFeed.activity(tenant, "Innvilget mindre", later, later, 2_000_000, 300_000);
        QuarkusTransaction.requiringNew().run(() -> {
            approve(tenant, heldBeforeApproval, held.minusDays(30), today, 1_000_000L);
            approve(tenant, approvedLess, today, today, 1_200_000L);
        });

        Budgets.Budget past = QuarkusTransaction.requiringNew().call(() -> budgets.of(tenant, held.getYear()));
        Budgets.Budget next = QuarkusTransaction.requiringNew().call(() -> budgets.of(tenant, later.getYear()));

        assertEquals(0, past.fundCoversOre(), past.toString());
        assertEquals(1_000_000, past.ownerPaysOre());
        assertEquals(1_200_000, next.fundCoversOre(), next.toString());
        assertEquals(2_300_000 - 1_200_000, next.ownerPaysOre());
        for (Budgets.Budget budget : List.of(past, next)) {
            assertEquals(budget.plannedOre(), budget.costOre(), "nothing claimed: the cost is the planned");
            assertEquals(budget.costOre(), budget.fundCoversOre() + budget.ownerPaysOre());
            for (Budgets.CostLine line : budget.lines()) {
                long cost = line.actualOre() != null ? line.actualOre() : line.plannedOre();
                assertEquals(cost, line.fundCoversOre() + line.ownerPaysOre(), line.toString());
            }
        }
    }

    private void approve(String tenant, UUID activity, LocalDate submittedOn, LocalDate approvedOn, long approvedOre) {
        FundingApplication application = applications.prepare(tenant, new Applications.Preparation("Søknad", "led-2018",
                List.of(activity)), "test", null).application();
        applications.decide(tenant, application.id, new Applications.Decision("submitted", submittedOn, null, null, null, null));
        applications.decide(tenant, application.id, new Applications.Decision("approved", approvedOn, "25/00002", approvedOre,
                approvedOn.plusYears(2), null));
    }

    @Test
    void theYearIsRequiredAndTheBudgetIsTheTenantsOwn() {
        DemoAccess.awaitReplica();
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).when().get("/api/tenants/fjordvik/budget")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("year"));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).when().get("/api/tenants/fjordvik/budget?year=2027")
                .then().statusCode(200).body("year", org.hamcrest.Matchers.equalTo(2027));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).when().get("/api/tenants/nordhei/budget?year=2027")
                .then().statusCode(404);
        // the tenant is checked before the query: no hint that nordhei exists
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).when().get("/api/tenants/nordhei/budget")
                .then().statusCode(404);
    }

    @Test
    void costsTheFundNeverRefundsAreTheOwnersOwnAndTheTenantsOwn() {
        DemoAccess.awaitReplica();
        LocalDate day = LocalDate.now(SchedulingFeed.OSLO).plusYears(1).withMonth(4).withDayOfMonth(20);
        UUID activity = SchedulingFeed.activity("fjordvik", "Samling med lokale", day, day, 0, 0);
        UUID nordheis = SchedulingFeed.activity("nordhei", "Nordhei-samling", day, day, 0, 0);
        String coordinator = RealmLogin.accessToken("fjordvik.coordinator");

        String id = given().auth().oauth2(coordinator).contentType("application/json")
                .body("{\"kind\": \"venue-hire\", \"description\": \"Hotell Fjordvik\", \"amountOre\": 1250050,"
                        + " \"activityId\": \"" + activity + "\"}")
                .when().post("/api/tenants/fjordvik/budget/costs")
                .then().statusCode(201).body("year", org.hamcrest.Matchers.equalTo(day.getYear()))
                .body("amountOre", org.hamcrest.Matchers.equalTo(1_250_050)).extract().path("id");
        given().auth().oauth2(coordinator).when().get("/api/tenants/fjordvik/budget?year=" + day.getYear())
                .then().statusCode(200)
                .body("lines.find { it.costId == '" + id + "' }.category", org.hamcrest.Matchers.equalTo("venue-hire"))
                .body("lines.find { it.costId == '" + id + "' }.supplier", org.hamcrest.Matchers.equalTo("Hotell Fjordvik"))
                .body("lines.find { it.costId == '" + id + "' }.fundCoversOre", org.hamcrest.Matchers.equalTo(0))
                .body("lines.find { it.costId == '" + id + "' }.ownerPaysOre", org.hamcrest.Matchers.equalTo(1_250_050));

        costProblem(coordinator, "{\"kind\": \"food\", \"amountOre\": 1, \"activityId\": \"" + activity + "\"}", "kind");
        costProblem(coordinator, "{\"kind\": \"materials\", \"amountOre\": -1, \"activityId\": \"" + activity + "\"}", "amountOre");
        costProblem(coordinator, "{\"kind\": \"materials\", \"amountOre\": 1}", "activityId");
        costProblem(coordinator, "{\"kind\": \"materials\", \"amountOre\": 1, \"activityId\": \"" + nordheis + "\"}", "activityId");
        costProblem(coordinator, "{\"kind\": \"materials\", \"amountOre\": 1, \"programmeId\": \"" + UUID.randomUUID() + "\"}", "year");
        costProblem(coordinator, "{\"kind\": \"materials\", \"amountOre\": 1, \"year\": 2027, \"programmeId\": \""
                + UUID.randomUUID() + "\"}", "programmeId");

        // another tenant's cost answers 404, through either tenant's path
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator")).when().delete("/api/tenants/nordhei/budget/costs/" + id)
                .then().statusCode(404);
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator")).when().delete("/api/tenants/fjordvik/budget/costs/" + id)
                .then().statusCode(404);
        given().auth().oauth2(coordinator).when().delete("/api/tenants/fjordvik/budget/costs/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(coordinator).when().delete("/api/tenants/fjordvik/budget/costs/" + id).then().statusCode(204);
        given().auth().oauth2(coordinator).when().get("/api/tenants/fjordvik/budget?year=" + day.getYear())
                .then().statusCode(200).body("lines.costId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    void theEstimateShowsCostsTheFundNeverRefundsAsNotEligible() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json").body("""
                {"policy": "ou-2024", "days": [{"date": "2027-09-15", "speakers": [{"name": "A", "feeOre": 1000000, "travelOre": 0}]}],
                 "otherCosts": [{"kind": "board-and-lodging", "description": "Middag", "amountOre": 300000}]}""")
                .when().post("/api/tenants/fjordvik/funding/estimates")
                .then().statusCode(200).body("refundOre", org.hamcrest.Matchers.equalTo(1_000_000))
                .body("costOre", org.hamcrest.Matchers.equalTo(1_300_000))
                .body("lines.find { it.kind == 'other-cost' }.rule", org.hamcrest.Matchers.equalTo("not-eligible"))
                .body("lines.find { it.kind == 'other-cost' }.refundOre", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json")
                .body("{\"policy\": \"ou-2024\", \"otherCosts\": [{\"kind\": \"food\", \"amountOre\": 1}]}")
                .when().post("/api/tenants/fjordvik/funding/estimates")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("otherCosts.kind"));
    }

    private static void costProblem(String token, String body, String field) {
        given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/tenants/fjordvik/budget/costs")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem(field));
    }
}

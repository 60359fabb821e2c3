package no.ks.led.funding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.DemoAccess;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policies KS maintains and the estimate route, against the real database and realm. */
@QuarkusTest
class PolicyAndEstimateTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void access() {
        DemoAccess.awaitReplica();
    }

    @Test
    void everyoneSignedInReadsThePolicies() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/national/funding-policies")
                .then().statusCode(200)
                .body("policy", hasItems("led-2018", "ou-2024", "dk-kompetencefond", "none"));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/national/funding-policies/led-2018/versions/1")
                .then().statusCode(200).body("rules.speakerCapsOre[0]", equalTo(1_600_000));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/national/funding-policies/no-such-policy")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void ksAdminPublishesVersionsAndAPublishedVersionIsFrozen() {
        String policy = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"name": "Test", "country": "NO", "rules": {"method": "speaker-caps", "speakerCapsOre": [%d], "dayCapOre": 4800000}}""";
        given().auth().oauth2(RealmLogin.accessToken("ks.admin")).contentType("application/json").body(body.formatted(1_000_000))
                .when().post("/api/national/funding-policies/" + policy + "/versions")
                .then().statusCode(201).body("version", equalTo(1));
        given().auth().oauth2(RealmLogin.accessToken("ks.admin")).contentType("application/json").body(body.formatted(2_000_000))
                .when().post("/api/national/funding-policies/" + policy + "/versions")
                .then().statusCode(201).body("version", equalTo(2));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/national/funding-policies/" + policy + "/versions/1")
                .then().statusCode(200).body("rules.speakerCapsOre[0]", equalTo(1_000_000));

        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json").body(body.formatted(1))
                .when().post("/api/national/funding-policies/" + policy + "/versions")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(RealmLogin.accessToken("ks.admin")).contentType("application/json")
                .body("{\"name\": \"Test\", \"rules\": {\"method\": \"lottery\"}}")
                .when().post("/api/national/funding-policies/" + policy + "/versions")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("rules.method"));

        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE funding_policy SET name = 'changed' WHERE policy_id = ?1").setParameter(1, policy).executeUpdate()));
    }

    @Test
    void theEstimateExplainsEachLineAndNamesThePolicyVersion() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json").body("""
                {"policy": "led-2018", "days": [{"date": "2027-09-15", "speakers": [
                  {"name": "A", "feeOre": 2000000, "travelOre": 0}, {"name": "B", "feeOre": 1700000, "travelOre": 0},
                  {"name": "C", "feeOre": 900000, "travelOre": 0}, {"name": "D", "feeOre": 400000, "travelOre": 100000}]}]}""")
                .when().post("/api/tenants/fjordvik/funding/estimates")
                .then().statusCode(200)
                .body("policy", equalTo("led-2018")).body("policyVersion", equalTo(1))
                .body("refundOre", equalTo(4_500_000))
                .body("lines[3].refundOre", equalTo(500_000)).body("lines[3].rule", equalTo("cap-4"));

        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json").body("""
                {"policy": "ou-2024", "days": [
                  {"date": "2027-09-15", "speakers": [{"name": "A", "feeOre": 2000000, "travelOre": 400000}]},
                  {"date": "2027-09-16", "speakers": [{"name": "A", "feeOre": 2000000, "travelOre": 0}]}],
                 "participantFeesOre": [4000000]}""")
                .when().post("/api/tenants/fjordvik/funding/estimates")
                .then().statusCode(200).body("refundOre", equalTo(2_800_000 + 3_500_000));

        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json").body("""
                {"policy": "ou-2024", "studyFees": [{"person": "Kari", "date": "2027-02-01", "feeOre": 1200000},
                  {"person": "Kari", "date": "2027-08-15", "feeOre": 800000}]}""")
                .when().post("/api/tenants/fjordvik/funding/estimates")
                .then().statusCode(200).body("policyVersion", equalTo(2)).body("refundOre", equalTo(1_000_000 + 800_000))
                .body("lines[0].rule", equalTo("study-fee-cap")).body("lines[0].countedOre", equalTo(1_000_000))
                .body("lines[1].rule", equalTo("study-fee"));
    }

    @Test
    void aBodyThePolicyCannotTakeIsAProblemNamingTheField() {
        estimateProblem("{\"policy\": \"lottery\"}", "policy");
        estimateProblem("{\"policy\": \"led-2018\", \"studyFees\": [{\"date\": \"2027-02-01\", \"feeOre\": 100}]}", "studyFees");
        estimateProblem("{\"policy\": \"ou-2024\", \"studyFees\": [{\"feeOre\": 100}]}", "studyFees.date");
        estimateProblem("{\"policy\": \"ou-2024\", \"studyFees\": [{\"date\": \"2027-02-01\", \"feeOre\": -1}]}", "studyFees.feeOre");
        estimateProblem("{\"policy\": \"led-2018\", \"participantFeesOre\": [100]}", "participantFeesOre");
        estimateProblem("{\"policy\": \"dk-kompetencefond\", \"days\": [{\"date\": \"2027-09-15\", \"speakers\": "
                + "[{\"name\": \"A\", \"feeOre\": 1, \"travelOre\": 0}]}]}", "days.speakers");
        estimateProblem("{\"policy\": \"ou-2024\", \"days\": [{\"date\": \"2027-09-15\", \"speakers\": []},"
                + " {\"date\": \"2027-09-15\", \"speakers\": []}]}", "days.date");
        estimateProblem("{\"policy\": \"ou-2024\", \"days\": [{\"date\": \"2027-09-15\", \"speakers\": "
                + "[{\"name\": \"A\", \"feeOre\": -1, \"travelOre\": 0}]}]}", "days.speakers.feeOre");
        estimateProblem("{\"policy\": \"ou-2024\", \"days\": [{\"date\": \"15.09.2027\", \"speakers\": []}]}", "days.date");
    }

    @Test
    void anotherTenantsEstimateRouteAnswers404() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json")
                .body("{\"policy\": \"none\"}")
                .when().post("/api/tenants/nordhei/funding/estimates")
                .then().statusCode(404).contentType(PROBLEM);
    }

    private static void estimateProblem(String body, String field) {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json").body(body)
                .when().post("/api/tenants/fjordvik/funding/estimates")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:validation-failed"))
                .body("violations.field", hasItem(field));
    }
}

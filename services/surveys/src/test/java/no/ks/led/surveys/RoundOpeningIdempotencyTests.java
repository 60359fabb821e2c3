package no.ks.led.surveys;

import static no.ks.led.surveys.SurveyFlowTests.KEY_REUSED;
import static no.ks.led.surveys.SurveyFlowTests.FJORDVIK_SCHOOL;
import static no.ks.led.surveys.SurveyFlowTests.INVALID;
import static no.ks.led.surveys.SurveyFlowTests.NORDHEI_SCHOOL;
import static no.ks.led.surveys.SurveyFlowTests.PROBLEM;
import static no.ks.led.surveys.SurveyFlowTests.as;
import static no.ks.led.surveys.SurveyFlowTests.today;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * Opening a round with an Idempotency-Key: a retry returns the round the first request opened and opens
 * (and invites) nothing twice, even when the retries race; the key reused for another request is a 409.
 */
@QuarkusTest
class RoundOpeningIdempotencyTests {

    @Inject
    EntityManager entityManager;

    private static String body(String title, String school) {
        return "{\"title\":\"" + title + "\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + today()
                + "\",\"closesOn\":\"" + today().plusDays(14) + "\",\"schoolIds\":[\"" + school + "\"]}";
    }

    private static io.restassured.response.Response open(String user, String tenant, String key, String body) {
        var request = as(user).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/tenants/" + tenant + "/survey-rounds");
    }

    private long rounds(String tenant, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM survey_round WHERE tenant_id = ?1 AND opening_key = ?2")
                .setParameter(1, tenant).setParameter(2, key).getSingleResult()).longValue());
    }

    private long invitations(String round) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM invitation WHERE round_id = ?1 AND kind = 'invitation'")
                .setParameter(1, UUID.fromString(round)).getSingleResult()).longValue());
    }

    @Test
    void aRetryReturnsTheSameRoundAndInvitesNobodyTwice() {
        String key = UUID.randomUUID().toString();
        String body = body("Ståstedsanalyse " + key, FJORDVIK_SCHOOL);
        var first = open("fjordvik.coordinator", "fjordvik", key, body);
        first.then().statusCode(201);
        String id = first.path("id");
        long invited = invitations(id);

        // the retry answers 200 with the round the first request opened, as a retried programme does
        open("fjordvik.coordinator", "fjordvik", key, body).then().statusCode(200).body("id", equalTo(id));
        assertEquals(1, rounds("fjordvik", key));
        assertEquals(invited, invitations(id));

        // the key reused with another request, or by another person: a conflict, and nothing opened
        open("fjordvik.coordinator", "fjordvik", key, body("Noe annet", FJORDVIK_SCHOOL))
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo(KEY_REUSED));
        open("fjordvik.executive", "fjordvik", key, body)
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo(KEY_REUSED));
        assertEquals(1, rounds("fjordvik", key));

        // keys are the tenant's own: the same key in another tenant opens that tenant's round
        String other = open("nordhei.coordinator", "nordhei", key, body("Ståstedsanalyse " + key, NORDHEI_SCHOOL))
                .then().statusCode(201).extract().path("id");
        assertNotEquals(id, other);

        // without a key every request opens a round, as before
        String a = open("fjordvik.coordinator", "fjordvik", null, body).then().statusCode(201).extract().path("id");
        String b = open("fjordvik.coordinator", "fjordvik", null, body).then().statusCode(201).extract().path("id");
        assertNotEquals(a, b);
    }

    @Test
    void concurrentRetriesOpenOneRound() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = body("Samtidig " + key, FJORDVIK_SCHOOL);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<io.restassured.response.Response>> replies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replies.add(pool.submit(() -> open("fjordvik.coordinator", "fjordvik", key, body)));
            }
            List<Integer> statuses = new ArrayList<>();
            String first = replies.get(0).get().path("id");
            for (Future<io.restassured.response.Response> reply : replies) {
                statuses.add(reply.get().statusCode());
                assertEquals(first, reply.get().path("id"));
            }
            // one request opened it; the others waited for it and found it
            assertEquals(List.of(200, 200, 200, 201), statuses.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rounds("fjordvik", key));
    }

    @Test
    void anInvalidKeyIs400AndOpensNothing() {
        String key = "x".repeat(101);
        open("fjordvik.coordinator", "fjordvik", key, body("For lang nøkkel", FJORDVIK_SCHOOL))
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo(INVALID));
        assertEquals(0, rounds("fjordvik", key));
    }
}

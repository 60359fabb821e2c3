package no.ks.led.programmes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/** The programmes API against the real database, broker and realm. */
@QuarkusTest
class ProgrammeResourceTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    private static String token(String user) {
        return RealmLogin.accessToken(user);
    }

    @Test
    void aCoordinatorCreatesAProgrammeAndItsEventIsRecorded() {
        String id = given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"name\":\"Led skole 2027\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201)
                .header("Location", containsString("/api/tenants/fjordvik/programmes/"))
                .body("name", equalTo("Led skole 2027"))
                .body("tenantId", equalTo("fjordvik"))
                .extract().path("id");

        given().auth().oauth2(token("fjordvik.leader"))
                .when().get("/api/tenants/fjordvik/programmes/" + id)
                .then().statusCode(200).body("id", equalTo(id));

        long events = QuarkusTransaction.requiringNew().call(() -> (Long) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.programmes.ProgrammeCreated.v1'"
                        + " AND payload LIKE ?1", Long.class)
                .setParameter(1, "%" + id + "%").getSingleResult());
        assertEquals(1, events);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneProgramme() {
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(token("fjordvik.coordinator")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"name\":\"Dialogkonferanse\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(token("fjordvik.coordinator")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"name\":\"Dialogkonferanse\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(200).extract().path("id");
        assertEquals(first, second);
        long events = QuarkusTransaction.requiringNew().call(() -> (Long) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE payload LIKE ?1", Long.class)
                .setParameter(1, "%" + first + "%").getSingleResult());
        assertEquals(1, events);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndAnotherCallersKeyIsTheirOwn() {
        String key = UUID.randomUUID().toString();
        String first = create("fjordvik.coordinator", key, "Skoleledersamling").then().statusCode(201).extract().path("id");
        long before = programmeCount();

        // the same key with a different request: the IETF draft's 422, and nothing created
        create("fjordvik.coordinator", key, "Noe annet").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:idempotency-key-reused"))
                .body(not(containsString(first)));
        assertEquals(before, programmeCount());

        // another person's same key is another key: their own programme, never the first caller's
        String theirs = create("fjordvik.executive", key, "Skoleledersamling").then().statusCode(201).extract().path("id");
        assertNotEquals(first, theirs);
        create("fjordvik.executive", key, "Skoleledersamling").then().statusCode(200).body("id", equalTo(theirs));
        create("fjordvik.coordinator", key, "Skoleledersamling").then().statusCode(200).body("id", equalTo(first));
    }

    @Test
    void anInvalidIdempotencyKeyIs400AndCreatesNothing() {
        long before = programmeCount();
        for (String key : new String[] {"x".repeat(101), "two words"}) {
            create("fjordvik.coordinator", key, "Ugyldig nøkkel").then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:no:ks:led:problem:validation-failed"))
                    .body("violations.field", hasItem("Idempotency-Key"));
        }
        assertEquals(before, programmeCount());
    }

    private static io.restassured.response.Response create(String user, String key, String name) {
        return given().auth().oauth2(token(user)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .when().post("/api/tenants/fjordvik/programmes");
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneProgramme() throws Exception {
        String key = UUID.randomUUID().toString();
        String token = token("fjordvik.coordinator");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<io.restassured.response.Response>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replies.add(pool.submit(() -> given().auth().oauth2(token).header("Idempotency-Key", key)
                        .contentType(ContentType.JSON).body("{\"name\":\"Samtidig\"}")
                        .when().post("/api/tenants/fjordvik/programmes")));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            String first = replies.get(0).get().path("id");
            for (var reply : replies) {
                statuses.add(reply.get().statusCode());
                assertEquals(first, reply.get().path("id"));
            }
            // one created it; the others waited for it (IdempotencyKeys) and found it, none hit the unique constraint
            assertEquals(java.util.List.of(200, 200, 200, 201), statuses.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherTenantsUserGetsNotFoundAndLearnsNothing() {
        String id = given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"name\":\"Fjordvik only\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(token("nordhei.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + id)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:not-found"))
                .body(not(containsString("Fjordvik only")));
        given().auth().oauth2(token("nordhei.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator"))
                .contentType(ContentType.JSON).body("{\"name\":\"Sneaky\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(404).contentType(PROBLEM);
        // the same id under the caller's own tenant is not found either
        given().auth().oauth2(token("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/programmes/" + id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/programmes")
                .then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void aSchoolLeaderMayReadButNotCreate() {
        given().auth().oauth2(token("fjordvik.leader"))
                .contentType(ContentType.JSON).body("{\"name\":\"Not mine to make\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:forbidden"));
    }

    @Test
    void invalidInputIsAProblemThatNamesTheFieldAndChangesNothing() {
        long before = programmeCount();
        given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"name\":\"  \"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:validation-failed"))
                .body("violations.field", hasItem("name"));
        given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"name\": \"x".repeat(1) + "y".repeat(300) + "\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("name"));
        given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:malformed-request"))
                .body(not(containsString("Exception")));
        given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON)
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, programmeCount());
    }

    @Test
    void withoutAValidTokenTheAnswerIs401ProblemDetails() {
        given().when().get("/api/tenants/fjordvik/programmes")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", notNullValue());
        String tampered = token("fjordvik.coordinator");
        tampered = tampered.substring(0, tampered.length() - 4) + (tampered.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).when().get("/api/tenants/fjordvik/programmes")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void unknownRoutesAndIdsAreNotFoundProblems() {
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    private long programmeCount() {
        return QuarkusTransaction.requiringNew().call(() -> Programme.count());
    }
}

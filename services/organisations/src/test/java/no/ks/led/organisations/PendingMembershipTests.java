package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static no.ks.led.organisations.Demo.GRANTED;
import static no.ks.led.organisations.Demo.FJORDVIK_SCHOOL;
import static no.ks.led.organisations.Demo.NORDHEI_SCHOOL;
import static no.ks.led.organisations.Demo.PROBLEM;
import static no.ks.led.organisations.Demo.addPerson;
import static no.ks.led.organisations.Demo.count;
import static no.ks.led.organisations.Demo.events;
import static no.ks.led.organisations.Demo.freshEmail;
import static no.ks.led.organisations.Demo.personBody;
import static no.ks.led.organisations.Demo.token;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.organisations.identity.service.KeycloakAdmin;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Issue 12, item 1: a tenant that adds an address another organisation knows links to that person only
 * once the person, signed in as themselves, accepts. Until then nothing is granted or announced, the
 * person's other memberships are untouched, and the adding tenant sees what it would for a new address.
 */
@QuarkusTest
class PendingMembershipTests {

    private static final String GRANTED_V2 = "no.ks.led.organisations.MembershipGranted.v2";
    private static final String PENDING = "/api/me/pending-memberships";

    @Inject
    EntityManager em;

    @Inject
    KeycloakAdmin keycloak;

    @Test
    void aMembershipForAnAddressKnownElsewhereGrantsNothingUntilThePersonAcceptsItThenBothWork() {
        // nordhei adds a new person: theirs at once, and a Keycloak user with a password the test sets
        String email = freshEmail();
        String personId = addPerson("nordhei", "nordhei.executive",
                personBody("Nora Nordhei", email, "principal", NORDHEI_SCHOOL)).path("person.id");
        String person = loginAs(UUID.fromString(personId), email);
        given().auth().oauth2(person).when().get("/api/tenants/nordhei/people").then().statusCode(200);

        // fjordvik adds the same address: the answer is the one for an unknown address
        Response known = addPerson("fjordvik", "fjordvik.coordinator",
                personBody("Nora Fjord", email, "school-leader", FJORDVIK_SCHOOL));
        Response unknown = addPerson("fjordvik", "fjordvik.coordinator",
                personBody("Helt Ny", freshEmail(), "school-leader", FJORDVIK_SCHOOL));
        assertEquals(unknown.jsonPath().getMap("").keySet(), known.jsonPath().getMap("").keySet());
        assertEquals(unknown.jsonPath().getMap("membership").keySet(), known.jsonPath().getMap("membership").keySet());
        String membershipId = known.path("membership.id");
        String unknownMembership = unknown.path("membership.id");
        given().auth().oauth2(token("fjordvik.coordinator")).when().get("/api/tenants/fjordvik/people")
                .then().statusCode(200)
                .body("find { it.id == '" + personId + "' }.roles.role", equalTo(List.of("school-leader")))
                .body("find { it.id == '" + personId + "' }.name", equalTo("Nora Fjord"));

        // nothing granted, nothing announced, nothing of nordhei's changed
        assertEquals(0, events(em, GRANTED, "fjordvik", membershipId), "no grant event before the person accepts");
        assertEquals(0, events(em, GRANTED_V2, "fjordvik", membershipId));
        assertEquals(1, events(em, GRANTED, "fjordvik", unknownMembership), "a new address is granted at once");
        assertEquals(1, events(em, GRANTED_V2, "fjordvik", unknownMembership));
        person = RealmLogin.fetchAccessToken("led-cli", email);
        given().auth().oauth2(person).when().get("/api/tenants/fjordvik/people")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(person).when().get("/api/me").then().statusCode(200)
                .body("tenants", equalTo(List.of("nordhei")));
        given().auth().oauth2(token("nordhei.coordinator")).when().get("/api/tenants/nordhei/people")
                .then().statusCode(200)
                .body("find { it.id == '" + personId + "' }.name", equalTo("Nora Nordhei"))
                .body("find { it.id == '" + personId + "' }.roles.role", equalTo(List.of("principal")));

        // only the person sees and decides it
        given().auth().oauth2(person).when().get(PENDING).then().statusCode(200)
                .body("id", equalTo(List.of(membershipId)))
                .body("[0].organisationId", equalTo("fjordvik"))
                .body("[0].role", equalTo("school-leader"))
                .body("[0].schoolId", equalTo(FJORDVIK_SCHOOL.toString()));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(PENDING).then().statusCode(200)
                .body("id", not(hasItem(membershipId)));
        given().auth().oauth2(token("fjordvik.coordinator")).when().post(PENDING + "/" + membershipId + "/accept")
                .then().statusCode(404).contentType(PROBLEM);
        assertEquals(0, events(em, GRANTED, "fjordvik", membershipId));

        // the person accepts: granted and announced once, and both memberships work
        given().auth().oauth2(person).when().post(PENDING + "/" + membershipId + "/accept")
                .then().statusCode(200).body("id", equalTo(membershipId));
        given().auth().oauth2(person).when().post(PENDING + "/" + membershipId + "/accept")
                .then().statusCode(404).contentType(PROBLEM);
        assertEquals(1, events(em, GRANTED, "fjordvik", membershipId));
        assertEquals(1, events(em, GRANTED_V2, "fjordvik", membershipId));
        given().auth().oauth2(person).when().get(PENDING).then().statusCode(200).body("size()", equalTo(0));
        await().atMost(120, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS).untilAsserted(() -> {
            String fresh = RealmLogin.fetchAccessToken("led-cli", email);
            given().auth().oauth2(fresh).when().get("/api/tenants/fjordvik/people").then().statusCode(200);
            given().auth().oauth2(fresh).when().get("/api/tenants/nordhei/people").then().statusCode(200);
            given().auth().oauth2(fresh).when().get("/api/me").then().statusCode(200)
                    .body("tenants", equalTo(List.of("fjordvik", "nordhei")));
        });
        // a later role in fjordvik needs no second confirmation
        String later = given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"role\":\"coordinator\"}")
                .when().post("/api/tenants/fjordvik/people/" + personId + "/memberships")
                .then().statusCode(201).extract().path("id");
        assertEquals(1, events(em, GRANTED, "fjordvik", later));
    }

    @Test
    void aDeclinedMembershipEndsWithoutAnyEventAndTheNextOneWaitsAgain() {
        String email = freshEmail();
        String personId = addPerson("nordhei", "nordhei.executive",
                personBody("Dag Nei", email, "principal", NORDHEI_SCHOOL)).path("person.id");
        String person = loginAs(UUID.fromString(personId), email);
        String membershipId = addPerson("fjordvik", "fjordvik.coordinator",
                personBody("Dag Fjord", email, "coordinator", null)).path("membership.id");

        given().auth().oauth2(person).when().post(PENDING + "/" + membershipId + "/decline").then().statusCode(204);
        given().auth().oauth2(person).when().post(PENDING + "/" + membershipId + "/accept")
                .then().statusCode(404).contentType(PROBLEM);
        assertEquals(0, count(em, "SELECT count(*) FROM outbox_event WHERE payload LIKE ?1", "%" + membershipId + "%"),
                "no event ever named the declined membership");
        given().auth().oauth2(token("fjordvik.coordinator")).when().get("/api/tenants/fjordvik/people")
                .then().statusCode(200).body("id", not(hasItem(personId)));

        String again = addPerson("fjordvik", "fjordvik.coordinator",
                personBody("Dag Fjord", email, "coordinator", null)).path("membership.id");
        assertEquals(0, events(em, GRANTED, "fjordvik", again), "a declined membership is no confirmation");
        given().auth().oauth2(person).when().get(PENDING).then().statusCode(200).body("id", equalTo(List.of(again)));
    }

    @Test
    void pendingRoutesNeedAPersonAndValidIds() {
        given().auth().oauth2(token("ks.admin")).when().get(PENDING).then().statusCode(200);
        given().auth().oauth2(token("fjordvik.coordinator")).when().post(PENDING + "/not-a-uuid/accept")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator")).when().post(PENDING + "/" + UUID.randomUUID() + "/decline")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get(PENDING).then().statusCode(401);
    }

    /** Waits for the identity sync to create the person's Keycloak user, lets them log in, and answers a token. */
    private String loginAs(UUID personId, String email) {
        String userId = await().atMost(120, TimeUnit.SECONDS).pollInterval(500, TimeUnit.MILLISECONDS)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT keycloak_user_id FROM person WHERE id = ?1").setParameter(1, personId).getSingleResult()),
                        id -> id != null);
        UserRepresentation user = keycloak.realm().users().get(userId).toRepresentation();
        user.setEmailVerified(true);
        user.setRequiredActions(List.of());
        keycloak.realm().users().get(userId).update(user);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(RealmLogin.DEMO_PASSWORD);
        password.setTemporary(false);
        keycloak.realm().users().get(userId).resetPassword(password);
        return await().atMost(120, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS).ignoreExceptions()
                .until(() -> {
                    String token = RealmLogin.fetchAccessToken("led-cli", email);
                    given().auth().oauth2(token).when().get("/api/tenants/nordhei/people").then().statusCode(200);
                    return token;
                }, t -> true);
    }
}

package no.ks.led.programmes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.organisations.MembershipGrantedV2;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.foundation.testing.DemoAccess;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/**
 * The starter pack for new leaders: a principal or school leader who joins a school after the programme
 * started gets a personal follow-up plan assigned to the coordinator; the leaders of the tenant's first roster
 * import, other roles and programmes made after the grant get none.
 */
@QuarkusTest
class StarterPackTests {

    private static final String PROBLEM = "application/problem+json";
    private static final UUID FJORDVIK_SKOLE = UUID.fromString("b43f2ebc-4eda-5fc0-b239-45e535bbbcb1");
    private static final List<Map<String, String>> STARTER_PACK = List.of(
            Map.of("code", "velkomstsamtale", "title", "Velkomstsamtale med Led-koordinatoren", "description", "Koordinatoren møter den nye lederen."),
            Map.of("code", "oppfolgingssamtale", "title", "Oppfølgingssamtale etter tre måneder", "description", "Hva har fungert?"));

    @Inject
    EntityManager entityManager;

    private static String token(String user) {
        return RealmLogin.accessToken(user);
    }

    /** A Led skole programme of fjordvik whose starter pack is {@link #STARTER_PACK}; answers its path. */
    private static String runningProgramme() {
        String base = "/api/tenants/fjordvik/programmes/" + given().auth().oauth2(token("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{\"name\":\"Led skole med startpakke\",\"templateId\":\"led-skole\"}")
                .when().post("/api/tenants/fjordvik/programmes").then().statusCode(201).extract().path("id");
        Map<String, Object> framework = given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/framework")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        framework.put("starterPack", STARTER_PACK);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body(Map.of("framework", framework)).when().put(base + "/framework").then().statusCode(200);
        return base;
    }

    private static MembershipGrantedV2 grant(UUID person, String role, UUID school, boolean initialImport) {
        return new MembershipGrantedV2(UUID.randomUUID(), "fjordvik", person, role, school, LocalDate.now(), null,
                initialImport);
    }

    private long plansOf(UUID person) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM starter_plan WHERE person_id = ?1").setParameter(1, person).getSingleResult()).longValue());
    }

    @Test
    void aLeaderWhoJoinsARunningProgrammeGetsAPlanForTheCoordinatorAndTheFirstImportsLeadersGetNone() {
        String base = runningProgramme();
        UUID fromImport = UUID.randomUUID();
        UUID coordinator = UUID.randomUUID();
        UUID newPrincipal = UUID.randomUUID();
        DemoAccess.publish("fjordvik", grant(fromImport, "principal", FJORDVIK_SKOLE, true));
        DemoAccess.publish("fjordvik", grant(coordinator, "coordinator", null, false));
        MembershipGrantedV2 joined = grant(newPrincipal, "principal", FJORDVIK_SKOLE, false);
        DemoAccess.publish("fjordvik", joined);
        // one tenant's events are applied in order: once the last has made its plan, the others were seen
        await().atMost(Duration.ofSeconds(60)).until(() -> plansOf(newPrincipal) > 0);
        assertEquals(0, plansOf(fromImport), "the first roster import's leaders get no starter plan");
        assertEquals(0, plansOf(coordinator), "only principals and school leaders do");

        String plan = given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/starter-plans")
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].personId", equalTo(newPrincipal.toString()))
                .body("[0].schoolId", equalTo(FJORDVIK_SKOLE.toString()))
                .body("[0].role", equalTo("principal"))
                .body("[0].assignedRole", equalTo("coordinator"))
                .body("[0].items.code", equalTo(List.of("velkomstsamtale", "oppfolgingssamtale")))
                .body("[0].items.done", equalTo(List.of(false, false)))
                .extract().path("[0].id");

        // a redelivered grant makes no second plan
        DemoAccess.redeliver(DemoAccess.envelope("starter-" + joined.membershipId(), "fjordvik", joined));
        DemoAccess.redeliver(DemoAccess.envelope("starter-" + joined.membershipId(), "fjordvik", joined));
        UUID marker = UUID.randomUUID();
        DemoAccess.publish("fjordvik", grant(marker, "school-leader", FJORDVIK_SKOLE, false));
        await().atMost(Duration.ofSeconds(60)).until(() -> plansOf(marker) > 0);
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/starter-plans")
                .then().statusCode(200).body("personId", hasItem(newPrincipal.toString())).body("", hasSize(2));

        // the coordinator follows it up; leaders may not, and see no one else's plan
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().post(base + "/starter-plans/" + plan + "/items/velkomstsamtale/completion")
                .then().statusCode(200).body("done", equalTo(true));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/starter-plans")
                .then().statusCode(200).body("find { it.id == '" + plan + "' }.items.done", equalTo(List.of(true, false)));
        given().auth().oauth2(token("fjordvik.principal"))
                .when().post(base + "/starter-plans/" + plan + "/items/oppfolgingssamtale/completion")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.principal")).when().get(base + "/starter-plans")
                .then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().post(base + "/starter-plans/" + plan + "/items/no-such-item/completion")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().post(base + "/starter-plans/" + UUID.randomUUID() + "/items/velkomstsamtale/completion")
                .then().statusCode(404).contentType(PROBLEM);

        // another tenant sees none of it, exactly as for a missing programme
        given().auth().oauth2(token("nordhei.coordinator")).when().get(base + "/starter-plans")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator"))
                .when().post(base + "/starter-plans/" + plan + "/items/velkomstsamtale/completion")
                .then().statusCode(404).contentType(PROBLEM);

        // a programme made after the grant did not run when the leader joined
        String later = runningProgramme();
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(later + "/starter-plans")
                .then().statusCode(200).body("personId", not(hasItem(newPrincipal.toString())));

        // erasure removes the person's own plans
        DemoAccess.publish("fjordvik", new PersonErased(newPrincipal, "fjordvik", java.time.Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> plansOf(newPrincipal) == 0);
    }

    @Test
    void theShippedTemplatesCarryAStarterPack() throws Exception {
        Map<String, String> first = Map.of("led-skole", "velkomstsamtale", "imtec-led", "velkomstsamtale",
                "ledere-af-ledere-2", "velkomstsamtale");
        for (var template : first.entrySet()) {
            try (var in = StarterPackTests.class.getResourceAsStream("/templates/" + template.getKey() + ".json")) {
                var starterPack = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("framework")
                        .path("starterPack");
                assertEquals(template.getValue(), starterPack.path(0).path("code").asText(), template.getKey());
            }
        }
    }
}

package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import io.restassured.http.ContentType;
import no.ks.led.foundation.testing.RealmLogin;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A coordinator's local plan through the gateway with the demo users: a Led skole programme from its template,
 * a checklist step, a measure, a consultant's proposal accepted, the plan as a Word document; the other tenant
 * reaches none of it.
 */
@ExtendWith(Platform.class)
class ProgrammePlanIT {

    private static final String PROBLEM = "application/problem+json";
    private static String gateway;

    @BeforeAll
    static void gatewayUrl() {
        gateway = Platform.url("gateway");
    }

    @Test
    void fjordviksCoordinatorPlansALedSkoleProgrammeAndNordheiSeesNoneOfIt() throws Exception {
        String coordinator = RealmLogin.accessToken("fjordvik.coordinator");
        given().baseUri(gateway).auth().oauth2(coordinator).when().get("/api/tenants/fjordvik/programme-templates")
                .then().statusCode(200).body("templateId", org.hamcrest.Matchers.hasItem("led-skole"));
        String id = given().baseUri(gateway).auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"name\":\"Led skole Fjordvik\",\"templateId\":\"led-skole\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201).body("templateId", equalTo("led-skole")).extract().path("id");
        String base = "/api/tenants/fjordvik/programmes/" + id;

        given().baseUri(gateway).auth().oauth2(coordinator).when().post(base + "/plan/checklist/informer-rektormote/completion")
                .then().statusCode(200);
        String due = LocalDate.now(ZoneId.of("Europe/Oslo")).plusMonths(2).toString();
        given().baseUri(gateway).auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"measure\":{\"title\":\"Rolleavklaring i ledergruppene\",\"responsible\":\"Rektor\",\"dueOn\":\"" + due + "\"}}")
                .when().post(base + "/plan/changes").then().statusCode(201);
        given().baseUri(gateway).auth().oauth2(coordinator).when().get(base + "/plan").then().statusCode(200)
                .body("checklist[0].done", equalTo(true)).body("measures[0].title", equalTo("Rolleavklaring i ledergruppene"));

        // the consultant proposes, the coordinator accepts: the owner's plan, built with the consultant's help
        String proposal = given().baseUri(gateway).auth().oauth2(RealmLogin.accessToken("veiviser.consultant"))
                .contentType(ContentType.JSON)
                .body("{\"change\":{\"entry\":{\"kind\":\"future-picture\",\"text\":\"Ledergrupper som lærer sammen\"}}}")
                .when().post(base + "/proposals").then().statusCode(201).body("status", equalTo("proposed")).extract().path("id");
        given().baseUri(gateway).auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"accept\":true}")
                .when().post(base + "/proposals/" + proposal + "/decision").then().statusCode(200)
                .body("status", equalTo("accepted"));
        given().baseUri(gateway).auth().oauth2(coordinator).when().get(base + "/plan").then().statusCode(200)
                .body("phases[1].entries[0].text", equalTo("Ledergrupper som lærer sammen"));

        byte[] docx = given().baseUri(gateway).auth().oauth2(coordinator).when().get(base + "/plan.docx")
                .then().statusCode(200).header("Content-Disposition", containsString(".docx")).extract().asByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> headings = document.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).collect(Collectors.toList());
            assertEquals(List.of("Hvor er vi?", "Hvor vil vi?", "Hvordan kommer vi dit?"), headings.subList(0, 3));
            assertEquals("Rolleavklaring i ledergruppene", document.getTables().get(0).getRow(1).getCell(0).getText());
            assertTrue(document.getParagraphs().stream().anyMatch(p -> p.getText().contains("Led skole Fjordvik")));
        }

        String nordhei = RealmLogin.accessToken("nordhei.coordinator");
        for (String path : List.of(base, base + "/plan", base + "/plan.docx", base + "/plan/history", base + "/proposals",
                "/api/tenants/nordhei/programmes/" + id + "/plan", "/api/tenants/nordhei/programmes/" + id + "/plan.docx")) {
            given().baseUri(gateway).auth().oauth2(nordhei).when().get(path).then().statusCode(404).contentType(PROBLEM)
                    .body(not(containsString("Rolleavklaring")));
        }
        given().baseUri(gateway).auth().oauth2(nordhei).contentType(ContentType.JSON).body("{\"accept\":false}")
                .when().post(base + "/proposals/" + proposal + "/decision").then().statusCode(404).contentType(PROBLEM);
        given().baseUri(gateway).auth().oauth2(nordhei).when().post(base + "/plan/checklist/lokal-plan/completion")
                .then().statusCode(404).contentType(PROBLEM);
        given().baseUri(gateway).auth().oauth2(nordhei).contentType(ContentType.JSON)
                .body("{\"measure\":{\"title\":\"Sneaky\",\"responsible\":\"x\",\"dueOn\":\"" + due + "\"}}")
                .when().post(base + "/plan/changes").then().statusCode(404).contentType(PROBLEM);
        given().baseUri(gateway).auth().oauth2(coordinator).when().get(base + "/plan").then().statusCode(200)
                .body("measures.size()", equalTo(1)).body("checklist[4].done", equalTo(false));
    }

    /**
     * A planned activity crosses two services and comes back: programmes publishes ActivityPlanned, scheduling
     * proposes the activity, the coordinator confirms it with a time, and the plan shows that time.
     */
    @Test
    void aPlannedGatheringIsProposedBySchedulingAndThePlanShowsTheConfirmedTime() {
        String coordinator = RealmLogin.accessToken("fjordvik.coordinator");
        String id = given().baseUri(gateway).auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"name\":\"Samlinger Fjordvik\",\"templateId\":\"led-skole\"}")
                .when().post("/api/tenants/fjordvik/programmes").then().statusCode(201).extract().path("id");
        String base = "/api/tenants/fjordvik/programmes/" + id;
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Oslo")).plusMonths(3).with(java.time.DayOfWeek.WEDNESDAY);
        given().baseUri(gateway).auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"activity\":{\"kind\":\"leader-gathering\",\"title\":\"Ledersamling " + id.substring(0, 8)
                        + "\",\"startsOn\":\"" + day + "\",\"place\":\"Rådhuset\"}}")
                .when().post(base + "/plan/changes").then().statusCode(201);
        String planned = given().baseUri(gateway).auth().oauth2(coordinator).when().get(base + "/plan").then().statusCode(200)
                .extract().path("activities[0].id");

        String query = "/api/tenants/fjordvik/activities?from=" + day + "&to=" + day.plusDays(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() -> given().baseUri(gateway)
                .auth().oauth2(coordinator).when().get(query).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.plannedActivityId == '" + planned + "' }").size() == 1);
        String activity = given().baseUri(gateway).auth().oauth2(coordinator).when().get(query).then().statusCode(200)
                .body("find { it.plannedActivityId == '" + planned + "' }.status", equalTo("proposed"))
                .extract().path("find { it.plannedActivityId == '" + planned + "' }.id");
        given().baseUri(gateway).auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + day + "T10:00\",\"endsAt\":\"" + day + "T15:00\"}")
                .when().post("/api/tenants/fjordvik/activities/" + activity + "/confirmation").then().statusCode(200)
                .body("status", equalTo("scheduled"));

        java.time.Instant ten = day.atTime(10, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() -> {
            String startsAt = given().baseUri(gateway).auth().oauth2(coordinator).when().get(base + "/plan").then()
                    .statusCode(200).extract().jsonPath().getString("activities[0].startsAt");
            return startsAt != null && java.time.Instant.parse(startsAt).equals(ten);
        });
        given().baseUri(gateway).auth().oauth2(coordinator).when().get(base + "/plan").then()
                .body("activities[0].scheduledActivityId", equalTo(activity)).body("activities[0].cancelled", equalTo(false));
        given().baseUri(gateway).auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/fjordvik/activities/" + activity).then().statusCode(404).contentType(PROBLEM);
    }
}

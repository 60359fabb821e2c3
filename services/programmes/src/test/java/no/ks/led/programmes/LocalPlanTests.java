package no.ks.led.programmes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.demo.DemoDirectory;
import no.ks.led.foundation.testing.DemoAccess;
import no.ks.led.foundation.testing.RealmLogin;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The local plan through the API: checklist, phases, changes, evaluation cycles, the Word document, proposals. */
@QuarkusTest
class LocalPlanTests {

    private static final String PROBLEM = "application/problem+json";
    private static final DemoDirectory DEMO = DemoAccess.directory();
    private static final String FJORDVIK_SKOLE = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";
    private static final String NORDHEI_SKOLE = "411b22cd-71ee-5fd8-a7c2-fb467ea483a1";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));

    @Inject
    EntityManager entityManager;

    private static String token(String user) {
        return RealmLogin.accessToken(user);
    }

    private static String ledSkole() {
        String id = given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Led skole Fjordvik\",\"templateId\":\"led-skole\"}")
                .when().post("/api/tenants/fjordvik/programmes").then().statusCode(201).extract().path("id");
        return "/api/tenants/fjordvik/programmes/" + id;
    }

    private static io.restassured.response.Response change(String user, String base, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body).when().post(base + "/plan/changes");
    }

    @Test
    void theChecklistSaysWhoDidEachStepAndWhen() {
        String base = ledSkole();
        String coordinator = DEMO.person("fjordvik.coordinator").id().toString();
        given().auth().oauth2(token("fjordvik.leader")).when().get(base + "/plan")
                .then().statusCode(200).body("checklist", hasSize(5)).body("checklist.done", not(hasItem(true)));
        given().auth().oauth2(token("fjordvik.coordinator")).when().post(base + "/plan/checklist/informer-rektormote/completion")
                .then().statusCode(200).body("doneBy", equalTo(coordinator));
        // done again by someone else: the first stays
        given().auth().oauth2(token("fjordvik.executive")).when().post(base + "/plan/checklist/informer-rektormote/completion")
                .then().statusCode(200).body("doneBy", equalTo(coordinator));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/plan")
                .then().statusCode(200).body("checklist[0].done", equalTo(true)).body("checklist[0].doneBy", equalTo(coordinator))
                .body("checklist[0].doneAt", not(nullValue())).body("checklist[1].done", equalTo(false));
        given().auth().oauth2(token("fjordvik.coordinator")).when().post(base + "/plan/checklist/no-such-step/completion")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.leader")).when().post(base + "/plan/checklist/lokal-plan/completion")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void thePhasesHoldTheirContentAndEachCompletionIsOneEvent() {
        String base = ledSkole();
        String programme = base.substring(base.lastIndexOf('/') + 1);
        change("fjordvik.coordinator", base, "{\"entry\":{\"kind\":\"note\",\"schoolId\":\"" + FJORDVIK_SKOLE
                + "\",\"text\":\"Ledergruppen ønsker mer tid til pedagogisk ledelse\"}}").then().statusCode(201)
                .body("change", equalTo("entry"));
        change("fjordvik.coordinator", base, "{\"entry\":{\"kind\":\"future-picture\",\"text\":\"Alle ledere kjenner sin rolle\"}}")
                .then().statusCode(201);
        change("fjordvik.coordinator", base, "{\"entry\":{\"kind\":\"goal\",\"text\":\"Økt rolleklarhet\"}}").then().statusCode(201);
        change("fjordvik.coordinator", base, "{\"measure\":{\"title\":\"Rolleavklaring i ledergruppene\",\"responsible\":\"Led-koordinator\",\"dueOn\":\""
                + TODAY.plusMonths(3) + "\"}}").then().statusCode(201).body("change", equalTo("measure"));
        change("fjordvik.coordinator", base, "{\"participant\":{\"track\":\"ledergrupper\",\"schoolId\":\"" + FJORDVIK_SKOLE
                + "\",\"role\":\"rektor\"}}").then().statusCode(201);
        change("fjordvik.coordinator", base, "{\"activity\":{\"kind\":\"dialogue-conference\",\"title\":\"Dialogkonferanse\",\"startsOn\":\""
                + TODAY.plusMonths(1) + "\",\"place\":\"Rådhuset\"}}").then().statusCode(201);
        given().auth().oauth2(token("fjordvik.principal")).when().get(base + "/plan").then().statusCode(200)
                .body("phases.phase", equalTo(List.of("hvor-er-vi", "hvor-vil-vi", "hvordan-kommer-vi-dit")))
                .body("phases[0].question", equalTo("Hvor er vi?"))
                .body("phases[0].entries[0].text", equalTo("Ledergruppen ønsker mer tid til pedagogisk ledelse"))
                .body("phases[1].entries[0].kind", equalTo("future-picture"))
                .body("phases[2].entries[0].text", equalTo("Økt rolleklarhet"))
                .body("measures[0].responsible", equalTo("Led-koordinator"))
                .body("tracks[0].participants[0].role", equalTo("rektor"))
                .body("activities[0].endsOn", equalTo(TODAY.plusMonths(1).toString()));
        assertEquals(1, events("MeasureAdded", programme));
        assertEquals(1, events("ActivityPlanned", programme));

        given().auth().oauth2(token("fjordvik.coordinator")).when().post(base + "/plan/phases/hvor-er-vi/completion")
                .then().statusCode(200).body("cycle", equalTo(1));
        given().auth().oauth2(token("fjordvik.coordinator")).when().post(base + "/plan/phases/hvor-er-vi/completion")
                .then().statusCode(200);
        given().auth().oauth2(token("fjordvik.coordinator")).when().post(base + "/plan/phases/nowhere/completion")
                .then().statusCode(404).contentType(PROBLEM);
        assertEquals(1, events("PlanPhaseCompleted", programme));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/plan").then().statusCode(200)
                .body("phases.completed", equalTo(List.of(true, false, false)));
    }

    @Test
    void badChangesAre400AndChangeNothing() {
        String base = ledSkole();
        List<String> bodies = List.of(
                "{}",
                "{\"entry\":{\"kind\":\"goal\",\"text\":\"a\"},\"measure\":{\"title\":\"b\",\"responsible\":\"c\",\"dueOn\":\"" + TODAY + "\"}}",
                "{\"entry\":{\"kind\":\"goal\",\"text\":\"  \"}}",
                "{\"entry\":{\"kind\":\"nonsense\",\"text\":\"x\"}}",
                "{\"entry\":{\"kind\":\"note\",\"schoolId\":\"" + NORDHEI_SKOLE + "\",\"text\":\"another owner's school\"}}",
                "{\"measure\":{\"title\":\"b\",\"responsible\":\"c\",\"dueOn\":\"not a date\"}}",
                "{\"activity\":{\"kind\":\"seminar\",\"title\":\"t\",\"startsOn\":\"" + TODAY + "\",\"endsOn\":\"" + TODAY.minusDays(1) + "\"}}",
                "{\"participant\":{\"track\":\"no-such-track\",\"role\":\"rektor\"}}",
                "{\"participant\":{\"track\":\"ledergrupper\"}}");
        for (String body : bodies) {
            change("fjordvik.coordinator", base, body).then().statusCode(400).contentType(PROBLEM)
                    .body(not(containsString("Exception")));
        }
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/plan").then().statusCode(200)
                .body("phases.entries.flatten()", hasSize(0)).body("measures", hasSize(0)).body("activities", hasSize(0))
                .body("tracks[0].participants", hasSize(0));
        change("fjordvik.leader", base, "{\"entry\":{\"kind\":\"goal\",\"text\":\"not mine\"}}").then().statusCode(403);
    }

    @Test
    void anotherTenantGets404OnEveryPartOfThePlan() {
        String base = ledSkole();
        String programme = base.substring(base.lastIndexOf('/') + 1);
        for (String path : List.of("/plan", "/plan.docx", "/plan/history", "/proposals", "/framework", "/template-changes")) {
            given().auth().oauth2(token("nordhei.coordinator")).when().get(base + path).then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(token("nordhei.coordinator")).when().get("/api/tenants/nordhei/programmes/" + programme + path)
                    .then().statusCode(404).contentType(PROBLEM);
        }
        change("nordhei.coordinator", base, "{\"entry\":{\"kind\":\"goal\",\"text\":\"sneaky\"}}").then().statusCode(404);
        change("nordhei.coordinator", "/api/tenants/nordhei/programmes/" + programme,
                "{\"entry\":{\"kind\":\"goal\",\"text\":\"sneaky\"}}").then().statusCode(404);
        given().auth().oauth2(token("nordhei.coordinator")).when().post(base + "/plan/checklist/lokal-plan/completion")
                .then().statusCode(404);
        given().auth().oauth2(token("nordhei.coordinator")).when()
                .post("/api/tenants/nordhei/programmes/" + programme + "/plan/phases/hvor-er-vi/completion").then().statusCode(404);
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/plan").then().statusCode(200)
                .body("phases.entries.flatten()", hasSize(0)).body("phases.completed", not(hasItem(true)));
    }

    @Test
    void eachEvaluationKeepsItsCycleAndTheHistoryShowsWhatChanged() {
        String base = ledSkole();
        String programme = base.substring(base.lastIndexOf('/') + 1);
        change("fjordvik.coordinator", base, "{\"entry\":{\"kind\":\"goal\",\"text\":\"Mål i første runde\"}}").then().statusCode(201);
        given().auth().oauth2(token("fjordvik.coordinator")).when().post(base + "/plan/phases/hvor-er-vi/completion").then().statusCode(200);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"summary\":\"Første runde evaluert\"}")
                .when().post(base + "/plan/evaluations").then().statusCode(201).body("cycle", equalTo(1));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/plan").then().statusCode(200)
                .body("cycle", equalTo(2)).body("phases.completed", not(hasItem(true)))
                .body("evaluations[0].summary", equalTo("Første runde evaluert"));
        change("fjordvik.coordinator", base, "{\"entry\":{\"kind\":\"goal\",\"text\":\"Mål i andre runde\"}}").then().statusCode(201);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"summary\":\"Andre runde\"}")
                .when().post(base + "/plan/evaluations").then().statusCode(201).body("cycle", equalTo(2));
        given().auth().oauth2(token("fjordvik.executive")).when().get(base + "/plan/history").then().statusCode(200)
                .body("cycle", equalTo(List.of(1, 2, 3)))
                .body("[0].added", equalTo(List.of("goal: Mål i første runde")))
                .body("[1].added", equalTo(List.of("goal: Mål i andre runde")))
                .body("[1].removed", hasSize(0))
                .body("[2].added", hasSize(0));
        assertEquals(2, events("PlanEvaluated", programme));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"summary\":\" \"}")
                .when().post(base + "/plan/evaluations").then().statusCode(400).contentType(PROBLEM);
        // the history compares whole plans: a principal, whose role covers one school, does not get it
        given().auth().oauth2(token("fjordvik.principal")).when().get(base + "/plan/history").then().statusCode(403);
    }

    @Test
    void thePlanDownloadsAsAWordDocumentWithTheThreeQuestionsAsHeadings() throws Exception {
        String base = ledSkole();
        change("fjordvik.coordinator", base, "{\"entry\":{\"kind\":\"future-picture\",\"text\":\"Trygge ledere i hver skole\"}}")
                .then().statusCode(201);
        change("fjordvik.coordinator", base, "{\"measure\":{\"title\":\"Skolevandring hver måned\",\"responsible\":\"Rektor\",\"dueOn\":\""
                + TODAY.plusMonths(2) + "\"}}").then().statusCode(201);
        change("fjordvik.coordinator", base, "{\"activity\":{\"kind\":\"leader-gathering\",\"title\":\"Ledersamling høst\",\"startsOn\":\""
                + TODAY.plusMonths(4) + "\",\"endsOn\":\"" + TODAY.plusMonths(4).plusDays(1) + "\",\"place\":\"Fjordvik hotell\"}}")
                .then().statusCode(201);
        byte[] docx = given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/plan.docx")
                .then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .header("Content-Disposition", containsString(".docx")).extract().asByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> headings = document.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).collect(Collectors.toList());
            assertEquals(List.of("Hvor er vi?", "Hvor vil vi?", "Hvordan kommer vi dit?"), headings.subList(0, 3));
            assertTrue(headings.get(3).startsWith("Årets aktiviteter"), headings.toString());
            String text = document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(text.contains("Lokal plan for lederutvikling"), text);
            assertTrue(text.contains("Led skole Fjordvik"), text);
            assertTrue(text.contains("Fjordvik kommune"), text);
            assertTrue(text.contains("Trygge ledere i hver skole"), text);
            List<XWPFTable> tables = document.getTables();
            assertEquals(2, tables.size());
            assertEquals(List.of("Tiltak", "Ansvarlig", "Frist"), cells(tables.get(0), 0));
            assertEquals("Skolevandring hver måned", cells(tables.get(0), 1).get(0));
            assertEquals("Rektor", cells(tables.get(0), 1).get(1));
            assertEquals(List.of("Dato", "Aktivitet", "Sted"), cells(tables.get(1), 0));
            assertEquals("Ledersamling høst", cells(tables.get(1), 1).get(1));
            assertEquals("Fjordvik hotell", cells(tables.get(1), 1).get(2));
        }
        given().auth().oauth2(token("nordhei.coordinator")).when().get(base + "/plan.docx").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aConsultantProposesAndTheCoordinatorAcceptsOrRejectsEachOnce() {
        String base = ledSkole();
        String consultant = DEMO.person("veiviser.consultant").id().toString();
        String accepted = given().auth().oauth2(token("veiviser.consultant")).contentType(ContentType.JSON)
                .body("{\"change\":{\"measure\":{\"title\":\"Veiledning av ledergruppen\",\"responsible\":\"Rektor\",\"dueOn\":\""
                        + TODAY.plusMonths(2) + "\",\"schoolId\":\"" + FJORDVIK_SKOLE + "\"}},\"note\":\"Etter dialogkonferansen\"}")
                .when().post(base + "/proposals").then().statusCode(201).body("status", equalTo("proposed"))
                .body("proposedBy", equalTo(consultant)).extract().path("id");
        String rejected = given().auth().oauth2(token("veiviser.consultant")).contentType(ContentType.JSON)
                .body("{\"change\":{\"entry\":{\"kind\":\"goal\",\"text\":\"Konsulenten tar over\"}}}")
                .when().post(base + "/proposals").then().statusCode(201).extract().path("id");
        // proposing is a consultant's; deciding is the owner's
        given().auth().oauth2(token("fjordvik.leader")).contentType(ContentType.JSON)
                .body("{\"change\":{\"entry\":{\"kind\":\"goal\",\"text\":\"x\"}}}").when().post(base + "/proposals").then().statusCode(403);
        given().auth().oauth2(token("veiviser.consultant")).contentType(ContentType.JSON).body("{\"accept\":true}")
                .when().post(base + "/proposals/" + accepted + "/decision").then().statusCode(403);
        // a proposal changes nothing until accepted
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/plan").then().statusCode(200).body("measures", hasSize(0));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/proposals").then().statusCode(200).body("id", hasSize(2));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"accept\":true}")
                .when().post(base + "/proposals/" + accepted + "/decision").then().statusCode(200).body("status", equalTo("accepted"));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"accept\":false,\"reason\":\"Vi eier planen\"}")
                .when().post(base + "/proposals/" + rejected + "/decision").then().statusCode(200).body("status", equalTo("rejected"));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"accept\":true}")
                .when().post(base + "/proposals/" + rejected + "/decision").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:proposal-already-decided"));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/plan").then().statusCode(200)
                .body("measures.title", equalTo(List.of("Veiledning av ledergruppen")))
                .body("phases[2].entries", hasSize(0));
        given().auth().oauth2(token("veiviser.consultant")).when().get(base + "/proposals").then().statusCode(200)
                .body("status", equalTo(List.of("accepted", "rejected")));
        // the other tenant's owner sees none of it, decides nothing
        given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON).body("{\"accept\":true}")
                .when().post(base + "/proposals/" + accepted + "/decision").then().statusCode(404);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"accept\":true}")
                .when().post(base + "/proposals/" + UUID.randomUUID() + "/decision").then().statusCode(404).contentType(PROBLEM);
    }

    private static List<String> cells(XWPFTable table, int row) {
        return table.getRow(row).getTableCells().stream().map(c -> c.getText()).toList();
    }

    private long events(String name, String programmeId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE type = ?1 AND payload LIKE ?2", Long.class)
                .setParameter(1, "no.ks.led.programmes." + name + ".v1").setParameter(2, "%" + programmeId + "%")
                .getSingleResult());
    }
}

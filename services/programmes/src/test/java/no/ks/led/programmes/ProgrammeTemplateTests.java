package no.ks.led.programmes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/** KS's programme templates: the shipped content, publishing versions, and a programme made from a template. */
@QuarkusTest
class ProgrammeTemplateTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    static String token(String user) {
        return RealmLogin.accessToken(user);
    }

    @Test
    void theThreeTemplatesAreShippedAndKsAndMembersReadThem() {
        given().auth().oauth2(token("ks.analyst")).when().get("/api/national/programme-templates")
                .then().statusCode(200).body("templateId", hasItems("led-skole", "ledere-af-ledere-2", "imtec-led"));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get("/api/tenants/fjordvik/programme-templates")
                .then().statusCode(200).body("templateId", hasItems("led-skole", "ledere-af-ledere-2", "imtec-led"));
        // a tenant's user is no KS user, and another tenant's list is not theirs
        given().auth().oauth2(token("fjordvik.coordinator")).when().get("/api/national/programme-templates")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator")).when().get("/api/tenants/fjordvik/programme-templates")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/tenants/fjordvik/programme-templates").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void ledSkoleHasTheFiveStepsTheThreeQuestionsTheFiveAreasAndASampleCatalogue() {
        JsonPath led = given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/programme-templates/led-skole")
                .then().statusCode(200).body("language", equalTo("nb")).extract().jsonPath();
        assertEquals(List.of("informer-rektormote", "innforingskurs", "skreddersom", "lokal-plan", "dialogkonferanse"),
                led.getList("framework.steps.code"));
        assertEquals(List.of("Hvor er vi?", "Hvor vil vi?", "Hvordan kommer vi dit?"), led.getList("framework.questions.title"));
        assertEquals(List.of("Oppfølging av elevenes læringsprosesser", "Samarbeid og organisasjonsbygging",
                "Utvikling og endring", "Styring og administrasjon", "Rolleklarhet"), led.getList("framework.themes.title"));
        assertEquals(true, led.getBoolean("framework.sampleModules"));
        led.getList("framework.modules.title", String.class).forEach(t -> org.junit.jupiter.api.Assertions.assertTrue(
                t.contains("eksempelmodul"), t + " is not labelled as a sample"));
    }

    @Test
    void ledereAfLedereIsDanishWithTwoTracksNineGoalsFiveLevelsAndTheSeedsActivityPattern() {
        JsonPath dk = given().auth().oauth2(token("ks.admin"))
                .when().get("/api/national/programme-templates/ledere-af-ledere-2")
                .then().statusCode(200).body("language", equalTo("da")).extract().jsonPath();
        assertEquals(List.of("Ledere af ledere", "Ledere af medarbejdere"), dk.getList("framework.tracks.name"));
        assertEquals(9, dk.getList("framework.tracks[0].competenceGoals").size());
        assertEquals(List.of("skolechef", "kommunal konsulent", "skoledistriktsleder", "skoleleder", "afdelingsleder"),
                dk.getList("framework.leaderLevels"));
        List<Map<String, Object>> pattern = dk.getList("framework.activityPattern");
        long twoDaySeminars = pattern.stream().filter(a -> a.get("kind").equals("seminar") && a.get("days").equals(2)).count();
        long oneDaySeminars = pattern.stream().filter(a -> a.get("kind").equals("seminar") && a.get("days").equals(1)).count();
        long networkMeetings = pattern.stream().filter(a -> a.get("kind").equals("network-meeting")).count();
        assertEquals(4, twoDaySeminars);
        assertEquals(1, oneDaySeminars);
        assertEquals(5, networkMeetings);
        assertEquals(1, pattern.stream().filter(a -> a.get("kind").equals("shadowing")).count());
        assertEquals("Workshop 1 | Kick Off", pattern.get(0).get("title"));
        assertEquals("Workshop 2 | Afslutning", pattern.get(pattern.size() - 1).get("title"));
        // 24 Feb 2020 to 9 Jun 2022: about two and a half years
        assertEquals(119, pattern.get(pattern.size() - 1).get("week"));

        JsonPath imtec = given().auth().oauth2(token("ks.admin"))
                .when().get("/api/national/programme-templates/imtec-led").then().statusCode(200).extract().jsonPath();
        List<String> kinds = imtec.getList("framework.activityPattern.kind");
        assertEquals(List.of("leader-gathering", "supervision", "leader-gathering", "supervision", "leader-gathering",
                "supervision", "leader-gathering"), kinds);
    }

    @Test
    void ksAdminPublishesVersionsAndAPublishedVersionStaysAsItWas() {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON).body(content("Første", "modul-a"))
                .when().post("/api/national/programme-templates/" + id + "/versions")
                .then().statusCode(201).body("version", equalTo(1))
                .header("Location", containsString("/api/national/programme-templates/" + id + "/versions/1"));
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON).body(content("Andre", "modul-b"))
                .when().post("/api/national/programme-templates/" + id + "/versions")
                .then().statusCode(201).body("version", equalTo(2));
        given().auth().oauth2(token("ks.analyst")).when().get("/api/national/programme-templates/" + id + "/versions/1")
                .then().statusCode(200).body("name", equalTo("Første")).body("framework.modules.code", equalTo(List.of("modul-a")));
        given().auth().oauth2(token("ks.analyst")).when().get("/api/national/programme-templates/" + id)
                .then().statusCode(200).body("version", equalTo(2));
        // only ks-admin publishes; nobody else's attempt and no bad body changes anything
        given().auth().oauth2(token("ks.analyst")).contentType(ContentType.JSON).body(content("Nei", "x"))
                .when().post("/api/national/programme-templates/" + id + "/versions").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body(content("Nei", "x"))
                .when().post("/api/national/programme-templates/" + id + "/versions").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"language\":\"xx\",\"description\":\"d\",\"framework\":{\"steps\":[{\"code\":\"BAD CODE\",\"title\":\"\"}]}}")
                .when().post("/api/national/programme-templates/" + id + "/versions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("name", "language"));
        // a template without the three questions, or with one twice, is no template
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"Tom\",\"language\":\"nb\",\"description\":\"d\",\"framework\":{}}")
                .when().post("/api/national/programme-templates/" + id + "/versions")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("framework.questions"));
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON)
                .body(content("Dobbel", "x").replace("hvor-vil-vi", "hvor-er-vi"))
                .when().post("/api/national/programme-templates/" + id + "/versions").then().statusCode(400);
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON).body(content("Nei", "x"))
                .when().post("/api/national/programme-templates/Not_A_Slug/versions").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token("ks.analyst")).when().get("/api/national/programme-templates/" + id)
                .then().statusCode(200).body("version", equalTo(2));
        // and the database itself refuses to change a published version
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE programme_template SET name = 'endret' WHERE template_id = ?1")
                .setParameter(1, id).executeUpdate()));
        given().auth().oauth2(token("ks.analyst")).when().get("/api/national/programme-templates/" + id + "/versions/1")
                .then().statusCode(200).body("name", equalTo("Første"));
    }

    @Test
    void aProgrammeFromATemplateCopiesItAndANewerVersionChangesItOnlyWhenTheOwnerChooses() {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        publish(id, content("Mal", "modul-a"));
        String programme = given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Fra mal\",\"templateId\":\"" + id + "\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201).body("templateId", equalTo(id)).body("templateVersion", equalTo(1))
                .body("language", equalTo("nb")).extract().path("id");
        String base = "/api/tenants/fjordvik/programmes/" + programme;
        given().auth().oauth2(token("fjordvik.leader")).when().get(base + "/framework")
                .then().statusCode(200).body("modules.code", equalTo(List.of("modul-a")));

        publish(id, content("Mal", "modul-b"));
        // the running programme is unchanged; the owner sees what changed
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/framework")
                .then().statusCode(200).body("modules.code", equalTo(List.of("modul-a")));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/template-changes")
                .then().statusCode(200).body("followedVersion", equalTo(1)).body("latestVersion", equalTo(2))
                .body("changes.modules.added", equalTo(List.of("Modul modul-b")))
                .body("changes.modules.removed", equalTo(List.of("Modul modul-a")));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"version\":2,\"parts\":[\"modules\",\"nonsense\"]}")
                .when().post(base + "/template-changes").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.leader")).contentType(ContentType.JSON).body("{\"version\":2,\"parts\":[\"modules\"]}")
                .when().post(base + "/template-changes").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"version\":2,\"parts\":[\"modules\"]}")
                .when().post(base + "/template-changes").then().statusCode(200).body("templateVersion", equalTo(2));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/framework")
                .then().statusCode(200).body("modules.code", equalTo(List.of("modul-b")));
        assertEquals(1, events("ProgrammeTailored", programme));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"version\":2,\"parts\":[]}")
                .when().post(base + "/template-changes").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:template-version-already-followed"));
        given().auth().oauth2(token("nordhei.coordinator")).when().get("/api/tenants/fjordvik/programmes/" + programme + "/template-changes")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator")).when().get("/api/tenants/nordhei/programmes/" + programme + "/framework")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theOwnerTailorsTheFrameworkAndTheEventNamesWhatChanged() {
        String programme = given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Led skole Fjordvik\",\"templateId\":\"led-skole\"}")
                .when().post("/api/tenants/fjordvik/programmes").then().statusCode(201).extract().path("id");
        String base = "/api/tenants/fjordvik/programmes/" + programme;
        Map<String, Object> framework = given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/framework")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        framework.put("themes", List.of(Map.of("code", "rolleklarhet", "title", "Rolleklarhet")));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body(Map.of("name", "Led skole Fjordvik 2027", "framework", framework))
                .when().put(base + "/framework").then().statusCode(200).body("name", equalTo("Led skole Fjordvik 2027"));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/framework")
                .then().statusCode(200).body("themes", hasSize(1)).body("steps", hasSize(5));
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT payload FROM outbox_event WHERE type = 'no.ks.led.programmes.ProgrammeTailored.v1' AND payload LIKE ?1")
                .setParameter(1, "%" + programme + "%").getSingleResult());
        assertEquals(List.of("name", "themes"), JsonPath.from(payload).getList("changedParts"));
        // a framework that breaks the rules is refused whole
        framework.put("steps", List.of(Map.of("code", "Not A Code", "title", "")));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body(Map.of("framework", framework))
                .when().put(base + "/framework").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(containsString("steps")));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body(Map.of("name", "   ", "framework", Map.of()))
                .when().put(base + "/framework").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("name"));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(base + "/framework")
                .then().statusCode(200).body("steps", hasSize(5));
    }

    @Test
    void anUnknownTemplateIsABadRequestAndCreatesNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> Programme.count());
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Uten mal\",\"templateId\":\"finnes-ikke\"}")
                .when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("templateId"))
                .body(not(containsString("Exception")));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Programme.count()));
    }

    private long events(String name, String programmeId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE type = ?1 AND payload LIKE ?2", Long.class)
                .setParameter(1, "no.ks.led.programmes." + name + ".v1").setParameter(2, "%" + programmeId + "%")
                .getSingleResult());
    }

    private static void publish(String id, String body) {
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON).body(body)
                .when().post("/api/national/programme-templates/" + id + "/versions").then().statusCode(201);
    }

    private static String content(String name, String module) {
        return """
                {"name":"%s","language":"nb","description":"En testmal",
                 "framework":{"steps":[{"code":"steg-1","title":"Steg 1"}],
                   "questions":[{"phase":"hvor-er-vi","title":"Hvor er vi?"},{"phase":"hvor-vil-vi","title":"Hvor vil vi?"},
                     {"phase":"hvordan-kommer-vi-dit","title":"Hvordan kommer vi dit?"}],
                   "modules":[{"code":"%s","title":"Modul %s"}],
                   "tracks":[{"code":"alle","name":"Alle"}]}}""".formatted(name, module, module);
    }
}

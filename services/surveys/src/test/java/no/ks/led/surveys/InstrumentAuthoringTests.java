package no.ks.led.surveys;

import static io.restassured.RestAssured.given;
import static no.ks.led.surveys.SurveyFlowTests.FORBIDDEN;
import static no.ks.led.surveys.SurveyFlowTests.INVALID;
import static no.ks.led.surveys.SurveyFlowTests.NOT_FOUND;
import static no.ks.led.surveys.SurveyFlowTests.PROBLEM;
import static no.ks.led.surveys.SurveyFlowTests.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KS writes instrument versions through the API against the real database and realm: a draft edited, previewed in
 * each language and mode, checked field by field, published and then frozen; nobody else writes, and no tenant sees
 * a draft. Drafts the tests start are deleted again; the only version they publish is the demo version 2.
 */
@QuarkusTest
class InstrumentAuthoringTests {

    static final String ROUTE = "/api/national/instruments";
    static final String PUBLISHED = "urn:no:ks:led:problem:instrument-version-published";
    static final String DRAFT_EXISTS = "urn:no:ks:led:problem:instrument-draft-exists";

    @BeforeEach
    @AfterEach
    void noDraft() {
        DemoInstrument.deleteDrafts();
    }

    /** A draft started after the demo version, so its items continue the demo's. */
    private int startDraft() {
        int demo = DemoInstrument.published();
        int latest = latest();
        int version = as("ks.admin").contentType("application/json")
                .body(Map.of("name", "Utkast", "successorOf", latest)).when().post(ROUTE).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(ROUTE + "/" + (latest + 1)))
                .body("publishedAt", nullValue()).extract().path("version");
        assertTrue(version > demo);
        return version;
    }

    private static int latest() {
        List<Integer> versions = as("ks.analyst").queryParam("limit", 500).when().get(ROUTE).then().statusCode(200)
                .extract().jsonPath().getList("version");
        return versions.get(versions.size() - 1);
    }

    /** The demo file's content with one change, as a PUT body. */
    private static ObjectNode demoWith(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode content = (ObjectNode) DemoInstrument.content();
        change.accept(content);
        return content;
    }

    private static ObjectNode item(JsonNode content, int section, int item) {
        return (ObjectNode) content.get("sections").get(section).get("items").get(item);
    }

    @Test
    void theDemoVersionIsPublishedWithBothVoicesInFourLanguagesAndContinuesVersionOne() {
        int version = DemoInstrument.published();
        JsonPath instrument = as("ks.analyst").when().get(ROUTE + "/" + version).then().statusCode(200)
                .body("publishedAt", notNullValue()).extract().jsonPath();
        // the scale says "Delvis enig", in every language properly
        assertEquals(List.of("Helt uenig", "Delvis uenig", "Verken enig eller uenig", "Delvis enig", "Helt enig", "Vet ikke"),
                instrument.getList("scale.label.nb"));
        assertEquals("Delvis einig", instrument.getString("scale[3].label.nn"));
        assertEquals("Partly agree", instrument.getString("scale[3].label.en"));
        assertEquals("Delvist enig", instrument.getString("scale[3].label.da"));
        // the five areas of version 1 continued item by item, and the new areas
        assertEquals(List.of("learning", "collaboration", "development", "governance", "role-clarity", "time-use", "skills",
                "growth", "comments"), instrument.getList("sections.code"));
        String item = "sections.items.flatten().find { it.code == '%s' }.";
        assertEquals("role-clarity-1", instrument.getString(item.formatted("role-clarity-expectations") + "continues"));
        assertEquals("learning-1", instrument.getString(item.formatted("learning-1") + "continues"));
        assertEquals(null, instrument.getString(item.formatted("skills-engaging-staff") + "continues"));
        assertTrue(instrument.getString(item.formatted("learning-1") + "team.nb").startsWith("Vi "));
        assertTrue(instrument.getString(item.formatted("learning-1") + "text.nb").startsWith("Jeg "));
        // Danish texts speak of the kommune, never of a "skoleejer"
        assertTrue(instrument.getList("sections.items.flatten().text.da").stream().noneMatch(t -> t.toString().contains("skoleejer")));
        // every continued item of version 1 is there exactly once
        List<String> continued = instrument.getList("sections.items.flatten().continues");
        List<String> v1 = as("ks.analyst").when().get(ROUTE + "/1").then().statusCode(200).extract().jsonPath()
                .getList("sections.items.flatten().code");
        assertTrue(continued.containsAll(v1), "every item of version 1 is continued");
        // tenants read it as any published version
        as("fjordvik.leader").when().get("/api/tenants/fjordvik/instruments/" + version).then().statusCode(200)
                .body("version", equalTo(version));
    }

    @Test
    void aDraftIsPreviewedInEachLanguageAndModeAndPublishedVersionsAreFrozen() {
        int demo = DemoInstrument.published();
        int draft = startDraft();
        // the copy of the newest version continues it item by item
        as("ks.admin").when().get(ROUTE + "/" + draft).then().statusCode(200)
                .body("sections.items.flatten().find { it.code == 'learning-1' }.continues", equalTo("learning-1"));
        as("ks.admin").contentType("application/json").body(DemoInstrument.content().toString().replace(
                "\"continues\":\"role-clarity-1\"", "\"continues\":\"role-clarity-expectations\""))
                .when().put(ROUTE + "/" + draft).then().statusCode(200).body("version", equalTo(draft))
                .body("publishedAt", nullValue());
        as("ks.analyst").when().get(ROUTE + "/drafts").then().statusCode(200).body("version", contains(draft));
        for (String[] c : new String[][] {{"nb", "individual", "Jeg følger systematisk opp elevenes læringsresultater.", "Delvis enig"},
                {"nn", "team", "Vi følgjer systematisk opp læringsresultata til elevane.", "Delvis einig"},
                {"en", "team", "We systematically follow up pupils' learning outcomes.", "Partly agree"},
                {"da", "individual", "Jeg følger systematisk op på elevernes læringsresultater.", "Delvist enig"}}) {
            as("ks.analyst").queryParam("lang", c[0]).queryParam("mode", c[1]).when().get(ROUTE + "/" + draft + "/preview")
                    .then().statusCode(200).body("language", equalTo(c[0])).body("mode", equalTo(c[1]))
                    .body("published", equalTo(false))
                    .body("sections[0].items[0].text", equalTo(c[2])).body("scale[3].label", equalTo(c[3]));
        }
        as("ks.analyst").queryParam("lang", "sv").when().get(ROUTE + "/" + draft + "/preview").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo(INVALID)).body("violations.field", contains("lang"));
        as("ks.analyst").queryParam("lang", "nb").queryParam("mode", "pair").when().get(ROUTE + "/" + draft + "/preview")
                .then().statusCode(400).body("violations.field", contains("mode"));
        // version 1 has one voice: its team preview asks what its individual one does
        as("ks.analyst").queryParam("lang", "nb").queryParam("mode", "team").when().get(ROUTE + "/1/preview").then()
                .statusCode(200).body("sections[0].items[0].text", equalTo("Skoleledelsen følger systematisk opp elevenes læringsresultater."));
        // one draft at a time
        as("ks.admin").contentType("application/json").body(Map.of("name", "Enda et utkast")).when().post(ROUTE).then()
                .statusCode(409).contentType(PROBLEM).body("type", equalTo(DRAFT_EXISTS));
        // a published version is frozen: editing, publishing again and deleting are 409 problems
        as("ks.admin").contentType("application/json").body(DemoInstrument.content().toString()).when()
                .put(ROUTE + "/" + demo).then().statusCode(409).contentType(PROBLEM).body("type", equalTo(PUBLISHED));
        as("ks.admin").when().post(ROUTE + "/" + demo + "/publication").then().statusCode(409).body("type", equalTo(PUBLISHED));
        as("ks.admin").when().delete(ROUTE + "/" + demo).then().statusCode(409).body("type", equalTo(PUBLISHED));
        as("ks.admin").when().delete(ROUTE + "/1").then().statusCode(409).body("type", equalTo(PUBLISHED));
        // a missing version is a 404
        as("ks.admin").contentType("application/json").body(DemoInstrument.content().toString()).when()
                .put(ROUTE + "/9999").then().statusCode(404).body("type", equalTo(NOT_FOUND));
        as("ks.admin").when().post(ROUTE + "/9999/publication").then().statusCode(404);
        as("ks.analyst").when().get(ROUTE + "/nine").then().statusCode(404);
        // deleting the draft
        as("ks.admin").when().delete(ROUTE + "/" + draft).then().statusCode(204);
        as("ks.analyst").when().get(ROUTE + "/" + draft).then().statusCode(404);
    }

    @Test
    void everyFieldOfADraftIsCheckedAndAnInvalidEditChangesNothing() {
        int draft = startDraft();
        String before = as("ks.admin").when().get(ROUTE + "/" + draft).then().statusCode(200).extract().asString();
        Object[][] cases = {
                {demoWith(c -> item(c, 0, 0).with("text").remove("da")), "sections[0].items[0].text.da"},
                {demoWith(c -> item(c, 1, 2).with("team").put("nn", " ")), "sections[1].items[2].team.nn"},
                {demoWith(c -> item(c, 0, 1).remove("team")), "sections[0].items[1].team"},
                {demoWith(c -> item(c, 2, 0).put("continues", "no-such-item")), "sections[2].items[0].continues"},
                {demoWith(c -> item(c, 2, 1).put("continues", "comments-1")), "sections[2].items[1].continues"},
                {demoWith(c -> item(c, 3, 1).put("code", "learning-1")), "sections[3].items[1].code"},
                {demoWith(c -> ((ObjectNode) c.get("sections").get(4)).put("code", "learning")), "sections[4].code"},
                {demoWith(c -> item(c, 0, 2).put("code", "Learning 3")), "sections[0].items[2].code"},
                {demoWith(c -> item(c, 0, 2).put("kind", "share")), "sections[0].items[2].kind"},
                {demoWith(c -> ((ObjectNode) c.get("sections").get(5)).putArray("items")), "sections[5].items"},
                {demoWith(c -> ((ArrayNode) c.get("scale")).remove(5)), "scale"},
                {demoWith(c -> ((ObjectNode) c.get("scale").get(3).get("label")).put("en", "")), "scale[3].label.en"},
                {demoWith(c -> c.put("name", "")), "name"},
                {demoWith(c -> c.putArray("sections")), "sections"},
                {demoWith(c -> c.put("name", "x".repeat(201))), "name"}};
        for (Object[] c : cases) {
            as("ks.admin").contentType("application/json").body(c[0].toString()).when().put(ROUTE + "/" + draft).then()
                    .statusCode(400).contentType(PROBLEM).body("type", equalTo(INVALID))
                    .body("violations.field", hasItem(c[1])).body("toString()", not(org.hamcrest.Matchers.containsString("Exception")));
        }
        // the continuation of a later item of the same predecessor is named too
        as("ks.admin").contentType("application/json")
                .body(demoWith(c -> item(c, 0, 1).put("continues", "learning-1")).toString()).when().put(ROUTE + "/" + draft)
                .then().statusCode(400).body("violations.field", hasItem("sections[0].items[1].continues"));
        // a text that is no object of four languages is named as the body has it
        as("ks.admin").contentType("application/json").body(demoWith(c -> item(c, 1, 0).put("text", "x")).toString())
                .when().put(ROUTE + "/" + draft).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("text")));
        as("ks.admin").contentType("application/json").body("{\"name\":").when().put(ROUTE + "/" + draft).then()
                .statusCode(400).contentType(PROBLEM);
        as("ks.admin").when().get(ROUTE + "/" + draft).then().statusCode(200).body(equalTo(before));
        // starting one: a name, and the successor of the newest published version only
        as("ks.admin").contentType("application/json").body(Map.of("name", " ")).when().post(ROUTE).then().statusCode(400)
                .body("violations.field", hasItem("name"));
        as("ks.admin").contentType("application/json").body(Map.of("name", "Ny", "successorOf", 1)).when().post(ROUTE)
                .then().statusCode(400).body("violations.field", hasItem("successorOf"));
    }

    @Test
    void anIncompleteDraftIsNotPublished() {
        DemoInstrument.published();
        int empty = as("ks.admin").contentType("application/json").body(Map.of("name", "Tomt utkast")).when().post(ROUTE)
                .then().statusCode(201).extract().path("version");
        as("ks.admin").when().post(ROUTE + "/" + empty + "/publication").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("sections")).body("violations.field", hasItem("scale"));
        as("ks.analyst").when().get(ROUTE + "/" + empty).then().statusCode(200).body("publishedAt", nullValue());
    }

    @Test
    void onlyKsAdminWritesAndNoTenantSeesADraft() {
        int draft = startDraft();
        String body = DemoInstrument.content().toString();
        for (String user : new String[] {"ks.analyst", "fjordvik.coordinator", "fjordvik.principal", "veiviser.consultant"}) {
            as(user).contentType("application/json").body(Map.of("name", "x")).when().post(ROUTE).then().statusCode(403)
                    .contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
            as(user).contentType("application/json").body(body).when().put(ROUTE + "/" + draft).then().statusCode(403);
            as(user).when().post(ROUTE + "/" + draft + "/publication").then().statusCode(403);
            as(user).when().delete(ROUTE + "/" + draft).then().statusCode(403);
        }
        for (String user : new String[] {"fjordvik.coordinator", "fjordvik.leader"}) {
            as(user).when().get(ROUTE + "/" + draft).then().statusCode(403);
            as(user).when().get(ROUTE + "/drafts").then().statusCode(403);
            as(user).queryParam("lang", "nb").when().get(ROUTE + "/" + draft + "/preview").then().statusCode(403);
            as(user).when().get("/api/tenants/fjordvik/instruments/" + draft).then().statusCode(404).contentType(PROBLEM)
                    .body("type", equalTo(NOT_FOUND));
            as(user).when().get("/api/tenants/fjordvik/instruments").then().statusCode(200)
                    .body("version", not(hasItem(draft)));
        }
        given().contentType("application/json").body(Map.of("name", "x")).when().post(ROUTE).then().statusCode(401);
        // still a draft, unpublished
        as("ks.admin").when().get(ROUTE + "/" + draft).then().statusCode(200).body("publishedAt", nullValue());
    }
}

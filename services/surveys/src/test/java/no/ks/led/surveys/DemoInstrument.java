package no.ks.led.surveys;

import static no.ks.led.surveys.SurveyFlowTests.as;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Version 2 of the instrument from the demo file KS adjusts ({@code deploy/local/demo/instrument-v2.json}), published
 * through the API as {@code ks.admin} once per database: a test that needs it finds it published, or publishes it.
 */
final class DemoInstrument {

    static final Path FILE = Path.of("../../deploy/local/demo/instrument-v2.json");

    private DemoInstrument() {
    }

    static JsonNode content() {
        try {
            return new ObjectMapper().readTree(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo version's number: published now unless a version of its name is published already. */
    static int published() {
        JsonNode content = content();
        String name = content.get("name").asText();
        List<Map<String, Object>> versions = as("ks.admin").queryParam("limit", 500).when().get("/api/national/instruments")
                .then().statusCode(200).extract().jsonPath().getList("");
        for (Map<String, Object> version : versions) {
            if (name.equals(version.get("name"))) {
                return (Integer) version.get("version");
            }
        }
        deleteDrafts();
        int version = as("ks.admin").contentType("application/json")
                .body(Map.of("name", name, "successorOf", content.get("successorOf").asInt()))
                .when().post("/api/national/instruments").then().statusCode(201).extract().path("version");
        as("ks.admin").contentType("application/json").body(content.toString())
                .when().put("/api/national/instruments/" + version).then().statusCode(200);
        as("ks.admin").when().post("/api/national/instruments/" + version + "/publication").then().statusCode(200);
        return version;
    }

    /** Deletes the draft a test left, if any (one is written at a time). */
    static void deleteDrafts() {
        List<Integer> drafts = as("ks.admin").when().get("/api/national/instruments/drafts").then().statusCode(200)
                .extract().jsonPath().getList("version");
        drafts.forEach(v -> as("ks.admin").when().delete("/api/national/instruments/" + v).then().statusCode(204));
    }
}

package no.ks.led.e2e;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.restassured.http.ContentType;

/**
 * A status analysis in team mode answered through the gateway: fjordvik's coordinator opens a round for one school,
 * and the school's principal submits the leadership team's one agreed answer set (2 on each section's first
 * statement, 4 on the others, so the first statements are the weakest).
 */
final class TeamRound {

    private TeamRound() {
    }

    /** Opens the round today for the school, answers and submits it as the principal; returns the round's id. */
    static String answered(String schoolId) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        String round = WithBrowser.api("fjordvik.coordinator").contentType(ContentType.JSON)
                .body("{\"title\":\"Ledergruppens ståstedsanalyse (" + UUID.randomUUID().toString().substring(0, 4)
                        + ")\",\"mode\":\"team\",\"instrumentVersion\":1,\"opensOn\":\"" + today + "\",\"closesOn\":\""
                        + today.plusDays(14) + "\",\"schoolIds\":[\"" + schoolId + "\"]}")
                .when().post("/api/tenants/fjordvik/survey-rounds").then().statusCode(201).extract().path("id");
        String path = path(round);
        List<String> items = WithBrowser.api("fjordvik.principal").when().get(path).then().statusCode(200).extract()
                .jsonPath().getList("questions.sections.items.flatten().findAll { it.kind == 'scale' }.code");
        String answers = items.stream().map(code -> "{\"item\":\"" + code + "\",\"value\":" + (code.endsWith("-1") ? 2 : 4) + "}")
                .collect(Collectors.joining(",", "{\"answers\":[", "]}"));
        WithBrowser.api("fjordvik.principal").contentType(ContentType.JSON).body(answers).when().put(path + "/responses/mine")
                .then().statusCode(200);
        WithBrowser.api("fjordvik.principal").header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post(path + "/responses/mine/submission").then().statusCode(200);
        return round;
    }

    /** The round's API path. */
    static String path(String round) {
        return "/api/tenants/fjordvik/survey-rounds/" + round;
    }
}

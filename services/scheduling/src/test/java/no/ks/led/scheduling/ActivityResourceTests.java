package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/** Activities against the real database, broker and realm: warnings, rescheduling, cancelling, rooms, validation. */
@QuarkusTest
class ActivityResourceTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    static String token(String user) {
        return RealmLogin.accessToken(user);
    }

    static Response schedule(String user, String tenant, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/" + tenant + "/activities");
    }

    static String activity(String title, String startsAt, String endsAt, String extra) {
        return "{\"kind\":\"leader-gathering\",\"title\":\"" + title + "\",\"startsAt\":\"" + startsAt + "\",\"endsAt\":\""
                + endsAt + "\"" + extra + "}";
    }

    /**
     * A year of its own for a test, so school calendars and rooms of other tests never meet it; never 2399, which
     * the horizon test needs empty.
     */
    static int year() {
        return ThreadLocalRandom.current().nextInt(2040, 2399);
    }

    @Test
    void anActivityOnConstitutionDayWarnsOnceWithBothNamesAndTheCoordinatorConfirmsIt() {
        String id = schedule("fjordvik.coordinator", "fjordvik",
                activity("Ledersamling 17. mai", "2027-05-17T09:00", "2027-05-17T15:00", ",\"place\":\"Rådhuset\""))
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/tenants/fjordvik/activities/"))
                .body("startsAt", equalTo("2027-05-17T09:00:00"))
                .body("endsAt", equalTo("2027-05-17T15:00:00"))
                .body("timeZone", equalTo("Europe/Oslo"))
                .body("status", equalTo("scheduled"))
                .body("sequence", equalTo(0))
                .body("fundingStatus", equalTo("not-applied"))
                .body("warnings.findAll { it.code == 'public-holiday' }", hasSize(1))
                .body("warnings.find { it.code == 'public-holiday' }.date", equalTo("2027-05-17"))
                .body("warnings.find { it.code == 'public-holiday' }.name", equalTo("Constitution Day / Whit Monday"))
                .body("warnings.find { it.code == 'public-holiday' }.confirmed", equalTo(false))
                .extract().path("id");
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.scheduling.ActivityScheduled.v1'"
                + " AND payload LIKE '%' || ?1 || '%'", id));

        // a school leader may see it but not confirm; the coordinator's confirmation is recorded
        given().auth().oauth2(token("fjordvik.leader"))
                .when().post("/api/tenants/fjordvik/activities/" + id + "/warnings/public-holiday/confirmation")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().post("/api/tenants/fjordvik/activities/" + id + "/warnings/public-holiday/confirmation")
                .then().statusCode(200)
                .body("warnings.find { it.code == 'public-holiday' }.confirmed", equalTo(true))
                .body("warnings.find { it.code == 'public-holiday' }.confirmedBy", equalTo(personId("fjordvik.coordinator")));
        assertEquals(1, count("SELECT count(*) FROM activity_warning_confirmation WHERE activity_id = CAST(?1 AS uuid)"
                + " AND code = 'public-holiday'", id));
        // a warning the activity does not have cannot be confirmed
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().post("/api/tenants/fjordvik/activities/" + id + "/warnings/exam-period/confirmation")
                .then().statusCode(404).contentType(PROBLEM);

        // moved to another holiday: the confirmation was for the old time, so the new warning is unconfirmed again
        given().auth().oauth2(token("fjordvik.coordinator")).contentType("application/merge-patch+json")
                .body("{\"startsAt\":\"2027-05-06T09:00\",\"endsAt\":\"2027-05-06T15:00\"}")
                .when().patch("/api/tenants/fjordvik/activities/" + id)
                .then().statusCode(200)
                .body("sequence", equalTo(1))
                .body("warnings.find { it.code == 'public-holiday' }.name", equalTo("Ascension Day"))
                .body("warnings.find { it.code == 'public-holiday' }.confirmed", equalTo(false));
    }

    @Test
    void schoolFreeDaysAndExamPeriodsImportedFromCsvAreWarnings() {
        int y = year();
        String csv = "kind,from,to,name\n"
                + "school-free-day," + y + "-10-05," + y + "-10-06,Planleggingsdager\n"
                + "exam-period," + y + "-11-20," + y + "-12-03,Eksamen\n";
        given().auth().oauth2(token("fjordvik.coordinator")).contentType("text/csv").body(csv)
                .when().post("/api/tenants/fjordvik/school-calendar/import")
                .then().statusCode(200).body("kind", equalTo(List.of("school-free-day", "exam-period")));

        schedule("fjordvik.coordinator", "fjordvik", activity("Planleggingsdag", y + "-10-06T09:00", y + "-10-06T12:00", ""))
                .then().statusCode(201)
                .body("warnings.code", hasItem("school-free-day"))
                .body("warnings.find { it.code == 'school-free-day' }.name", equalTo("Planleggingsdager"))
                .body("warnings.code", not(hasItem("exam-period")));
        schedule("fjordvik.coordinator", "fjordvik", activity("I eksamenstiden", y + "-11-30T09:00", y + "-12-01T15:00", ""))
                .then().statusCode(201)
                .body("warnings.code", hasItem("exam-period"))
                .body("warnings.code", not(hasItem("school-free-day")));
        // the other tenant's school calendar is its own
        schedule("nordhei.coordinator", "nordhei", activity("Nordhei samme dag", y + "-10-06T09:00", y + "-10-06T12:00", ""))
                .then().statusCode(201).body("warnings.code", not(hasItem("school-free-day")));

        // an invalid line imports nothing and names the line
        long before = count("SELECT count(*) FROM school_calendar_entry WHERE tenant_id = ?1", "fjordvik");
        given().auth().oauth2(token("fjordvik.coordinator")).contentType("text/csv")
                .body("kind,from,to,name\nschool-free-day," + y + "-01-02," + y + "-01-02,Ok\nholiday," + y + "-13-01,,Feil\n")
                .when().post("/api/tenants/fjordvik/school-calendar/import")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("line 3.from"));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType("text/csv").body("dato,navn\n")
                .when().post("/api/tenants/fjordvik/school-calendar/import")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("line 1"));
        assertEquals(before, count("SELECT count(*) FROM school_calendar_entry WHERE tenant_id = ?1", "fjordvik"));
        // by hand, and validated
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"kind\":\"exam-period\",\"from\":\"" + y + "-06-01\",\"to\":\"" + y + "-05-01\",\"name\":\"Baklengs\"}")
                .when().post("/api/tenants/fjordvik/school-calendar")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("to"));
        given().auth().oauth2(token("fjordvik.leader")).contentType(ContentType.JSON)
                .body("{\"kind\":\"exam-period\",\"from\":\"" + y + "-06-01\",\"name\":\"Ikke min\"}")
                .when().post("/api/tenants/fjordvik/school-calendar")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void reschedulingRaisesTheSequenceAndCancellingKeepsTheActivityAsCancelled() {
        int y = year();
        String id = schedule("fjordvik.coordinator", "fjordvik",
                activity("Nettverksmøte", y + "-09-15T09:00", y + "-09-15T15:00", ""))
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + y + "-09-16T10:00\",\"endsAt\":\"" + y + "-09-16T16:00\",\"place\":\"Skolen\"}")
                .when().patch("/api/tenants/fjordvik/activities/" + id)
                .then().statusCode(200).body("sequence", equalTo(1)).body("startsAt", equalTo(y + "-09-16T10:00:00"))
                .body("place", equalTo("Skolen"));
        // the same again changes nothing
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + y + "-09-16T10:00\"}")
                .when().patch("/api/tenants/fjordvik/activities/" + id)
                .then().statusCode(200).body("sequence", equalTo(1));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.scheduling.ActivityRescheduled.v1'"
                + " AND payload LIKE '%' || ?1 || '%'", id));
        // an end before the start changes nothing
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"endsAt\":\"" + y + "-09-16T09:00\"}")
                .when().patch("/api/tenants/fjordvik/activities/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("endsAt"));

        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"reason\":\"For få påmeldte\"}")
                .when().post("/api/tenants/fjordvik/activities/" + id + "/cancellation")
                .then().statusCode(200).body("status", equalTo("cancelled")).body("sequence", equalTo(2))
                .body("cancelReason", equalTo("For få påmeldte")).body("warnings", hasSize(0));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.scheduling.ActivityCancelled.v1'"
                + " AND payload LIKE '%' || ?1 || '%'", id));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + y + "-09-17T10:00\"}")
                .when().patch("/api/tenants/fjordvik/activities/" + id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:activity-not-scheduled"));
        // it is still listed, as cancelled
        given().auth().oauth2(token("fjordvik.leader"))
                .queryParam("from", y + "-09-01").queryParam("to", y + "-09-30")
                .when().get("/api/tenants/fjordvik/activities")
                .then().statusCode(200).body("find { it.id == '" + id + "' }.status", equalTo("cancelled"));
    }

    @Test
    void aRoomIsNeverTakenTwiceAtOverlappingTimesWithinATenant() {
        int y = year();
        String room = ",\"room\":\"Store sal\"";
        schedule("fjordvik.coordinator", "fjordvik", activity("Først", y + "-02-01T09:00", y + "-02-01T12:00", room))
                .then().statusCode(201);
        schedule("fjordvik.coordinator", "fjordvik", activity("Overlapper", y + "-02-01T11:00", y + "-02-01T13:00", room))
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:no:ks:led:problem:room-busy"));
        // right after is fine, and another tenant's room of the same name is another room
        schedule("fjordvik.coordinator", "fjordvik", activity("Etterpå", y + "-02-01T12:00", y + "-02-01T13:00", room))
                .then().statusCode(201);
        schedule("nordhei.coordinator", "nordhei", activity("Nordhei", y + "-02-01T10:00", y + "-02-01T11:00", room))
                .then().statusCode(201);
    }

    @Test
    void invalidInputIsAProblemNamingTheFieldAndChangesNothing() {
        long before = count("SELECT count(*) FROM activity WHERE tenant_id = ?1", "fjordvik");
        schedule("fjordvik.coordinator", "fjordvik", "{\"kind\":\"party\",\"title\":\" \",\"startsAt\":\"2027-09-15T09:00\"}")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:validation-failed"))
                .body("violations.field", hasItems("kind", "title", "endsAt"));
        schedule("fjordvik.coordinator", "fjordvik", activity("Baklengs", "2027-09-15T15:00", "2027-09-15T09:00", ""))
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("endsAt"));
        schedule("fjordvik.coordinator", "fjordvik", activity("Dato", "15.09.2027 09:00", "2027-09-15T15:00", ""))
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("startsAt"))
                .body(not(containsString("Exception")));
        schedule("fjordvik.coordinator", "fjordvik", activity("Annens program", "2027-09-15T09:00", "2027-09-15T15:00",
                ",\"programmeId\":\"" + UUID.randomUUID() + "\""))
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("programmeId"));
        schedule("fjordvik.coordinator", "fjordvik", activity("Annens skole", "2027-09-15T09:00", "2027-09-15T15:00",
                ",\"schoolIds\":[\"411b22cd-71ee-5fd8-a7c2-fb467ea483a1\"]"))
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("schoolIds"));
        schedule("fjordvik.coordinator", "fjordvik", activity("Kapasitet", "2027-09-15T09:00", "2027-09-15T15:00",
                ",\"capacity\":0"))
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("capacity"));
        schedule("fjordvik.coordinator", "fjordvik", activity("Fjern framtid", "2999-09-15T09:00", "2999-09-15T15:00", ""))
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("startsAt"));
        schedule("fjordvik.leader", "fjordvik", activity("Ikke min", "2027-09-15T09:00", "2027-09-15T15:00", ""))
                .then().statusCode(403).contentType(PROBLEM);
        assertEquals(before, count("SELECT count(*) FROM activity WHERE tenant_id = ?1", "fjordvik"));

        given().auth().oauth2(token("fjordvik.coordinator")).queryParam("from", "i går")
                .when().get("/api/tenants/fjordvik/activities")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("from"));
        given().auth().oauth2(token("fjordvik.coordinator")).queryParam("from", "2027-09-15").queryParam("to", "2027-09-01")
                .when().get("/api/tenants/fjordvik/activities")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("to"));
        given().when().get("/api/tenants/fjordvik/activities").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anotherTenantsActivityIsNotFoundWhateverTheRoute() {
        String id = schedule("fjordvik.coordinator", "fjordvik",
                activity("Bare Fjordvik", "2027-10-12T09:00", "2027-10-12T15:00", "")).then().statusCode(201).extract().path("id");
        for (String path : List.of("/api/tenants/fjordvik/activities/" + id, "/api/tenants/nordhei/activities/" + id)) {
            given().auth().oauth2(token("nordhei.coordinator")).when().get(path)
                    .then().statusCode(404).contentType(PROBLEM).body(not(containsString("Bare Fjordvik")));
        }
        given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON).body("{\"title\":\"Kapret\"}")
                .when().patch("/api/tenants/nordhei/activities/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/tenants/nordhei/activities/" + id + "/cancellation").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator"))
                .queryParam("from", "2027-10-01").queryParam("to", "2027-10-31")
                .when().get("/api/tenants/nordhei/activities").then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/activities/" + id).then().statusCode(200).body("title", equalTo("Bare Fjordvik"));
    }

    @Test
    void theHorizonWarnsWhenTheNextTwelveMonthsAreEmptyAndHolidaysAreListedPerDate() {
        given().auth().oauth2(token("fjordvik.leader")).queryParam("asOf", "2399-01-01")
                .when().get("/api/tenants/fjordvik/horizon")
                .then().statusCode(200).body("gatherings", equalTo(0)).body("warnings.code", equalTo(List.of("horizon")));
        given().auth().oauth2(token("fjordvik.leader")).queryParam("asOf", "+999999999-12-31")
                .when().get("/api/tenants/fjordvik/horizon")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("asOf"));
        given().auth().oauth2(token("fjordvik.leader")).queryParam("asOf", "1. januar")
                .when().get("/api/tenants/fjordvik/horizon")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("asOf"));
        given().auth().oauth2(token("fjordvik.leader")).queryParam("year", "2027")
                .when().get("/api/tenants/fjordvik/public-holidays")
                .then().statusCode(200).body("$", hasSize(11))
                .body("find { it.date == '2027-05-17' }.names", hasSize(2));
        given().auth().oauth2(token("fjordvik.leader")).queryParam("year", "tjuesju")
                .when().get("/api/tenants/fjordvik/public-holidays")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("year"));
    }

    @Test
    void aRetriedScheduleWithTheSameIdempotencyKeyMakesOneActivity() {
        String key = UUID.randomUUID().toString();
        String body = activity("Samme nøkkel", "2027-11-03T09:00", "2027-11-03T15:00", "");
        String first = given().auth().oauth2(token("fjordvik.coordinator")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/tenants/fjordvik/activities")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("fjordvik.coordinator")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/tenants/fjordvik/activities")
                .then().statusCode(200).body("id", equalTo(first));
        given().auth().oauth2(token("fjordvik.coordinator")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body.replace("Samme", "Annen")).when().post("/api/tenants/fjordvik/activities")
                .then().statusCode(422).contentType(PROBLEM);
    }

    static String personId(String user) {
        return no.ks.led.foundation.demo.DemoDirectory.load(java.nio.file.Path.of("../../"
                + no.ks.led.foundation.demo.DemoDirectory.REPOSITORY_PATH)).person(user).id().toString();
    }

    long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}

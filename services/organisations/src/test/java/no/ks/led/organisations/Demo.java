package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.demo.DemoDirectory;
import no.ks.led.foundation.testing.DemoAccess;
import no.ks.led.foundation.testing.RealmLogin;

/** The demo directory's fixed ids and small helpers the organisations tests share. */
final class Demo {

    static final String PROBLEM = "application/problem+json";
    static final DemoDirectory DIRECTORY = DemoAccess.directory();
    static final UUID FJORDVIK_SCHOOL = UUID.fromString("b43f2ebc-4eda-5fc0-b239-45e535bbbcb1");
    static final UUID NORDHEI_SCHOOL = UUID.fromString("411b22cd-71ee-5fd8-a7c2-fb467ea483a1");
    static final UUID FJORDVIK_EXECUTIVE_MEMBERSHIP = UUID.fromString("30b47ead-9f79-59b4-9c64-387ad6b10876");
    static final UUID FJORDVIK_ENGAGEMENT = UUID.fromString("5d0f7647-b0de-5d2b-b322-27ae377ea6e2");
    static final UUID NORDHEI_ENGAGEMENT = UUID.fromString("78d804c7-9500-56be-80c7-80f8ab8a3e73");

    static final String GRANTED = "no.ks.led.organisations.MembershipGranted.v1";
    static final String ENDED = "no.ks.led.organisations.MembershipEnded.v1";
    static final String ENGAGEMENT_STARTED = "no.ks.led.organisations.EngagementStarted.v1";
    static final String ENGAGEMENT_ENDED = "no.ks.led.organisations.EngagementEnded.v1";
    static final String SCHOOL_CHANGED = "no.ks.led.organisations.SchoolChanged.v1";
    static final String PERSON_ERASED = "no.ks.led.organisations.PersonErased.v1";

    private Demo() {
    }

    static UUID personId(String username) {
        return DIRECTORY.person(username).id();
    }

    static String token(String username) {
        return RealmLogin.accessToken(username);
    }

    /** A fresh e-mail address nobody has. */
    static String freshEmail() {
        return "p-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
    }

    /** How many outbox events of the type, keyed by the organisation, mention the text. */
    static long events(EntityManager em, String type, String key, Object mentioning) {
        return count(em, "SELECT count(*) FROM outbox_event WHERE type = ?1 AND event_key = ?2 AND payload LIKE ?3",
                type, key, "%" + mentioning + "%");
    }

    static long count(EntityManager em, String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Adds a person to the tenant as its coordinator would; returns the 201 answer. */
    static Response addPerson(String tenant, String asUser, String body) {
        return given().auth().oauth2(token(asUser)).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/" + tenant + "/people")
                .then().statusCode(201).extract().response();
    }

    static String personBody(String name, String email, String role, UUID schoolId) {
        return "{\"name\":\"%s\",\"email\":\"%s\",\"role\":\"%s\"%s}".formatted(name, email, role,
                schoolId == null ? "" : ",\"schoolId\":\"" + schoolId + "\"");
    }

    /**
     * Asserts that the object of another tenant answers exactly like a missing one: the same status and
     * the same problem body once the ids are replaced.
     */
    static void assertLikeMissing(Response foreign, String foreignId, Response missing, String missingId) {
        assertEquals(404, foreign.statusCode(), foreign.asString());
        assertEquals(404, missing.statusCode(), missing.asString());
        assertEquals(PROBLEM, foreign.contentType().split(";")[0]);
        assertEquals(missing.asString().replace(missingId, "ID"), foreign.asString().replace(foreignId, "ID"));
    }
}

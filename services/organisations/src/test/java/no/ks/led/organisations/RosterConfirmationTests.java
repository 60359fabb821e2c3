package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static no.ks.led.organisations.Demo.count;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.organisations.roster.Roster;
import no.ks.led.organisations.roster.RosterImport;
import no.ks.led.organisations.roster.RosterReport;
import org.junit.jupiter.api.Test;

/**
 * The roster import under the rule of issue 12, item 1 (an address known elsewhere waits for its person),
 * and the mark on the grants of a tenant's first import (MembershipGranted v2, {@code initialImport}).
 */
@QuarkusTest
class RosterConfirmationTests {

    private static final String GRANTED = "no.ks.led.organisations.MembershipGranted.v1";
    private static final String GRANTED_V2 = "no.ks.led.organisations.MembershipGranted.v2";
    private static final String HEADER = "skole;skolens organisasjonsnummer;skoleslag;ledergruppe;navn;e-post;rolle\n";

    @Inject
    EntityManager em;

    @Inject
    RosterImport rosterImport;

    @Test
    void anAddressKnownElsewhereIsCountedAsNewAndItsMembershipWaitsForThePerson() {
        String school = OrganisationNumberTest.randomValid();
        String known = Demo.freshEmail();
        Demo.addPerson("nordhei", "nordhei.executive", Demo.personBody("Kjent I Nordhei", known, "coordinator", null));
        String fresh = "r-" + UUID.randomUUID().toString().substring(0, 10) + "@example.org";
        String csv = HEADER
                + "Venteskolen;" + school + ";grunnskole;ja;Ny Rektor;" + fresh + ";rektor\n"
                + "Venteskolen;" + school + ";grunnskole;ja;Kjent Et Annet Sted;" + known + ";avdelingsleder\n";

        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .contentType("text/csv; charset=utf-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", "true")
                .when().post("/api/tenants/fjordvik/roster-imports")
                .then().statusCode(200).body("peopleToCreate", equalTo(2))
                .body("warnings.size()", equalTo(0));
        RosterReport report = rosterImport.importRoster("fjordvik", Roster.read(csv.getBytes(StandardCharsets.UTF_8),
                Roster.MAX_ROWS));
        assertEquals(2, report.peopleToCreate(), "whether nordhei knows the address is not fjordvik's to learn");

        Map<String, Object> waiting = QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                    SELECT m.id, m.awaiting_confirmation FROM membership m JOIN person p ON p.id = m.person_id
                    WHERE m.organisation_id = 'fjordvik' AND p.email = ?1 AND m.ended_at IS NULL""")
                    .setParameter(1, known).getSingleResult();
            return Map.of("id", row[0], "awaiting", row[1]);
        });
        assertEquals(true, waiting.get("awaiting"));
        assertEquals(0, events(GRANTED, waiting.get("id")), "no grant for the address known in nordhei");
        assertEquals(0, events(GRANTED_V2, waiting.get("id")));
        assertEquals(1, count(em, """
                SELECT count(*) FROM outbox_event o WHERE o.type = ?1 AND o.payload LIKE ?2""", GRANTED_V2,
                "%" + personOf(fresh) + "%"), "the new address is granted at once");
    }

    @Test
    void theGrantsOfATenantsFirstImportAreMarkedAndLaterOnesAreNot() {
        String slug = "forst-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(RealmLogin.accessToken("ks.admin")).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Førstevik kommune " + slug, "kind", "kommune",
                        "organisationNumber", OrganisationNumberTest.randomValid()))
                .when().post("/api/national/tenants").then().statusCode(201);
        String school = OrganisationNumberTest.randomValid();
        String first = "f-" + UUID.randomUUID().toString().substring(0, 10) + "@example.org";
        String later = "l-" + UUID.randomUUID().toString().substring(0, 10) + "@example.org";

        rosterImport.importRoster(slug, Roster.read((HEADER
                + "Førsteskolen;" + school + ";grunnskole;ja;Første Rektor;" + first + ";rektor\n")
                .getBytes(StandardCharsets.UTF_8), Roster.MAX_ROWS));
        rosterImport.importRoster(slug, Roster.read((HEADER
                + "Førsteskolen;" + school + ";grunnskole;ja;Senere Leder;" + later + ";avdelingsleder\n")
                .getBytes(StandardCharsets.UTF_8), Roster.MAX_ROWS));

        assertEquals(1, count(em, "SELECT count(*) FROM outbox_event WHERE type = ?1 AND payload LIKE ?2", GRANTED_V2,
                "%" + personOf(first) + "%\"initialImport\":true%"), "the first import's grant is marked");
        assertEquals(1, count(em, "SELECT count(*) FROM outbox_event WHERE type = ?1 AND payload LIKE ?2", GRANTED_V2,
                "%" + personOf(later) + "%\"initialImport\":false%"), "a later import's grant is not");
        assertEquals(1, count(em, "SELECT count(*) FROM outbox_event WHERE type = ?1 AND payload LIKE ?2", GRANTED,
                "%" + personOf(later) + "%"), "version 1 is still published beside version 2");
    }

    private String personOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT id FROM person WHERE email = ?1")
                .setParameter(1, email).getSingleResult().toString());
    }

    private long events(String type, Object mentioning) {
        return count(em, "SELECT count(*) FROM outbox_event WHERE type = ?1 AND payload LIKE ?2", type,
                "%" + mentioning + "%");
    }
}

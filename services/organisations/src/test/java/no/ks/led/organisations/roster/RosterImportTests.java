package no.ks.led.organisations.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/** Bulk onboarding through the API, against the real database, Kafka and realm. */
@QuarkusTest
class RosterImportTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String CSV = "text/csv";
    private static final String FJORDVIK_SCHOOL_ORG = "974123452";
    private static final String NORDHEI_SCHOOL_ORG = "975123456";
    private static final String SCHOOL_ADDED = "no.ks.led.organisations.SchoolAdded.v1";
    private static final String GRANTED = "no.ks.led.organisations.MembershipGranted.v1";
    private static final Random RANDOM = new Random();

    @Inject
    EntityManager em;

    @Inject
    RosterImport rosterImport;

    @Test
    void aDryRunReportsWhatWouldChangeAndChangesNothing() {
        String school = freshOrgNumber();
        String csv = RosterTest.HEADER
                + "Nyskolen;" + school + ";grunnskole;ja;Nina Ny;" + freshEmail() + ";rektor\n"
                + "Nyskolen;" + school + ";grunnskole;ja;Nils Ny;" + freshEmail() + ";avdelingsleder\n"
                // the demo school and its principal exist: reused, nothing to grant
                + "Fjordvik skole;" + FJORDVIK_SCHOOL_ORG + ";grunnskole;ja;Fatima Strand;fjordvik.principal@example.org;rektor\n"
                // an existing person gets a new role at the existing school
                + "Fjordvik skole;" + FJORDVIK_SCHOOL_ORG + ";grunnskole;ja;Fatima Strand;fjordvik.principal@example.org;inspektør\n";
        long[] before = state();

        upload("fjordvik.coordinator", true, csv)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("dryRun", equalTo(true))
                .body("rows", equalTo(4)).body("valid", equalTo(4))
                .body("errors.size()", equalTo(0))
                .body("schoolsToCreate", equalTo(1))
                .body("peopleToCreate", equalTo(2))
                .body("membershipsToGrant", equalTo(3));

        assertArrayEquals(before, state(), "schools, people, memberships, events");
        assertEquals(0, count("SELECT count(*) FROM school WHERE org_number = ?1", school));
    }

    @Test
    void anExistingSchoolOrPersonDescribedDifferentlyIsReusedWithAWarning() {
        Response report = upload("fjordvik.coordinator", true, RosterTest.HEADER
                + "Fjordvik skole AS;" + FJORDVIK_SCHOOL_ORG + ";videregående;nei;F. Strand;fjordvik.principal@example.org;rektor\n");
        report.then().statusCode(200)
                .body("valid", equalTo(1)).body("errors.size()", equalTo(0))
                .body("schoolsToCreate", equalTo(0)).body("peopleToCreate", equalTo(0)).body("membershipsToGrant", equalTo(0))
                .body("warnings.column", equalTo(List.of("skole", "navn")))
                .body("warnings[0].message", containsString("exists as \"Fjordvik skole\""))
                .body("warnings[1].message", containsString("registered with another name"));
        assertFalse(report.asString().contains("Fatima"), "the registered name is not shown: " + report.asString());
    }

    @Test
    void anImportCreatesSchoolsPeopleAndMembershipsWithTheirEventsAndAgainChangesNothing() {
        String first = freshOrgNumber();
        String second = freshOrgNumber();
        String principal = freshEmail();
        String leader = freshEmail();
        String csv = "\ufeffSchool,School_Org_Number,School_Kind,Leadership_Team,Name,Email,Role\r\n"
                + "\"Bakken skole, avd. Nord\"," + first + ",grunnskole,yes,Bente Bakke," + principal.toUpperCase() + ",principal\r\n"
                + "\"Bakken skole, avd. Nord\"," + first + ",grunnskole,yes,Leif Leder," + leader + ",school-leader\r\n"
                + "Åsen videregående skole," + second + ",videregående,no,Bente Bakke," + principal + ",principal\r\n";

        Response created = upload("fjordvik.executive", false, csv);
        created.then().statusCode(201)
                .body("dryRun", equalTo(false))
                .body("rows", equalTo(3)).body("valid", equalTo(3))
                .body("schoolsToCreate", equalTo(2))
                .body("peopleToCreate", equalTo(2))
                .body("membershipsToGrant", equalTo(3));

        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/schools")
                .then().statusCode(200)
                .body("organisationNumber", hasItems(first, second))
                .body("find { it.organisationNumber == '" + second + "' }.kind", equalTo("videregaende"))
                .body("find { it.organisationNumber == '" + second + "' }.hasLeadershipTeam", equalTo(false))
                .body("find { it.organisationNumber == '" + first + "' }.name", equalTo("Bakken skole, avd. Nord"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = ?1 AND event_key = 'fjordvik' AND payload LIKE ?2",
                SCHOOL_ADDED, "%" + first + "%"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = ?1 AND event_key = 'fjordvik' AND payload LIKE ?2",
                SCHOOL_ADDED, "%" + second + "%"));
        String principalId = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT CAST(id AS text) FROM person WHERE email = ?1").setParameter(1, principal)
                .getSingleResult().toString());
        assertEquals(2, count("SELECT count(*) FROM membership WHERE organisation_id = 'fjordvik' AND person_id = CAST(?1 AS uuid) AND role = 'principal'",
                principalId));
        assertEquals(2, count("SELECT count(*) FROM outbox_event WHERE type = ?1 AND event_key = 'fjordvik' AND payload LIKE ?2",
                GRANTED, "%" + principalId + "%"));
        assertEquals(1, count("SELECT count(*) FROM person WHERE email = ?1", leader));

        long[] before = state();
        upload("fjordvik.coordinator", false, csv)
                .then().statusCode(201)
                .body("schoolsToCreate", equalTo(0)).body("peopleToCreate", equalTo(0)).body("membershipsToGrant", equalTo(0));
        assertArrayEquals(before, state(), "schools, people, memberships, events");
    }

    @Test
    void anErrorAnywhereRefusesTheWholeImportAndChangesNothing() {
        String fresh = freshOrgNumber();
        String csv = RosterTest.HEADER
                + "Ny skole;" + fresh + ";grunnskole;ja;Ola;" + freshEmail() + ";rektor\n"
                + "Ny skole;" + fresh + ";grunnskole;ja;Kari;" + freshEmail() + ";skoleleder\n"
                + "Lånt skole;" + NORDHEI_SCHOOL_ORG + ";videregående;ja;Per;" + freshEmail() + ";rektor\n"
                + "Ny skole;" + fresh + ";grunnskole;ja;Kokk;" + freshEmail() + ";kokk\n";
        long[] before = state();

        Response refused = upload("fjordvik.coordinator", false, csv);
        refused.then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:roster-invalid"))
                .body("rows", equalTo(4)).body("valid", equalTo(2))
                .body("errors.row", equalTo(List.of(4, 5)))
                .body("errors[0].column", equalTo("skolens organisasjonsnummer"))
                .body("errors[0].message", containsString("belongs to a school of another owner"))
                .body("errors[1].column", equalTo("rolle"))
                .body("errors[1].message", containsString("rektor, skoleleder, avdelingsleder, inspektør, principal or school-leader"));
        assertFalse(refused.asString().contains("Nordhei"), "the other owner is not named: " + refused.asString());
        assertFalse(refused.asString().contains("nordhei"), refused.asString());
        assertArrayEquals(before, state(), "schools, people, memberships, events");

        upload("fjordvik.coordinator", true, csv)
                .then().statusCode(200)
                .body("valid", equalTo(2)).body("errors.row", equalTo(List.of(4, 5)))
                .body("schoolsToCreate", equalTo(1)).body("peopleToCreate", equalTo(2));
    }

    @Test
    void unreadableFilesAreRefusedWithAClearProblemInADryRunToo() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .contentType("application/octet-stream").body(RosterTest.resource("excel-windows-1252.csv"))
                .when().post("/api/tenants/fjordvik/roster-imports?dryRun=true")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:roster-unreadable"))
                .body("detail", containsString("not UTF-8"))
                .body("detail", containsString("CSV UTF-8"))
                .body("errors[0].row", equalTo(2));
        upload("fjordvik.coordinator", true, "skole;navn;rolle\nFjordvik skole;A;rektor\n")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("e-post/email"))
                .body("errors.column", hasItem("skolens organisasjonsnummer/school_org_number"));
        upload("fjordvik.coordinator", false, "")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("empty"));
        upload("fjordvik.coordinator", true, "skole;navn\n\"unclosed\n")
                .then().statusCode(400).contentType(PROBLEM);
        upload("fjordvik.coordinator", null, RosterTest.HEADER)
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("dryRun"));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/tenants/fjordvik/roster-imports?dryRun=true")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void moreThanTenThousandRowsOrTooManyBytesAreRefused() {
        StringBuilder csv = new StringBuilder(RosterTest.HEADER);
        for (int i = 0; i <= Roster.MAX_ROWS; i++) {
            csv.append("Skole;").append(FJORDVIK_SCHOOL_ORG).append(";grunnskole;ja;Leder;l").append(i).append("@example.org;rektor\n");
        }
        upload("fjordvik.coordinator", true, csv.toString())
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("more than 10,000 rows"));

        byte[] huge = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .contentType(CSV).body(huge)
                .when().post("/api/tenants/fjordvik/roster-imports?dryRun=true")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:roster-too-large"))
                .body("detail", containsString("4,194,304 bytes"));
    }

    @Test
    void anotherTenantsUserGetsTheSame404AsForAMissingTenantAndLeadersGet403() {
        String csv = RosterTest.HEADER + "Ny skole;" + freshOrgNumber() + ";grunnskole;ja;Ola;" + freshEmail() + ";rektor\n";
        long[] before = state();
        Response foreign = upload("nordhei.coordinator", false, csv, "fjordvik");
        Response missing = upload("nordhei.coordinator", false, csv, "no-such-tenant");
        assertEquals(404, foreign.statusCode(), foreign.asString());
        assertEquals(PROBLEM, foreign.contentType().split(";")[0]);
        assertEquals(missing.asString().replace("no-such-tenant", "T"), foreign.asString().replace("fjordvik", "T"));
        upload("nordhei.executive", true, csv, "fjordvik").then().statusCode(404).contentType(PROBLEM);

        for (String user : List.of("fjordvik.leader", "fjordvik.principal")) {
            upload(user, false, csv).then().statusCode(403).contentType(PROBLEM);
            upload(user, true, csv).then().statusCode(403).contentType(PROBLEM);
        }
        given().contentType(CSV).body(csv).when().post("/api/tenants/fjordvik/roster-imports?dryRun=true")
                .then().statusCode(401).contentType(PROBLEM);
        assertArrayEquals(before, state(), "schools, people, memberships, events");
    }

    /**
     * Issue 12, item 10: an import holds its own lock, not the tenant row, so the tenant's other writes go
     * on while it runs. The import runs in a thread of its own and is held open after writing its rows
     * (a latch), and the test first sees it running: its advisory lock is held in the database. Then a
     * school and a person are added to the same tenant through the API. With the tenant row locked (as
     * before), the school's foreign key check waited for the import.
     */
    @Test
    void aRunningImportDoesNotHoldTheTenantsOtherWrites() throws Exception {
        String csv = RosterTest.HEADER + "Importskole;" + freshOrgNumber() + ";grunnskole;ja;Ida Import;" + freshEmail()
                + ";rektor\n";
        Roster roster = Roster.read(csv.getBytes(StandardCharsets.UTF_8), Roster.MAX_ROWS);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<RosterReport> running = threads.submit(() -> {
                // QuarkusTransaction.begin needs a request context, which a plain thread lacks: the earlier
                // version of this test failed there, before the import started
                ManagedContext requestContext = Arc.container().requestContext();
                requestContext.activate();
                QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(300));
                try {
                    RosterReport report = rosterImport.importRoster("fjordvik", roster);
                    written.countDown();
                    assertTrue(finish.await(240, TimeUnit.SECONDS), "the test let the import finish");
                    return report;
                } finally {
                    // rolled back: nothing of it stays for the identity sync or later tests
                    QuarkusTransaction.rollback();
                    requestContext.terminate();
                }
            });
            awaitOrFail(written, running, "the import wrote its rows");
            assertEquals(1, count(IMPORT_LOCK_HELD), "the import is running: its lock is held");

            String school = "{\"name\":\"Skrivevik skole\",\"organisationNumber\":\"" + freshOrgNumber()
                    + "\",\"kind\":\"grunnskole\",\"hasLeadershipTeam\":true}";
            String person = "{\"name\":\"Per Parallell\",\"email\":\"" + freshEmail() + "\",\"role\":\"coordinator\"}";
            String token = RealmLogin.accessToken("fjordvik.coordinator");
            long started = System.nanoTime();
            Future<Integer> schoolAdded = threads.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(school).when().post("/api/tenants/fjordvik/schools").statusCode());
            assertEquals(201, schoolAdded.get(60, TimeUnit.SECONDS), "a school is added while the import runs");
            assertEquals(201, given().auth().oauth2(token).contentType(ContentType.JSON).body(person)
                    .when().post("/api/tenants/fjordvik/people").statusCode(), "a person is added while the import runs");
            System.out.printf("MEASURED a school and a person added while a roster import of the tenant runs: %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertFalse(running.isDone(), "the import was still running");
            assertEquals(1, count(IMPORT_LOCK_HELD), "the import still held its lock");

            finish.countDown();
            assertEquals(1, running.get(60, TimeUnit.SECONDS).schoolsToCreate());
            assertEquals(0, count(IMPORT_LOCK_HELD), "the import's lock ends with its transaction");
        } finally {
            finish.countDown();
            threads.shutdownNow();
        }
    }

    /** Whether the roster import of fjordvik holds its advisory lock (RosterImport's key), seen from another connection. */
    private static final String IMPORT_LOCK_HELD = """
            SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
            AND ((classid::bigint << 32) | objid::bigint) = hashtextextended('roster-import:fjordvik', 0)""";

    /** Waits for the latch; fails at once with the thread's own failure if it ended first. */
    private static void awaitOrFail(CountDownLatch latch, Future<?> thread, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!latch.await(200, TimeUnit.MILLISECONDS)) {
            if (thread.isDone()) {
                thread.get(); // throws the thread's failure
                throw new AssertionError(what + ": the thread ended without it");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 240 s");
            }
        }
    }

    @Test
    void tenThousandRowsAreCheckedInADryRunAndImportedInOneTransaction() {
        String csv = tenThousandRows();
        long[] before = state();
        // warm up the token and the client, so that the time measured is the dry run's
        upload("fjordvik.coordinator", true, RosterTest.HEADER + "Fjordvik skole;" + FJORDVIK_SCHOOL_ORG
                + ";grunnskole;ja;Fatima Strand;fjordvik.principal@example.org;rektor\n").then().statusCode(200);
        long started = System.nanoTime();
        upload("fjordvik.coordinator", true, csv)
                .then().statusCode(200)
                .body("rows", equalTo(10_000)).body("valid", equalTo(10_000))
                .body("schoolsToCreate", equalTo(500)).body("peopleToCreate", equalTo(10_000))
                .body("membershipsToGrant", equalTo(10_000));
        System.out.printf("MEASURED roster dry run of 10,000 rows over HTTP (the service logs its own part): %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertArrayEquals(before, state(), "schools, people, memberships, events");

        // The import is measured in full and then rolled back: committed, its 10,000 MembershipGranted
        // events would make the identity sync create 10,000 Keycloak users in the background of later tests.
        Roster roster = Roster.read(csv.getBytes(StandardCharsets.UTF_8), Roster.MAX_ROWS);
        QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(RosterImport.IMPORT_TIMEOUT_SECONDS));
        try {
            started = System.nanoTime();
            RosterReport report = rosterImport.importRoster("fjordvik", roster);
            System.out.printf("MEASURED roster import of 10,000 rows (500 schools, 10,000 people and memberships), "
                    + "without its commit: %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertEquals(10_000, report.membershipsToGrant());
            String firstSchool = roster.entries().get(0).school().number();
            assertEquals(1L, inThisTransaction("SELECT count(*) FROM school WHERE tenant_id = 'fjordvik' AND org_number = ?1", firstSchool));
            assertEquals(before[0] + 500, inThisTransaction("SELECT count(*) FROM school"));
            assertEquals(before[1] + 10_000, inThisTransaction("SELECT count(*) FROM person"));
            assertEquals(before[2] + 10_000, inThisTransaction("SELECT count(*) FROM membership"));
            // 500 SchoolAdded and each grant as MembershipGranted, each in v1 and v2 (both published until consumers move)
            assertEquals(before[3] + 21_000, inThisTransaction("SELECT count(*) FROM outbox_event"));
            assertEquals(10_000L, inThisTransaction("SELECT count(*) FROM outbox_event WHERE type = ?1 AND sent_at IS NULL", GRANTED)
                    - count("SELECT count(*) FROM outbox_event WHERE type = ?1 AND sent_at IS NULL", GRANTED));
        } finally {
            QuarkusTransaction.rollback();
        }
        assertArrayEquals(before, state(), "schools, people, memberships, events");
    }

    private String tenThousandRows() {
        StringBuilder csv = new StringBuilder("Skole;Skolens organisasjonsnummer;Skoleslag;Ledergruppe;Navn;E-post;Rolle\r\n");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] schools = freshOrgNumbers(500).toArray(new String[0]);
        for (int i = 0; i < 10_000; i++) {
            int s = i / 20;
            csv.append("\"Skole ").append(s).append(", Rostervik\";").append(schools[s]).append(";grunnskole;ja;Leder ")
                    .append(i).append(';').append("leder-").append(run).append('-').append(i).append("@example.org;")
                    .append(i % 20 == 0 ? "rektor" : "avdelingsleder").append("\r\n");
        }
        return csv.toString();
    }

    @Test
    void aDanishOwnersRosterNamesSchoolsByInstitutionNumberAndTitlesByDanishUsage() {
        String fresh = freshInstitutionNumber();
        String skoleleder = freshEmail();
        String afdelingsleder = freshEmail();
        String csv = "skole;institutionsnummer;skoleform;ledergruppe;navn;e-mail;rolle\n"
                + "Nybo Skole;" + fresh + ";folkeskole;ja;Karen Nybo;" + skoleleder + ";skoleleder\n"
                + "Nybo Skole;" + fresh + ";folkeskole;ja;Jens Dal;" + afdelingsleder + ";afdelingsleder\n"
                // the demo school, by its institution number: reused
                + "Norddal Skole;899 101;folkeskole;ja;Jens Dal;" + afdelingsleder + ";afdelingsleder\n";

        upload("norddal.skolechef", false, csv, "norddal").then().statusCode(201)
                .body("rows", equalTo(3)).body("valid", equalTo(3)).body("errors.size()", equalTo(0))
                .body("schoolsToCreate", equalTo(1)).body("peopleToCreate", equalTo(2)).body("membershipsToGrant", equalTo(3));

        given().auth().oauth2(RealmLogin.accessToken("norddal.skolechef")).when().get("/api/tenants/norddal/schools")
                .then().statusCode(200)
                .body("find { it.institutionNumber == '" + fresh + "' }.name", equalTo("Nybo Skole"))
                .body("find { it.institutionNumber == '" + fresh + "' }.kind", equalTo("folkeskole"))
                .body("find { it.institutionNumber == '" + fresh + "' }.organisationNumber", equalTo(null));
        assertEquals(1, count("SELECT count(*) FROM membership m JOIN person p ON p.id = m.person_id JOIN school s ON s.id = m.school_id"
                + " WHERE m.organisation_id = 'norddal' AND p.email = ?1 AND m.role = 'principal' AND m.title = 'skoleleder'"
                + " AND s.institution_number = ?2", skoleleder, fresh), "a Danish skoleleder heads the school");
        assertEquals(1, count("SELECT count(*) FROM membership m JOIN person p ON p.id = m.person_id JOIN school s ON s.id = m.school_id"
                + " WHERE m.organisation_id = 'norddal' AND p.email = ?1 AND m.role = 'school-leader'"
                + " AND s.institution_number = '899101'", afdelingsleder), "the existing school is found by its institution number");
        assertEquals(1, count("SELECT count(*) FROM school WHERE institution_number = ?1", fresh));
    }

    @Test
    void eachOwnersSchoolNumbersAndKindsAreCheckedByItsCountrysRules() {
        long[] before = state();
        // a Danish owner's file with a Norwegian organisation number and a Norwegian kind
        upload("norddal.skolechef", false, "skole;institutionsnummer;skoleform;ledergruppe;navn;e-mail;rolle\n"
                + "Fjordvik skole;" + FJORDVIK_SCHOOL_ORG + ";grunnskole;ja;A;" + freshEmail() + ";skoleleder\n", "norddal")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.column", equalTo(List.of("institutionsnummer", "skoleform")))
                .body("errors[0].message", containsString("not a valid institution number"))
                .body("errors[1].message", containsString("folkeskole, specialskole, ungdomsskole or 10-klassecenter"));
        // a Norwegian owner's file with a Danish institution number and a Danish kind
        upload("fjordvik.coordinator", false, RosterTest.HEADER
                + "Nyskolen;899101;folkeskole;ja;A;" + freshEmail() + ";rektor\n")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.column", equalTo(List.of("skolens organisasjonsnummer", "skoleslag")))
                .body("errors[0].message", containsString("not a valid organisation number"));
        assertArrayEquals(before, state(), "schools, people, memberships, events");
    }

    /** A Danish institution number no school has. */
    @SuppressWarnings("unchecked")
    private String freshInstitutionNumber() {
        Set<String> taken = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(
                "SELECT institution_number FROM school WHERE institution_number IS NOT NULL").getResultList()));
        while (true) {
            String candidate = String.format("%06d", RANDOM.nextInt(1_000_000));
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private Response upload(String user, Boolean dryRun, String csv) {
        return upload(user, dryRun, csv, "fjordvik");
    }

    private Response upload(String user, Boolean dryRun, String csv, String tenant) {
        RequestSpecification request = given().auth().oauth2(RealmLogin.accessToken(user))
                .contentType(CSV + "; charset=utf-8").body(csv.getBytes(StandardCharsets.UTF_8));
        if (dryRun != null) {
            request = request.queryParam("dryRun", dryRun.toString());
        }
        return request.when().post("/api/tenants/" + tenant + "/roster-imports").then().extract().response();
    }

    /** Rows of schools, people, memberships and outbox events: what an import would change. */
    private long[] state() {
        return new long[] {count("SELECT count(*) FROM school"), count("SELECT count(*) FROM person"),
                count("SELECT count(*) FROM membership"), count("SELECT count(*) FROM outbox_event")};
    }

    private long inThisTransaction(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private static String freshEmail() {
        return "r-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
    }

    /** An organisation number no school or tenant has. */
    private String freshOrgNumber() {
        return freshOrgNumbers(1).get(0);
    }

    /** Distinct organisation numbers no school or tenant has. */
    @SuppressWarnings("unchecked")
    private List<String> freshOrgNumbers(int n) {
        Set<String> taken = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(
                "SELECT CAST(org_number AS text) FROM school UNION SELECT CAST(org_number AS text) FROM tenant").getResultList()));
        Set<String> fresh = new LinkedHashSet<>();
        while (fresh.size() < n) {
            String candidate = randomOrgNumber();
            if (!taken.contains(candidate)) {
                fresh.add(candidate);
            }
        }
        return List.copyOf(fresh);
    }

    static String randomOrgNumber() {
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        while (true) {
            String first8 = Integer.toString(80_000_000 + RANDOM.nextInt(19_999_999));
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (first8.charAt(i) - '0') * weights[i];
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return first8 + (check == 11 ? 0 : check);
            }
        }
    }
}

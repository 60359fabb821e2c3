package no.ks.led.surveys;

import static no.ks.led.surveys.SurveyFlowTests.FORBIDDEN;
import static no.ks.led.surveys.SurveyFlowTests.INVALID;
import static no.ks.led.surveys.SurveyFlowTests.PROBLEM;
import static no.ks.led.surveys.SurveyFlowTests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.events.organisations.TenantOnboardedV2;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.testing.DemoAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The national view against the real database and realm: aggregates over tenants with suppression, never
 * a school. Its rounds are written straight to the tables (tenants of their own, closing in a year no
 * other test uses) and their tallies rebuilt, as a bulk load would leave them.
 */
@QuarkusTest
class NationalResultsTests {

    static final int YEAR = 2099;
    static final String TENANT_PREFIX = "national-test-";
    static final String ROUTE = "/api/national/survey-results";

    @Inject
    EntityManager entityManager;

    @Inject
    AccessReplica replica;

    private final List<UUID> schools = new ArrayList<>();

    @BeforeEach
    void removeEarlierRuns() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM survey_round WHERE tenant_id LIKE ?1").setParameter(1, TENANT_PREFIX + "%").executeUpdate());
    }

    @Test
    void ksSeesTheNationAndEachTenantWhereKAllowsAndASmallTenantsComplementIsHiddenToo() {
        // alfa: two schools, 5 respondents; its school A1 also answered an earlier round of the year, which does not count
        UUID a1 = school();
        UUID a2 = school();
        round("alfa", "individual", LocalDate.of(YEAR, 3, 1), 3, a1, new int[][] {{1}, {1}, {1}, {1}, {1}, {1}, {1}});
        round("alfa", "individual", LocalDate.of(YEAR, 6, 1), 3, a1, new int[][] {{4, 5}, {5, 5}, {3, 4}});
        round("alfa", "team", LocalDate.of(YEAR, 9, 1), 3, a2, new int[][] {{4, 4}});
        round("alfa", "team", LocalDate.of(YEAR, 9, 1), 3, school(), new int[][] {{2, 3}});
        // beta: 4 respondents
        round("beta", "individual", LocalDate.of(YEAR, 5, 1), 3, school(), new int[][] {{2, 1}, {2, 2}, {3, 3}, {5, 4}});
        // gamma: 2 respondents, fewer than k
        round("gamma", "individual", LocalDate.of(YEAR, 12, 31), 3, school(), new int[][] {{5, 5}, {5, 5}});
        // a round closing the year after does not count
        round("delta", "individual", LocalDate.of(YEAR + 1, 1, 1), 3, school(), new int[][] {{1}, {1}, {1}});

        String body = as("ks.analyst").when().get(ROUTE + "?instrumentVersion=1&year=" + YEAR).then().statusCode(200)
                .body("instrumentVersion", equalTo(1)).body("year", equalTo(YEAR)).body("minGroupSize", equalTo(3))
                .body("tenants.tenantId", contains(TENANT_PREFIX + "alfa", TENANT_PREFIX + "beta", TENANT_PREFIX + "gamma"))
                // the nation: 5 + 4 + 2 = 11
                .body("total.suppressed", equalTo(false)).body("total.respondents", equalTo(11))
                .body("total.sections[0].code", equalTo("learning"))
                .body("total.sections[0].items[0].code", equalTo("learning-1"))
                .body("total.sections[0].items[0].responseCount", equalTo(11))
                // (4+5+3+4+2 + 2+2+3+5 + 5+5) / 11
                .body("total.sections[0].items[0].mean", equalTo(3.64f))
                .body("total.sections[0].items[0].distribution.'5'", equalTo(4))
                .body("total.freeText", hasSize(0))
                // alfa (5: 3 from A1's later round, A2's team and another team) is shown
                .body("tenants[0].results.suppressed", equalTo(false)).body("tenants[0].results.respondents", equalTo(5))
                .body("tenants[0].results.sections[0].items[0].mean", equalTo(3.6f))
                .body("tenants[0].results.sections[0].items[1].responseCount", equalTo(5))
                .body("tenants[0].results.freeText", hasSize(0))
                // gamma (2) is below k; nation minus alfa minus beta would show it, so beta (the smaller) is hidden too
                .body("tenants[2].results.suppressed", equalTo(true)).body("tenants[2].results.respondents", nullValue())
                .body("tenants[1].results.suppressed", equalTo(true)).body("tenants[1].results.sections", hasSize(0))
                .extract().asString();
        String csv = as("ks.analyst").when().get(ROUTE + ".csv?instrumentVersion=1&year=" + YEAR).then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", containsString("resultater-nasjonalt-v1-" + YEAR + ".csv"))
                .extract().asString();
        assertTrue(csv.contains("Skoleeier-ID") && csv.contains("Hele landet") && csv.contains(TENANT_PREFIX + "beta;"));
        assertTrue(csv.contains("skjult (< 3)"));
        assertTrue(csv.contains("3,64"), "the nation's mean of learning-1, with a decimal comma");
        for (String text : new String[] {body, csv}) {
            assertFalse(text.contains("Kommentar"), "free text at national level");
            for (UUID school : schools) {
                assertFalse(text.contains(school.toString()), "the national view names a school");
            }
        }
        as("ks.admin").when().get(ROUTE + "?instrumentVersion=1&year=" + YEAR).then().statusCode(200)
                .body("total.respondents", equalTo(11));
    }

    @Test
    void itemsAnsweredByFewerThanKAreHiddenWithTheirComplement() {
        // alfa 3 and beta 3 answered learning-1; learning-2 only 2 at alfa and 3 at beta
        round("alfa", "individual", LocalDate.of(YEAR, 4, 1), 3, school(), new int[][] {{3, 3}, {3, 3}, {3}});
        round("beta", "individual", LocalDate.of(YEAR, 4, 1), 3, school(), new int[][] {{4, 4}, {4, 4}, {4, 4}});
        as("ks.analyst").when().get(ROUTE + "?instrumentVersion=1&year=" + YEAR).then().statusCode(200)
                .body("total.sections[0].items[0].mean", equalTo(3.5f))
                .body("total.sections[0].items[1].suppressed", equalTo(false))
                .body("total.sections[0].items[1].responseCount", equalTo(5))
                // learning-2: alfa's 2 are hidden, and beta's 3 with them (nation minus beta would be alfa's)
                .body("tenants[0].results.sections[0].items[1].suppressed", equalTo(true))
                .body("tenants[1].results.sections[0].items[1].suppressed", equalTo(true))
                .body("tenants[1].results.sections[0].items[0].mean", equalTo(4.0f))
                // and a section with a hidden item has no mean
                .body("tenants[1].results.sections[0].suppressed", equalTo(true))
                .body("tenants[1].results.sections[0].mean", nullValue());
    }

    @Test
    void theNationsTrendListsEachYearWithRoundsAsTheNationalViewShowsIt() {
        // 2 years before: 2 respondents only, so the nation is hidden; the year before: 3 answering 2s; the year: 6 answering 4s
        round("gamma", "individual", LocalDate.of(YEAR - 2, 6, 1), 3, school(), new int[][] {{5, 5}, {5, 5}});
        // (every item of the section "learning" answered, so its mean is shown)
        int[] twos = {2, 2, 2, 2};
        int[] fours = {4, 4, 4, 4};
        round("alfa", "individual", LocalDate.of(YEAR - 1, 6, 1), 3, school(), new int[][] {twos, twos, twos});
        round("alfa", "individual", LocalDate.of(YEAR, 6, 1), 3, school(), new int[][] {fours, fours, fours});
        round("beta", "individual", LocalDate.of(YEAR, 6, 1), 3, school(), new int[][] {fours, fours, fours});

        String body = as("ks.analyst").when().get(ROUTE + "/trend?instrumentVersion=1&fromYear=" + (YEAR - 3) + "&toYear=" + YEAR)
                .then().statusCode(200)
                .body("instrumentVersion", equalTo(1)).body("fromYear", equalTo(YEAR - 3)).body("toYear", equalTo(YEAR))
                // a year without rounds is left out
                .body("years.year", contains(YEAR - 2, YEAR - 1, YEAR))
                .body("years[0].suppressed", equalTo(true)).body("years[0].respondents", nullValue())
                .body("years[0].sections", hasSize(0))
                .body("years[1].suppressed", equalTo(false)).body("years[1].respondents", equalTo(3))
                .body("years[1].instrumentVersion", equalTo(1))
                .body("years[1].sections[0].code", equalTo("learning")).body("years[1].sections[0].mean", equalTo(2.0f))
                .body("years[2].respondents", equalTo(6)).body("years[2].sections[0].mean", equalTo(4.0f))
                .extract().asString();
        for (UUID school : schools) {
            assertFalse(body.contains(school.toString()), "the national trend names a school");
        }
        assertFalse(body.contains(TENANT_PREFIX), "the national trend names a tenant");

        String[][] cases = {
                {"?fromYear=2020&toYear=2021", "instrumentVersion"},
                {"?instrumentVersion=1&toYear=2021", "fromYear"},
                {"?instrumentVersion=1&fromYear=2021", "toYear"},
                {"?instrumentVersion=1&fromYear=2022&toYear=2021", "toYear"},
                {"?instrumentVersion=1&fromYear=2010&toYear=2020", "toYear"},
                {"?instrumentVersion=1&fromYear=1999&toYear=2001", "fromYear"}};
        for (String[] c : cases) {
            as("ks.admin").when().get(ROUTE + "/trend" + c[0]).then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(INVALID)).body("violations.field", hasItem(c[1]));
        }
        for (String user : new String[] {"fjordvik.executive", "fjordvik.principal", "veiviser.consultant"}) {
            as(user).when().get(ROUTE + "/trend?instrumentVersion=1&fromYear=" + YEAR + "&toYear=" + YEAR)
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        }
    }

    @Test
    void eachCountrysNationalOperatorSeesItsOwnTenantsOnlyAndNeverTheOthers() {
        // a Danish tenant, known as Danish to this service's access replica from its onboarding event
        String danish = TENANT_PREFIX + "dk-" + UUID.randomUUID().toString().substring(0, 8);
        DemoAccess.publish(danish, new TenantOnboardedV2(danish, "Sønderby Kommune", "dansk-kommune", "DK", "29189846",
                "Europe/Copenhagen", "da", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> replica.countryOf(danish)) == Country.DK);
        // and a Norwegian one onboarded before version 2: its country follows from its kind
        String norwegian = TENANT_PREFIX + "no-" + UUID.randomUUID().toString().substring(0, 8);
        DemoAccess.publish(norwegian, new TenantOnboarded(norwegian, "Nordvik kommune", "kommune", "934567897",
                "Europe/Oslo", "nb", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> entityManager.createNativeQuery("SELECT country FROM access_organisation WHERE id = ?1")
                        .setParameter(1, norwegian).getResultList()).equals(List.of("NO")));
        int[] fives = {5, 5};
        int[] ones = {1, 1};
        roundOf(danish, LocalDate.of(YEAR, 5, 1), school(), new int[][] {fives, fives, fives, fives});
        roundOf(norwegian, LocalDate.of(YEAR, 5, 1), school(), new int[][] {ones, ones, ones});

        String ks = as("ks.analyst").when().get(ROUTE + "?instrumentVersion=1&year=" + YEAR).then().statusCode(200)
                .body("tenants.tenantId", contains(norwegian)).body("total.respondents", equalTo(3))
                .body("total.sections[0].items[0].mean", equalTo(1.0f)).extract().asString();
        String dk = as("kl.analyst").when().get(ROUTE + "?instrumentVersion=1&year=" + YEAR).then().statusCode(200)
                .body("tenants.tenantId", contains(danish)).body("total.respondents", equalTo(4))
                .body("total.sections[0].items[0].mean", equalTo(5.0f)).extract().asString();
        String ksCsv = as("ks.admin").when().get(ROUTE + ".csv?instrumentVersion=1&year=" + YEAR).then().statusCode(200)
                .extract().asString();
        String dkCsv = as("kl.analyst").when().get(ROUTE + ".csv?instrumentVersion=1&year=" + YEAR).then().statusCode(200)
                .extract().asString();
        String trendRoute = ROUTE + "/trend?instrumentVersion=1&fromYear=" + YEAR + "&toYear=" + YEAR;
        as("ks.analyst").when().get(trendRoute).then().statusCode(200).body("years[0].respondents", equalTo(3));
        as("kl.analyst").when().get(trendRoute).then().statusCode(200).body("years[0].respondents", equalTo(4));
        for (String norwegianView : new String[] {ks, ksCsv}) {
            assertFalse(norwegianView.contains(danish), "KS's national view shows a Danish tenant");
            assertTrue(norwegianView.contains(norwegian));
        }
        for (String danishView : new String[] {dk, dkCsv}) {
            assertFalse(danishView.contains(norwegian), "the Danish national view shows a Norwegian tenant");
            assertTrue(danishView.contains(danish));
        }
        // a year with Norwegian rounds only is empty for Denmark
        as("kl.analyst").when().get(ROUTE + "?instrumentVersion=1&year=" + (YEAR - 1)).then().statusCode(200)
                .body("tenants", hasSize(0));
    }

    @Test
    void aYearWithoutRoundsShowsNothing() {
        as("ks.analyst").when().get(ROUTE + "?instrumentVersion=1&year=2001").then().statusCode(200)
                .body("total.suppressed", equalTo(true)).body("tenants", hasSize(0));
    }

    @Test
    void onlyKsMayAskAndParametersAreValidated() {
        for (String user : new String[] {"fjordvik.principal", "fjordvik.leader", "fjordvik.executive",
                "nordhei.coordinator", "veiviser.consultant"}) {
            as(user).when().get(ROUTE + "?instrumentVersion=1&year=" + YEAR)
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
            as(user).when().get(ROUTE + ".csv?instrumentVersion=1&year=" + YEAR)
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        }
        io.restassured.RestAssured.given().when().get(ROUTE + "?instrumentVersion=1&year=2026")
                .then().statusCode(401).contentType(PROBLEM);
        String[][] cases = {
                {"?year=2026", "instrumentVersion"},
                {"?instrumentVersion=99&year=2026", "instrumentVersion"},
                {"?instrumentVersion=v1&year=2026", "instrumentVersion"},
                {"?instrumentVersion=1", "year"},
                {"?instrumentVersion=1&year=1999", "year"},
                {"?instrumentVersion=1&year=2101", "year"},
                {"?instrumentVersion=1&year=20x6", "year"}};
        for (String[] c : cases) {
            as("ks.analyst").when().get(ROUTE + c[0]).then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(INVALID)).body("violations.field", hasItem(c[1]));
            as("ks.admin").when().get(ROUTE + ".csv" + c[0]).then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(INVALID)).body("violations.field", hasItem(c[1]));
        }
        as("ks.analyst").when().get(ROUTE + "?instrumentVersion=1&year=2100").then().statusCode(200);
    }

    private UUID school() {
        UUID id = UUID.randomUUID();
        schools.add(id);
        return id;
    }

    private void roundOf(String tenantId, LocalDate closesOn, UUID school, int[][] sets) {
        round(tenantId.substring(TENANT_PREFIX.length()), "individual", closesOn, 3, school, sets);
    }

    /** A round of the tenant at one school, closing on the day, with one submitted set per row of (learning-1, learning-2). */
    private void round(String tenant, String mode, LocalDate closesOn, int k, UUID school, int[][] sets) {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID round = UUID.randomUUID();
            entityManager.createNativeQuery("""
                    INSERT INTO survey_round (id, tenant_id, title, mode, opens_on, closes_on, instrument_version, min_group_size)
                    VALUES (?1, ?2, 'Nasjonal test', ?3, ?4, ?5, 1, ?6)""")
                    .setParameter(1, round).setParameter(2, TENANT_PREFIX + tenant).setParameter(3, mode)
                    .setParameter(4, closesOn.minusDays(20)).setParameter(5, closesOn).setParameter(6, k).executeUpdate();
            entityManager.createNativeQuery("INSERT INTO survey_round_school (round_id, school_id) VALUES (?1, ?2)")
                    .setParameter(1, round).setParameter(2, school).executeUpdate();
            for (int[] values : sets) {
                UUID set = UUID.randomUUID();
                entityManager.createNativeQuery("""
                        INSERT INTO answer_set (id, tenant_id, round_id, school_id, owner_tag, submitted)
                        VALUES (?1, ?2, ?3, ?4, ?5, true)""")
                        .setParameter(1, set).setParameter(2, TENANT_PREFIX + tenant).setParameter(3, round)
                        .setParameter(4, school).setParameter(5, "test-" + set).executeUpdate();
                for (int i = 0; i < values.length; i++) {
                    entityManager.createNativeQuery("""
                            INSERT INTO answer (answer_set_id, stage, item_code, value) VALUES (?1, 'submitted', ?2, ?3)""")
                            .setParameter(1, set).setParameter(2, "learning-" + (i + 1)).setParameter(3, (short) values[i])
                            .executeUpdate();
                }
                entityManager.createNativeQuery("""
                        INSERT INTO answer (answer_set_id, stage, item_code, text) VALUES (?1, 'submitted', 'comments-1', ?2)""")
                        .setParameter(1, set).setParameter(2, "Kommentar fra " + tenant).executeUpdate();
            }
            entityManager.createNativeQuery("SELECT 1 FROM (SELECT rebuild_result_tally(?1)) rebuilt")
                    .setParameter(1, round).getSingleResult();
        });
    }
}

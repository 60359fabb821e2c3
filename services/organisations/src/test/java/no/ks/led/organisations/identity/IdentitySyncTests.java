package no.ks.led.organisations.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ProcessingException;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.organisations.CvrNumberTest;
import no.ks.led.organisations.OrganisationNumberTest;
import no.ks.led.organisations.identity.service.IdentityTaskApplier;
import no.ks.led.organisations.identity.service.KeycloakAdmin;
import no.ks.led.organisations.identity.service.KeycloakOrganizations;
import no.ks.led.organisations.identity.service.KeycloakUsers;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import static org.awaitility.Awaitility.await;

/**
 * The identity sync against the real Keycloak of the local stack, including an outage: Keycloak is
 * stopped with {@code deploy/local/stack.sh stop-keycloak} while changes are made, and started again.
 */
@QuarkusTest
class IdentitySyncTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String SYNC = "/api/national/identity-sync";

    @Inject
    KeycloakAdmin keycloakAdmin;

    @Inject
    KeycloakOrganizations organizations;

    @Inject
    KeycloakUsers users;

    @Inject
    IdentityTaskApplier applier;

    @Inject
    EntityManager entityManager;

    @Test
    void changesMadeWhileKeycloakIsDownAreAppliedOnceWhenItIsBack() throws Exception {
        // Tokens are fetched before the outage; they live 300 s and the service checks them offline.
        String admin = RealmLogin.fetchAccessToken("led-cli", "ks.admin");
        long issued = System.nanoTime();
        String coordinator = RealmLogin.fetchAccessToken("led-cli", "fjordvik.coordinator");
        String keysBefore = signingKeys();
        String slug = "sync-" + UUID.randomUUID().toString().substring(0, 8);
        String email = slug + ".rektor@example.org";

        long t0 = System.nanoTime();
        stack("stop-keycloak");
        System.out.printf("[identity-sync] Keycloak stopped in %d ms%n", ms(t0));
        boolean restarted = false;
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("slug", slug, "name", "Synkvik kommune " + slug, "kind", "kommune",
                            "organisationNumber", OrganisationNumberTest.randomValid()))
                    .when().post("/api/national/tenants").then().statusCode(201);
            JsonPath added = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                    .body(Map.of("name", "Sara Synk", "email", email, "role", "coordinator"))
                    .when().post("/api/tenants/fjordvik/people").then().statusCode(201).extract().jsonPath();
            UUID personId = UUID.fromString(added.getString("person.id"));

            // Accepted and recorded; the worker tries, fails and says why.
            await().atMost(120, TimeUnit.SECONDS).pollInterval(500, TimeUnit.MILLISECONDS).untilAsserted(() -> {
                JsonPath pending = given().auth().oauth2(admin).queryParam("status", "pending")
                        .when().get(SYNC).then().statusCode(200).extract().jsonPath();
                Map<String, Object> onboarding = task(pending, slug, "TenantOnboarded");
                assertNotNull(onboarding, "the onboarding task is pending");
                assertTrue(((Integer) onboarding.get("attempts")) >= 1);
                assertNotNull(onboarding.get("lastError"), "the failure is shown");
                assertFalse(onboarding.containsKey("payload"), "no event data in the admin view");
            });
            assertTrue(directoryIsDown(), "Keycloak is really away");

            long t1 = System.nanoTime();
            stack("start-keycloak");
            restarted = true;
            // This test's own calls below would otherwise meet the old server's closed connections
            // (the worker starts afresh by itself after its first failure).
            keycloakAdmin.reset();
            System.out.printf("[identity-sync] Keycloak started (realms imported) in %d ms%n", ms(t1));
            assertEquals(keysBefore, signingKeys(), "the realm's signing keys survive the restart");
            if (ms(issued) < 270_000) {
                // A token issued before the restart is still accepted (it lives 300 s).
                given().auth().oauth2(admin).when().get(SYNC).then().statusCode(200);
            }
            String fresh = RealmLogin.fetchAccessToken("led-cli", "ks.admin");

            long t2 = System.nanoTime();
            await().atMost(180, TimeUnit.SECONDS).pollInterval(500, TimeUnit.MILLISECONDS).untilAsserted(() -> {
                JsonPath done = given().auth().oauth2(fresh).queryParam("status", "done")
                        .when().get(SYNC).then().statusCode(200).extract().jsonPath();
                assertNotNull(task(done, slug, "TenantOnboarded"), "onboarding applied");
                assertEquals(1, count("SELECT count(*) FROM identity_sync_task WHERE tenant_id = 'fjordvik' "
                        + "AND kind = 'MembershipGranted' AND status = 'done' AND payload LIKE ?1", "%" + personId + "%"));
            });
            System.out.printf("[identity-sync] tasks applied %d ms after Keycloak was back%n", ms(t2));

            // Keycloak has the organization, the user (linked by led_person_id) and the membership, once each.
            OrganizationRepresentation org = organizations.organization(slug).orElseThrow();
            assertEquals("Synkvik kommune " + slug, org.getName());
            assertEquals(1, organizations.organizationCount(slug), "one organization with the alias");
            UserRepresentation user = users.findUser(personId, null).orElseThrow();
            assertEquals(email, user.getEmail());
            assertEquals(personId.toString(), user.firstAttribute(KeycloakUsers.PERSON_ID_ATTRIBUTE));
            assertEquals(1, users.usersWithEmail(email), "one user for the person");
            assertTrue(organizations.isMember("fjordvik", user.getId()));
            assertEquals(user.getId(), QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("SELECT keycloak_user_id FROM person WHERE id = ?1")
                    .setParameter(1, personId).getSingleResult()), "the user id is written back");
            // Each event became one task, done once.
            assertEquals(1, count("SELECT count(*) FROM identity_sync_task WHERE tenant_id = ?1", slug));
            assertEquals(1, count("SELECT count(*) FROM identity_sync_task WHERE tenant_id = ?1 AND attempts > 1 "
                    + "AND status = 'done' AND done_at IS NOT NULL", slug), "it failed first, then succeeded once");

            // A crash after Keycloak succeeded and before the task was marked done means it is applied again:
            // that changes nothing.
            for (String kind : List.of("TenantOnboarded", "MembershipGranted")) {
                QuarkusTransaction.requiringNew().run(() -> {
                    IdentitySyncTask task = IdentitySyncTask.<IdentitySyncTask>find(
                            "kind = ?1 and (tenantId = ?2 or payload like ?3) and status = 'done'", kind, slug,
                            "%" + personId + "%").firstResult();
                    try {
                        applier.apply(task);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
            }
            assertEquals(org.getId(), organizations.organization(slug).orElseThrow().getId());
            assertEquals(1, organizations.organizationCount(slug));
            assertEquals(1, users.usersWithEmail(email));
            assertTrue(organizations.isMember("fjordvik", user.getId()));
        } finally {
            if (!restarted) {
                stack("start-keycloak"); // whatever failed, the other tests need Keycloak
                keycloakAdmin.reset();
            }
        }
    }

    @Test
    void membershipsAndEngagementsMoveUsersInAndOutOfOrganizations() {
        String admin = RealmLogin.accessToken("ks.admin");
        String coordinator = RealmLogin.accessToken("fjordvik.coordinator");
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        // A person added to fjordvik becomes a user and a member; ending the membership removes them.
        JsonPath added = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("name", "Mats Medlem", "email", "medlem-" + suffix + "@example.org", "role", "coordinator"))
                .when().post("/api/tenants/fjordvik/people").then().statusCode(201).extract().jsonPath();
        UUID member = UUID.fromString(added.getString("person.id"));
        String userId = await().ignoreExceptionsInstanceOf(ProcessingException.class).atMost(120, TimeUnit.SECONDS).until(() -> users.findUser(member, null)
                .map(UserRepresentation::getId).filter(id -> organizations.isMember("fjordvik", id)).orElse(null),
                java.util.Objects::nonNull);
        given().auth().oauth2(coordinator).when().delete("/api/tenants/fjordvik/memberships/" + added.getString("membership.id"))
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
        await().ignoreExceptionsInstanceOf(ProcessingException.class).atMost(120, TimeUnit.SECONDS).until(() -> !organizations.isMember("fjordvik", userId));

        // A consultancy's consultant: a member of the consultancy's organization (created on first use),
        // of the client's while the engagement lasts, and no longer after it ended.
        String consultancy = "konsult-" + suffix;
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("slug", consultancy, "name", "Konsult " + suffix + " AS",
                        "organisationNumber", OrganisationNumberTest.randomValid()))
                .when().post("/api/national/consultancies").then().statusCode(201);
        UUID consultant = UUID.fromString(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Kari Konsulent", "email", "konsulent-" + suffix + "@example.org"))
                .when().post("/api/national/consultancies/" + consultancy + "/consultants")
                .then().statusCode(201).extract().jsonPath().getString("person.id"));
        String consultantUser = await().ignoreExceptionsInstanceOf(ProcessingException.class).atMost(120, TimeUnit.SECONDS).until(() -> users.findUser(consultant, null)
                .map(UserRepresentation::getId).filter(id -> organizations.isMember(consultancy, id)).orElse(null),
                java.util.Objects::nonNull);
        String engagement = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("consultancyId", consultancy, "startsOn", java.time.LocalDate.now().toString()))
                .when().post("/api/tenants/fjordvik/engagements").then().statusCode(201).extract().jsonPath().getString("id");
        await().ignoreExceptionsInstanceOf(ProcessingException.class).atMost(120, TimeUnit.SECONDS).until(() -> organizations.isMember("fjordvik", consultantUser));
        given().auth().oauth2(coordinator).when().delete("/api/tenants/fjordvik/engagements/" + engagement)
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
        await().ignoreExceptionsInstanceOf(ProcessingException.class).atMost(120, TimeUnit.SECONDS).until(() -> !organizations.isMember("fjordvik", consultantUser));
        assertTrue(organizations.isMember(consultancy, consultantUser), "still a consultant of the consultancy");
    }

    @Test
    void erasureDisablesTheUserAndClearsWhatItHolds() {
        String coordinator = RealmLogin.accessToken("fjordvik.coordinator");
        String email = "glemmes-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UUID personId = UUID.fromString(given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("name", "Gunn Glemmes", "email", email, "role", "coordinator"))
                .when().post("/api/tenants/fjordvik/people").then().statusCode(201).extract().jsonPath()
                .getString("person.id"));
        await().ignoreExceptionsInstanceOf(ProcessingException.class).atMost(120, TimeUnit.SECONDS).until(() -> users.findUser(personId, null).isPresent());

        given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .when().post("/api/national/people/" + personId + "/erasure").then().statusCode(200);
        UserRepresentation erased = await().atMost(120, TimeUnit.SECONDS)
                .until(() -> users.findUser(personId, null).orElseThrow(), u -> !u.isEnabled());
        assertEquals("erased-" + personId, erased.getUsername());
        assertTrue(erased.getEmail() == null || erased.getEmail().isEmpty(), "no e-mail address");
        assertTrue(erased.getFirstName() == null || erased.getFirstName().isEmpty(), "no name");
        assertEquals(0, users.usersWithEmail(email));
    }

    @Test
    void twoTenantsWithOneNameBothGetAnOrganization() {
        String admin = RealmLogin.accessToken("ks.admin");
        String name = "Herøy kommune " + UUID.randomUUID().toString().substring(0, 8);
        List<String> slugs = List.of("heroy-a-" + UUID.randomUUID().toString().substring(0, 6),
                "heroy-b-" + UUID.randomUUID().toString().substring(0, 6));
        for (String slug : slugs) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("slug", slug, "name", name, "kind", "kommune",
                            "organisationNumber", OrganisationNumberTest.randomValid()))
                    .when().post("/api/national/tenants").then().statusCode(201);
        }
        await().ignoreExceptionsInstanceOf(ProcessingException.class).atMost(120, TimeUnit.SECONDS)
                .until(() -> organizations.organization(slugs.get(1)).isPresent());
        assertEquals(name, organizations.organization(slugs.get(0)).orElseThrow().getName());
        assertEquals(name + " (" + slugs.get(1) + ")", organizations.organization(slugs.get(1)).orElseThrow().getName(),
                "Keycloak wants unique names: the second gets its alias added");
    }

    @Test
    void aDanishTenantOnboardedLaterGetsTheDanishLoginAndANorwegianOneNoProvider() {
        String admin = RealmLogin.accessToken("ks.admin");
        String danish = "dksync-" + UUID.randomUUID().toString().substring(0, 8);
        String norwegian = "nosync-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("slug", danish, "name", "Sydby Kommune " + danish, "kind", "dansk-kommune",
                        "organisationNumber", CvrNumberTest.randomValid(), "municipalityNumber", "851"))
                .when().post("/api/national/tenants").then().statusCode(201).body("country", equalTo("DK"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("slug", norwegian, "name", "Nordby kommune " + norwegian, "kind", "kommune",
                        "organisationNumber", OrganisationNumberTest.randomValid()))
                .when().post("/api/national/tenants").then().statusCode(201).body("country", equalTo("NO"));
        await().ignoreExceptionsInstanceOf(ProcessingException.class).atMost(120, TimeUnit.SECONDS)
                .until(() -> count("SELECT count(*) FROM identity_sync_task WHERE tenant_id IN (?1, '" + norwegian
                        + "') AND kind = 'TenantOnboarded' AND status = 'done'", danish) == 2);

        // norddal (the realm file's Danish tenant) has danish-login itself, and Keycloak links a provider to one
        // organization at most: the new Danish tenant gets its own copy, linked to its organization.
        String copy = "danish-login-" + danish;
        assertEquals(List.of(copy), organizations.identityProviders(danish));
        assertEquals(List.of("danish-login"), organizations.identityProviders("norddal"), "norddal keeps its own");
        assertEquals(List.of(), organizations.identityProviders(norwegian), "Norway's Feide is on the common login page");
        IdentityProviderRepresentation template = keycloakAdmin.realm().identityProviders().get("danish-login").toRepresentation();
        IdentityProviderRepresentation own = keycloakAdmin.realm().identityProviders().get(copy).toRepresentation();
        assertEquals(template.getConfig().get("clientId"), own.getConfig().get("clientId"));
        assertEquals(template.getConfig().get("tokenUrl"), own.getConfig().get("tokenUrl"));
        assertEquals(template.getDisplayName(), own.getDisplayName());
        assertTrue(own.isHideOnLogin(), "kept off the common login page, as danish-login is");
        assertFalse(own.getConfig().containsKey("kc.org.domain"), "norddal's e-mail domain is norddal's");
        assertEquals(mapperNames("danish-login"), mapperNames(copy), "the CVR number and e-mail mappers too");
        // The dev realm's secret is a plain one, which Keycloak never shows: the copy waits for it, disabled, and
        // the task (done: the onboarding is not held up) says so.
        assertEquals("**********", template.getConfig().get("clientSecret"), "Keycloak shows a stored secret's mask only");
        assertFalse(own.isEnabled());
        assertFalse(own.getConfig().containsKey("clientSecret"), "never the mask as a secret");
        given().auth().oauth2(admin).queryParam("status", "done").queryParam("limit", 100).when().get(SYNC)
                .then().statusCode(200)
                .body("find { it.tenantId == '" + danish + "' && it.kind == 'TenantOnboarded' }.lastError",
                        equalTo("Identity provider " + copy + " (a copy of danish-login, linked to " + danish
                                + ") is disabled until a realm administrator gives it its client secret"))
                .body("find { it.tenantId == '" + norwegian + "' && it.kind == 'TenantOnboarded' }.lastError",
                        equalTo(null));

        // Applied again (a crash before the task was marked done): nothing is linked or copied twice.
        QuarkusTransaction.requiringNew().run(() -> {
            IdentitySyncTask task = IdentitySyncTask.<IdentitySyncTask>find("kind = 'TenantOnboarded' and tenantId = ?1",
                    danish).firstResult();
            try {
                applier.apply(task);
                applier.apply(task);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(List.of(copy), organizations.identityProviders(danish));
        assertEquals(1, keycloakAdmin.realm().identityProviders().findAll().stream()
                .filter(p -> p.getAlias().startsWith(copy)).count());
        assertEquals(mapperNames("danish-login"), mapperNames(copy));

        // A realm without the configured provider links nothing and fails nothing.
        assertTrue(organizations.ensureIdentityProvider(norwegian, "no-such-provider").isEmpty());
        assertEquals(List.of(), organizations.identityProviders(norwegian));
    }

    private List<String> mapperNames(String provider) {
        return keycloakAdmin.realm().identityProviders().get(provider).getMappers().stream()
                .map(IdentityProviderMapperRepresentation::getName).sorted().toList();
    }

    @Test
    void deactivationDisablesTheOrganization() {
        String admin = RealmLogin.accessToken("ks.admin");
        String slug = "syncd-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Slokvik kommune " + slug, "kind", "kommune",
                        "organisationNumber", OrganisationNumberTest.randomValid()))
                .when().post("/api/national/tenants").then().statusCode(201);
        await().ignoreExceptionsInstanceOf(ProcessingException.class).atMost(120, TimeUnit.SECONDS).until(() -> organizations.organization(slug).isPresent());
        given().auth().oauth2(admin).when().post("/api/national/tenants/" + slug + "/deactivation")
                .then().statusCode(200);
        await().ignoreExceptionsInstanceOf(ProcessingException.class).atMost(120, TimeUnit.SECONDS).until(() -> !organizations.organizationEnabled(slug));
    }

    @Test
    void onlyKsAdminSeesAndRetriesTasks() {
        for (String user : List.of("ks.analyst", "fjordvik.executive", "nordhei.coordinator")) {
            given().auth().oauth2(RealmLogin.accessToken(user)).when().get(SYNC)
                    .then().statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(RealmLogin.accessToken(user)).when().post(SYNC + "/1/retry")
                    .then().statusCode(403).contentType(PROBLEM);
        }
        given().when().get(SYNC).then().statusCode(401);
    }

    @Test
    void invalidInputIsRefusedAndChangesNothing() {
        String admin = RealmLogin.accessToken("ks.admin");
        given().auth().oauth2(admin).queryParam("status", "everything").when().get(SYNC)
                .then().statusCode(400).contentType(PROBLEM);
        for (String id : List.of("999999999", "abc", "-1")) {
            given().auth().oauth2(admin).when().post(SYNC + "/" + id + "/retry")
                    .then().statusCode(404).contentType(PROBLEM);
        }
    }

    @Test
    void aFailedTaskIsRetriedOnRequestAndADoneOneIsNot() {
        String admin = RealmLogin.accessToken("ks.admin");
        String tenant = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        // A task that cannot succeed (its kind is unknown), given up on.
        long failed = ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                INSERT INTO identity_sync_task (event_id, tenant_id, kind, payload, status, attempts, last_error)
                VALUES (?1, ?2, 'Unknown', '{}', 'failed', 50, 'given up') RETURNING id""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenant).getSingleResult())).longValue();
        given().auth().oauth2(admin).queryParam("status", "failed").when().get(SYNC)
                .then().statusCode(200).body("find { it.id == " + failed + " }.lastError", equalTo("given up"))
                .body("[0]", not(hasKey("payload")));
        given().auth().oauth2(admin).when().post(SYNC + "/" + failed + "/retry")
                .then().statusCode(200).body("status", equalTo("pending")).body("attempts", equalTo(0));
        // Applied again; a kind nobody knows cannot succeed by waiting, so it is failed again at once.
        await().atMost(60, TimeUnit.SECONDS).until(() -> count(
                "SELECT count(*) FROM identity_sync_task WHERE id = ?1 AND status = 'failed' AND attempts = 1 "
                        + "AND last_error LIKE '%Unknown%'", failed) == 1);

        long done = ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                INSERT INTO identity_sync_task (event_id, tenant_id, kind, payload, status, attempts, done_at)
                VALUES (?1, ?2, 'Unknown', '{}', 'done', 1, now()) RETURNING id""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenant + "-done").getSingleResult())).longValue();
        given().auth().oauth2(admin).when().post(SYNC + "/" + done + "/retry")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:identity-sync-task-done"));
        assertEquals(1, count("SELECT count(*) FROM identity_sync_task WHERE id = ?1 AND status = 'done'", done));
    }

    @Test
    void aTaskForAPersonOrEngagementThisServiceNeverHadIsDoneAtOnceAndHoldsUpNoLaterTaskOfItsTenant() {
        String tenant = "stray-" + UUID.randomUUID().toString().substring(0, 8);
        // events from elsewhere (no outbox of this service wrote them): nothing in Keycloak to change
        long grant = insertPending(tenant, "MembershipGranted", "{\"membershipId\":\"" + UUID.randomUUID()
                + "\",\"tenantId\":\"" + tenant + "\",\"personId\":\"" + UUID.randomUUID()
                + "\",\"role\":\"coordinator\",\"schoolId\":null,\"startsOn\":\"2026-01-01\",\"endsOn\":null}");
        long ended = insertPending(tenant, "EngagementEnded", "{\"engagementId\":\"" + UUID.randomUUID()
                + "\",\"tenantId\":\"" + tenant + "\",\"endedAt\":\"2026-01-01T00:00:00Z\"}");
        await().atMost(60, TimeUnit.SECONDS).until(() -> count(
                "SELECT count(*) FROM identity_sync_task WHERE tenant_id = ?1 AND status = 'done' AND attempts = 1", tenant) == 2);
        assertEquals(2, count("SELECT count(*) FROM identity_sync_task WHERE id IN (" + grant + ", " + ended
                + ") AND tenant_id = ?1 AND last_error IS NULL", tenant));
    }

    private long insertPending(String tenant, String kind, String payload) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                INSERT INTO identity_sync_task (event_id, tenant_id, kind, payload, status, attempts)
                VALUES (?1, ?2, ?3, ?4, 'pending', 0) RETURNING id""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenant).setParameter(3, kind).setParameter(4, payload)
                .getSingleResult())).longValue();
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> task(JsonPath list, String tenant, String kind) {
        List<Map<String, Object>> tasks = list.getList("$");
        return tasks.stream().filter(t -> tenant.equals(t.get("tenantId")) && kind.equals(t.get("kind")))
                .findFirst().orElse(null);
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    private boolean directoryIsDown() {
        try {
            organizations.organization("fjordvik");
            return false;
        } catch (RuntimeException e) {
            keycloakAdmin.reset();
            return true;
        }
    }

    private static long ms(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    /** The realm's public signing keys (JWKS), as a string to compare. */
    private static String signingKeys() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(RealmLogin.realmUrl() + "/protocol/openid-connect/certs")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return JsonPath.from(response.body()).getList("keys.findAll { it.use == 'sig' }.kid").toString();
    }

    /** Runs deploy/local/stack.sh with the test's environment (the profile and ports of the running stack). */
    static void stack(String command) throws IOException, InterruptedException {
        Path script = Path.of("").toAbsolutePath();
        while (script != null && !Files.exists(script.resolve("deploy/local/stack.sh"))) {
            script = script.getParent();
        }
        if (script == null) {
            throw new IllegalStateException("deploy/local/stack.sh not found above " + Path.of("").toAbsolutePath());
        }
        ProcessBuilder builder = new ProcessBuilder(script.resolve("deploy/local/stack.sh").toString(), command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        // On a busy machine Keycloak's start and realm import can take minutes.
        builder.environment().putIfAbsent("LED_STACK_TIMEOUT", "420");
        Process process = builder.start();
        if (!process.waitFor(480, TimeUnit.SECONDS)) {
            process.destroy();
            throw new IllegalStateException("stack.sh " + command + " did not finish in 480 s");
        }
        assertEquals(0, process.exitValue(), "stack.sh " + command);
    }
}

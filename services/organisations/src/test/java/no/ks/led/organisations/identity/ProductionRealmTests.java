package no.ks.led.organisations.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.ks.led.organisations.identity.service.IdentitySyncException;
import no.ks.led.organisations.identity.service.KeycloakAdmin;
import no.ks.led.organisations.identity.service.KeycloakUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The production realm of the Helm chart ({@code helm/led-platform/files/realm-prod.json}) on the
 * stack's real Keycloak, imported under a name of its own for the test and deleted after it: a user
 * made the way the identity sync makes one gets the person id in the gateway client's access
 * tokens, and cannot change it or the e-mail address that linking relies on. The test changes one
 * thing of the realm: the gateway client may use a password grant, standing in for a browser login.
 */
@QuarkusTest
class ProductionRealmTests {

    private static final Path REALM_FILE = Path.of("../../helm/led-platform/files/realm-prod.json");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KeycloakAdmin keycloakAdmin;

    private final String realm = "led-prod-check-" + UUID.randomUUID().toString().substring(0, 8);
    private final String gatewaySecret = UUID.randomUUID().toString();
    private final String organisationsSecret = UUID.randomUUID().toString();
    private String master;

    @BeforeEach
    void importTheProductionRealm() throws Exception {
        master = masterToken();
        ObjectNode imported = (ObjectNode) JSON.readTree(Files.readString(REALM_FILE));
        imported.put("realm", realm);
        for (JsonNode client : imported.get("clients")) {
            String clientId = client.get("clientId").asText();
            if ("led-gateway".equals(clientId)) {
                ((ObjectNode) client).put("secret", gatewaySecret).put("directAccessGrantsEnabled", true);
            } else if ("led-organisations".equals(clientId)) {
                ((ObjectNode) client).put("secret", organisationsSecret);
            }
        }
        HttpResponse<String> created = admin("POST", "/admin/realms", JSON.writeValueAsString(imported));
        assertEquals(201, created.statusCode(), created.body());
    }

    @AfterEach
    void deleteTheRealm() throws Exception {
        admin("DELETE", "/admin/realms/" + realm, null);
    }

    @Test
    void aSyncedUserCarriesThePersonIdInTokensAndCannotChangeItOrTheirEmail() throws Exception {
        UUID personId = UUID.randomUUID();
        String email = "prod-" + personId.toString().substring(0, 8) + "@example.org";
        String userId;
        try (Keycloak asService = keycloakAdmin.client(realm, "led-organisations", organisationsSecret)) {
            KeycloakUsers users = new KeycloakUsers(() -> asService.realm(realm));
            userId = users.ensureUser(new KeycloakUsers.PersonDetails(personId, "Prod Realm Person", email, null));
            assertEquals(personId.toString(),
                    users.findUser(personId, userId).orElseThrow().firstAttribute(KeycloakUsers.PERSON_ID_ATTRIBUTE),
                    "the realm keeps the attribute the sync sets");
        }
        UserRepresentation created = user(userId);
        assertFalse(Boolean.TRUE.equals(created.isEmailVerified()),
                "a coordinator typed the address: it is not verified until the person confirms it");
        assertEquals(List.of(KeycloakUsers.VERIFY_EMAIL), created.getRequiredActions(), "the person verifies it at first login");

        String password = "Prod-realm-check-" + UUID.randomUUID();
        HttpResponse<String> reset = admin("PUT", "/admin/realms/" + realm + "/users/" + userId + "/reset-password",
                JSON.writeValueAsString(Map.of("type", "password", "value", password, "temporary", false)));
        assertEquals(204, reset.statusCode(), reset.body());
        HttpResponse<String> unverified = token(email, password);
        assertEquals(400, unverified.statusCode(), "no token before the address is verified: " + unverified.body());
        assertTrue(unverified.body().contains("not fully set up"), unverified.body());

        // the person follows the link Keycloak sent them: the address is verified, the required action done
        created.setEmailVerified(true);
        created.setRequiredActions(List.of());
        HttpResponse<String> verified = admin("PUT", "/admin/realms/" + realm + "/users/" + userId, JSON.writeValueAsString(created));
        assertEquals(204, verified.statusCode(), verified.body());

        String token = login(email, password);
        JsonNode claims = claims(token);
        assertEquals(personId.toString(), claims.path("led_person_id").asText(), "the person id is in the access token");
        assertTrue(claims.path("aud").toString().contains("led-api"), claims.toString());

        // The user, through the account API with their own token, tries to take another person id and address.
        String otherPerson = UUID.randomUUID().toString();
        Map<String, Object> attempt = Map.of("username", email, "email", "someone-else@example.org",
                "firstName", "Prod Realm", "lastName", "Person",
                "attributes", Map.of(KeycloakUsers.PERSON_ID_ATTRIBUTE, List.of(otherPerson)));
        HttpResponse<String> update = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/realms/" + realm + "/account/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(attempt))).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("[production-realm] account update answered %d %s%n", update.statusCode(), update.body());
        assertNotEquals(204, update.statusCode(), "the account API must refuse: " + update.body());
        assertFalse(update.statusCode() < 300, update.body());

        UserRepresentation after = user(userId);
        assertEquals(email, after.getEmail(), "the e-mail address is unchanged");
        assertEquals(personId.toString(), after.firstAttribute(KeycloakUsers.PERSON_ID_ATTRIBUTE), "the person id is unchanged");
        assertEquals(personId.toString(), claims(login(email, password)).path("led_person_id").asText());
    }

    /**
     * Issue 12, item 2: a user who typed the address themselves (or was given it by anyone) and never
     * verified it is not linked to the person with that address: the task fails, the user gets no person id.
     */
    @Test
    void aUserWithTheAddressButNotVerifiedIsNeverLinked() throws Exception {
        UUID personId = UUID.randomUUID();
        String email = "claim-" + personId.toString().substring(0, 8) + "@example.org";
        HttpResponse<String> created = admin("POST", "/admin/realms/" + realm + "/users", JSON.writeValueAsString(Map.of(
                "username", "someone-" + personId.toString().substring(0, 8), "email", email, "emailVerified", false,
                "enabled", true)));
        assertEquals(201, created.statusCode(), created.body());
        String claimant = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

        try (Keycloak asService = keycloakAdmin.client(realm, "led-organisations", organisationsSecret)) {
            KeycloakUsers users = new KeycloakUsers(() -> asService.realm(realm));
            IdentitySyncException refused = assertThrows(IdentitySyncException.class,
                    () -> users.ensureUser(new KeycloakUsers.PersonDetails(personId, "Linked Person", email, null)));
            assertTrue(refused.getMessage().contains("not verified"), refused.getMessage());
            assertTrue(users.findUser(personId, null).isEmpty(), "no user carries the person id");
        }
        assertNull(user(claimant).firstAttribute(KeycloakUsers.PERSON_ID_ATTRIBUTE), "the claimant got no person id");
    }

    private UserRepresentation user(String userId) throws Exception {
        return JSON.readValue(admin("GET", "/admin/realms/" + realm + "/users/" + userId, null).body(), UserRepresentation.class);
    }

    private String login(String username, String password) throws Exception {
        HttpResponse<String> response = token(username, password);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** The gateway client's password grant, standing in for a browser login. */
    private HttpResponse<String> token(String username, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(
                URI.create(base() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                        "client_id", "led-gateway", "client_secret", gatewaySecret, "username", username,
                        "password", password, "scope", "openid"))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + master).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return keycloakAdmin.serverUrl().replaceAll("/+$", "");
    }

    /** The stack's master administrator (deploy/local/stack.sh exports its password). */
    private String masterToken() throws Exception {
        String password = System.getenv().getOrDefault("LED_KEYCLOAK_ADMIN_PASSWORD", "admin");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(base() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "admin", "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "the stack's master admin: " + response.body());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

}

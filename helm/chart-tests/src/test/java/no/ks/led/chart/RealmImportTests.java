package no.ks.led.chart;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static no.ks.led.chart.RenderedManifestsTests.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production realm the prod values import: derived from the dev realm, minus everything demo. */
class RealmImportTests {

    private final GenericKubernetesResource realmImport = HelmChart.render(ValueSet.PROD).single("KeycloakRealmImport");

    @Test
    void containsNoUsersAndNoDemoData() {
        Map<String, Object> realm = realm();
        for (Map<String, Object> user : listOf(realm, "users")) {
            assertEquals("led-organisations", user.get("serviceAccountClientId"),
                    "the production realm has no users but the organisations service's service account");
            assertFalse(user.containsKey("credentials"));
        }
        assertTrue(listOf(realm, "organizations").isEmpty(), "tenants come from the organisations service, not the import");
        assertFalse(HelmChart.SERIALIZATION.asYaml(realm).contains("led-demo"), "no demo password");
    }

    @Test
    void hasTheGatewayClientOnlyWithItsSecretFromASecret() {
        List<Map<String, Object>> clients = listOf(realm(), "clients");
        Set<String> clientIds = clients.stream().map(c -> (String) c.get("clientId")).collect(Collectors.toSet());
        assertEquals(Set.of("led-gateway", "led-web", "led-organisations"), clientIds, "no led-cli or led-cli-short client");
        for (Map<String, Object> client : clients) {
            assertEquals(Boolean.FALSE, client.get("directAccessGrantsEnabled"), client.get("clientId") + " allows the password grant");
        }
        Map<String, Object> gateway = clients.stream().filter(c -> "led-gateway".equals(c.get("clientId"))).findFirst()
                .orElseThrow();
        assertEquals("${LED_GATEWAY_CLIENT_SECRET}", gateway.get("secret"), "the client secret is a placeholder");
        Map<?, ?> placeholder = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) spec(realmImport).get("placeholders"))
                .get("LED_GATEWAY_CLIENT_SECRET")).get("secret");
        assertEquals("led-oidc-client", placeholder.get("name"), "filled from the existing Secret named in values-prod.yaml");
        assertEquals(List.of("https://led.example.org/*"), gateway.get("redirectUris"));
        String mappers = String.valueOf(gateway.get("protocolMappers"));
        assertTrue(mappers.contains("led-api"), "tokens for the gateway carry the led-api audience");

        Map<String, Object> organisations = clients.stream()
                .filter(c -> "led-organisations".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertEquals("${LED_ORGANISATIONS_CLIENT_SECRET}", organisations.get("secret"), "the client secret is a placeholder");
        Map<?, ?> adminPlaceholder = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) spec(realmImport).get("placeholders"))
                .get("LED_ORGANISATIONS_CLIENT_SECRET")).get("secret");
        assertEquals("led-oidc-client", adminPlaceholder.get("name"));
        assertEquals("organisations-client-secret", adminPlaceholder.get("key"));
    }

    /** The web app's own confidential client: code flow with PKCE, tokens the API accepts, its secret from a Secret. */
    @Test
    void hasTheWebAppsClientWithPkceAndTokensForTheApi() {
        Map<String, Object> web = listOf(realm(), "clients").stream()
                .filter(c -> "led-web".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertEquals(Boolean.FALSE, web.get("publicClient"));
        assertEquals(Boolean.TRUE, web.get("standardFlowEnabled"));
        assertEquals("${LED_WEB_CLIENT_SECRET}", web.get("secret"), "the client secret is a placeholder");
        Map<?, ?> placeholder = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) spec(realmImport).get("placeholders"))
                .get("LED_WEB_CLIENT_SECRET")).get("secret");
        assertEquals("led-oidc-client", placeholder.get("name"));
        assertEquals("web-client-secret", placeholder.get("key"));
        assertEquals(List.of("https://led.example.org/*"), web.get("redirectUris"));
        Map<?, ?> attributes = (Map<?, ?>) web.get("attributes");
        assertEquals("S256", attributes.get("pkce.code.challenge.method"));
        assertEquals("https://led.example.org/*", attributes.get("post.logout.redirect.uris"), "logout returns to the platform only");
        String mappers = String.valueOf(web.get("protocolMappers"));
        assertTrue(mappers.contains("led-api") && mappers.contains("led_person_id"),
                "the web app's tokens carry the API's audience and the person id, as the gateway needs");
        assertTrue(listOf(web, "optionalClientScopes").contains("organization"), "the tenants come with scope organization:*");
    }

    /** Issue 12, item 3: without these every tenant route answers 404 in production. */
    @Test
    void putsThePersonIdInGatewayTokensAndLetsNoUserEditItOrTheirEmail() {
        Map<String, Object> gateway = listOf(realm(), "clients").stream()
                .filter(c -> "led-gateway".equals(c.get("clientId"))).findFirst().orElseThrow();
        Map<String, Object> mapper = listOf(gateway, "protocolMappers").stream()
                .filter(m -> "oidc-usermodel-attribute-mapper".equals(m.get("protocolMapper"))).findFirst()
                .orElseThrow(() -> new AssertionError("no user attribute mapper on led-gateway"));
        Map<?, ?> config = (Map<?, ?>) mapper.get("config");
        assertEquals("led_person_id", config.get("user.attribute"));
        assertEquals("led_person_id", config.get("claim.name"));
        assertEquals("true", config.get("access.token.claim"));

        @SuppressWarnings("unchecked")
        Map<String, Object> components = (Map<String, Object>) realm().get("components");
        assertNotNull(components, "the realm declares a user profile");
        Map<String, Object> provider = listOf(components, "org.keycloak.userprofile.UserProfileProvider").get(0);
        String profile = String.valueOf(((List<?>) ((Map<?, ?>) provider.get("config")).get("kc.user.profile.config")).get(0));
        List<Map<String, Object>> attributes = listOf(HelmChart.SERIALIZATION.unmarshal(profile, Map.class), "attributes");
        Map<String, Object> personId = attributes.stream().filter(a -> "led_person_id".equals(a.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("led_person_id is not declared in the user profile"));
        assertEquals(List.of("admin"), ((Map<?, ?>) personId.get("permissions")).get("edit"));
        assertFalse(String.valueOf(((Map<?, ?>) personId.get("permissions")).get("view")).contains("user"));
        Map<String, Object> email = attributes.stream().filter(a -> "email".equals(a.get("name"))).findFirst().orElseThrow();
        assertEquals(List.of("admin"), ((Map<?, ?>) email.get("permissions")).get("edit"), "users cannot edit their e-mail");
    }

    @Test
    void configuresFeideButLeavesItOff() {
        Map<String, Object> feide = listOf(realm(), "identityProviders").stream()
                .filter(idp -> "feide".equals(idp.get("alias"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Feide identity provider"));
        assertEquals("oidc", feide.get("providerId"));
        assertEquals(Boolean.FALSE, feide.get("enabled"));
        Map<?, ?> config = (Map<?, ?>) feide.get("config");
        assertEquals("https://auth.dataporten.no", config.get("issuer"));
        assertTrue(String.valueOf(config.get("authorizationUrl")).startsWith("https://auth.dataporten.no/"));
        assertFalse(config.containsKey("clientSecret"), "no Feide secret without a Secret to take it from");
    }

    @Test
    void configuresTheDanishLoginButLeavesItOffAndOffTheLoginPage() {
        Map<String, Object> danish = listOf(realm(), "identityProviders").stream()
                .filter(idp -> "danish-login".equals(idp.get("alias"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Danish identity provider"));
        assertEquals("oidc", danish.get("providerId"));
        assertEquals(Boolean.FALSE, danish.get("enabled"));
        assertEquals(Boolean.TRUE, danish.get("hideOnLogin"), "Danish tenants reach it through their organization");
        assertFalse(((Map<?, ?>) danish.get("config")).containsKey("clientSecret"), "no secret in the chart");
    }

    @Test
    void keepsTheRolesAndSettingsOfTheDevRealm() {
        Map<String, Object> dev = HelmChart.readYaml(devRealm());
        Map<String, Object> prod = realm();
        assertEquals(dev.get("realm"), prod.get("realm"));
        assertEquals(Boolean.TRUE, prod.get("organizationsEnabled"));
        assertEquals(roleNames(dev), roleNames(prod), "realm roles");
        assertEquals(Boolean.TRUE, prod.get("bruteForceProtected"));
        assertFalse(String.valueOf(prod.get("passwordPolicy")).contains("hashIterations(1000)"), "no weakened password hashing");
    }

    private Map<String, Object> realm() {
        @SuppressWarnings("unchecked")
        Map<String, Object> realm = (Map<String, Object>) spec(realmImport).get("realm");
        assertNotNull(realm);
        return realm;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> roleNames(Map<String, Object> realm) {
        List<Map<String, Object>> roles = (List<Map<String, Object>>) ((Map<String, Object>) realm.get("roles")).get("realm");
        return roles.stream().map(r -> (String) r.get("name")).collect(Collectors.toSet());
    }

    private static Path devRealm() {
        return HelmChart.directory().resolve("../../deploy/local/realm/led-realm.json").normalize();
    }
}

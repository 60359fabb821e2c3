package no.ks.led.organisations.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;
import no.ks.led.foundation.demo.DemoDirectory;
import no.ks.led.foundation.testing.DemoAccess;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/**
 * A real brokered login through the Feide stand-in realm, as a browser would do it: the led realm's
 * authorization-code flow with {@code kc_idp_hint=feide}, the stand-in's login form, the redirects
 * back, and the code exchanged for tokens. The first login links to the demo user with the same
 * e-mail address without asking, so the token carries the demo person's {@code led_person_id}. Danish tenants'
 * people log in the same way through the Danish login's stand-in (MitID Erhverv or UNI-Login), which Keycloak
 * links to the Danish tenant's organization and keeps off the login page everyone else sees.
 */
class FeideBrokerTest {

    private static final String CLIENT = "led-broker-test";
    private static final String REDIRECT = "http://localhost/led-broker-test/callback";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    @Test
    void aFeideLoginLandsOnTheDemoUserWithItsPersonId() throws Exception {
        Map<String, Object> claims = brokeredLogin("fjordvik.principal");
        DemoDirectory.Person person = DemoAccess.directory().person("fjordvik.principal");
        assertEquals(person.id().toString(), claims.get("led_person_id"), "linked to the existing user");
        assertEquals("fjordvik.principal", claims.get("preferred_username"));
        assertEquals("fjordvik.principal@example.org", claims.get("email"));

        // Linked, not copied: the demo user now has the Feide identity and Feide's attributes.
        Map<String, Object> user = adminUser("fjordvik.principal");
        assertEquals(claims.get("sub"), user.get("id"));
        assertEquals("fjordvik.principal@fjordvik.kommune.no", attribute(user, "eppn"));
        assertEquals("934567897", attribute(user, "feide_org_number"));
        assertEquals(person.id().toString(), attribute(user, "led_person_id"));
        assertTrue(adminGet("/users/" + user.get("id") + "/federated-identity").contains("\"identityProvider\":\"feide\""));

        // A second login through Feide uses the link made by the first one.
        assertEquals(person.id().toString(), brokeredLogin("fjordvik.principal").get("led_person_id"));
    }

    @Test
    void aFeideUserWithoutAnAccountGetsANewUserWithoutAPersonId() throws Exception {
        Map<String, Object> claims = brokeredLogin("ny.rektor");
        assertEquals("ny.rektor@example.org", claims.get("email"));
        assertEquals(null, claims.get("led_person_id"), "not a platform person until the sync links one");
        Map<String, Object> user = adminUser("ny.rektor");
        assertEquals("ny.rektor@fjordvik.kommune.no", attribute(user, "eppn"));
        assertEquals("934567897", attribute(user, "feide_org_number"));
    }

    @Test
    void aDanishLoginLandsOnTheDanishDemoUserAndIsTheDanishTenantsOwn() throws Exception {
        Map<String, Object> claims = brokeredLogin("norddal.skoleleder", "danish-login", "danish-login-standin");
        DemoDirectory.Person person = DemoAccess.directory().person("norddal.skoleleder");
        assertEquals(person.id().toString(), claims.get("led_person_id"), "linked to the existing user");
        assertEquals("norddal.skoleleder@example.org", claims.get("email"));
        Map<String, Object> user = adminUser("norddal.skoleleder");
        assertEquals("34711003", attribute(user, "dk_cvr_number"), "the employer's CVR number from the Danish login");
        assertTrue(adminGet("/users/" + user.get("id") + "/federated-identity")
                .contains("\"identityProvider\":\"danish-login\""));

        // configured per tenant: linked to the Danish tenant's organization, off the common login page; Feide is not
        String norddal = JsonPath.from(realmAdminGet("/organizations?search=norddal")).getString("find { it.alias == 'norddal' }.id");
        assertNotNull(norddal, "the norddal organization");
        String linked = realmAdminGet("/organizations/" + norddal + "/identity-providers");
        assertEquals(List.of("danish-login"), JsonPath.from(linked).getList("alias"), linked);
        String providers = realmAdminGet("/identity-provider/instances");
        assertTrue(JsonPath.from(providers).getBoolean("find { it.alias == 'danish-login' }.hideOnLogin"), providers);
        assertFalse(JsonPath.from(providers).getBoolean("find { it.alias == 'feide' }.hideOnLogin"), providers);
        assertNull(JsonPath.from(providers).get("find { it.alias == 'feide' }.organizationId"), "Feide belongs to no tenant");
    }

    /** A GET on the led realm's admin API as the stack's Keycloak administrator (organizations and providers). */
    private static String realmAdminGet(String path) throws Exception {
        String master = RealmLogin.realmUrl().replace("/realms/led", "/realms/master");
        return adminGet(path, master, Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", System.getenv().getOrDefault("LED_KEYCLOAK_ADMIN", "admin"),
                "password", System.getenv().getOrDefault("LED_KEYCLOAK_ADMIN_PASSWORD", "admin")));
    }

    /** The led realm's user, full representation, read with the organisations service's admin client. */
    private static Map<String, Object> adminUser(String username) throws Exception {
        List<Map<String, Object>> users = JsonPath.from(adminGet("/users?exact=true&briefRepresentation=false&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).getList("$");
        assertEquals(1, users.size(), username);
        return users.get(0);
    }

    @SuppressWarnings("unchecked")
    private static String attribute(Map<String, Object> user, String name) {
        List<String> values = ((Map<String, List<String>>) user.getOrDefault("attributes", Map.of())).get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String adminGet(String path) throws Exception {
        return adminGet(path, RealmLogin.realmUrl(), Map.of("grant_type", "client_credentials",
                "client_id", "led-organisations", "client_secret", "led-organisations-dev-secret"));
    }

    /** A GET on the led realm's admin API with a token of the given realm's token endpoint. */
    private static String adminGet(String path, String tokenRealm, Map<String, String> grant) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                URI.create(tokenRealm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(grant)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        String admin = RealmLogin.realmUrl().replace("/realms/", "/admin/realms/");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(admin + path))
                .header("Authorization", "Bearer " + JsonPath.from(token.body()).getString("access_token"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** Runs the whole flow as the Feide stand-in's user and answers the access token's claims. */
    private static Map<String, Object> brokeredLogin(String feideUser) throws Exception {
        return brokeredLogin(feideUser, "feide", "feide-standin");
    }

    /** Runs the whole flow through an identity provider as its stand-in realm's user; answers the token's claims. */
    private static Map<String, Object> brokeredLogin(String standInUser, String provider, String standInRealm)
            throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new BrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String verifier = randomToken();
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = randomToken();
        String authorize = RealmLogin.realmUrl() + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", CLIENT, "response_type", "code", "redirect_uri", REDIRECT, "scope", "openid",
                "state", state, "code_challenge", challenge, "code_challenge_method", "S256",
                "kc_idp_hint", provider));

        // Redirected from the led realm to the stand-in, which shows its login form.
        HttpResponse<String> page = follow(http, get(authorize));
        assertEquals(200, page.statusCode(), "the stand-in's login page");
        assertTrue(page.uri().getPath().contains("/realms/" + standInRealm + "/"), "at the stand-in: " + page.uri());
        Matcher formTag = LOGIN_FORM.matcher(page.body());
        assertTrue(formTag.find(), "a login form");
        Matcher action = ACTION.matcher(formTag.group());
        assertTrue(action.find());
        String postTo = action.group(1).replace("&amp;", "&");

        HttpResponse<String> back = follow(http, HttpRequest.newBuilder(URI.create(postTo))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", standInUser,
                        "password", RealmLogin.DEMO_PASSWORD, "credentialId", ""))))
                .build());
        String location = back.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(REDIRECT), "back at the client with a code, not at " + back.uri() + " ("
                + back.statusCode() + "): " + snippet(back.body()));
        Map<String, String> query = query(URI.create(location).getRawQuery());
        assertEquals(state, query.get("state"));
        String code = query.get("code");
        assertNotNull(code);

        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(
                URI.create(RealmLogin.realmUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", CLIENT, "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = JsonPath.from(tokens.body()).getString("access_token");
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getMap("$");
    }

    /** Follows redirects until a page answers or the redirect leaves for the client's redirect URI. */
    private static HttpResponse<String> follow(HttpClient http, HttpRequest first) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(first, HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 20; hops++) {
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            if (status < 300 || status >= 400 || location == null || location.startsWith(REDIRECT)) {
                return response;
            }
            response = http.send(get(response.uri().resolve(location).toString()), HttpResponse.BodyHandlers.ofString());
        }
        throw new AssertionError("more than 20 redirects");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build();
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(byte[] input) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(input);
    }

    private static String snippet(String body) {
        String text = body.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        return text.length() > 400 ? text.substring(0, 400) : text;
    }

    /**
     * A browser's cookie jar for http://localhost: Keycloak marks its cookies {@code Secure}, which
     * browsers accept on localhost and {@link java.net.CookieManager} does not. Cookies are kept per
     * path and name (both realms use the same names under their own paths).
     */
    static final class BrowserCookies extends CookieHandler {

        private final Map<String, String[]> cookies = new ConcurrentHashMap<>(); // "path name" -> {path, name, value}

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            String header = cookies.values().stream().filter(c -> path.startsWith(c[0]))
                    .map(c -> c[1] + "=" + c[2]).collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (!"set-cookie".equalsIgnoreCase(name)) {
                    return;
                }
                for (String value : values) {
                    String[] parts = value.split(";");
                    int eq = parts[0].indexOf('=');
                    String cookie = parts[0].substring(0, eq).strip();
                    String content = parts[0].substring(eq + 1).strip();
                    String path = "/";
                    boolean expired = content.isEmpty();
                    for (String attribute : parts) {
                        String a = attribute.strip().toLowerCase(java.util.Locale.ROOT);
                        if (a.startsWith("path=")) {
                            path = attribute.strip().substring(5);
                        } else if (a.equals("max-age=0") || a.startsWith("expires=thu, 01 jan 1970")) {
                            expired = true;
                        }
                    }
                    if (expired) {
                        cookies.remove(path + " " + cookie);
                    } else {
                        cookies.put(path + " " + cookie, new String[] {path, cookie, content});
                    }
                }
            });
        }
    }
}

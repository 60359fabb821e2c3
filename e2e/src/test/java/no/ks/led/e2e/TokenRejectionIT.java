package no.ks.led.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import no.ks.led.e2e.ApiOperations.Operation;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@code /api/} operation of every service, through the gateway and directly on the service,
 * refuses every token it must not trust with a 401 problem: none, expired, signed with another key,
 * unsigned ({@code alg: none}), from another realm, and from this realm for another audience.
 */
@ExtendWith(Platform.class)
class TokenRejectionIT {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** The tokens to refuse, by what is wrong with them; a null token means none is sent. */
    private static final Map<String, String> BAD_TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void makeBadTokens() throws Exception {
        String user = "fjordvik.coordinator";
        String expired = RealmLogin.fetchAccessToken("led-cli-short", user);
        String valid = RealmLogin.fetchAccessToken("led-cli", user);
        // the valid token must pass, or the 401s below would prove nothing
        assertEquals(200, Http.send(Platform.url("gateway"), "GET", "/api/tenants/fjordvik/programmes", valid, null, null)
                .status(), "a valid token is refused");
        BAD_TOKENS.put("none", null);
        BAD_TOKENS.put("re-signed with another key", resigned(valid));
        BAD_TOKENS.put("alg none", unsigned(valid));
        BAD_TOKENS.put("master realm", realmToken("master", "admin-cli",
                env("LED_KEYCLOAK_ADMIN", "admin"), env("LED_KEYCLOAK_ADMIN_PASSWORD", "admin")));
        if (realmExists("feide-standin")) {
            BAD_TOKENS.put("feide-standin realm", realmToken("feide-standin", "admin-cli", "fjordvik.principal",
                    RealmLogin.DEMO_PASSWORD));
        }
        String otherAudience = realmToken("led", "admin-cli", user, RealmLogin.DEMO_PASSWORD);
        assertTrue(!payload(otherAudience).contains("led-api"), "admin-cli's token names led-api as audience");
        BAD_TOKENS.put("led realm, other audience", otherAudience);
        // led-cli-short's tokens live two seconds; once the gateway refuses one route, the token has expired
        await("the short-lived token expires").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.send(Platform.url("gateway"), "GET", "/api/tenants/fjordvik/programmes", expired, null, null)
                        .status() == 401);
        BAD_TOKENS.put("expired", expired);
    }

    @Test
    void everyOperationRefusesEveryBadTokenWith401ProblemDetails() {
        List<Operation> operations = ApiOperations.all();
        Map<String, String> gateway = ApiOperations.gatewayRoutes();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations) {
            Map<String, String> values = new LinkedHashMap<>();
            op.pathParameters().forEach(p -> values.put(p, p.equals("tenantId") ? "fjordvik" : UUID.randomUUID().toString()));
            String path = op.fill(values);
            String body = op.takesBody() ? (op.bodyType().contains("json") ? "{}" : "") : null;
            List<String> channels = new ArrayList<>();
            if (gateway.containsKey(op.method() + " " + ApiOperations.shape(op.path()))) {
                channels.add("gateway");
            }
            channels.add(op.service());
            for (String channel : channels) {
                for (Map.Entry<String, String> token : BAD_TOKENS.entrySet()) {
                    Http.Reply reply = Http.send(Platform.url(channel), op.method(), path, token.getValue(), op.bodyType(), body);
                    calls++;
                    if (reply.status() != 401 || !reply.isProblem()) {
                        wrong.add(op.key() + " via " + channel + " with token " + token.getKey() + ": " + reply.status()
                                + " " + reply.contentType() + " " + (reply.body() == null ? "" : reply.body()
                                        .substring(0, Math.min(150, reply.body().length()))));
                    }
                }
            }
        }
        System.out.printf("[tokens] %d operations × %s: %d calls, %d not a 401 problem%n", operations.size(),
                BAD_TOKENS.keySet(), calls, wrong.size());
        assertTrue(wrong.isEmpty(), wrong.size() + " calls were not refused with a 401 problem:\n  "
                + String.join("\n  ", wrong));
    }

    /** The token's header and claims, signed with a fresh RSA key of our own under the realm key's kid. */
    private static String resigned(String token) throws GeneralSecurityException {
        String[] parts = token.split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String signature = B64.encodeToString(rsa.sign());
        assertNotEquals(parts[2], signature);
        return parts[0] + "." + parts[1] + "." + signature;
    }

    /** The token's claims with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String kid = JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).getString("kid");
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String keycloakBase() {
        String realm = RealmLogin.realmUrl();
        return realm.substring(0, realm.indexOf("/realms/"));
    }

    private static boolean realmExists(String realm) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakBase() + "/realms/" + realm
                + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** A direct-grant token from any realm and client. */
    private static String realmToken(String realm, String clientId, String username, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username)
                + "&password=" + enc(password) + "&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakBase() + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        assertTrue(response.statusCode() == 200 && m.find(),
                "No token from realm " + realm + " client " + clientId + ": " + response.statusCode() + " " + response.body());
        return m.group(1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package no.ks.led.foundation.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets real access tokens for the demo users from the dev realm, the way a script would: the
 * {@code led-cli} client's direct grant. Tests use it; nothing in main code does.
 */
public final class RealmLogin {

    public static final String DEMO_PASSWORD = "led-demo";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, CachedToken> CACHE = new ConcurrentHashMap<>();

    private record CachedToken(String token, long fetchedAt) {
    }

    private RealmLogin() {
    }

    /** The realm's base URL, as the applications see it. */
    public static String realmUrl() {
        String url = System.getenv("LED_OIDC_URL");
        return url == null || url.isBlank() ? "http://localhost:8180/realms/led" : url;
    }

    /** An access token for a demo user through {@code led-cli}, cached for a minute. */
    public static String accessToken(String username) {
        CachedToken cached = CACHE.get(username);
        if (cached != null && System.currentTimeMillis() - cached.fetchedAt() < 60_000) {
            return cached.token();
        }
        String token = fetchAccessToken("led-cli", username);
        CACHE.put(username, new CachedToken(token, System.currentTimeMillis()));
        return token;
    }

    /** A fresh access token for a demo user through the given public client. */
    public static String fetchAccessToken(String clientId, String username) {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username)
                + "&password=" + enc(DEMO_PASSWORD) + "&scope=" + enc("openid organization:*");
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            // Keycloak answers 503 while it is still importing the realm; wait for it
            for (int retry = 0; response.statusCode() == 503 && retry < 60; retry++) {
                Thread.sleep(500);
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("Login of " + username + " failed: " + response.statusCode() + " "
                        + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + realmUrl()
                    + "; run the tests through 'make test', which starts the local stack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package no.ks.led.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real access tokens from the dev realm, through the public client led-cli (direct grant). */
final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    static String accessToken(HttpClient http, String oidcUrl, String user) throws Exception {
        String form = "grant_type=password&client_id=led-cli&username=" + enc(user) + "&password=led-demo&scope="
                + enc("openid organization:*");
        HttpRequest request = HttpRequest.newBuilder(URI.create(oidcUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + user + " from " + oidcUrl + ": " + response.statusCode() + " "
                    + response.body());
        }
        JsonNode token = JSON.readTree(response.body()).get("access_token");
        if (token == null) {
            throw new IllegalStateException("No access_token in the answer for " + user);
        }
        return token.asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

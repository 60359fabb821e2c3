package no.ks.led.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP calls with any method, token and body, answering status, content type and body as text. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    /** What came back. */
    record Reply(int status, String contentType, String body) {

        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    private Http() {
    }

    /**
     * Sends one request. {@code token} may be null (no Authorization header); {@code body} may be null
     * (no body); {@code contentType} is sent only with a body.
     */
    static Reply send(String baseUrl, String method, String pathAndQuery, String token, String contentType, String body) {
        return send(baseUrl, method, pathAndQuery, token, contentType, body, Map.of());
    }

    /** As {@link #send(String, String, String, String, String, String)}, with more request headers. */
    static Reply send(String baseUrl, String method, String pathAndQuery, String token, String contentType, String body,
            Map<String, String> headers) {
        // as a real client does: JSON preferred, anything else (CSV, XLSX, SVG exports) accepted
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, */*;q=0.1");
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType == null ? "application/json" : contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

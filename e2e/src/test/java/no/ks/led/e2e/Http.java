package no.ks.led.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null) {
            all.put("Content-Type", contentType == null ? "application/json" : contentType);
        }
        return exchange(baseUrl, method, pathAndQuery, token, all,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)).reply();
    }

    /** A reply with its response headers. */
    record Exchange(Reply reply, HttpHeaders headers) {
    }

    /**
     * Sends one request with exactly the given headers (Content-Type included, or left out) and the body
     * as raw bytes, which need not be valid UTF-8 or JSON; {@code body} may be null (no body).
     */
    static Exchange exchange(String baseUrl, String method, String pathAndQuery, String token, Map<String, String> headers,
            byte[] body) {
        // as a real client does: JSON preferred, anything else (CSV, XLSX, SVG exports) accepted
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, */*;q=0.1");
        headers.forEach(request::setHeader);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body()), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

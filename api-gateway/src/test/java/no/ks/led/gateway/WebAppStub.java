package no.ks.led.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the web app behind the gateway: it answers every path with what it was sent (method, path,
 * query, cookie, forwarded origin, body) and sets two cookies, so a test sees what travels each way.
 */
public class WebAppStub implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " cookie=" + exchange.getRequestHeaders().getFirst("Cookie")
                    + " authorization=" + exchange.getRequestHeaders().getFirst("Authorization")
                    + " forwarded=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto") + "://"
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")
                    + " body=" + sent;
            byte[] body = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
            exchange.getResponseHeaders().add("Set-Cookie", "first=1; Path=/; HttpOnly");
            exchange.getResponseHeaders().add("Set-Cookie", "second=2; Path=/; HttpOnly");
            exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'none'");
            exchange.getResponseHeaders().add("X-Internal", "not for the browser");
            if (exchange.getRequestURI().getPath().equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "/elsewhere");
                exchange.sendResponseHeaders(303, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return Map.of("led.gateway.web-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

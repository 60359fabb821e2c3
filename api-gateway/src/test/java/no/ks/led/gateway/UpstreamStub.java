package no.ks.led.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the organisations service behind the gateway (the gateway's own tests are about the
 * gateway, not a service): it answers like a service, with its own address in {@code Location}.
 */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/api/national/tenants", exchange -> {
            byte[] body = "{\"slug\":\"stubvik\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if ("POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Location", origin + "/api/national/tenants/stubvik");
                exchange.sendResponseHeaders(201, body.length);
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // echoes what reached it (ApiProxyTests): the request's body, or with ?echo=headers some of its headers
        server.createContext("/api/national/consultancies", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("echo=headers".equals(exchange.getRequestURI().getRawQuery())) {
                body = ("idempotency-key=" + exchange.getRequestHeaders().getFirst("Idempotency-Key")
                        + " cookie=" + exchange.getRequestHeaders().getFirst("Cookie")
                        + " x-internal=" + exchange.getRequestHeaders().getFirst("X-Internal")).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.getResponseHeaders().add("ETag", "\"e1\"");
            exchange.getResponseHeaders().add("Set-Cookie", "internal=1");
            exchange.getResponseHeaders().add("X-Internal", "service detail");
            // no length: the answer comes in chunks, as a large export does
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of("led.gateway.services.organisations", origin,
                // a service that is down: nothing listens there
                "led.gateway.services.funding", "http://127.0.0.1:" + closedPort());
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

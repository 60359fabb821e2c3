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
        server.start();
        return Map.of("led.gateway.services.organisations", origin);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

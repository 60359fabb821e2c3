package no.ks.led.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The public calendar feed route: no token, only chosen headers back, and a request limit of its own. */
@QuarkusTest
@TestProfile(CalendarFeedProxyTests.TightLimit.class)
@QuarkusTestResource(value = CalendarFeedProxyTests.SchedulingStub.class, restrictToAnnotatedClass = true)
class CalendarFeedProxyTests {

    private static final String SECRET = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

    /** Three feed requests at once, then one every 1000 s. */
    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("led.gateway.rate-limits.calendar-feed.per-second", "0.001",
                    "led.gateway.rate-limits.calendar-feed.burst", "3");
        }
    }

    /** A stand-in for the scheduling service's feed route. */
    public static class SchedulingStub implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/calendar/", exchange -> {
                byte[] body = ("BEGIN:VCALENDAR\r\nX-PATH:" + exchange.getRequestURI().getPath() + "\r\nEND:VCALENDAR\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.getResponseHeaders().add("Set-Cookie", "internal=1");
                if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return Map.of("led.gateway.services.scheduling", "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void stop() {
            server.stop(0);
        }
    }

    @Test
    void aFeedIsServedWithoutATokenWithChosenHeadersAndItsOwnLimit() {
        given().when().get("/calendar/" + SECRET + ".ics")
                .then().statusCode(200).contentType(containsString("text/calendar"))
                .header("ETag", equalTo("\"v1\"")).header("Set-Cookie", nullValue())
                .body(containsString("X-PATH:/calendar/" + SECRET + ".ics"));
        given().header("If-None-Match", "\"v1\"").when().get("/calendar/" + SECRET + ".ics").then().statusCode(304);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(given().when().get("/calendar/" + SECRET + ".ics").statusCode());
        }
        assertEquals(List.of(200, 429, 429), statuses);
        given().when().get("/calendar/" + SECRET + ".ics").then().contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:led:problem:too-many-requests"))
                .body(org.hamcrest.Matchers.not(containsString(SECRET)));
    }
}

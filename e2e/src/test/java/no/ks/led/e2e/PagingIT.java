package no.ks.led.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A list read a page at a time through the gateway, following the {@code Link} header as a client does. */
@ExtendWith(Platform.class)
class PagingIT {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    @Test
    void theGatewayPassesTheNextPageLinkAndThePagesHoldEveryRowOnce() {
        String token = RealmLogin.accessToken("nordhei.coordinator");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Http.Reply reply = Http.send(Platform.url("gateway"), "POST", "/api/tenants/nordhei/programmes", token,
                    "application/json", ApiOperations.Json.write(Map.of("name", "Sidevis " + i)));
            assertEquals(201, reply.status(), reply.body());
            created.add(JsonPath.from(reply.body()).getString("id"));
        }
        List<String> ids = new ArrayList<>();
        String next = "/api/tenants/nordhei/programmes?limit=2";
        int pages = 0;
        while (next != null) {
            assertTrue(next.startsWith("/api/"), "the next page names an address outside the API: " + next);
            Http.Exchange page = Http.exchange(Platform.url("gateway"), "GET", next, token, Map.of(), null);
            assertEquals(200, page.reply().status(), page.reply().body());
            List<String> rows = JsonPath.from(page.reply().body()).getList("id");
            assertTrue(rows.size() <= 2, "a page larger than the limit");
            ids.addAll(rows);
            next = page.headers().firstValue("Link").map(PagingIT::next).orElse(null);
            pages++;
        }
        assertTrue(pages >= 3, "5 programmes at 2 a page take at least 3 pages, got " + pages);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "a row on two pages: " + ids);
        assertTrue(ids.containsAll(created), "rows missing from the pages");
    }

    @Test
    void aPageLargerThanTheMaximumIsAProblemThroughTheGateway() {
        Http.Reply reply = Http.send(Platform.url("gateway"), "GET", "/api/tenants/nordhei/programmes?limit=100000",
                RealmLogin.accessToken("nordhei.coordinator"), null, null);
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.isProblem(), reply.contentType());
        assertEquals(List.of("limit"), JsonPath.from(reply.body()).getList("violations.field"));
    }

    private static String next(String link) {
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }
}

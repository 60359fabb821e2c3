package no.ks.led.foundation.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

/**
 * Walks a paged list the way a client does: the first page with a {@code limit}, then each
 * {@code Link: <...>; rel="next"} until there is none. For the services' paging tests.
 */
public final class Pages {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    private Pages() {
    }

    /** The {@code id} of every row of every page, in order; fails if a page is larger than {@code limit}. */
    public static List<String> ids(String token, String path, int limit) {
        List<String> ids = new ArrayList<>();
        String next = path + (path.contains("?") ? "&" : "?") + "limit=" + limit;
        int pages = 0;
        while (next != null) {
            Response page = given().auth().oauth2(token).when().get(next);
            assertEquals(200, page.statusCode(), () -> next(page) + " answered " + page.asString());
            List<String> rows = page.jsonPath().getList("id", String.class);
            assertTrue(rows.size() <= limit, "a page of " + rows.size() + " rows with limit " + limit);
            ids.addAll(rows);
            next = next(page);
            assertTrue(++pages < 10_000, "the pages never end");
        }
        return ids;
    }

    /** The next page's path and query from the {@code Link} header, or null on the last page. */
    public static String next(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }
}

package no.ks.led.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.HdrHistogram.Histogram;

/**
 * Part 7: the web app's pages as a signed-in person gets them through the gateway (issue 13's measure): the time per
 * page with the platform warm, p50 and p95 over sequential requests, and the first page's CSS and JavaScript as
 * served and compressed. The person logs in once through Keycloak's login form (authorization-code flow with PKCE,
 * as a browser does); each page is then one GET with the session cookie, timed at the client on the loopback
 * interface, so the time is the web app's and the API calls it makes, plus the gateway in front of it.
 */
final class WebPages {

    static final String PART = "web";
    static final String TITLE = "7. Web pages";
    /** Issue 13's goals. */
    private static final double GOAL_P95_MS = 100;
    private static final long GOAL_FIRST_PAGE_BYTES = 150 * 1024;
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ASSET = Pattern.compile("<(?:link[^>]*rel=\"stylesheet\"[^>]*href|script[^>]*src)=\"([^\"]+)\"");
    private static final Pattern ROUND_LINK = Pattern.compile("href=\"/tenants/fjordvik/rounds/([0-9a-f-]{36})\"");

    private record Measured(String path, Stats.Percentiles percentiles, double p95, int status) {
    }

    /** A style sheet or script of the first page: its bytes as served and gzip-compressed. */
    private record Asset(String url, long served, long gzip) {
    }

    private WebPages() {
    }

    /**
     * The cookies of a browser on this machine: Keycloak marks its login cookies {@code Secure}, which browsers send
     * to {@code http://localhost} (a secure context) but Java's cookie store does not; here they are kept without the flag.
     */
    private static final class LoopbackCookies extends CookieHandler {

        private final CookieManager store = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return store.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> plain = new HashMap<>();
            headers.forEach((name, values) -> plain.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
            store.put(uri, plain);
        }
    }

    static Section run(Context ctx) throws Exception {
        int warmup = ctx.smoke ? 2 : Integer.getInteger("bench.web.warmup", 30);
        int requests = ctx.smoke ? 5 : Integer.getInteger("bench.web.requests", 100);
        ctx.apps.ensureAll(null, "organisations", "surveys", "programmes", "web", "gateway");
        String gateway = ctx.apps.url("gateway");
        ctx.apps.ensureDemoAccess(ctx, ctx.apps.url("surveys") + "/api/tenants/fjordvik/survey-rounds", "fjordvik.coordinator");

        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        String home = logIn(browser, gateway + "/tenants/fjordvik", "fjordvik.coordinator");

        List<String> pages = new ArrayList<>(List.of("/tenants/fjordvik", "/tenants/fjordvik/rounds", "/tenants/fjordvik/trend",
                "/tenants/fjordvik/schools", "/tenants/fjordvik/people", "/tenants/fjordvik/engagements",
                "/tenants/fjordvik/rounds/new", "/tenants/fjordvik/roster-import"));
        Matcher round = ROUND_LINK.matcher(get(browser, gateway + "/tenants/fjordvik/rounds").body());
        if (round.find()) {
            pages.add("/tenants/fjordvik/rounds/" + round.group(1));
            pages.add("/tenants/fjordvik/rounds/" + round.group(1) + "/results");
        }
        List<Measured> measured = new ArrayList<>();
        for (String path : pages) {
            for (int i = 0; i < warmup; i++) {
                get(browser, gateway + path);
            }
            Histogram histogram = Stats.histogram();
            int status = 0;
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> page = get(browser, gateway + path);
                Stats.record(histogram, (System.nanoTime() - t0) / 1000);
                status = page.statusCode();
                if (status != 200 || !page.uri().getPath().equals(path)) {
                    throw new IllegalStateException("GET " + path + " answered " + status + " at " + page.uri());
                }
            }
            Measured m = new Measured(path, Stats.Percentiles.of(histogram), histogram.getValueAtPercentile(95) / 1000.0, status);
            Log.say("web: %s p50 %s p95 %s", path, Stats.ms(m.percentiles().p50()), Stats.ms(m.p95()));
            measured.add(m);
        }
        return report(ctx, measured, assets(browser, gateway, home), warmup, requests);
    }

    /** Logs in with Keycloak's form (the username, then the password, as the realm asks) and answers the first page. */
    private static String logIn(HttpClient browser, String start, String user) throws Exception {
        HttpResponse<String> page = get(browser, start);
        for (int step = 0; step < 3 && page.body().contains("kc-form-login"); step++) {
            Matcher action = FORM_ACTION.matcher(page.body());
            if (!action.find()) {
                throw new IllegalStateException("no login form at " + page.uri());
            }
            String form = "username=" + enc(user) + (page.body().contains("id=\"password\"") ? "&password=led-demo" : "")
                    + "&credentialId=";
            page = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
        if (page.statusCode() != 200 || !page.uri().toString().startsWith(start)) {
            throw new IllegalStateException("login as " + user + " ended at " + page.uri() + " with " + page.statusCode()
                    + ": " + page.body().replaceAll("(?s).*<title>(.*?)</title>.*", "$1"));
        }
        return page.body();
    }

    /** The first page's style sheets and scripts: bytes as served and gzip-compressed (level 6, as a server would). */
    private static List<Asset> assets(HttpClient browser, String gateway, String home) throws Exception {
        Set<String> urls = new LinkedHashSet<>();
        Matcher asset = ASSET.matcher(home);
        while (asset.find()) {
            urls.add(asset.group(1));
        }
        List<Asset> sizes = new ArrayList<>();
        for (String url : urls) {
            byte[] body = browser.send(HttpRequest.newBuilder(URI.create(gateway + url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write(body);
            }
            sizes.add(new Asset(url, body.length, compressed.size()));
        }
        return sizes;
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Section report(Context ctx, List<Measured> measured, List<Asset> assets, int warmup, int requests) {
        StringBuilder md = new StringBuilder("## " + TITLE + "\n\n");
        md.append(String.format(Locale.ROOT, "The coordinator's pages (`fjordvik.coordinator`, logged in once through Keycloak's "
                + "form), each fetched %d times after %d warm-up requests, one at a time, through the gateway with the session "
                + "cookie; the time from sending the request to the whole page, at the client on the loopback interface (the "
                + "web app with the API calls it makes, and the gateway twice).%n%n| page | p50 | p95 | max |%n|---|---|---|---|%n",
                requests, warmup));
        double worst = 0;
        String worstPage = "";
        for (Measured m : measured) {
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n", m.path(), Stats.ms(m.percentiles().p50()),
                    Stats.ms(m.p95()), Stats.ms(m.percentiles().max())));
            if (m.p95() > worst) {
                worst = m.p95();
                worstPage = m.path();
            }
        }
        long served = 0;
        long compressed = 0;
        md.append("\nThe first page's style sheets and scripts (the home page's `<link rel=stylesheet>` and `<script src>`), as "
                + "served and gzip-compressed here (level 6; what goes over the wire depends on compression in front of the app, not measured):"
                + "\n\n| file | served | gzip |\n|---|---|---|\n");
        for (Asset asset : assets) {
            served += asset.served();
            compressed += asset.gzip();
            md.append(String.format(Locale.ROOT, "| `%s` | %.1f kB | %.1f kB |%n", asset.url(), asset.served() / 1024.0,
                    asset.gzip() / 1024.0));
        }
        md.append(String.format(Locale.ROOT, "| all | %.1f kB | %.1f kB |%n", served / 1024.0, compressed / 1024.0));
        List<Section.Row> rows = new ArrayList<>();
        rows.add(new Section.Row("Web: server time per page, p95 (worst page, warm)", "≤ 100 ms",
                Stats.ms(worst) + " (" + worstPage + ")", "–", "–", GatewayOverhead.verdict(ctx, worst <= GOAL_P95_MS)));
        rows.add(new Section.Row("Web: first page's CSS + JS, compressed", "≤ 150 kB",
                String.format(Locale.ROOT, "%.1f kB gzip (%.1f kB served)", compressed / 1024.0, served / 1024.0), "–", "–",
                GatewayOverhead.verdict(ctx, compressed <= GOAL_FIRST_PAGE_BYTES)));
        return new Section(PART, md.toString(), rows);
    }
}

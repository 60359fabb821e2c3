package no.ks.led.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

/**
 * Part 4: the national and owner result views over a generated national round of 10,000, 100,000 and
 * 900,000 answers ({@link SurveyData#nationalRound}, written with COPY, tallies rebuilt). At each size the
 * surveys service is started afresh, warmed up, then called sequentially (one request at a time,
 * interleaving the national view as {@code ks.analyst}, fjordvik's owner view as {@code fjordvik.executive}
 * and the reference, {@code GET /api/national/instruments/1}, a small read through the same token check),
 * then briefly in the open model; its RSS is read after. The slope of log(time) against log(answers) says
 * how the views scale.
 */
final class Aggregation {

    static final String PART = "aggregation";
    static final String TITLE = "4. Aggregation";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int YEAR = 2026;
    private static final String NATIONAL = "/api/national/survey-results?instrumentVersion=1&year=" + YEAR;
    private static final String REFERENCE = "/api/national/instruments/1";

    /** Sequential latencies of one view at one size, and the size of its answer. */
    private record View(Histogram latencies, int bytes) {
        double p50() {
            return Stats.Percentiles.of(latencies).p50();
        }

        double p99() {
            return Stats.Percentiles.of(latencies).p99();
        }
    }

    private record Size(SurveyData.National data, View national, View owner, View reference, OpenLoad.Result nationalOpen,
            OpenLoad.Result ownerOpen, int openRate, double rssStart, double rssAfter, String checks) {
    }

    private Aggregation() {
    }

    static Section run(Context ctx) throws Exception {
        long[] sizes = ctx.smoke ? new long[] {1_200, 6_000}
                : Arrays.stream(System.getProperty("bench.aggregation.sizes", "10000,100000,900000").split(","))
                        .mapToLong(s -> Long.parseLong(s.trim())).toArray();
        int warmup = ctx.smoke ? 2 : Integer.getInteger("bench.aggregation.warmup", 30);
        int samples = ctx.smoke ? 5 : Integer.getInteger("bench.aggregation.samples", 100);
        Duration open = Duration.ofSeconds(ctx.smoke ? 0 : Integer.getInteger("bench.aggregation.open-seconds", 4));

        List<Size> results = new ArrayList<>();
        boolean nationalRoute = true;
        double deleteSeconds;
        // the rounds are generated in the service's schema: on a fresh stack (this part alone) a first start makes it
        ctx.apps.ensure("surveys", null);
        try (Connection db = DriverManager.getConnection(ctx.jdbcUrl("surveys"), ctx.dbUser(), ctx.dbPassword())) {
            SurveyData data = new SurveyData(db, 4);
            try {
                for (long answers : sizes) {
                    data.deleteBenchmarkRounds();
                    SurveyData.Shape shape = SurveyData.Shape.of(answers);
                    Log.say("%s: generating %,d answers (%d owners, %d schools, %d respondents, %d items)", PART, shape.answers(),
                            shape.owners(), shape.schools(), shape.respondents(), shape.items());
                    SurveyData.National national = data.nationalRound(shape, YEAR);
                    Log.say("%s: %,d rows in %.1f s (COPY), tallies %s in %.1f s, ANALYZE %.1f s", PART, national.rows(),
                            national.copySeconds(), national.tallied() ? "rebuilt" : "absent", national.tallySeconds(),
                            national.analyzeSeconds());
                    if (!ctx.smoke) {
                        ctx.apps.stop("surveys");
                    }
                    Apps.Running surveys = ctx.apps.ensure("surveys", null);
                    double rssStart = surveys.rssMiB();
                    String base = ctx.apps.url("surveys");
                    String owner = "/api/tenants/fjordvik/survey-rounds/" + national.fjordvikRound() + "/results";
                    ctx.apps.ensureDemoAccess(ctx, base + owner, "fjordvik.executive");
                    String analyst = Tokens.accessToken(ctx.http, ctx.oidcUrl(), "ks.analyst");
                    String executive = Tokens.accessToken(ctx.http, ctx.oidcUrl(), "fjordvik.executive");

                    HttpResponse<String> first = get(ctx, base + NATIONAL, analyst);
                    nationalRoute = first.statusCode() != 404;
                    if (nationalRoute && first.statusCode() != 200) {
                        throw new IllegalStateException("GET " + NATIONAL + " answered " + first.statusCode() + ": " + first.body());
                    }
                    String checks = check(national, first, get(ctx, base + owner, executive));

                    for (int i = 0; i < warmup; i++) {
                        if (nationalRoute) {
                            get(ctx, base + NATIONAL, analyst);
                        }
                        get(ctx, base + owner, executive);
                        get(ctx, base + REFERENCE, analyst);
                    }
                    Histogram nat = Stats.histogram();
                    Histogram own = Stats.histogram();
                    Histogram ref = Stats.histogram();
                    int[] bytes = new int[3];
                    for (int i = 0; i < samples; i++) {
                        if (nationalRoute) {
                            bytes[0] = timed(ctx, base + NATIONAL, analyst, nat);
                        }
                        bytes[1] = timed(ctx, base + owner, executive, own);
                        bytes[2] = timed(ctx, base + REFERENCE, analyst, ref);
                    }
                    View nationalView = new View(nat, bytes[0]);
                    View ownerView = new View(own, bytes[1]);
                    // open model at a rate that keeps one view at about half of one core's sequential capacity
                    double slowest = Math.max(ownerView.p50(), nationalRoute ? nationalView.p50() : 0);
                    int rate = (int) Math.max(1, Math.min(50, Math.round(500 / Math.max(1, slowest))));
                    OpenLoad.Result nationalOpen = null;
                    OpenLoad.Result ownerOpen = null;
                    if (!open.isZero()) {
                        if (nationalRoute) {
                            nationalOpen = openRun(ctx, base + NATIONAL, analyst, rate, open);
                        }
                        ownerOpen = openRun(ctx, base + owner, executive, rate, open);
                    }
                    double rssAfter = surveys.rssMiB();
                    Size size = new Size(national, nationalView, ownerView, new View(ref, bytes[2]), nationalOpen, ownerOpen, rate,
                            rssStart, rssAfter, checks);
                    results.add(size);
                    Log.say("%s: %,d answers: national p50 %s p99 %s, owner p50 %s p99 %s, reference p50 %s; RSS %.0f → %.0f MiB",
                            PART, national.shape().answers(), Stats.ms(nationalView.p50()), Stats.ms(nationalView.p99()),
                            Stats.ms(ownerView.p50()), Stats.ms(ownerView.p99()), Stats.ms(size.reference().p50()), rssStart,
                            rssAfter);
                }
            } finally {
                long t0 = System.nanoTime();
                int deleted = data.deleteBenchmarkRounds();
                deleteSeconds = (System.nanoTime() - t0) / 1e9;
                Log.say("%s: deleted the %d generated rounds in %.1f s", PART, deleted, deleteSeconds);
            }
        }
        if (!ctx.smoke) {
            ctx.apps.stop("surveys");
        }
        return report(ctx, results, nationalRoute, warmup, samples, open, deleteSeconds);
    }

    /** What the views say agrees with what was generated; a mismatch (tallies not rebuilt, rows missed) fails the part. */
    private static String check(SurveyData.National data, HttpResponse<String> national, HttpResponse<String> owner)
            throws Exception {
        if (owner.statusCode() != 200) {
            throw new IllegalStateException("The owner view answered " + owner.statusCode() + ": " + owner.body());
        }
        JsonNode total = JSON.readTree(owner.body()).path("total");
        List<String> checks = new ArrayList<>();
        if (!total.path("suppressed").asBoolean()) {
            long shown = total.path("respondents").asLong();
            if (shown != data.fjordvikRespondents()) {
                throw new IllegalStateException("The owner view counts " + shown + " respondents, " + data.fjordvikRespondents()
                        + " were generated for fjordvik");
            }
            checks.add("owner view respondents = generated (" + shown + ")");
        }
        if (national.statusCode() == 200) {
            JsonNode body = JSON.readTree(national.body());
            JsonNode respondents = body.path("total").path("respondents");
            if (respondents.isNumber()) {
                if (respondents.asLong() < data.shape().respondents()) {
                    throw new IllegalStateException("The national view counts " + respondents.asLong() + " respondents, "
                            + data.shape().respondents() + " were generated");
                }
                checks.add("national respondents ≥ generated (" + respondents.asLong() + ")");
            }
            if (national.body().contains(data.fjordvikRound().toString())) {
                throw new IllegalStateException("The national view names a round id");
            }
        }
        return String.join("; ", checks);
    }

    private static HttpResponse<String> get(Context ctx, String url, String token) throws Exception {
        return ctx.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One sequential request, recorded in microseconds; the answer's length. */
    private static int timed(Context ctx, String url, String token, Histogram into) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = get(ctx, url, token);
        long micros = (System.nanoTime() - t0) / 1000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        Stats.record(into, micros);
        return response.body().length();
    }

    private static OpenLoad.Result openRun(Context ctx, String url, String token, int rate, Duration duration) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        return OpenLoad.run(ctx.http, i -> request, rate, duration, 16, 200, null);
    }

    /** Least-squares slope of ln(y) against ln(x). */
    static double logSlope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]) / n;
            my += Math.log(y[i]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (Math.log(x[i]) - mx) * (Math.log(y[i]) - my);
            sxx += (Math.log(x[i]) - mx) * (Math.log(x[i]) - mx);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }

    private static Section report(Context ctx, List<Size> sizes, boolean nationalRoute, int warmup, int samples, Duration open,
            double deleteSeconds) {
        StringBuilder md = new StringBuilder("## " + TITLE + "\n\n");
        md.append(String.format(Locale.ROOT, "A national round of instrument version 1 closing in %d, written straight into the "
                + "surveys database with `COPY` (bench `SurveyData`): per owner one individual round, 40 local scale items beside "
                + "the 20 national ones (60 items, the issue's shape: 15,000 respondents × 60 items at full size; the national "
                + "view covers the 20 national items, the owner view all 60), every respondent's submitted answers (4 %% \"don't "
                + "know\"), the completion list, the principal's sharing at every third school; then `rebuild_result_tally` per "
                + "round and `ANALYZE`. Smaller sizes are the full one scaled down in proportion (fewer owners and schools, about "
                + "5 respondents per school, 1 to 9). The biggest owner (5 %% of the schools) is the demo tenant `fjordvik`, whose "
                + "executive reads its owner view. At each size the surveys service is started afresh (`-Xmx128m`, SerialGC, as "
                + "`make run`), warmed up with %d requests of each view, then called %d times sequentially, interleaving "
                + "`GET %s` (ks.analyst), `GET /api/tenants/fjordvik/survey-rounds/{round}/results` (fjordvik.executive) and the "
                + "reference `GET %s` (ks.analyst: a small read through the same token check). Open model: %d s of each view at a "
                + "rate of about half of one core's sequential capacity. RSS (VmRSS) after start and after the measurements. "
                + "Nothing pinned.%n%n", YEAR, warmup, samples, NATIONAL, REFERENCE, open.toSeconds()));
        if (!nationalRoute) {
            md.append("**The national view is not in this build** (`GET ").append(NATIONAL)
                    .append("` answered 404): only the owner view is measured.\n\n");
        }
        md.append("| answers | owners / schools / respondents | fjordvik schools / respondents | rows written | COPY | tallies "
                + "| ANALYZE |\n|---|---|---|---|---|---|---|\n");
        for (Size s : sizes) {
            SurveyData.National d = s.data();
            md.append(String.format(Locale.ROOT, "| %,d | %d / %d / %d | %d / %d | %,d | %.1f s (%,.0f rows/s) | %s | %.1f s |%n",
                    d.shape().answers(), d.shape().owners(), d.shape().schools(), d.shape().respondents(), d.fjordvikSchools(),
                    d.fjordvikRespondents(), d.rows(), d.copySeconds(), d.rows() / d.copySeconds(),
                    d.tallied() ? String.format(Locale.ROOT, "%.1f s", d.tallySeconds()) : "none in this schema",
                    d.analyzeSeconds()));
        }
        md.append(String.format(Locale.ROOT, "%nDeleting the generated rounds at the end took %.1f s.%n%n", deleteSeconds));
        md.append("| answers | national p50 / p99 / max | owner p50 / p99 / max | reference p50 / p99 | open model (rate): national "
                + "p50 / p99, owner p50 / p99, not on time | answer size national / owner | RSS after start → after | checks |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Size s : sizes) {
            md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s / %s | %s | %,d / %,d B | %.0f → %.0f MiB | %s |%n",
                    s.data().shape().answers(), triple(s.national(), nationalRoute), triple(s.owner(), true),
                    Stats.ms(s.reference().p50()), Stats.ms(s.reference().p99()), openSummary(s), s.national().bytes(),
                    s.owner().bytes(), s.rssStart(), s.rssAfter(), s.checks().isEmpty() ? "–" : s.checks()));
        }
        List<Section.Row> rows = new ArrayList<>();
        if (sizes.isEmpty()) {
            return new Section(PART, md.toString(), rows);
        }
        Size last = sizes.get(sizes.size() - 1);
        double[] x = sizes.stream().mapToDouble(s -> s.data().shape().answers()).toArray();
        double nationalSlope = logSlope(x, sizes.stream().mapToDouble(s -> s.national().p50()).toArray());
        double ownerSlope = logSlope(x, sizes.stream().mapToDouble(s -> s.owner().p50()).toArray());
        double referenceSlope = logSlope(x, sizes.stream().mapToDouble(s -> s.reference().p50()).toArray());
        md.append(String.format(Locale.ROOT, "%nSlope of ln(p50) against ln(answers): national %s, owner %s, reference %s "
                + "(1 = linear in the answers, 0 = independent of them).%n", Stats.num(nationalSlope, 3),
                Stats.num(ownerSlope, 3), Stats.num(referenceSlope, 3)));
        String at = String.format(Locale.ROOT, "%,d answers", last.data().shape().answers());
        String reference = "reference p50 " + Stats.ms(last.reference().p50());
        if (nationalRoute) {
            rows.add(new Section.Row("Aggregation: national view at " + at, "< 300 ms", "p50 " + Stats.ms(last.national().p50())
                    + " (p99 " + Stats.ms(last.national().p99()) + ")", reference,
                    Stats.ratio(last.national().p50() / last.reference().p50()),
                    GatewayOverhead.verdict(ctx, last.national().p50() < 300)));
        } else {
            rows.add(new Section.Row("Aggregation: national view at " + at, "< 300 ms", "not in this build (404)", "", "",
                    "not measured"));
        }
        rows.add(new Section.Row("Aggregation: fjordvik owner view at " + at + " (" + last.data().fjordvikSchools() + " schools)",
                "< 300 ms", "p50 " + Stats.ms(last.owner().p50()) + " (p99 " + Stats.ms(last.owner().p99()) + ")", reference,
                Stats.ratio(last.owner().p50() / last.reference().p50()), GatewayOverhead.verdict(ctx, last.owner().p50() < 300)));
        String sizesText = String.join(" / ", sizes.stream().map(s -> shortCount(s.data().shape().answers())).toList());
        rows.add(new Section.Row("Aggregation: slope of log p50 vs log answers (" + sizesText + ")", "≤ 1.05",
                (nationalRoute ? "national " + Stats.num(nationalSlope, 2) + ", " : "") + "owner " + Stats.num(ownerSlope, 2),
                "reference " + Stats.num(referenceSlope, 2), "–",
                GatewayOverhead.verdict(ctx, (!nationalRoute || nationalSlope <= 1.05) && ownerSlope <= 1.05)));
        // the comparison is 100k → 900k; the generated sizes are within a few answers of the targets
        Size from = sizes.stream().filter(s -> Math.abs(s.data().shape().answers() - 100_000) <= 1_000).findFirst()
                .orElse(sizes.get(0));
        double growth = last.rssAfter() / from.rssAfter() - 1;
        rows.add(new Section.Row("Aggregation: surveys RSS " + shortCount(from.data().shape().answers()) + " → "
                + shortCount(last.data().shape().answers()) + " answers", "< +10 %", String.format(Locale.ROOT,
                        "%.0f → %.0f MiB (%+.1f %%)", from.rssAfter(), last.rssAfter(), 100 * growth),
                String.format(Locale.ROOT, "after start %.0f → %.0f MiB", from.rssStart(), last.rssStart()), "–",
                GatewayOverhead.verdict(ctx, growth < 0.10)));
        rows.add(new Section.Row("Aggregation: generating " + at + " (COPY + tallies + ANALYZE)", "< 1–2 min",
                String.format(Locale.ROOT, "%.1f s (COPY %.1f s, tallies %.1f s)", last.data().copySeconds()
                        + last.data().tallySeconds() + last.data().analyzeSeconds(), last.data().copySeconds(),
                        last.data().tallySeconds()),
                String.format(Locale.ROOT, "%,.0f rows/s", last.data().rows() / last.data().copySeconds()), "–",
                GatewayOverhead.verdict(ctx, last.data().copySeconds() + last.data().tallySeconds() + last.data().analyzeSeconds()
                        < 120)));
        return new Section(PART, md.toString(), rows);
    }

    private static String triple(View v, boolean measured) {
        if (!measured) {
            return "–";
        }
        Stats.Percentiles p = Stats.Percentiles.of(v.latencies());
        return Stats.ms(p.p50()) + " / " + Stats.ms(p.p99()) + " / " + Stats.ms(p.max());
    }

    private static String openSummary(Size s) {
        if (s.ownerOpen() == null) {
            return "not run";
        }
        StringBuilder out = new StringBuilder("(" + s.openRate() + "/s) ");
        long notOnTime = s.ownerOpen().notOnTime();
        long offered = s.ownerOpen().offered();
        if (s.nationalOpen() != null) {
            Stats.Percentiles n = s.nationalOpen().percentiles();
            out.append(Stats.ms(n.p50())).append(" / ").append(Stats.ms(n.p99())).append(", ");
            notOnTime += s.nationalOpen().notOnTime();
            offered += s.nationalOpen().offered();
        }
        Stats.Percentiles o = s.ownerOpen().percentiles();
        return out.append(Stats.ms(o.p50())).append(" / ").append(Stats.ms(o.p99())).append(", ").append(notOnTime)
                .append(" of ").append(offered).toString();
    }

    private static String shortCount(long n) {
        return n >= 1_000_000 ? Stats.num(n / 1e6, 1) + "M" : n >= 1000 ? Math.round(n / 1000.0) + "k" : String.valueOf(n);
    }
}

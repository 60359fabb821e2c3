package no.ks.led.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Part 1: the same read route, {@code GET /api/tenants/fjordvik/programmes} with a real token,
 * called directly on the programmes service (the reference) and through the gateway, in the open
 * model at a constant rate; runs alternate between the two.
 */
final class GatewayOverhead {

    static final String PART = "gateway";
    static final String TITLE = "1. Gateway overhead";
    private static final String ROUTE = "/api/tenants/fjordvik/programmes";
    private static final int SEEDED_PROGRAMMES = 5;

    private record Run(String target, int round, OpenLoad.Result result) {
    }

    private GatewayOverhead() {
    }

    static Section run(Context ctx) throws Exception {
        int rate = ctx.smoke ? 50 : 500;
        Duration duration = Duration.ofSeconds(ctx.smoke ? 2 : 20);
        Duration warmup = Duration.ofSeconds(ctx.smoke ? 1 : 10);
        int rounds = ctx.smoke ? 1 : 3;
        int maxInFlight = 64;
        boolean pin = !ctx.smoke && ctx.canPin();
        String sutCpus = pin ? ctx.sutCpus() : null;

        ctx.apps.ensure("programmes", sutCpus);
        ctx.apps.ensure("gateway", sutCpus);
        String direct = ctx.apps.url("programmes") + ROUTE;
        String gateway = ctx.apps.url("gateway") + ROUTE;
        seed(ctx, direct);

        if (pin) {
            ctx.pinSelf(ctx.generatorCpus());
        }
        List<Run> runs = new ArrayList<>();
        try {
            Log.say("gateway: warm-up, %d s each at %d req/s", warmup.toSeconds(), rate);
            load(ctx, direct, rate, warmup, maxInFlight);
            load(ctx, gateway, rate, warmup, maxInFlight);
            for (int round = 1; round <= rounds; round++) {
                // Alternate which goes first, so a drift of the machine does not favour one side.
                String[] order = round % 2 == 1 ? new String[] {"direct", "gateway"} : new String[] {"gateway", "direct"};
                for (String target : order) {
                    OpenLoad.Result result = load(ctx, target.equals("direct") ? direct : gateway, rate, duration, maxInFlight);
                    Stats.Percentiles p = result.percentiles();
                    Log.say("gateway: round %d %-7s p50 %s p99 %s p99.9 %s, %d late, %d errors", round, target,
                            Stats.ms(p.p50()), Stats.ms(p.p99()), Stats.ms(p.p999()), result.late(), result.errors());
                    if (result.ok() == 0 || result.errors() > result.offered() / 10) {
                        throw new IllegalStateException("GET " + target + " failed: " + result.errors() + " of "
                                + result.offered() + " requests, first: " + result.firstError());
                    }
                    runs.add(new Run(target, round, result));
                }
            }
        } finally {
            if (pin) {
                ctx.pinSelf(ctx.allCpus());
            }
        }
        if (!ctx.smoke) {
            ctx.apps.stop("gateway");
            ctx.apps.stop("programmes");
        }
        return report(ctx, runs, rate, duration, rounds, maxInFlight, pin ? ctx.generatorCpus() + " / " + sutCpus : null);
    }

    private static OpenLoad.Result load(Context ctx, String url, int rate, Duration duration, int maxInFlight) throws Exception {
        String token = Tokens.accessToken(ctx.http, ctx.oidcUrl(), "fjordvik.coordinator");
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET().build();
        return OpenLoad.run(ctx.http, i -> request, rate, duration, maxInFlight, 200, null);
    }

    /** A few programmes in the tenant, so the answer is a realistic small list rather than []. */
    private static void seed(Context ctx, String url) throws Exception {
        String token = Tokens.accessToken(ctx.http, ctx.oidcUrl(), "fjordvik.coordinator");
        HttpResponse<String> list = ctx.http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (list.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + list.statusCode() + ": " + list.body());
        }
        int existing = list.body().split("\"id\"", -1).length - 1;
        for (int i = existing; i < SEEDED_PROGRAMMES; i++) {
            HttpResponse<String> created = ctx.http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Led skole benchmark " + (i + 1) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("POST " + url + " answered " + created.statusCode() + ": " + created.body());
            }
        }
    }

    private static Section report(Context ctx, List<Run> runs, int rate, Duration duration, int rounds, int maxInFlight,
            String pinning) {
        StringBuilder md = new StringBuilder("## " + TITLE + "\n\n");
        md.append(String.format(Locale.ROOT, "`GET %s` with a token of `fjordvik.coordinator` (5 programmes in the list), "
                + "open model at %d requests/s for %d s per run, %d round(s), runs alternating between the programmes "
                + "service directly (reference) and the gateway. At most %d requests in flight; latency from each request's "
                + "intended send time. CPUs (generator / applications): %s.%n%n", ROUTE, rate, duration.toSeconds(), rounds,
                maxInFlight, pinning == null ? "not pinned" : pinning));
        md.append("| round | target | p50 | p99 | p99.9 | max | answered/s | not sent on time | errors |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            Stats.Percentiles p = run.result().percentiles();
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %.0f | %d | %d |%n", run.round(), run.target(),
                    Stats.ms(p.p50()), Stats.ms(p.p99()), Stats.ms(p.p999()), Stats.ms(p.max()), run.result().achievedRate(),
                    run.result().late(), run.result().errors()));
        }
        double d50 = median(runs, "direct", 50), g50 = median(runs, "gateway", 50);
        double d99 = median(runs, "direct", 99), g99 = median(runs, "gateway", 99);
        double d999 = median(runs, "direct", 999), g999 = median(runs, "gateway", 999);
        long lateDirect = runs.stream().filter(r -> r.target().equals("direct")).mapToLong(r -> r.result().late()).sum();
        long lateGateway = runs.stream().filter(r -> r.target().equals("gateway")).mapToLong(r -> r.result().late()).sum();
        md.append("\nMedians of the runs:\n\n| | direct | gateway | added | ratio |\n|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| p50 | %s | %s | %s | %s |%n", Stats.ms(d50), Stats.ms(g50), Stats.ms(g50 - d50),
                Stats.ratio(g50 / d50)));
        md.append(String.format(Locale.ROOT, "| p99 | %s | %s | %s | %s |%n", Stats.ms(d99), Stats.ms(g99), Stats.ms(g99 - d99),
                Stats.ratio(g99 / d99)));
        md.append(String.format(Locale.ROOT, "| p99.9 | %s | %s | %s | %s |%n", Stats.ms(d999), Stats.ms(g999),
                Stats.ms(g999 - d999), Stats.ratio(g999 / d999)));
        md.append(String.format(Locale.ROOT, "| not sent on time (all runs) | %d | %d | | |%n", lateDirect, lateGateway));
        double added = g99 - d99;
        List<Section.Row> rows = List.of(
                new Section.Row("Gateway: added latency at p99 (" + rate + " req/s)", "≤ 1 ms added",
                        Stats.ms(added) + " (gateway p99 " + Stats.ms(g99) + ")", "direct p99 " + Stats.ms(d99),
                        Stats.ratio(g99 / d99), verdict(ctx, added <= 1.0)),
                new Section.Row("Gateway: added latency at p50 / p99.9", "–",
                        Stats.ms(g50 - d50) + " / " + Stats.ms(g999 - d999),
                        "direct p50 " + Stats.ms(d50) + ", p99.9 " + Stats.ms(d999),
                        Stats.ratio(g50 / d50) + " / " + Stats.ratio(g999 / d999), "–"),
                new Section.Row("Gateway: requests not sent on time", "–", lateGateway + " of "
                        + runs.stream().filter(r -> r.target().equals("gateway")).mapToLong(r -> r.result().offered()).sum(),
                        lateDirect + " direct", "–", "–"));
        return new Section(PART, md.toString(), rows);
    }

    static String verdict(Context ctx, boolean met) {
        return ctx.smoke ? "smoke (not judged)" : met ? "met" : "**not met**";
    }

    private static double median(List<Run> runs, String target, int percentile) {
        List<Double> values = new ArrayList<>();
        for (Run run : runs) {
            if (run.target().equals(target)) {
                Stats.Percentiles p = run.result().percentiles();
                values.add(percentile == 50 ? p.p50() : percentile == 99 ? p.p99() : p.p999());
            }
        }
        return Stats.median(values);
    }
}

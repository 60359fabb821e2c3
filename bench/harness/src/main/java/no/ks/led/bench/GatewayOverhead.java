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
 * model at a constant rate; runs alternate between the two. The goal's rate (500/s), then a lower
 * one, so that the added latency is also seen apart from the machine's capacity. The CPU time the
 * two processes use per request is recorded too, as that is what limits the rate.
 */
final class GatewayOverhead {

    static final String PART = "gateway";
    static final String TITLE = "1. Gateway overhead";
    private static final String ROUTE = "/api/tenants/fjordvik/programmes";
    private static final int SEEDED_PROGRAMMES = 5;
    private static final int MAX_IN_FLIGHT = 64;

    /** One run: its load result and the CPU ms per answered request of programmes and of the gateway. */
    private record Run(String target, int round, OpenLoad.Result result, double programmesCpu, double gatewayCpu) {
    }

    private record Series(int rate, Duration duration, List<Run> runs) {
        double median(String target, int percentile) {
            List<Double> values = new ArrayList<>();
            for (Run run : runs) {
                if (run.target().equals(target)) {
                    Stats.Percentiles p = run.result().percentiles();
                    values.add(percentile == 50 ? p.p50() : percentile == 99 ? p.p99() : p.p999());
                }
            }
            return Stats.median(values);
        }

        double medianCpu(String target, boolean gateway) {
            return Stats.median(runs.stream().filter(r -> r.target().equals(target))
                    .map(r -> gateway ? r.gatewayCpu() : r.programmesCpu()).toList());
        }

        long notOnTime(String target) {
            return runs.stream().filter(r -> r.target().equals(target)).mapToLong(r -> r.result().notOnTime()).sum();
        }

        long offered(String target) {
            return runs.stream().filter(r -> r.target().equals(target)).mapToLong(r -> r.result().offered()).sum();
        }
    }

    private GatewayOverhead() {
    }

    static Section run(Context ctx) throws Exception {
        int rate = ctx.smoke ? 50 : Integer.getInteger("bench.gateway.rate", 500);
        int lowRate = Integer.getInteger("bench.gateway.low-rate", 100);
        Duration duration = Duration.ofSeconds(ctx.smoke ? 1 : Integer.getInteger("bench.gateway.seconds", 15));
        Duration lowDuration = Duration.ofSeconds(Integer.getInteger("bench.gateway.low-seconds", 8));
        Duration warmup = Duration.ofSeconds(ctx.smoke ? 0 : 15);
        int rounds = ctx.smoke ? 1 : Integer.getInteger("bench.gateway.rounds", 3);
        boolean pin = !ctx.smoke && ctx.canPin();
        String sutCpus = pin ? ctx.sutCpus() : null;

        List<Apps.Running> apps = ctx.apps.ensureAll(sutCpus, "programmes", "gateway");
        Apps.Running programmes = apps.get(0);
        Apps.Running gatewayApp = apps.get(1);
        String direct = ctx.apps.url("programmes") + ROUTE;
        String gateway = ctx.apps.url("gateway") + ROUTE;
        ctx.apps.ensureDemoAccess(ctx, direct, "fjordvik.coordinator");
        ctx.apps.ensureDemoAccess(ctx, gateway, "fjordvik.coordinator");
        seed(ctx, direct);

        if (pin) {
            ctx.pinSelf(ctx.generatorCpus());
        }
        List<Series> series = new ArrayList<>();
        try {
            if (!warmup.isZero()) {
                Log.say("gateway: warm-up, %d s each at %d req/s", warmup.toSeconds(), rate);
                load(ctx, direct, rate, warmup);
                load(ctx, gateway, rate, warmup);
            }
            series.add(series(ctx, rate, duration, rounds, direct, gateway, programmes, gatewayApp));
            if (!ctx.smoke && lowRate > 0) {
                series.add(series(ctx, lowRate, lowDuration, rounds, direct, gateway, programmes, gatewayApp));
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
        return report(ctx, series, warmup, pin ? ctx.generatorCpus() + " / " + sutCpus : null);
    }

    private static Series series(Context ctx, int rate, Duration duration, int rounds, String direct, String gateway,
            Apps.Running programmes, Apps.Running gatewayApp) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Alternate which goes first, so a drift of the machine does not favour one side.
            String[] order = round % 2 == 1 ? new String[] {"direct", "gateway"} : new String[] {"gateway", "direct"};
            for (String target : order) {
                double p0 = programmes.cpuMillis();
                double g0 = gatewayApp.cpuMillis();
                OpenLoad.Result result = load(ctx, target.equals("direct") ? direct : gateway, rate, duration);
                double answered = Math.max(1, result.ok() + result.errors());
                Run run = new Run(target, round, result, (programmes.cpuMillis() - p0) / answered,
                        (gatewayApp.cpuMillis() - g0) / answered);
                Stats.Percentiles p = result.percentiles();
                Log.say("gateway: %d/s round %d %-7s p50 %s p99 %s p99.9 %s, %d not on time, %d errors; CPU/request %.2f + %.2f ms",
                        rate, round, target, Stats.ms(p.p50()), Stats.ms(p.p99()), Stats.ms(p.p999()), result.notOnTime(),
                        result.errors(), run.programmesCpu(), run.gatewayCpu());
                if (result.ok() == 0 || result.errors() > result.offered() / 10) {
                    throw new IllegalStateException("GET " + target + " failed: " + result.errors() + " of "
                            + result.offered() + " requests, first: " + result.firstError());
                }
                runs.add(run);
            }
        }
        return new Series(rate, duration, runs);
    }

    private static OpenLoad.Result load(Context ctx, String url, int rate, Duration duration) throws Exception {
        String token = Tokens.accessToken(ctx.http, ctx.oidcUrl(), "fjordvik.coordinator");
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET().build();
        return OpenLoad.run(ctx.http, i -> request, rate, duration, MAX_IN_FLIGHT, 200, null);
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

    private static Section report(Context ctx, List<Series> all, Duration warmup, String pinning) {
        StringBuilder md = new StringBuilder("## " + TITLE + "\n\n");
        md.append(String.format(Locale.ROOT, "`GET %s` with a token of `fjordvik.coordinator` (at least 5 programmes in the list), "
                + "open model (constant arrival rate), runs alternating between the programmes service directly (reference) and "
                + "the gateway, after a %d s warm-up of each. At most %d requests in flight; latency from each request's intended "
                + "send time; \"not on time\" = handed to the client more than 1 ms late, or never sent (still due 2 s after the "
                + "run). CPU per request = CPU time (user + system, /proc/<pid>/stat) the process used during the run / answered "
                + "requests. CPUs (generator / applications): %s.%n%n", ROUTE, warmup.toSeconds(), MAX_IN_FLIGHT,
                pinning == null ? "not pinned" : pinning));
        md.append("| rate | round | target | p50 | p99 | p99.9 | max | answered/s | not on time | errors | CPU/request programmes "
                + "+ gateway |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Series s : all) {
            for (Run run : s.runs()) {
                Stats.Percentiles p = run.result().percentiles();
                md.append(String.format(Locale.ROOT, "| %d/s | %d | %s | %s | %s | %s | %s | %.0f | %d | %d | %.2f + %.2f ms |%n",
                        s.rate(), run.round(), run.target(), Stats.ms(p.p50()), Stats.ms(p.p99()), Stats.ms(p.p999()),
                        Stats.ms(p.max()), run.result().achievedRate(), run.result().notOnTime(), run.result().errors(),
                        run.programmesCpu(), run.gatewayCpu()));
            }
        }
        List<Section.Row> rows = new ArrayList<>();
        for (Series s : all) {
            double d50 = s.median("direct", 50), g50 = s.median("gateway", 50);
            double d99 = s.median("direct", 99), g99 = s.median("gateway", 99);
            double d999 = s.median("direct", 999), g999 = s.median("gateway", 999);
            md.append(String.format(Locale.ROOT, "%nMedians at %d requests/s (%d s runs):%n%n| | direct | gateway | added | ratio |%n"
                    + "|---|---|---|---|---|%n", s.rate(), s.duration().toSeconds()));
            md.append(String.format(Locale.ROOT, "| p50 | %s | %s | %s | %s |%n", Stats.ms(d50), Stats.ms(g50), Stats.ms(g50 - d50),
                    Stats.ratio(g50 / d50)));
            md.append(String.format(Locale.ROOT, "| p99 | %s | %s | %s | %s |%n", Stats.ms(d99), Stats.ms(g99), Stats.ms(g99 - d99),
                    Stats.ratio(g99 / d99)));
            md.append(String.format(Locale.ROOT, "| p99.9 | %s | %s | %s | %s |%n", Stats.ms(d999), Stats.ms(g999),
                    Stats.ms(g999 - d999), Stats.ratio(g999 / d999)));
            md.append(String.format(Locale.ROOT, "| not on time (all runs) | %d of %d | %d of %d | | |%n", s.notOnTime("direct"),
                    s.offered("direct"), s.notOnTime("gateway"), s.offered("gateway")));
            double cpuDirect = s.medianCpu("direct", false);
            double cpuProgrammes = s.medianCpu("gateway", false);
            double cpuGateway = s.medianCpu("gateway", true);
            md.append(String.format(Locale.ROOT, "| CPU per request | %.2f ms | %.2f + %.2f ms | %.2f ms | %s |%n", cpuDirect,
                    cpuProgrammes, cpuGateway, cpuProgrammes + cpuGateway - cpuDirect,
                    Stats.ratio((cpuProgrammes + cpuGateway) / cpuDirect)));
            String label = s == all.get(0) ? "" : " (below saturation)";
            rows.add(new Section.Row("Gateway: added latency at p99, " + s.rate() + " req/s" + label,
                    s == all.get(0) ? "≤ 1 ms added" : "(≤ 1 ms added)", Stats.ms(g99 - d99) + " (gateway p99 " + Stats.ms(g99)
                            + "; p50 +" + Stats.ms(g50 - d50) + ", p99.9 +" + Stats.ms(g999 - d999) + ")",
                    "direct p99 " + Stats.ms(d99), Stats.ratio(g99 / d99), verdict(ctx, g99 - d99 <= 1.0)));
            rows.add(new Section.Row("Gateway: requests not sent on time, " + s.rate() + " req/s" + label, "–",
                    s.notOnTime("gateway") + " of " + s.offered("gateway") + "; CPU/request "
                            + String.format(Locale.ROOT, "%.2f ms", cpuProgrammes + cpuGateway),
                    s.notOnTime("direct") + " of " + s.offered("direct") + "; CPU/request "
                            + String.format(Locale.ROOT, "%.2f ms", cpuDirect),
                    Stats.ratio((cpuProgrammes + cpuGateway) / cpuDirect) + " CPU", "–"));
        }
        return new Section(PART, md.toString(), rows);
    }

    static String verdict(Context ctx, boolean met) {
        return ctx.smoke ? "smoke (not judged)" : met ? "met" : "**not met**";
    }
}

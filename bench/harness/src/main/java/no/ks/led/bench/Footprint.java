package no.ks.led.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Part 5: for each application, the time from process start to the first 200 of
 * {@code /q/health/ready} and the RSS right after it, in JVM mode with make run's JVM flags, against
 * a minimal Quarkus REST application (bench/minimal-app) started the same way. Full mode starts one
 * process at a time, round after round; smoke mode starts them all at once, just to see they come up.
 */
final class Footprint {

    static final String PART = "footprint";
    static final String TITLE = "5. Footprint";

    /** One start; {@code cpuMillis} is the CPU time (user and system, every thread) the process used until ready. */
    private record Sample(double startMillis, double rssMiB, double quarkusMillis, double cpuMillis) {
    }

    private Footprint() {
    }

    static Section run(Context ctx) throws Exception {
        // Smoke mode: the reference and the three applications the other parts use, to keep make test short.
        List<String> names = ctx.smoke ? List.of("minimal", "programmes", "scheduling", "gateway")
                : List.copyOf(Apps.MODULES.keySet());
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        names.forEach(name -> samples.put(name, new ArrayList<>()));
        int rounds = ctx.smoke ? 1 : Integer.getInteger("bench.footprint.rounds", 3);
        if (ctx.smoke) {
            // All at once (the numbers mean little); the parts after this one reuse these processes.
            Map<String, CompletableFuture<Apps.Running>> started = new LinkedHashMap<>();
            for (String name : names) {
                Apps.Running app = ctx.apps.start(name, null);
                started.put(name, CompletableFuture.supplyAsync(() -> {
                    try {
                        return ctx.apps.awaitReady(app, Duration.ofSeconds(180), 20);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (var entry : started.entrySet()) {
                Apps.Running app = entry.getValue().join();
                samples.get(entry.getKey()).add(new Sample(app.startMillis(), app.rssMiB(), app.quarkusStartedMillis(), app.cpuMillis()));
            }
            ctx.apps.stop("minimal");
        } else {
            for (int round = 1; round <= rounds; round++) {
                for (String name : names) {
                    Apps.Running app = ctx.apps.awaitReady(ctx.apps.start(name, null), Duration.ofSeconds(180), 10);
                    Sample sample = new Sample(app.startMillis(), app.rssMiB(), app.quarkusStartedMillis(), app.cpuMillis());
                    samples.get(name).add(sample);
                    Log.say("footprint: round %d %-13s ready after %s, RSS %.0f MiB, CPU %s", round, name,
                            Stats.ms(sample.startMillis()), sample.rssMiB(), Stats.ms(sample.cpuMillis()));
                    ctx.apps.stop(name);
                    Thread.sleep(500);
                }
            }
        }
        return report(ctx, samples, rounds);
    }

    private static Section report(Context ctx, Map<String, List<Sample>> samples, int rounds) {
        StringBuilder md = new StringBuilder("## " + TITLE + "\n\n");
        md.append(String.format(Locale.ROOT, "`java %s -jar target/quarkus-app/quarkus-run.jar` (make run's flags), %s; time from "
                + "process start to the first 200 of `/q/health/ready` (polled every %d ms), VmRSS from `/proc/<pid>/status` right "
                + "after it, and the CPU time the process used until then (every thread, the JIT compilers' included). Reference: `bench/minimal-app` (quarkus-rest with one GET endpoint, plus quarkus-smallrye-health for the "
                + "same probe), same Quarkus, same flags. Medians of %d round(s).%n%n", String.join(" ", Apps.JVM_FLAGS),
                ctx.smoke ? "all started at once (smoke)" : "one process at a time, on all CPUs", ctx.smoke ? 20 : 10, rounds));
        md.append("| application | start → ready (runs) | median | ratio to minimal | Quarkus \"started in\" | CPU until ready | "
                + "CPU ratio to minimal | RSS after ready | RSS ratio to minimal |\n|---|---|---|---|---|---|---|---|---|\n");
        double minimalStart = Stats.median(samples.get("minimal").stream().map(Sample::startMillis).toList());
        double minimalRss = Stats.median(samples.get("minimal").stream().map(Sample::rssMiB).toList());
        double minimalCpu = Stats.median(samples.get("minimal").stream().map(Sample::cpuMillis).toList());
        List<Section.Row> rows = new ArrayList<>();
        for (var entry : samples.entrySet()) {
            List<Sample> list = entry.getValue();
            double start = Stats.median(list.stream().map(Sample::startMillis).toList());
            double rss = Stats.median(list.stream().map(Sample::rssMiB).toList());
            double quarkus = Stats.median(list.stream().map(Sample::quarkusMillis).toList());
            double cpu = Stats.median(list.stream().map(Sample::cpuMillis).toList());
            String runs = String.join(", ", list.stream().map(s -> Stats.num(s.startMillis() / 1000, 2)).toList()) + " s";
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.0f MiB | %s |%n", entry.getKey(), runs,
                    Stats.ms(start), Stats.ratio(start / minimalStart), Stats.ms(quarkus), Stats.ms(cpu),
                    Stats.ratio(cpu / minimalCpu), rss, Stats.ratio(rss / minimalRss)));
            if (!entry.getKey().equals("minimal")) {
                rows.add(new Section.Row("Footprint: " + entry.getKey() + " start → ready", "≤ 1.2× minimal",
                        Stats.ms(start), "minimal " + Stats.ms(minimalStart), Stats.ratio(start / minimalStart),
                        GatewayOverhead.verdict(ctx, start / minimalStart <= 1.2)));
                rows.add(new Section.Row("Footprint: " + entry.getKey() + " RSS after ready", "< 250 MB",
                        String.format(Locale.ROOT, "%.0f MiB", rss), String.format(Locale.ROOT, "minimal %.0f MiB", minimalRss),
                        Stats.ratio(rss / minimalRss), GatewayOverhead.verdict(ctx, rss * 1.048576 < 250)));
            }
        }
        return new Section(PART, md.toString(), rows);
    }
}

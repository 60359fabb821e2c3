package no.ks.led.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * Part 2: from a committed change to its effect applied in a consumer. The change is
 * {@code POST /api/tenants/nordhei/programmes} on the programmes service (open model, constant rate);
 * its ProgrammeCreated event goes outbox → relay → Kafka → the scheduling service, which inserts it
 * into {@code inbox_event} and {@code programme_ref} in one transaction. Latency per event is
 * {@code inbox_event.received_at - outbox_event.occurred_at}: the first is PostgreSQL's transaction
 * start of the applying transaction, the second the time the programmes service recorded the event
 * inside the committing transaction; both on this machine's clock. The reference is {@link RawKafka}
 * at the same rate on the same broker; runs alternate. The goal's rate (1,000/s), then a lower one.
 */
final class EventLatency {

    static final String PART = "events";
    static final String TITLE = "2. Event latency";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private record PlatformRun(int round, OpenLoad.Result post, Histogram latencies, Histogram toRelay, Histogram relayToApplied,
            long created, long applied, double createdPerSecond, double appliedPerSecond, double cpuPerEvent,
            double postgresCpuPerEvent, double busy) {
    }

    private record Series(int rate, Duration duration, List<PlatformRun> platform, List<RawKafka.Result> raw) {
        double platform(java.util.function.ToDoubleFunction<PlatformRun> f) {
            return Stats.median(platform.stream().map(r -> f.applyAsDouble(r)).toList());
        }

        double raw(java.util.function.ToDoubleFunction<RawKafka.Result> f) {
            return Stats.median(raw.stream().map(r -> f.applyAsDouble(r)).toList());
        }
    }

    private EventLatency() {
    }

    static Section run(Context ctx) throws Exception {
        int rate = ctx.smoke ? 50 : Integer.getInteger("bench.events.rate", 1000);
        int lowRate = Integer.getInteger("bench.events.low-rate", 100);
        Duration duration = Duration.ofSeconds(ctx.smoke ? 1 : Integer.getInteger("bench.events.seconds", 10));
        Duration lowDuration = Duration.ofSeconds(Integer.getInteger("bench.events.low-seconds", 5));
        Duration warmup = Duration.ofSeconds(ctx.smoke ? 0 : 5);
        int rounds = ctx.smoke ? 1 : Integer.getInteger("bench.events.rounds", 3);

        List<Apps.Running> started = ctx.apps.ensureAll(null, "programmes", "scheduling");
        Apps.Running programmes = started.get(0);
        Apps.Running scheduling = started.get(1);
        ctx.apps.ensureDemoAccess(ctx, ctx.apps.url("programmes") + "/api/tenants/nordhei/programmes", "nordhei.coordinator");
        List<Series> series = new ArrayList<>();
        try (RawKafka kafka = new RawKafka(ctx.kafkaBootstrap());
                Connection programmesDb = DriverManager.getConnection(ctx.jdbcUrl("programmes"), ctx.dbUser(), ctx.dbPassword());
                Connection schedulingDb = DriverManager.getConnection(ctx.jdbcUrl("scheduling"), ctx.dbUser(), ctx.dbPassword())) {
            Apps.Running[] apps = {programmes, scheduling};
            if (!warmup.isZero()) {
                // Also makes sure scheduling's consumer has its partitions before anything is measured.
                Log.say("events: warm-up, %d s each at %d events/s", warmup.toSeconds(), rate);
                platformRun(ctx, 0, rate, warmup, programmesDb, schedulingDb, apps);
                kafka.run(rate, warmup);
            }
            series.add(series(ctx, kafka, rate, duration, rounds, programmesDb, schedulingDb, apps));
            if (!ctx.smoke && lowRate > 0) {
                series.add(series(ctx, kafka, lowRate, lowDuration, rounds, programmesDb, schedulingDb, apps));
            }
        }
        if (!ctx.smoke) {
            ctx.apps.stop("scheduling");
            ctx.apps.stop("programmes");
        }
        return report(ctx, series, warmup);
    }

    private static Series series(Context ctx, RawKafka kafka, int rate, Duration duration, int rounds, Connection programmesDb,
            Connection schedulingDb, Apps.Running[] apps) throws Exception {
        List<PlatformRun> platform = new ArrayList<>();
        List<RawKafka.Result> raw = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean platformFirst = round % 2 == 1;
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == platformFirst) {
                    PlatformRun run = platformRun(ctx, round, rate, duration, programmesDb, schedulingDb, apps);
                    Stats.Percentiles p = Stats.Percentiles.of(run.latencies());
                    Log.say("events: %d/s round %d platform: %d events, created %.0f/s, applied %.0f/s, p50 %s p99 %s p99.9 %s; "
                            + "POST p99 %s, %d not on time", rate, round, run.applied(), run.createdPerSecond(),
                            run.appliedPerSecond(), Stats.ms(p.p50()), Stats.ms(p.p99()), Stats.ms(p.p999()),
                            Stats.ms(run.post().percentiles().p99()), run.post().notOnTime());
                    platform.add(run);
                } else {
                    RawKafka.Result result = kafka.run(rate, duration);
                    Stats.Percentiles p = Stats.Percentiles.of(result.latencies());
                    Log.say("events: %d/s round %d raw:      %d events (%.0f/s), p50 %s p99 %s p99.9 %s", rate, round,
                            result.received(), result.achievedRate(), Stats.ms(p.p50()), Stats.ms(p.p99()), Stats.ms(p.p999()));
                    if (result.received() == 0) {
                        throw new IllegalStateException("The raw Kafka client received nothing");
                    }
                    raw.add(result);
                }
            }
        }
        return new Series(rate, duration, platform, raw);
    }

    private static PlatformRun platformRun(Context ctx, int round, int rate, Duration duration, Connection programmes,
            Connection scheduling, Apps.Running[] apps) throws Exception {
        String token = Tokens.accessToken(ctx.http, ctx.oidcUrl(), "nordhei.coordinator");
        URI uri = URI.create(ctx.apps.url("programmes") + "/api/tenants/nordhei/programmes");
        String tag = Long.toString(System.currentTimeMillis(), 36);
        Queue<String> ids = new ConcurrentLinkedQueue<>();
        Instant begin = Instant.now().minusSeconds(2);
        double cpu0 = apps[0].cpuMillis() + apps[1].cpuMillis();
        double pg0 = Apps.postgresCpuMillis();
        Machine.CpuTicks machine0 = Machine.CpuTicks.now();
        OpenLoad.Result post = OpenLoad.run(ctx.http, i -> HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Benchmark " + tag + " " + i + "\"}")).build(),
                rate, duration, 64, 201, body -> {
                    Matcher m = ID.matcher(body);
                    if (m.find()) {
                        ids.add(m.group(1));
                    }
                });
        if (ids.isEmpty()) {
            throw new IllegalStateException("No programme created: " + post.errors() + " errors, first: " + post.firstError());
        }
        UUID[] created = ids.stream().map(UUID::fromString).toArray(UUID[]::new);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ctx.smoke ? 30 : 120);
        while (System.nanoTime() < deadline && countVisible(scheduling, created) < created.length) {
            Thread.sleep(100);
        }
        double cpu = apps[0].cpuMillis() + apps[1].cpuMillis() - cpu0;
        double pg = Apps.postgresCpuMillis() - pg0;
        double busy = Machine.CpuTicks.now().busyShareSince(machine0);

        Map<UUID, Instant[]> outbox = new HashMap<>();
        try (PreparedStatement q = programmes.prepareStatement("""
                SELECT o.id, o.occurred_at, o.sent_at
                FROM outbox_event o JOIN unnest(?::text[]) AS p(id) ON (o.payload::jsonb ->> 'programmeId') = p.id
                WHERE o.occurred_at >= ?""")) {
            q.setArray(1, programmes.createArrayOf("text", ids.toArray(new String[0])));
            q.setTimestamp(2, Timestamp.from(begin));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    outbox.put(rs.getObject(1, UUID.class), new Instant[] {instant(rs, 2), instant(rs, 3)});
                }
            }
        }
        Histogram latencies = Stats.histogram();
        Histogram toRelay = Stats.histogram();
        Histogram relayToApplied = Stats.histogram();
        long applied = 0;
        Instant firstOccurred = null, lastOccurred = null, firstReceived = null, lastReceived = null;
        try (PreparedStatement q = scheduling.prepareStatement("""
                SELECT i.event_id, i.received_at FROM inbox_event i JOIN unnest(?) AS e(id) ON i.event_id = e.id""")) {
            q.setArray(1, scheduling.createArrayOf("uuid", outbox.keySet().toArray(new UUID[0])));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Instant[] recorded = outbox.get(rs.getObject(1, UUID.class));
                    Instant received = instant(rs, 2);
                    Stats.record(latencies, ChronoUnit.MICROS.between(recorded[0], received));
                    if (recorded[1] != null) {
                        Stats.record(toRelay, ChronoUnit.MICROS.between(recorded[0], recorded[1]));
                        Stats.record(relayToApplied, ChronoUnit.MICROS.between(recorded[1], received));
                    }
                    firstOccurred = min(firstOccurred, recorded[0]);
                    lastOccurred = max(lastOccurred, recorded[0]);
                    firstReceived = min(firstReceived, received);
                    lastReceived = max(lastReceived, received);
                    applied++;
                }
            }
        }
        if (applied == 0) {
            throw new IllegalStateException("None of " + created.length + " ProgrammeCreated events reached scheduling");
        }
        return new PlatformRun(round, post, latencies, toRelay, relayToApplied, created.length, applied,
                perSecond(applied, firstOccurred, lastOccurred), perSecond(applied, firstReceived, lastReceived), cpu / applied,
                pg / applied, busy);
    }

    private static double perSecond(long n, Instant first, Instant last) {
        double seconds = ChronoUnit.MICROS.between(first, last) / 1e6;
        return n <= 1 || seconds <= 0 ? Double.NaN : (n - 1) / seconds;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static long countVisible(Connection scheduling, UUID[] ids) throws Exception {
        try (PreparedStatement q = scheduling.prepareStatement(
                "SELECT count(*) FROM programme_ref r JOIN unnest(?) AS p(id) ON r.id = p.id")) {
            q.setArray(1, scheduling.createArrayOf("uuid", ids));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws Exception {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Section report(Context ctx, List<Series> all, Duration warmup) {
        StringBuilder md = new StringBuilder("## " + TITLE + "\n\n");
        md.append(String.format(Locale.ROOT, "Runs alternate between the platform and the raw client, after a %d s warm-up of each. "
                + "**Platform**: `POST /api/tenants/nordhei/programmes` on the programmes service (open model, at most 64 in "
                + "flight; what is still due 2 s after the run is not sent); latency = `inbox_event.received_at` (start of "
                + "scheduling's applying transaction) − `outbox_event.occurred_at` (recorded in the programmes transaction, just "
                + "before its commit), both from the databases after the run. *created/s* and *applied/s* are the rates at which "
                + "the events were recorded and applied (from the same timestamps); CPU/event is the CPU time programmes and "
                + "scheduling used together per applied event (JIT compilation and background work included), PostgreSQL's CPU per "
                + "applied event beside it, and *CPUs busy* the share of the machine's CPU time that was busy during the run "
                + "(whoever used it, the load generator included). **Raw**: a Kafka producer (the relay's settings: acks=all, "
                + "idempotence, linger 2 ms) and a consumer on the same broker, topic `%s`, one key, 180-byte values; latency = "
                + "`send()` → record returned by `poll()`. Nothing pinned: the path crosses four processes (two applications, "
                + "PostgreSQL, Kafka), which need both cores.%n%n", warmup.toSeconds(), RawKafka.TOPIC));
        List<Section.Row> rows = new ArrayList<>();
        for (Series s : all) {
            md.append(String.format(Locale.ROOT, "### Target %d events/s, %d s runs%n%n", s.rate(), s.duration().toSeconds()));
            md.append("| round | path | events/s reached | p50 | p99 | p99.9 | max | notes |\n|---|---|---|---|---|---|---|---|\n");
            for (int round = 1; round <= s.platform().size(); round++) {
                PlatformRun run = s.platform().get(round - 1);
                Stats.Percentiles p = Stats.Percentiles.of(run.latencies());
                Stats.Percentiles relay = Stats.Percentiles.of(run.toRelay());
                Stats.Percentiles rest = Stats.Percentiles.of(run.relayToApplied());
                Stats.Percentiles post = run.post().percentiles();
                md.append(String.format(Locale.ROOT, "| %d | platform | %s | %s | %s | %s | %s | %d of %d offered "
                        + "created, all applied: %s; created %s/s, applied %s/s; recorded→relay claim p50 %s p99 %s, "
                        + "claim→applied p50 %s p99 %s; POST p50 %s p99 %s, %d not on time; CPU/event %.2f ms, PostgreSQL %.2f ms; "
                        + "CPUs busy %.0f %% |%n", round,
                        Stats.num(Math.min(run.createdPerSecond(), run.appliedPerSecond()), 0), Stats.ms(p.p50()),
                        Stats.ms(p.p99()), Stats.ms(p.p999()), Stats.ms(p.max()), run.created(), run.post().offered(),
                        run.applied() == run.created() ? "yes" : "no, " + run.applied(), Stats.num(run.createdPerSecond(), 0),
                        Stats.num(run.appliedPerSecond(), 0), Stats.ms(relay.p50()), Stats.ms(relay.p99()), Stats.ms(rest.p50()),
                        Stats.ms(rest.p99()), Stats.ms(post.p50()), Stats.ms(post.p99()), run.post().notOnTime(),
                        run.cpuPerEvent(), run.postgresCpuPerEvent(), 100 * run.busy()));
                if (round <= s.raw().size()) {
                    RawKafka.Result result = s.raw().get(round - 1);
                    Stats.Percentiles r = Stats.Percentiles.of(result.latencies());
                    md.append(String.format(Locale.ROOT, "| %d | raw | %.0f | %s | %s | %s | %s | %d of %d received, %d "
                            + "not on time |%n", round, result.achievedRate(), Stats.ms(r.p50()), Stats.ms(r.p99()),
                            Stats.ms(r.p999()), Stats.ms(r.max()), result.received(), result.sent(), result.late()));
                }
            }
            double pP50 = s.platform(x -> Stats.Percentiles.of(x.latencies()).p50());
            double pP99 = s.platform(x -> Stats.Percentiles.of(x.latencies()).p99());
            double pP999 = s.platform(x -> Stats.Percentiles.of(x.latencies()).p999());
            double rP50 = s.raw(x -> Stats.Percentiles.of(x.latencies()).p50());
            double rP99 = s.raw(x -> Stats.Percentiles.of(x.latencies()).p99());
            double rP999 = s.raw(x -> Stats.Percentiles.of(x.latencies()).p999());
            double created = s.platform(PlatformRun::createdPerSecond);
            double applied = s.platform(PlatformRun::appliedPerSecond);
            double reached = Math.min(created, applied);
            double rawRate = s.raw(RawKafka.Result::achievedRate);
            double cpu = s.platform(PlatformRun::cpuPerEvent);
            double pgCpu = s.platform(PlatformRun::postgresCpuPerEvent);
            double busy = s.platform(PlatformRun::busy);
            md.append(String.format(Locale.ROOT, "%nMedians:%n%n| | platform | raw | ratio |%n|---|---|---|---|%n"));
            md.append(String.format(Locale.ROOT, "| events/s reached | %s (created %s, applied %s) | %.0f | |%n",
                    Stats.num(reached, 0), Stats.num(created, 0), Stats.num(applied, 0), rawRate));
            md.append(String.format(Locale.ROOT, "| p50 | %s | %s | %s |%n", Stats.ms(pP50), Stats.ms(rP50), Stats.ratio(pP50 / rP50)));
            md.append(String.format(Locale.ROOT, "| p99 | %s | %s | %s |%n", Stats.ms(pP99), Stats.ms(rP99), Stats.ratio(pP99 / rP99)));
            md.append(String.format(Locale.ROOT, "| p99.9 | %s | %s | %s |%n", Stats.ms(pP999), Stats.ms(rP999),
                    Stats.ratio(pP999 / rP999)));
            md.append(String.format(Locale.ROOT, "| CPU per event (programmes + scheduling) | %.2f ms | | |%n", cpu));
            md.append(String.format(Locale.ROOT, "| PostgreSQL CPU per event | %.2f ms | | |%n", pgCpu));
            md.append(String.format(Locale.ROOT, "| the machine's CPUs busy | %.0f %% | | |%n%n", 100 * busy));
            boolean first = s == all.get(0);
            rows.add(new Section.Row("Events: p99 platform / raw Kafka, target " + s.rate() + "/s" + (first ? "" : " (below saturation)"),
                    first ? "≤ 2× at 1,000/s" : "(≤ 2×)", Stats.ms(pP99) + " at " + Stats.num(reached, 0) + " events/s reached (p50 "
                            + Stats.ms(pP50) + ")", "raw p99 " + Stats.ms(rP99) + " at " + Math.round(rawRate) + "/s (p50 "
                            + Stats.ms(rP50) + ")", Stats.ratio(pP99 / rP99),
                    GatewayOverhead.verdict(ctx, pP99 / rP99 <= 2 && reached >= 0.95 * s.rate())
                            + (reached < 0.95 * s.rate() ? " (rate not reached)" : "")));
        }
        return new Section(PART, md.toString(), rows);
    }
}

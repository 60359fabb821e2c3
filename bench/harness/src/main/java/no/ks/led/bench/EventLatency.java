package no.ks.led.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Array;
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
 * at the same rate on the same broker; runs alternate.
 */
final class EventLatency {

    static final String PART = "events";
    static final String TITLE = "2. Event latency";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private record PlatformRun(int round, OpenLoad.Result post, Histogram latencies, Histogram toRelay, Histogram relayToApplied,
            long created, long applied, double visibleAfterSeconds) {

        double eventRate() {
            return post.elapsedSeconds() <= 0 ? 0 : created / post.windowSeconds();
        }
    }

    private EventLatency() {
    }

    static Section run(Context ctx) throws Exception {
        int rate = ctx.smoke ? 50 : 1000;
        Duration duration = Duration.ofSeconds(ctx.smoke ? 2 : 15);
        Duration warmup = Duration.ofSeconds(ctx.smoke ? 1 : 5);
        int rounds = ctx.smoke ? 1 : 3;
        boolean pin = !ctx.smoke && ctx.canPin() && Boolean.parseBoolean(System.getProperty("bench.events.pin", "false"));
        String sutCpus = pin ? ctx.sutCpus() : null;

        ctx.apps.ensure("programmes", sutCpus);
        ctx.apps.ensure("scheduling", sutCpus);
        List<PlatformRun> platform = new ArrayList<>();
        List<RawKafka.Result> raw = new ArrayList<>();
        if (pin) {
            ctx.pinSelf(ctx.generatorCpus());
        }
        try (RawKafka kafka = new RawKafka(ctx.kafkaBootstrap());
                Connection programmes = DriverManager.getConnection(ctx.jdbcUrl("programmes"), ctx.dbUser(), ctx.dbPassword());
                Connection scheduling = DriverManager.getConnection(ctx.jdbcUrl("scheduling"), ctx.dbUser(), ctx.dbPassword())) {
            Log.say("events: warm-up, %d s each at %d events/s", warmup.toSeconds(), rate);
            platformRun(ctx, 0, rate, warmup, programmes, scheduling);
            kafka.run(rate, warmup);
            for (int round = 1; round <= rounds; round++) {
                boolean platformFirst = round % 2 == 1;
                for (int k = 0; k < 2; k++) {
                    if ((k == 0) == platformFirst) {
                        PlatformRun run = platformRun(ctx, round, rate, duration, programmes, scheduling);
                        Stats.Percentiles p = Stats.Percentiles.of(run.latencies());
                        Log.say("events: round %d platform: %d events (%.0f/s), p50 %s p99 %s p99.9 %s; POST p99 %s, %d late",
                                round, run.applied(), run.eventRate(), Stats.ms(p.p50()), Stats.ms(p.p99()), Stats.ms(p.p999()),
                                Stats.ms(run.post().percentiles().p99()), run.post().late());
                        platform.add(run);
                    } else {
                        RawKafka.Result result = kafka.run(rate, duration);
                        Stats.Percentiles p = Stats.Percentiles.of(result.latencies());
                        Log.say("events: round %d raw:      %d events (%.0f/s), p50 %s p99 %s p99.9 %s", round, result.received(),
                                result.achievedRate(), Stats.ms(p.p50()), Stats.ms(p.p99()), Stats.ms(p.p999()));
                        if (result.received() == 0) {
                            throw new IllegalStateException("The raw Kafka client received nothing");
                        }
                        raw.add(result);
                    }
                }
            }
        } finally {
            if (pin) {
                ctx.pinSelf(ctx.allCpus());
            }
        }
        if (!ctx.smoke) {
            ctx.apps.stop("scheduling");
            ctx.apps.stop("programmes");
        }
        return report(ctx, platform, raw, rate, duration, rounds, pin ? ctx.generatorCpus() + " / " + sutCpus : null);
    }

    private static PlatformRun platformRun(Context ctx, int round, int rate, Duration duration, Connection programmes,
            Connection scheduling) throws Exception {
        String token = Tokens.accessToken(ctx.http, ctx.oidcUrl(), "nordhei.coordinator");
        URI uri = URI.create(ctx.apps.url("programmes") + "/api/tenants/nordhei/programmes");
        String tag = Long.toString(System.currentTimeMillis(), 36);
        Queue<String> ids = new ConcurrentLinkedQueue<>();
        Instant begin = Instant.now().minusSeconds(2);
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
        long waitStart = System.nanoTime();
        long deadline = waitStart + TimeUnit.SECONDS.toNanos(ctx.smoke ? 30 : 120);
        long visible = 0;
        while (System.nanoTime() < deadline) {
            visible = countVisible(scheduling, created);
            if (visible == created.length) {
                break;
            }
            Thread.sleep(100);
        }
        double visibleAfter = (System.nanoTime() - waitStart) / 1e9;

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
                    applied++;
                }
            }
        }
        if (applied == 0) {
            throw new IllegalStateException("None of " + created.length + " ProgrammeCreated events reached scheduling within "
                    + Math.round(visibleAfter) + " s");
        }
        return new PlatformRun(round, post, latencies, toRelay, relayToApplied, created.length, applied, visibleAfter);
    }

    private static long countVisible(Connection scheduling, UUID[] ids) throws Exception {
        try (PreparedStatement q = scheduling.prepareStatement(
                "SELECT count(*) FROM programme_ref r JOIN unnest(?) AS p(id) ON r.id = p.id")) {
            Array array = scheduling.createArrayOf("uuid", ids);
            q.setArray(1, array);
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

    private static Section report(Context ctx, List<PlatformRun> platform, List<RawKafka.Result> raw, int rate, Duration duration,
            int rounds, String pinning) {
        StringBuilder md = new StringBuilder("## " + TITLE + "\n\n");
        md.append(String.format(Locale.ROOT, "Target %d events/s for %d s per run, %d round(s), alternating. **Platform**: "
                + "`POST /api/tenants/nordhei/programmes` on the programmes service (open model, at most 64 in flight); latency "
                + "= `inbox_event.received_at` (start of scheduling's applying transaction) − `outbox_event.occurred_at` "
                + "(recorded in the programmes transaction, just before its commit). **Raw**: a Kafka producer (the relay's "
                + "settings: acks=all, idempotence, linger 2 ms) and consumer on the same broker, topic `%s`, one key, "
                + "%d-byte values; latency = `send()` call → record returned by `poll()`. CPUs (generator / applications): %s.%n%n",
                rate, duration.toSeconds(), rounds, RawKafka.TOPIC, 180, pinning == null ? "not pinned" : pinning));
        md.append("| round | path | events/s reached | p50 | p99 | p99.9 | max | notes |\n|---|---|---|---|---|---|---|---|\n");
        int r = 0;
        for (int round = 1; round <= rounds; round++) {
            for (PlatformRun run : platform) {
                if (run.round() == round) {
                    Stats.Percentiles p = Stats.Percentiles.of(run.latencies());
                    Stats.Percentiles relay = Stats.Percentiles.of(run.toRelay());
                    Stats.Percentiles rest = Stats.Percentiles.of(run.relayToApplied());
                    Stats.Percentiles post = run.post().percentiles();
                    md.append(String.format(Locale.ROOT, "| %d | platform | %.0f | %s | %s | %s | %s | %d of %d applied; "
                            + "recorded→relay claim p50 %s p99 %s, claim→applied p50 %s p99 %s; POST p50 %s p99 %s, %d not sent "
                            + "on time, %d errors |%n", round, run.eventRate(), Stats.ms(p.p50()), Stats.ms(p.p99()),
                            Stats.ms(p.p999()), Stats.ms(p.max()), run.applied(), run.created(), Stats.ms(relay.p50()),
                            Stats.ms(relay.p99()), Stats.ms(rest.p50()), Stats.ms(rest.p99()), Stats.ms(post.p50()),
                            Stats.ms(post.p99()), run.post().late(), run.post().errors()));
                }
            }
            if (r < raw.size()) {
                RawKafka.Result result = raw.get(r++);
                Stats.Percentiles p = Stats.Percentiles.of(result.latencies());
                md.append(String.format(Locale.ROOT, "| %d | raw | %.0f | %s | %s | %s | %s | %d of %d received, %d not sent on "
                        + "time |%n", round, result.achievedRate(), Stats.ms(p.p50()), Stats.ms(p.p99()), Stats.ms(p.p999()),
                        Stats.ms(p.max()), result.received(), result.sent(), result.late()));
            }
        }
        double pP50 = Stats.median(platform.stream().map(x -> Stats.Percentiles.of(x.latencies()).p50()).toList());
        double pP99 = Stats.median(platform.stream().map(x -> Stats.Percentiles.of(x.latencies()).p99()).toList());
        double pP999 = Stats.median(platform.stream().map(x -> Stats.Percentiles.of(x.latencies()).p999()).toList());
        double rP50 = Stats.median(raw.stream().map(x -> Stats.Percentiles.of(x.latencies()).p50()).toList());
        double rP99 = Stats.median(raw.stream().map(x -> Stats.Percentiles.of(x.latencies()).p99()).toList());
        double rP999 = Stats.median(raw.stream().map(x -> Stats.Percentiles.of(x.latencies()).p999()).toList());
        double pRate = Stats.median(platform.stream().map(PlatformRun::eventRate).toList());
        double rRate = Stats.median(raw.stream().map(RawKafka.Result::achievedRate).toList());
        md.append("\nMedians of the runs:\n\n| | platform | raw | ratio |\n|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| events/s reached (target %d) | %.0f | %.0f | |%n", rate, pRate, rRate));
        md.append(String.format(Locale.ROOT, "| p50 | %s | %s | %s |%n", Stats.ms(pP50), Stats.ms(rP50), Stats.ratio(pP50 / rP50)));
        md.append(String.format(Locale.ROOT, "| p99 | %s | %s | %s |%n", Stats.ms(pP99), Stats.ms(rP99), Stats.ratio(pP99 / rP99)));
        md.append(String.format(Locale.ROOT, "| p99.9 | %s | %s | %s |%n", Stats.ms(pP999), Stats.ms(rP999),
                Stats.ratio(pP999 / rP999)));
        List<Section.Row> rows = List.of(
                new Section.Row("Events: p99 platform / raw Kafka (target " + rate + "/s)", "≤ 2×",
                        Stats.ms(pP99) + " at " + Math.round(pRate) + " events/s", "raw p99 " + Stats.ms(rP99) + " at "
                                + Math.round(rRate) + "/s", Stats.ratio(pP99 / rP99),
                        GatewayOverhead.verdict(ctx, pP99 / rP99 <= 2 && pRate >= 0.95 * rate)),
                new Section.Row("Events: p50 / p99.9 platform / raw", "–", Stats.ms(pP50) + " / " + Stats.ms(pP999),
                        "raw " + Stats.ms(rP50) + " / " + Stats.ms(rP999), Stats.ratio(pP50 / rP50) + " / "
                                + Stats.ratio(pP999 / rP999), "–"));
        return new Section(PART, md.toString(), rows);
    }
}

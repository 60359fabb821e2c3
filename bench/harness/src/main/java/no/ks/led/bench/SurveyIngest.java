package no.ks.led.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.postgresql.copy.CopyManager;

/**
 * Part 3: answers stored per second through the public route, against PostgreSQL {@code COPY} of the
 * same rows into the same tables. <b>Route</b>: the demo principals and school leaders of fjordvik and
 * nordhei (the only respondents with passwords) answer many open rounds of their school, each round
 * once per person: one {@code POST …/responses/mine/submission} with every item in its body (20 national
 * scale items, the free-text item, 40 local scale items: 61 answers; the route saves them as the draft and
 * submits them in one transaction, as a client that submits at once does), from several client threads at
 * once, directly on the surveys service. The rounds are written beforehand with SQL
 * (opening is not what is measured). <b>COPY</b>: as many submissions' rows as the route stored in the
 * same round of the benchmark (answer set, draft and submitted answers, completion), in one transaction.
 * Runs alternate.
 */
final class SurveyIngest {

    static final String PART = "survey-ingest";
    static final String TITLE = "3. Survey ingest";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The platform's default zone, the foundation's {@code TenantZones.PLATFORM_DEFAULT} (the bench does not depend on it). */
    private static final ZoneId PLATFORM_ZONE = ZoneId.of("Europe/Oslo");
    private static final int LOCAL_ITEMS = 40;
    /** COPY writes at least this many submissions' rows in full mode, so that it runs long enough to be timed. */
    private static final int MIN_COPY_SUBMISSIONS = 500;
    private static final List<String> RESPONDENTS = List.of("fjordvik.principal", "fjordvik.leader", "nordhei.principal",
            "nordhei.leader");

    /** A demo respondent: who, where, and their token. */
    private record Respondent(String username, String tenant, UUID school, UUID person, String token) {
    }

    /** One submission to make: a respondent in one of their rounds. */
    private record Task(Respondent respondent, UUID round) {
    }

    /**
     * One route round; {@code cpuMillis}, {@code postgresCpuMillis} and {@code generatorCpuMillis} are the surveys
     * service's, PostgreSQL's and this load generator's (the harness process) CPU per submission, {@code busy} the share
     * of the machine's CPU time that was busy during the round.
     */
    private record RouteRun(int round, long submissions, long answers, double seconds, long errors, String firstError,
            Histogram latencies, double cpuMillis, double postgresCpuMillis, double generatorCpuMillis, double busy) {
        double answersPerSecond() {
            return answers / seconds;
        }
    }

    /** One COPY round; {@code postgresCpuMillis} is PostgreSQL's CPU per submission copied. */
    private record CopyRun(int round, long submissions, long answers, long rows, double seconds, double postgresCpuMillis) {
        double answersPerSecond() {
            return answers / seconds;
        }
    }

    private SurveyIngest() {
    }

    static Section run(Context ctx) throws Exception {
        Duration duration = Duration.ofSeconds(ctx.smoke ? 1 : Integer.getInteger("bench.ingest.seconds", 10));
        Duration warmup = Duration.ofSeconds(ctx.smoke ? 0 : 20);
        int rounds = ctx.smoke ? 1 : Integer.getInteger("bench.ingest.rounds", 3);
        int clients = Integer.getInteger("bench.ingest.clients", ctx.smoke ? 2 : 8);
        // rounds to open per tenant and run: enough that the route cannot run out within a run
        int roundsPerTenant = ctx.smoke ? 2 : Integer.getInteger("bench.ingest.rounds-per-tenant", 400);

        ctx.apps.ensureAll(null, "organisations", "surveys");
        Apps.Running surveys = ctx.apps.ensure("surveys", null);
        String base = ctx.apps.url("surveys");
        for (String user : RESPONDENTS) {
            ctx.apps.ensureDemoAccess(ctx, base + "/api/tenants/" + user.substring(0, user.indexOf('.')) + "/survey-rounds", user);
        }
        List<Respondent> respondents = respondents(ctx);
        List<RouteRun> route = new ArrayList<>();
        List<CopyRun> copies = new ArrayList<>();
        SurveyData.Instrument instrument;
        boolean tallied;
        try (Connection db = DriverManager.getConnection(ctx.jdbcUrl("surveys"), ctx.dbUser(), ctx.dbPassword())) {
            SurveyData data = new SurveyData(db, 6);
            data.deleteBenchmarkRounds();
            instrument = data.instrument(1);
            tallied = data.hasTallies();
            String body = answersBody(instrument);
            try {
                if (!warmup.isZero()) {
                    Log.say("%s: warm-up, %d s", PART, warmup.toSeconds());
                    routeRun(ctx, 0, data, respondents, roundsPerTenant / 2, body, clients, warmup, surveys);
                }
                for (int round = 1; round <= rounds; round++) {
                    boolean routeFirst = round % 2 == 1;
                    RouteRun r = null;
                    for (int k = 0; k < 2; k++) {
                        if ((k == 0) == routeFirst) {
                            r = routeRun(ctx, round, data, respondents, roundsPerTenant, body, clients, duration, surveys);
                            route.add(r);
                            Log.say("%s: round %d route: %d submissions, %d answers in %.1f s = %.0f answers/s, %d errors",
                                    PART, round, r.submissions(), r.answers(), r.seconds(), r.answersPerSecond(), r.errors());
                        } else {
                            // as many submissions as the route stored in this round (the previous one's when COPY goes first)
                            long submissions = r != null ? r.submissions()
                                    : route.isEmpty() ? (ctx.smoke ? 4 : 400) : route.get(route.size() - 1).submissions();
                            CopyRun c = copyRun(round, data, instrument,
                                    Math.max(ctx.smoke ? 4 : MIN_COPY_SUBMISSIONS, submissions));
                            copies.add(c);
                            Log.say("%s: round %d COPY:  %d submissions, %d answers (%d rows) in %.2f s = %.0f answers/s",
                                    PART, round, c.submissions(), c.answers(), c.rows(), c.seconds(), c.answersPerSecond());
                        }
                    }
                }
            } finally {
                int deleted = data.deleteBenchmarkRounds();
                Log.say("%s: deleted the %d rounds written for it", PART, deleted);
            }
        }
        return report(ctx, route, copies, clients, duration, warmup, instrument, tallied);
    }

    /** The four demo respondents, their school and person ids from the demo directory, and tokens. */
    private static List<Respondent> respondents(Context ctx) throws Exception {
        JsonNode directory = JSON.readTree(ctx.repo.resolve(Apps.DEMO_DIRECTORY).toFile());
        List<Respondent> result = new ArrayList<>();
        for (String username : RESPONDENTS) {
            String person = null;
            for (JsonNode p : directory.get("people")) {
                if (p.get("username").asText().equals(username)) {
                    person = p.get("id").asText();
                }
            }
            JsonNode membership = null;
            for (JsonNode m : directory.get("memberships")) {
                if (m.get("personId").asText().equals(person) && m.hasNonNull("schoolId")) {
                    membership = m;
                }
            }
            if (membership == null) {
                throw new IllegalStateException("The demo directory has no school membership for " + username);
            }
            result.add(new Respondent(username, membership.get("tenantId").asText(),
                    UUID.fromString(membership.get("schoolId").asText()), UUID.fromString(person),
                    Tokens.accessToken(ctx.http, ctx.oidcUrl(), username)));
        }
        return result;
    }

    /** Every item of the ingest rounds answered: national scale items, the free-text items, the local items. */
    private static String answersBody(SurveyData.Instrument instrument) {
        StringBuilder json = new StringBuilder("{\"answers\":[");
        List<String> scale = new ArrayList<>(instrument.scaleItems());
        for (int i = 1; i <= LOCAL_ITEMS; i++) {
            scale.add("local-" + i);
        }
        int n = 0;
        for (String item : scale) {
            json.append(n++ > 0 ? "," : "").append("{\"item\":\"").append(item).append('"')
                    .append(n % 25 == 0 ? ",\"dontKnow\":true}" : ",\"value\":" + (1 + n % 5) + "}");
        }
        for (String item : instrument.textItems()) {
            json.append(",{\"item\":\"").append(item).append("\",\"text\":\"Vi samarbeider godt om elevenes læring.\"}");
        }
        return json.append("]}").toString();
    }

    private static long answersPerSubmission(SurveyData.Instrument instrument) {
        return instrument.scaleItems().size() + LOCAL_ITEMS + instrument.textItems().size();
    }

    /** Opens fresh rounds for the demo schools (SQL, not timed), then submits through the route for {@code duration}. */
    private static RouteRun routeRun(Context ctx, int round, SurveyData data, List<Respondent> respondents, int roundsPerTenant,
            String body, int clients, Duration duration, Apps.Running surveys) throws Exception {
        Queue<Task> tasks = new ConcurrentLinkedQueue<>();
        List<UUID> opened = openRounds(data, respondents, roundsPerTenant);
        // round-robin over rounds, so that concurrent submissions hit different rounds and schools
        for (int i = 0; i < opened.size(); i++) {
            UUID id = opened.get(i);
            for (Respondent r : respondents) {
                if (r.tenant().equals(i % 2 == 0 ? "fjordvik" : "nordhei")) {
                    tasks.add(new Task(r, id));
                }
            }
        }
        String base = ctx.apps.url("surveys");
        long answersEach = body.split("\"item\"", -1).length - 1;
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        Histogram latencies = new ConcurrentHistogram(Stats.MAX_MICROS, 3);
        AtomicLong submissions = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        URI service = URI.create(base);
        long generator = ProcessHandle.current().pid();
        double cpu0 = surveys.cpuMillis();
        double pg0 = Apps.postgresCpuMillis();
        double generator0 = Apps.cpuMillis(generator);
        Machine.CpuTicks machine0 = Machine.CpuTicks.now();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                try (Http11Connection connection = new Http11Connection(service, 30_000)) {
                    Task task;
                    while (System.nanoTime() < deadline && (task = tasks.poll()) != null) {
                        long t0 = System.nanoTime();
                        try {
                            String path = "/api/tenants/" + task.respondent().tenant() + "/survey-rounds/" + task.round()
                                    + "/responses/mine/submission";
                            Http11Connection.Response post = connection.post(path, Map.of(
                                    "Authorization", "Bearer " + task.respondent().token(),
                                    "Content-Type", "application/json",
                                    "Idempotency-Key", UUID.randomUUID().toString()), bodyBytes);
                            if (post.status() != 200) {
                                throw new IllegalStateException("POST submission answered " + post.status() + ": "
                                        + post.body());
                            }
                            long end = System.nanoTime();
                            Stats.record(latencies, (end - t0) / 1000);
                            submissions.incrementAndGet();
                            lastDone.accumulateAndGet(end, Math::max);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 90, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double cpu = surveys.cpuMillis() - cpu0;
        double pg = Apps.postgresCpuMillis() - pg0;
        double generatorCpu = Apps.cpuMillis(generator) - generator0;
        double busy = Machine.CpuTicks.now().busyShareSince(machine0);
        if (submissions.get() == 0) {
            throw new IllegalStateException("No submission went through the route: " + errors.get() + " errors, first: "
                    + firstError.get());
        }
        double seconds = (lastDone.get() - start) / 1e9;
        return new RouteRun(round, submissions.get(), submissions.get() * answersEach, seconds, errors.get(), firstError.get(),
                latencies, cpu / submissions.get(), pg / submissions.get(), generatorCpu / submissions.get(), busy);
    }

    /**
     * Open individual rounds at the demo schools, {@code perTenant} in each of fjordvik and nordhei, alternating,
     * with the school's demo leaders as respondents and 40 local scale items, written with SQL.
     */
    private static List<UUID> openRounds(SurveyData data, List<Respondent> respondents, int perTenant) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<String> tenants = new ArrayList<>();
        List<UUID> schools = new ArrayList<>();
        for (int i = 0; i < 2 * perTenant; i++) {
            String tenant = i % 2 == 0 ? "fjordvik" : "nordhei";
            ids.add(UUID.randomUUID());
            tenants.add(tenant);
            schools.add(respondents.stream().filter(r -> r.tenant().equals(tenant)).findFirst().orElseThrow().school());
        }
        LocalDate today = LocalDate.now(PLATFORM_ZONE);
        data.openRounds(ids, tenants, schools, "ingest", today.minusDays(1), today.plusDays(30), LOCAL_ITEMS);
        try (SurveyData.Copy c = new SurveyData.Copy(data.copyManager(), "survey_respondent (round_id, school_id, person_id, role)")) {
            for (int i = 0; i < ids.size(); i++) {
                for (Respondent r : respondents) {
                    if (r.tenant().equals(tenants.get(i))) {
                        c.row(ids.get(i), r.school(), r.person(), r.username().endsWith(".principal") ? "principal" : "school-leader");
                    }
                }
            }
            c.finish();
        }
        return ids;
    }

    /**
     * The reference: the rows {@code submissions} route submissions leave (answer set, each answer as draft and
     * as submitted, completion), written with COPY in one transaction into rounds opened beforehand.
     */
    private static CopyRun copyRun(int round, SurveyData data, SurveyData.Instrument instrument, long submissions)
            throws SQLException {
        Connection db = data.connection();
        UUID school = UUID.randomUUID();
        List<UUID> rounds = new ArrayList<>();
        for (long i = 0; i < (submissions + 1) / 2; i++) {
            rounds.add(UUID.randomUUID());
        }
        LocalDate today = LocalDate.now(PLATFORM_ZONE);
        data.openRounds(rounds, Collections.nCopies(rounds.size(), "fjordvik"), Collections.nCopies(rounds.size(), school),
                "ingest (COPY)", today.minusDays(1), today.plusDays(30), LOCAL_ITEMS);
        CopyManager copy = data.copyManager();
        List<String> scale = new ArrayList<>(instrument.scaleItems());
        for (int i = 1; i <= LOCAL_ITEMS; i++) {
            scale.add("local-" + i);
        }
        UUID[] sets = new UUID[(int) submissions];
        UUID[] people = new UUID[(int) submissions];
        for (int i = 0; i < submissions; i++) {
            sets[i] = UUID.randomUUID();
            people[i] = UUID.randomUUID();
        }
        String now = java.time.OffsetDateTime.now().toString();
        long rows = 0;
        db.setAutoCommit(false);
        double pg0 = Apps.postgresCpuMillis();
        long t0 = System.nanoTime();
        try {
            try (SurveyData.Copy c = new SurveyData.Copy(copy, "answer_set (id, tenant_id, round_id, school_id, owner_tag, submitted)")) {
                for (int i = 0; i < submissions; i++) {
                    c.row(sets[i], "fjordvik", rounds.get(i / 2), school, "bench-" + sets[i], true);
                }
                rows += c.finish();
            }
            try (SurveyData.Copy c = new SurveyData.Copy(copy, "answer (answer_set_id, stage, item_code, value, dont_know, text)")) {
                for (int i = 0; i < submissions; i++) {
                    for (String stage : List.of("draft", "submitted")) {
                        for (String item : scale) {
                            data.scaleAnswer(c, sets[i], stage, item);
                        }
                        for (String item : instrument.textItems()) {
                            c.row(sets[i], stage, item, null, false, "Vi samarbeider godt om elevenes læring.");
                        }
                    }
                }
                rows += c.finish();
            }
            try (SurveyData.Copy c = new SurveyData.Copy(copy,
                    "survey_completion (round_id, school_id, person_id, submitted_at, idempotency_key)")) {
                for (int i = 0; i < submissions; i++) {
                    c.row(rounds.get(i / 2), school, people[i], now, UUID.randomUUID());
                }
                rows += c.finish();
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double pg = Apps.postgresCpuMillis() - pg0;
        return new CopyRun(round, submissions, submissions * answersPerSubmission(instrument), rows, seconds, pg / submissions);
    }

    private static Section report(Context ctx, List<RouteRun> route, List<CopyRun> copies, int clients, Duration duration,
            Duration warmup, SurveyData.Instrument instrument, boolean tallied) {
        StringBuilder md = new StringBuilder("## " + TITLE + "\n\n");
        md.append(String.format(Locale.ROOT, "**Route**: the four demo respondents (principal and school leader of fjordvik and "
                + "nordhei) each answer fresh open rounds of their school once, in one request: `POST …/survey-rounds/{id}/"
                + "responses/mine/submission` with all %d items in its body (%d national scale, %d free text, %d local scale) and "
                + "a new `Idempotency-Key` (saved as the draft and submitted in one transaction); %d client threads, each "
                + "on its own keep-alive HTTP/1.1 connection (a plain socket, so that the generator takes as little of the "
                + "cores it shares with the system as it can) sending the next submission as soon as its previous one is "
                + "answered (closed model: this is a throughput figure), for %d s after a %d s warm-up, directly on the surveys "
                + "service (the gateway is part 1). Rounds are written with SQL beforehand, not timed. Answers stored = %d per "
                + "submission (the route also keeps each as a draft%s). **COPY**: the same rows for the same number of "
                + "submissions (at least %d, so that it runs long enough to time: answer set, every answer as draft and as "
                + "submitted, completion), `COPY … FROM STDIN` into the same tables in one transaction, timed from the first "
                + "COPY to the commit. Runs alternate; nothing pinned "
                + "(the route needs the service and PostgreSQL).%n%n", answersPerSubmission(instrument),
                instrument.scaleItems().size(), instrument.textItems().size(), LOCAL_ITEMS, clients, duration.toSeconds(),
                warmup.toSeconds(), answersPerSubmission(instrument),
                tallied ? " and adds it to the result tallies in the same transaction; COPY writes no tallies" : "",
                ctx.smoke ? 4 : MIN_COPY_SUBMISSIONS));
        md.append("| round | path | submissions | answers | seconds | answers/s | submission p50 | p99 | notes |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < Math.max(route.size(), copies.size()); i++) {
            if (i < route.size()) {
                RouteRun r = route.get(i);
                Stats.Percentiles p = Stats.Percentiles.of(r.latencies());
                md.append(String.format(Locale.ROOT, "| %d | route | %d | %d | %.2f | %.0f | %s | %s | %d errors%s; CPU per "
                        + "submission: surveys %.1f ms, PostgreSQL %.1f ms, load generator %.1f ms; CPUs busy %.0f %% |%n", r.round(), r.submissions(),
                        r.answers(), r.seconds(), r.answersPerSecond(), Stats.ms(p.p50()), Stats.ms(p.p99()), r.errors(),
                        r.firstError() == null ? "" : " (first: " + r.firstError().replace('|', '/') + ")", r.cpuMillis(),
                        r.postgresCpuMillis(), r.generatorCpuMillis(), 100 * r.busy()));
            }
            if (i < copies.size()) {
                CopyRun c = copies.get(i);
                md.append(String.format(Locale.ROOT, "| %d | COPY | %d | %d | %.3f | %.0f | | | %d rows; PostgreSQL CPU %.2f ms per "
                        + "submission |%n", c.round(), c.submissions(), c.answers(), c.seconds(), c.answersPerSecond(), c.rows(),
                        c.postgresCpuMillis()));
            }
        }
        double routeRate = Stats.median(route.stream().map(RouteRun::answersPerSecond).toList());
        double copyRate = Stats.median(copies.stream().map(CopyRun::answersPerSecond).toList());
        double ratio = routeRate / copyRate;
        double surveysCpu = Stats.median(route.stream().map(RouteRun::cpuMillis).toList());
        double postgresCpu = Stats.median(route.stream().map(RouteRun::postgresCpuMillis).toList());
        double generatorCpu = Stats.median(route.stream().map(RouteRun::generatorCpuMillis).toList());
        double busy = Stats.median(route.stream().map(RouteRun::busy).toList());
        double copyPostgresCpu = Stats.median(copies.stream().map(CopyRun::postgresCpuMillis).toList());
        md.append(String.format(Locale.ROOT, "%nMedians: route %.0f answers/s, COPY %.0f answers/s, ratio %.3f (goal ≥ 0.25). "
                + "CPU per submission through the route: surveys %.1f ms, PostgreSQL %.1f ms, the load generator %.1f ms (COPY: "
                + "PostgreSQL %.2f ms); the machine's %d CPUs were busy %.0f %% of the route's rounds.%n", routeRate, copyRate,
                ratio, surveysCpu, postgresCpu, generatorCpu, copyPostgresCpu, ctx.cpus, 100 * busy));
        List<Section.Row> rows = List.of(new Section.Row("Survey ingest: answers/s through the route / PostgreSQL COPY",
                "≥ 0.25× COPY", String.format(Locale.ROOT, "%.0f answers/s (%d clients)", routeRate, clients),
                String.format(Locale.ROOT, "COPY %.0f answers/s", copyRate), Stats.num(ratio, 3) + "×",
                GatewayOverhead.verdict(ctx, ratio >= 0.25)));
        return new Section(PART, md.toString(), rows);
    }
}

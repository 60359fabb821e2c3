package no.ks.led.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Survey data written straight into the surveys database with PostgreSQL {@code COPY}, in the tables and
 * shapes the service itself writes (answer sets with no person, the completion list apart): a national
 * round of a given size for part 4, open rounds for the demo leaders and the COPY ceiling for part 3.
 * Every round it writes has a title starting with {@link #TITLE_PREFIX}, so {@link #deleteBenchmarkRounds}
 * removes exactly what a benchmark left behind (also after an interrupted run), and nothing else.
 */
final class SurveyData {

    /** The result tallies: per school, and (since V14) per school and level. */
    private static final List<String> TALLY_TABLES = List.of("school_tally", "item_tally", "level_tally", "level_item_tally");

    static final String TITLE_PREFIX = "Benchmark: ";

    /** The national items of instrument version 1 that take a 1-5 answer, and its free-text items. */
    record Instrument(List<String> scaleItems, List<String> textItems) {
    }

    /**
     * The shape of a national round with {@code answers} scale answers: the full size (372 owners,
     * about 3,000 schools, 15,000 respondents, 60 items: 900,000 answers) scaled down in proportion, so a
     * smaller size is a smaller country rather than a thinner one (about 5 respondents per school).
     */
    record Shape(int owners, int schools, int respondents, int items) {

        static final int ITEMS = 60;

        static Shape of(long answers) {
            double f = answers / 900_000.0;
            int respondents = (int) Math.max(3, Math.round(answers / (double) ITEMS));
            int owners = (int) Math.max(2, Math.round(372 * f));
            int schools = (int) Math.max(owners + 2, Math.round(3000 * f));
            return new Shape(owners, Math.min(schools, respondents), respondents, ITEMS);
        }

        long answers() {
            return (long) respondents * items;
        }
    }

    /** What {@link #nationalRound} wrote and how long each step took. */
    record National(Shape shape, UUID fjordvikRound, int fjordvikSchools, int fjordvikRespondents, long rows,
            double copySeconds, double tallySeconds, double analyzeSeconds, boolean tallied) {
    }

    private final Connection db;
    private final Random random;

    SurveyData(Connection db, long seed) {
        this.db = db;
        this.random = new Random(seed);
    }

    Instrument instrument(int version) throws SQLException {
        List<String> scale = new ArrayList<>();
        List<String> text = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT i.code, i.kind FROM instrument_item i JOIN instrument_section s
                  ON s.version = i.version AND s.code = i.section_code
                WHERE i.version = ? ORDER BY s.position, i.position""")) {
            q.setInt(1, version);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    (rs.getString(2).equals("scale") ? scale : text).add(rs.getString(1));
                }
            }
        }
        if (scale.isEmpty()) {
            throw new IllegalStateException("Instrument version " + version + " has no scale items in the surveys database");
        }
        return new Instrument(List.copyOf(scale), List.copyOf(text));
    }

    /** Whether the surveys schema keeps pre-aggregated tallies ({@code rebuild_result_tally(uuid)} exists). */
    boolean hasTallies() throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regprocedure('rebuild_result_tally(uuid)') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private boolean hasColumn(String table, String column) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT 1 FROM information_schema.columns WHERE table_name = ? AND column_name = ?")) {
            q.setString(1, table);
            q.setString(2, column);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * A national round of instrument version 1 that closed in {@code year}: one round per owner, the biggest
     * owner being {@code fjordvik} (the demo tenant, so that the demo executive may read its owner view),
     * 40 local scale items per round beside the 20 national ones, every respondent's 60 submitted answers,
     * the completion list, and the principal's sharing at a third of the schools. Then the tallies are
     * rebuilt per round (when the schema has them) and the tables analysed, as autovacuum would.
     */
    National nationalRound(Shape shape, int year) throws SQLException {
        Instrument instrument = instrument(1);
        int localItems = Math.max(0, shape.items() - instrument.scaleItems().size());
        boolean closedAt = hasColumn("survey_round", "closed_at");
        boolean previous = db.getAutoCommit();
        db.setAutoCommit(false);
        long t0 = System.nanoTime();
        long rows = 0;

        // Schools per owner: fjordvik holds 5 % (as the biggest kommuner do), the rest spread evenly.
        int[] schoolsOf = new int[shape.owners()];
        schoolsOf[0] = Math.max(3, (int) Math.round(shape.schools() * 0.05));
        int rest = shape.schools() - schoolsOf[0];
        for (int o = 1; o < shape.owners(); o++) {
            schoolsOf[o] = Math.max(1, rest / (shape.owners() - 1) + (o <= rest % (shape.owners() - 1) ? 1 : 0));
        }
        int schools = Arrays.stream(schoolsOf).sum();
        // Respondents per school: 1 to 9 (mean 5), some below k on purpose, then trimmed to the total.
        int[] leadersOf = new int[schools];
        int total = 0;
        for (int s = 0; s < schools; s++) {
            leadersOf[s] = 1 + random.nextInt(9);
            total += leadersOf[s];
        }
        while (total < shape.respondents()) {
            leadersOf[random.nextInt(schools)]++;
            total++;
        }
        while (total > shape.respondents()) {
            int s = random.nextInt(schools);
            if (leadersOf[s] > 1) {
                leadersOf[s]--;
                total--;
            }
        }

        LocalDate opens = LocalDate.of(year, 9, 1);
        LocalDate closes = LocalDate.of(year, 10, 30);
        UUID[] roundOf = new UUID[shape.owners()];
        UUID[] schoolId = new UUID[schools];
        int[] ownerOfSchool = new int[schools];
        for (int o = 0, s = 0; o < shape.owners(); o++) {
            roundOf[o] = UUID.randomUUID();
            for (int i = 0; i < schoolsOf[o]; i++, s++) {
                schoolId[s] = UUID.randomUUID();
                ownerOfSchool[s] = o;
            }
        }
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        try {
            try (Copy c = new Copy(copy, "survey_round (id, tenant_id, title, mode, opens_on, closes_on, instrument_version, "
                    + "min_group_size" + (closedAt ? ", closed_at" : "") + ")")) {
                for (int o = 0; o < shape.owners(); o++) {
                    c.row(roundOf[o], tenant(o), TITLE_PREFIX + "generated national round " + year, "individual", opens, closes,
                            1, 3);
                    if (closedAt) {
                        c.field(closes.plusDays(1) + " 00:00:00+01");
                    }
                }
                rows += c.finish();
            }
            try (Copy c = new Copy(copy, "survey_round_school (round_id, school_id)")) {
                for (int s = 0; s < schools; s++) {
                    c.row(roundOf[ownerOfSchool[s]], schoolId[s]);
                }
                rows += c.finish();
            }
            rows += localItems(copy, Arrays.asList(roundOf), localItems);
            List<String> items = new ArrayList<>(instrument.scaleItems());
            for (int i = 1; i <= localItems; i++) {
                items.add("local-" + i);
            }
            UUID[][] people = new UUID[schools][];
            try (Copy c = new Copy(copy, "survey_respondent (round_id, school_id, person_id, role)")) {
                for (int s = 0; s < schools; s++) {
                    people[s] = new UUID[leadersOf[s]];
                    for (int p = 0; p < leadersOf[s]; p++) {
                        people[s][p] = UUID.randomUUID();
                        c.row(roundOf[ownerOfSchool[s]], schoolId[s], people[s][p], p == 0 ? "principal" : "school-leader");
                    }
                }
                rows += c.finish();
            }
            UUID[][] sets = new UUID[schools][];
            // each set at the level of its respondent's role (since V14), so the tallies are split by level as they are
            boolean levels = hasColumn("answer_set", "respondent_level");
            try (Copy c = new Copy(copy, "answer_set (id, tenant_id, round_id, school_id, owner_tag, submitted"
                    + (levels ? ", respondent_level)" : ")"))) {
                for (int s = 0; s < schools; s++) {
                    sets[s] = new UUID[leadersOf[s]];
                    for (int p = 0; p < leadersOf[s]; p++) {
                        sets[s][p] = UUID.randomUUID();
                        Object[] row = {sets[s][p], tenant(ownerOfSchool[s]), roundOf[ownerOfSchool[s]], schoolId[s],
                                "bench-" + sets[s][p], true, p == 0 ? "principal" : "middle-leader"};
                        c.row(levels ? row : Arrays.copyOf(row, row.length - 1));
                    }
                }
                rows += c.finish();
            }
            try (Copy c = new Copy(copy, "answer (answer_set_id, stage, item_code, value, dont_know, text)")) {
                for (int s = 0; s < schools; s++) {
                    for (UUID set : sets[s]) {
                        for (String item : items) {
                            scaleAnswer(c, set, "submitted", item);
                        }
                    }
                }
                rows += c.finish();
            }
            String submittedAt = closes.minusDays(3) + " 12:00:00+01";
            try (Copy c = new Copy(copy, "survey_completion (round_id, school_id, person_id, submitted_at, idempotency_key)")) {
                for (int s = 0; s < schools; s++) {
                    for (UUID person : people[s]) {
                        c.row(roundOf[ownerOfSchool[s]], schoolId[s], person, submittedAt, "bench-" + person);
                    }
                }
                rows += c.finish();
            }
            try (Copy c = new Copy(copy, "survey_sharing (round_id, school_id, shared_by, shared_at)")) {
                for (int s = 0; s < schools; s += 3) {
                    c.row(roundOf[ownerOfSchool[s]], schoolId[s], people[s][0], submittedAt);
                }
                rows += c.finish();
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            db.setAutoCommit(previous);
            throw e;
        }
        double copySeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        boolean tallied = hasTallies();
        if (tallied) {
            try (PreparedStatement rebuild = db.prepareStatement("SELECT rebuild_result_tally(?)")) {
                for (UUID round : roundOf) {
                    rebuild.setObject(1, round);
                    rebuild.execute();
                }
            }
            db.commit();
        }
        double tallySeconds = (System.nanoTime() - t1) / 1e9;
        db.setAutoCommit(true);
        long t2 = System.nanoTime();
        try (Statement s = db.createStatement()) {
            StringBuilder tallies = new StringBuilder();
            for (String table : TALLY_TABLES) {
                if (exists(table)) {
                    tallies.append(", ").append(table);
                }
            }
            s.execute("ANALYZE survey_round, survey_round_school, survey_respondent, answer_set, answer, survey_completion, "
                    + "survey_sharing, survey_local_item" + tallies);
        }
        double analyzeSeconds = (System.nanoTime() - t2) / 1e9;
        db.setAutoCommit(previous);
        int fjordvikRespondents = Arrays.stream(leadersOf, 0, schoolsOf[0]).sum();
        return new National(new Shape(shape.owners(), schools, total, shape.items()), roundOf[0], schoolsOf[0],
                fjordvikRespondents, rows, copySeconds, tallySeconds, analyzeSeconds, tallied);
    }

    /**
     * Individual rounds of instrument version 1 with SQL, each for one school, with {@code localItems} local
     * scale items; the respondents are the caller's to add.
     */
    void openRounds(List<UUID> ids, List<String> tenants, List<UUID> schools, String title, LocalDate opens, LocalDate closes,
            int localItems) throws SQLException {
        CopyManager copy = copyManager();
        try (Copy c = new Copy(copy, "survey_round (id, tenant_id, title, mode, opens_on, closes_on, instrument_version, "
                + "min_group_size)")) {
            for (int i = 0; i < ids.size(); i++) {
                c.row(ids.get(i), tenants.get(i), TITLE_PREFIX + title, "individual", opens, closes, 1, 3);
            }
            c.finish();
        }
        try (Copy c = new Copy(copy, "survey_round_school (round_id, school_id)")) {
            for (int i = 0; i < ids.size(); i++) {
                c.row(ids.get(i), schools.get(i));
            }
            c.finish();
        }
        localItems(copy, ids, localItems);
    }

    /** The owner's tenant id: the biggest is the demo tenant {@code fjordvik}, the others {@code bench-NNN}. */
    static String tenant(int owner) {
        return owner == 0 ? "fjordvik" : String.format("bench-%03d", owner);
    }

    /** {@code count} local scale items ({@code local-1} …) for each round. */
    long localItems(CopyManager copy, List<UUID> rounds, int count) throws SQLException {
        if (count == 0) {
            return 0;
        }
        try (Copy c = new Copy(copy, "survey_local_item (round_id, code, position, kind, text_nb)")) {
            for (UUID round : rounds) {
                for (int i = 1; i <= count; i++) {
                    c.row(round, "local-" + i, i, "scale", "Lokalt spørsmål " + i + " (benchmark)");
                }
            }
            return c.finish();
        }
    }

    /** One answer on the scale: mostly 3 and 4, as real answers lean, and 4 % "don't know". */
    void scaleAnswer(Copy c, UUID set, String stage, String item) {
        int r = random.nextInt(100);
        if (r < 4) {
            c.row(set, stage, item, null, true, null);
        } else {
            int value = r < 9 ? 1 : r < 22 ? 2 : r < 50 ? 3 : r < 82 ? 4 : 5;
            c.row(set, stage, item, value, false, null);
        }
    }

    Connection connection() {
        return db;
    }

    CopyManager copyManager() throws SQLException {
        return db.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Deletes every round a benchmark wrote (and, by cascade, its schools, respondents, answers and sharing). */
    int deleteBenchmarkRounds() throws SQLException {
        boolean previous = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            String rounds = "SELECT id FROM survey_round WHERE title LIKE '" + TITLE_PREFIX + "%'";
            s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS bench_doomed (id uuid PRIMARY KEY) ON COMMIT DELETE ROWS");
            s.execute("INSERT INTO bench_doomed " + rounds);
            // answers first, in one statement: far quicker than the cascade's row-by-row deletes
            s.execute("DELETE FROM answer a USING answer_set s, bench_doomed d WHERE a.answer_set_id = s.id AND s.round_id = d.id");
            List<String> tables = new ArrayList<>(TALLY_TABLES);
            tables.addAll(List.of("survey_completion", "invitation"));
            for (String table : tables) {
                if (exists(table)) {
                    s.execute("DELETE FROM " + table + " t USING bench_doomed d WHERE t.round_id = d.id");
                }
            }
            int deleted = s.executeUpdate("DELETE FROM survey_round r USING bench_doomed d WHERE r.id = d.id");
            db.commit();
            return deleted;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(previous);
        }
    }

    private boolean exists(String table) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * One {@code COPY … FROM STDIN} in PostgreSQL's text format, written in 1 MB chunks. Values are
     * written with {@link String#valueOf}; null is {@code \N}. Only values without tabs, newlines or
     * backslashes are written here, so nothing needs escaping.
     */
    static final class Copy implements AutoCloseable {

        private static final int CHUNK = 1 << 20;
        private final CopyIn in;
        private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
        private boolean finished;

        Copy(CopyManager copy, String tableAndColumns) throws SQLException {
            this.in = copy.copyIn("COPY " + tableAndColumns + " FROM STDIN");
        }

        /** Starts a row (ending the previous one) with these values. */
        Copy row(Object... values) {
            if (!buffer.isEmpty()) {
                buffer.append('\n');
                if (buffer.length() >= CHUNK) {
                    flush();
                }
            }
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                append(values[i]);
            }
            return this;
        }

        /** One more value for the current row. */
        Copy field(Object value) {
            buffer.append('\t');
            append(value);
            return this;
        }

        private void append(Object value) {
            if (value == null) {
                buffer.append("\\N");
            } else if (value instanceof Boolean b) {
                buffer.append(b ? 't' : 'f');
            } else {
                buffer.append(value);
            }
        }

        private void flush() {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                in.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed", e);
            }
        }

        /** Ends the COPY; the number of rows written. */
        long finish() throws SQLException {
            if (!buffer.isEmpty()) {
                buffer.append('\n');
                flush();
            }
            finished = true;
            return in.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (!finished && in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}

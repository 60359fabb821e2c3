package no.ks.led.surveys.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.jdbc.Jdbc;

/**
 * The SQL of the result tallies, counts of submitted answers with no person in them: {@code school_tally} (respondents
 * per school), {@code item_tally} (one row per school holding every scale item's counts in arrays, in item-code order;
 * the view {@code item_counts} gives one row per item), {@code level_tally} and {@code level_item_tally} (the same per
 * respondent level; view {@code level_item_counts}). Keeping them up to date on submission, rebuilding a round's, and
 * reading them for a round and for the nation. The updates on submission go through {@link Jdbc}; the rest through
 * native queries.
 */
@ApplicationScoped
public class ResultTallyRepository {

    private static final Map<String, Class<?>> COUNTS = Map.of("n1", Long.class, "n2", Long.class, "n3", Long.class,
            "n4", Long.class, "n5", Long.class, "dont_know", Long.class);

    /**
     * Each school's latest round of the version closing in the year, of the tenants of one country ({@code ?4}; a
     * tenant the access replica does not know counts as Norwegian, see {@code AccessReplica.countryOf}):
     * (tenant, round, school, k).
     */
    private static final String CHOSEN = """
            WITH chosen AS MATERIALIZED (
                SELECT DISTINCT ON (rs.school_id) r.tenant_id, rs.round_id, rs.school_id, r.min_group_size
                FROM survey_round r JOIN survey_round_school rs ON rs.round_id = r.id
                    LEFT JOIN access_organisation o ON o.id = r.tenant_id
                WHERE r.instrument_version = ?1 AND r.closes_on BETWEEN ?2 AND ?3 AND coalesce(o.country, 'NO') = ?4
                ORDER BY rs.school_id, r.closes_on DESC, r.created_at DESC, r.id DESC)
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    Jdbc jdbc;

    /** How many respondents of a round submitted at a school. */
    public record SchoolTally(UUID schoolId, long respondents) {
    }

    /**
     * The answers to a scale item in a group (a school, or a tenant): {@code counts} holds the answers 1 to 5,
     * then "don't know".
     */
    public record ItemCounts(String group, String item, long[] counts) {
    }

    /** A school counted in a national aggregate: its tenant, its respondents, and its round's k. */
    public record NationalSchool(String tenantId, UUID schoolId, long respondents, int minGroupSize) {
    }

    /**
     * Takes the round's tally lock, shared: submissions share it, a rebuild of the round takes it alone.
     */
    public void lockRoundShared(UUID roundId) {
        jdbc.single("SELECT 1 FROM pg_advisory_xact_lock_shared(hashtextextended('result_tally:' || CAST(? AS text), 0))",
                row -> row.getInt(1), roundId);
    }

    /** Adds respondents to the school's tally. */
    public void addRespondents(UUID roundId, UUID schoolId, int respondents) {
        jdbc.update("""
                INSERT INTO school_tally (round_id, school_id, respondents) VALUES (?, ?, ?)
                ON CONFLICT (round_id, school_id) DO UPDATE SET respondents = school_tally.respondents + excluded.respondents""",
                roundId, schoolId, respondents);
    }

    /**
     * The answer set's draft (sign 1) and its submitted answers (sign -1) counted per item, as {@code delta}; the
     * stage's level when {@code %s} is the level column's expression.
     */
    private static final String DELTA = """
            WITH delta AS (
                SELECT %s item_code,
                       sum(CASE WHEN value = 1 THEN sign ELSE 0 END)::integer AS n1,
                       sum(CASE WHEN value = 2 THEN sign ELSE 0 END)::integer AS n2,
                       sum(CASE WHEN value = 3 THEN sign ELSE 0 END)::integer AS n3,
                       sum(CASE WHEN value = 4 THEN sign ELSE 0 END)::integer AS n4,
                       sum(CASE WHEN value = 5 THEN sign ELSE 0 END)::integer AS n5,
                       sum(CASE WHEN dont_know THEN sign ELSE 0 END)::integer AS dont_know
                FROM (SELECT stage, item_code, value, dont_know, CASE WHEN stage = 'draft' THEN 1 ELSE -1 END AS sign
                      FROM answer WHERE answer_set_id = ? AND text IS NULL) a
                GROUP BY %s item_code)
            """;

    /** The delta's rows as one tally row's arrays, in item-code order. */
    private static final String DELTA_ARRAYS = """
            array_agg(item_code ORDER BY item_code), array_agg(n1 ORDER BY item_code), array_agg(n2 ORDER BY item_code),
            array_agg(n3 ORDER BY item_code), array_agg(n4 ORDER BY item_code), array_agg(n5 ORDER BY item_code),
            array_agg(dont_know ORDER BY item_code)""";

    /** Adds the inserted row's arrays to those of the tally row {@code t} already there. */
    private static final String ADD_ARRAYS = """
            (items, n1, n2, n3, n4, n5, dont_know) = (SELECT * FROM item_counts_add(
                t.items, t.n1, t.n2, t.n3, t.n4, t.n5, t.dont_know,
                excluded.items, excluded.n1, excluded.n2, excluded.n3, excluded.n4, excluded.n5, excluded.dont_know))""";

    /**
     * Adds the answer set's draft to the school's item tallies and takes its submitted answers off them: one row of
     * {@code item_tally} per school, every item's counts in arrays.
     */
    public void applyDraftOverSubmitted(UUID answerSetId, UUID roundId, UUID schoolId) {
        jdbc.update(DELTA.formatted("", "") + """
                INSERT INTO item_tally AS t (round_id, school_id, items, n1, n2, n3, n4, n5, dont_know)
                SELECT ?, ?, %s FROM delta HAVING count(*) > 0
                ON CONFLICT (round_id, school_id) DO UPDATE SET %s""".formatted(DELTA_ARRAYS, ADD_ARRAYS),
                answerSetId, roundId, schoolId);
    }

    /**
     * Moves one submission in the level tallies of its school: its previous submission (if any) off its previous
     * level, the draft onto the new level; respondents first, then the item counts, one row of
     * {@code level_item_tally} per level, in level order. Called after the school's row of {@code school_tally} is
     * locked, so submissions at one school queue here too.
     */
    public void applyDraftOverSubmittedByLevel(AnswerSetRepository.Held before, UUID roundId, UUID schoolId,
            String level) {
        if (before.submitted()) {
            addLevelRespondents(roundId, schoolId, before.level(), -1);
        }
        addLevelRespondents(roundId, schoolId, level, 1);
        jdbc.update(DELTA.formatted("CASE WHEN stage = 'draft' THEN CAST(? AS text) ELSE CAST(? AS text) END AS level,",
                "level,") + """
                INSERT INTO level_item_tally AS t (round_id, school_id, level, items, n1, n2, n3, n4, n5, dont_know)
                SELECT ?, ?, level, %s FROM delta
                GROUP BY level
                ORDER BY level
                ON CONFLICT (round_id, school_id, level) DO UPDATE SET %s""".formatted(DELTA_ARRAYS, ADD_ARRAYS),
                level, before.level(), before.id(), roundId, schoolId);
    }

    private void addLevelRespondents(UUID roundId, UUID schoolId, String level, int respondents) {
        jdbc.update("""
                INSERT INTO level_tally (round_id, school_id, level, respondents) VALUES (?, ?, ?, ?)
                ON CONFLICT (round_id, school_id, level) DO UPDATE SET respondents = level_tally.respondents + excluded.respondents""",
                roundId, schoolId, level, respondents);
    }

    /** Recomputes one round's tallies from its submitted answers (the database function {@code rebuild_result_tally}). */
    public void rebuild(UUID roundId) {
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT rebuild_result_tally(?1)) rebuilt")
                .setParameter(1, roundId).getSingleResult();
    }

    /** The round's schools with at least one respondent. */
    public List<SchoolTally> schoolTallies(UUID roundId) {
        return Rows.select(entityManager,
                "SELECT school_id, respondents FROM school_tally WHERE round_id = ?1 AND respondents > 0",
                Map.of("school_id", UUID.class, "respondents", Long.class))
                .setParameter(1, roundId).getResultStream()
                .map(t -> new SchoolTally(t.get("school_id", UUID.class), t.get("respondents", Long.class)))
                .toList();
    }

    /** The round's item tallies, the group being the school's id. */
    public List<ItemCounts> itemTallies(UUID roundId) {
        return Rows.select(entityManager, """
                SELECT CAST(school_id AS text) AS grp, item_code, n1, n2, n3, n4, n5, dont_know FROM item_counts
                WHERE round_id = ?1""", withCounts())
                .setParameter(1, roundId).getResultStream().map(ResultTallyRepository::itemCounts).toList();
    }

    /** Respondents of a round at one school and level. */
    public record LevelTally(UUID schoolId, String level, long respondents) {
    }

    /** The answers to a scale item at one school and level: the answers 1 to 5, then "don't know". */
    public record LevelItemCounts(UUID schoolId, String level, String item, long[] counts) {
    }

    /** The round's respondents per school and level (level {@code unknown} for answer sets without one). */
    public List<LevelTally> levelTallies(UUID roundId) {
        return Rows.select(entityManager,
                "SELECT school_id, level, respondents FROM level_tally WHERE round_id = ?1 AND respondents > 0",
                Map.of("school_id", UUID.class, "level", String.class, "respondents", Long.class))
                .setParameter(1, roundId).getResultStream()
                .map(t -> new LevelTally(t.get("school_id", UUID.class), t.get("level", String.class),
                        t.get("respondents", Long.class)))
                .toList();
    }

    /** The round's item tallies per school and level. */
    public List<LevelItemCounts> levelItemTallies(UUID roundId) {
        Map<String, Class<?>> columns = new HashMap<>(COUNTS);
        columns.put("school_id", UUID.class);
        columns.put("level", String.class);
        columns.put("item_code", String.class);
        return Rows.select(entityManager, """
                SELECT school_id, level, item_code, n1, n2, n3, n4, n5, dont_know FROM level_item_counts
                WHERE round_id = ?1""", columns)
                .setParameter(1, roundId).getResultStream()
                .map(t -> new LevelItemCounts(t.get("school_id", UUID.class), t.get("level", String.class),
                        t.get("item_code", String.class), counts(t)))
                .toList();
    }

    /**
     * The schools of the national aggregate of a version between two days (each school's latest round closing
     * then), with their respondents and their round's k.
     */
    public List<NationalSchool> nationalSchools(Country country, int version, LocalDate from, LocalDate to) {
        return Rows.select(entityManager, CHOSEN + """
                SELECT c.tenant_id, c.school_id, coalesce(t.respondents, 0) AS respondents, c.min_group_size
                FROM chosen c LEFT JOIN school_tally t ON t.round_id = c.round_id AND t.school_id = c.school_id""",
                Map.of("tenant_id", String.class, "school_id", UUID.class, "respondents", Long.class,
                        "min_group_size", Integer.class))
                .setParameter(1, version).setParameter(2, from).setParameter(3, to).setParameter(4, country.name())
                .getResultStream().map(t -> new NationalSchool(t.get("tenant_id", String.class), t.get("school_id", UUID.class),
                        t.get("respondents", Long.class), t.get("min_group_size", Integer.class)))
                .toList();
    }

    /**
     * The answers per tenant (the group) and item, summed in the database over the national aggregate's schools'
     * item tallies: one probe of the tally's primary key per chosen school (one row holding every item), so the cost
     * follows the year's schools and not the whole table. Only the item codes are unnested; the counts of the items
     * asked for are read by position (half the time of unnesting all seven arrays, 900,000 answers in
     * {@code make bench}). {@code OFFSET 0} keeps the planner from turning the probes into a scan of every tally (it
     * misjudges how few rows match a (round, school) pair and would choose a hash join) and from caching each row's
     * unnested arrays (Memoize), which never hits.
     */
    public List<ItemCounts> nationalItemCounts(Country country, int version, LocalDate from, LocalDate to, String[] items) {
        return Rows.select(entityManager, CHOSEN + """
                SELECT c.tenant_id AS grp, u.item_code, sum(u.n1) AS n1, sum(u.n2) AS n2, sum(u.n3) AS n3, sum(u.n4) AS n4,
                       sum(u.n5) AS n5, sum(u.dont_know) AS dont_know
                FROM chosen c CROSS JOIN LATERAL (
                    SELECT i.item_code, t.n1[i.p] AS n1, t.n2[i.p] AS n2, t.n3[i.p] AS n3, t.n4[i.p] AS n4,
                           t.n5[i.p] AS n5, t.dont_know[i.p] AS dont_know
                    FROM item_tally t, unnest(t.items) WITH ORDINALITY AS i (item_code, p)
                    WHERE t.round_id = c.round_id AND t.school_id = c.school_id AND i.item_code = ANY(?5) OFFSET 0) u
                GROUP BY c.tenant_id, u.item_code""", withCounts())
                .setParameter(1, version).setParameter(2, from).setParameter(3, to).setParameter(4, country.name())
                .setParameter(5, items).getResultStream().map(ResultTallyRepository::itemCounts).toList();
    }

    private static Map<String, Class<?>> withCounts() {
        Map<String, Class<?>> columns = new HashMap<>(COUNTS);
        columns.put("grp", String.class);
        columns.put("item_code", String.class);
        return columns;
    }

    private static ItemCounts itemCounts(Tuple t) {
        return new ItemCounts(t.get("grp", String.class), t.get("item_code", String.class), counts(t));
    }

    private static long[] counts(Tuple t) {
        return new long[] {t.get("n1", Long.class), t.get("n2", Long.class), t.get("n3", Long.class),
                t.get("n4", Long.class), t.get("n5", Long.class), t.get("dont_know", Long.class)};
    }
}

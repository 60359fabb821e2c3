package no.ks.led.surveys.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.NationalResults;
import no.ks.led.surveys.NationalTrend;
import no.ks.led.surveys.Results;
import no.ks.led.surveys.SuppressionPlan;
import no.ks.led.surveys.SuppressionPlan.Visibility;
import no.ks.led.surveys.Trend;
import no.ks.led.surveys.config.SurveysConfig;

/**
 * The national aggregate of one instrument version over one year, from the result tallies alone. Counted
 * are the rounds of every tenant and both modes whose closing date falls in the year (each a tenant's local day); a school
 * in several of them counts with its latest (by closing date) only. A team round's agreed answer set is one
 * respondent. Suppression is {@link SuppressionPlan} over nation, tenants and schools (every school
 * withheld, tenants eligible), for the respondents and then per item, as the owner's view does it; free
 * text never leaves a tenant.
 */
@ApplicationScoped
public class NationalAggregate {

    private static final String NATION = "nation";

    /** Each school's latest round of the version closing in the year: (tenant, round, school, k). */
    private static final String CHOSEN = """
            WITH chosen AS MATERIALIZED (
                SELECT DISTINCT ON (rs.school_id) r.tenant_id, rs.round_id, rs.school_id, r.min_group_size
                FROM survey_round r JOIN survey_round_school rs ON rs.round_id = r.id
                WHERE r.instrument_version = ?1 AND r.closes_on BETWEEN ?2 AND ?3
                ORDER BY rs.school_id, r.closes_on DESC, r.created_at DESC, r.id DESC)
            """;

    @Inject
    EntityManager entityManager;

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** The most years one trend spans: each is one national aggregate. */
    static final int LONGEST_TREND = 10;

    @Inject
    SurveysConfig config;

    @Inject
    InstrumentCatalogue catalogue;

    /**
     * The national results for a query's parameters as given: a published instrument version and a year from
     * 2000 to 2100, else a 400 problem naming the fields.
     */
    @Transactional
    public NationalResults of(String instrumentVersion, String year) {
        List<Problem.Violation> violations = new ArrayList<>();
        Optional<Instrument> instrument = publishedVersion(instrumentVersion, violations);
        Optional<Integer> y = year("year", year, violations);
        refuseIfAny(violations);
        return of(instrument.orElseThrow(), y.orElseThrow());
    }

    /**
     * The nation's section means year by year from {@code fromYear} to {@code toYear} (at most
     * {@value #LONGEST_TREND} years), each year exactly as {@link #of(Instrument, int)} shows it; years without
     * rounds of the version (or an older one) are left out. Invalid parameters are a 400 problem naming them.
     */
    @Transactional
    public NationalTrend trend(String instrumentVersion, String fromYear, String toYear) {
        List<Problem.Violation> violations = new ArrayList<>();
        Optional<Instrument> instrument = publishedVersion(instrumentVersion, violations);
        Optional<Integer> from = year("fromYear", fromYear, violations);
        Optional<Integer> to = year("toYear", toYear, violations);
        if (from.isPresent() && to.isPresent() && (to.get() < from.get() || to.get() - from.get() >= LONGEST_TREND)) {
            violations.add(new Problem.Violation("toYear",
                    "must be fromYear or later, and span at most " + LONGEST_TREND + " years"));
        }
        refuseIfAny(violations);
        int asked = instrument.orElseThrow().version();
        List<NationalTrend.Year> years = new ArrayList<>();
        for (int year = from.orElseThrow(); year <= to.orElseThrow(); year++) {
            Optional<Instrument> counted = versionUsed(asked, year).flatMap(catalogue::published);
            if (counted.isEmpty()) {
                continue;
            }
            NationalResults results = of(counted.get(), year);
            Results.Group nation = results.total();
            years.add(new NationalTrend.Year(year, counted.get().version(), results.minGroupSize(), nation.suppressed(),
                    nation.respondents(), nation.sections().stream()
                            .map(s -> new Trend.SectionMean(s.code(), s.suppressed(), s.suppressed() ? null : s.mean()))
                            .toList()));
        }
        return new NationalTrend(asked, from.orElseThrow(), to.orElseThrow(), List.copyOf(years));
    }

    /** The newest version, no newer than {@code version}, of any round closing in the year. */
    private Optional<Integer> versionUsed(int version, int year) {
        Object used = entityManager.createNativeQuery("""
                SELECT max(instrument_version) FROM survey_round
                WHERE instrument_version <= ?1 AND closes_on BETWEEN ?2 AND ?3""")
                .setParameter(1, version).setParameter(2, LocalDate.of(year, 1, 1))
                .setParameter(3, LocalDate.of(year, 12, 31)).getSingleResult();
        return Optional.ofNullable(used).map(v -> ((Number) v).intValue());
    }

    private Optional<Instrument> publishedVersion(String value, List<Problem.Violation> violations) {
        Optional<Instrument> instrument = integer(value).flatMap(catalogue::published);
        if (instrument.isEmpty()) {
            violations.add(new Problem.Violation("instrumentVersion", "must be a published instrument version"));
        }
        return instrument;
    }

    private static Optional<Integer> year(String field, String value, List<Problem.Violation> violations) {
        Optional<Integer> year = integer(value).filter(v -> v >= FIRST_YEAR && v <= LAST_YEAR);
        if (year.isEmpty()) {
            violations.add(new Problem.Violation(field, "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR));
        }
        return year;
    }

    private static void refuseIfAny(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "See the violations for each field", violations);
        }
    }

    private static Optional<Integer> integer(String value) {
        if (value == null || !value.strip().matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value.strip()));
    }

    @Transactional
    public NationalResults of(Instrument instrument, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        int k = config.nationalMinimumGroupSize();
        // per tenant: the respondents of each of its schools, for the tree of groups
        Map<String, Map<String, Long>> schoolsByTenant = new TreeMap<>();
        for (Object[] r : schoolRows(instrument.version(), from, to)) {
            schoolsByTenant.computeIfAbsent((String) r[0], t -> new TreeMap<>()).put(r[1].toString(), ((Number) r[2]).longValue());
            k = Math.max(k, ((Number) r[3]).intValue());
        }
        Map<String, RoundResults.Tally> byTenant = new TreeMap<>();
        schoolsByTenant.forEach((tenant, schools) -> byTenant.computeIfAbsent(tenant, t -> new RoundResults.Tally()).respondents =
                schools.values().stream().mapToLong(Long::longValue).sum());
        String[] scaleItems = instrument.items().filter(Instrument.Item::isScale).map(Instrument.Item::code)
                .toArray(String[]::new);
        for (Object[] r : itemRows(instrument.version(), from, to, scaleItems)) {
            long[] c = new long[6];
            for (int i = 0; i < 6; i++) {
                c[i] = ((Number) r[2 + i]).longValue();
            }
            byTenant.computeIfAbsent((String) r[0], t -> new RoundResults.Tally()).counts.put((String) r[1], c);
        }
        RoundResults.Tally nation = new RoundResults.Tally();
        byTenant.values().forEach(nation::add);

        Set<String> groups = SuppressionPlan.published(new SuppressionPlan.Group(NATION, nation.respondents, Visibility.ELIGIBLE,
                schoolsByTenant.entrySet().stream().map(t -> new SuppressionPlan.Group(tenantGroup(t.getKey()),
                        byTenant.get(t.getKey()).respondents, Visibility.ELIGIBLE,
                        t.getValue().entrySet().stream()
                                .map(s -> SuppressionPlan.Group.of(s.getKey(), s.getValue(), Visibility.WITHHELD)).toList()))
                        .toList()), k);
        boolean nationShown = groups.contains(NATION);
        // Per item the schools are left out of the tree: withheld leaves are never visible and so never
        // change what is published. Their sums per tenant come from the database in one query.
        Map<String, Set<String>> perItem = new HashMap<>();
        for (String item : scaleItems) {
            perItem.put(item, SuppressionPlan.published(tree(nation.answers(item), nationShown, byTenant.keySet(),
                    tenant -> byTenant.get(tenant).answers(item), groups), k));
        }
        Results.Group total = RoundResults.present(instrument, nation, nationShown, item -> perItem.get(item).contains(NATION));
        List<NationalResults.Tenant> tenants = new ArrayList<>();
        byTenant.forEach((tenant, tally) -> tenants.add(new NationalResults.Tenant(tenant, RoundResults.present(instrument, tally,
                groups.contains(tenantGroup(tenant)), item -> perItem.get(item).contains(tenantGroup(tenant))))));
        return new NationalResults(instrument.version(), year, k, "aggregate", total, List.copyOf(tenants));
    }

    private static SuppressionPlan.Group tree(long nationSize, boolean nationShown, Set<String> tenants,
            ToLongFunction<String> size, Set<String> groupsShown) {
        return new SuppressionPlan.Group(NATION, nationSize, nationShown ? Visibility.ELIGIBLE : Visibility.WITHHELD,
                tenants.stream().map(t -> SuppressionPlan.Group.of(tenantGroup(t), size.applyAsLong(t),
                        groupsShown.contains(tenantGroup(t)) ? Visibility.ELIGIBLE : Visibility.WITHHELD)).toList());
    }

    /** A tenant's id in the tree: prefixed, so no tenant slug can collide with the nation or a school. */
    private static String tenantGroup(String tenantId) {
        return "tenant:" + tenantId;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> schoolRows(int version, LocalDate from, LocalDate to) {
        return entityManager.createNativeQuery(CHOSEN + """
                SELECT c.tenant_id, c.school_id, coalesce(t.respondents, 0), c.min_group_size
                FROM chosen c LEFT JOIN school_tally t ON t.round_id = c.round_id AND t.school_id = c.school_id""")
                .setParameter(1, version).setParameter(2, from).setParameter(3, to).getResultList();
    }

    /**
     * The answers per tenant and item, summed in the database over the chosen schools' item tallies: one
     * probe of the tally's primary key per chosen school, so the cost follows the year's schools and not
     * the whole table. {@code OFFSET 0} keeps the planner from turning the probes into a scan of every
     * tally (it misjudges how few rows match a (round, school) pair and would choose a hash join).
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> itemRows(int version, LocalDate from, LocalDate to, String[] items) {
        return entityManager.createNativeQuery(CHOSEN + """
                SELECT c.tenant_id, t.item_code, sum(t.n1), sum(t.n2), sum(t.n3), sum(t.n4), sum(t.n5), sum(t.dont_know)
                FROM chosen c CROSS JOIN LATERAL (
                    SELECT item_code, n1, n2, n3, n4, n5, dont_know FROM item_tally
                    WHERE round_id = c.round_id AND school_id = c.school_id AND item_code = ANY(?4) OFFSET 0) t
                GROUP BY c.tenant_id, t.item_code""")
                .setParameter(1, version).setParameter(2, from).setParameter(3, to).setParameter(4, items)
                .getResultList();
    }
}

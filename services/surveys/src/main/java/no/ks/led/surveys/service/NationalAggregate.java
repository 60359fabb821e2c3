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
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Country;
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
import no.ks.led.surveys.repository.ResultTallyRepository;
import no.ks.led.surveys.repository.SurveyRoundRepository;

/**
 * The national aggregate of one country, one instrument version and one year, from the result tallies alone.
 * Counted are the rounds of every tenant of the country (never another country's) and both modes whose closing date falls in the year (each a tenant's local day); a school
 * in several of them counts with its latest (by closing date) only. A team round's agreed answer set is one
 * respondent. Suppression is {@link SuppressionPlan} over nation, tenants and schools (every school
 * withheld, tenants eligible), for the respondents and then per item, as the owner's view does it; free
 * text never leaves a tenant.
 */
@ApplicationScoped
public class NationalAggregate {

    private static final String NATION = "nation";

    @Inject
    ResultTallyRepository tallies;

    @Inject
    SurveyRoundRepository rounds;

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
    public NationalResults of(Country country, String instrumentVersion, String year) {
        List<Problem.Violation> violations = new ArrayList<>();
        Optional<Instrument> instrument = publishedVersion(instrumentVersion, violations);
        Optional<Integer> y = year("year", year, violations);
        refuseIfAny(violations);
        return of(country, instrument.orElseThrow(), y.orElseThrow());
    }

    /**
     * The nation's section means year by year from {@code fromYear} to {@code toYear} (at most
     * {@value #LONGEST_TREND} years), each year exactly as {@link #of(Instrument, int)} shows it; years without
     * rounds of the version (or an older one) are left out. Invalid parameters are a 400 problem naming them.
     */
    @Transactional
    public NationalTrend trend(Country country, String instrumentVersion, String fromYear, String toYear) {
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
            Optional<Instrument> counted = versionUsed(country, asked, year).flatMap(catalogue::published);
            if (counted.isEmpty()) {
                continue;
            }
            NationalResults results = of(country, counted.get(), year);
            Results.Group nation = results.total();
            years.add(new NationalTrend.Year(year, counted.get().version(), results.minGroupSize(), nation.suppressed(),
                    nation.respondents(), nation.sections().stream()
                            .map(s -> new Trend.SectionMean(s.code(), s.suppressed(), s.suppressed() ? null : s.mean()))
                            .toList()));
        }
        return new NationalTrend(asked, from.orElseThrow(), to.orElseThrow(), List.copyOf(years));
    }

    /** The newest version, no newer than {@code version}, of any round closing in the year. */
    private Optional<Integer> versionUsed(Country country, int version, int year) {
        return rounds.newestVersionClosing(country, version, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
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
    public NationalResults of(Country country, Instrument instrument, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        int k = config.nationalMinimumGroupSize();
        // per tenant: the respondents of each of its schools, for the tree of groups
        Map<String, Map<String, Long>> schoolsByTenant = new TreeMap<>();
        for (ResultTallyRepository.NationalSchool school : tallies.nationalSchools(country, instrument.version(), from, to)) {
            schoolsByTenant.computeIfAbsent(school.tenantId(), t -> new TreeMap<>())
                    .put(school.schoolId().toString(), school.respondents());
            k = Math.max(k, school.minGroupSize());
        }
        Map<String, RoundResults.Tally> byTenant = new TreeMap<>();
        schoolsByTenant.forEach((tenant, schools) -> byTenant.computeIfAbsent(tenant, t -> new RoundResults.Tally()).respondents =
                schools.values().stream().mapToLong(Long::longValue).sum());
        String[] scaleItems = instrument.items().filter(Instrument.Item::isScale).map(Instrument.Item::code)
                .toArray(String[]::new);
        for (ResultTallyRepository.ItemCounts item : tallies.nationalItemCounts(country, instrument.version(), from, to, scaleItems)) {
            byTenant.computeIfAbsent(item.group(), t -> new RoundResults.Tally()).counts.put(item.item(), item.counts());
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
}

package no.ks.led.programmes.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.programmes.Programme;
import no.ks.led.programmes.repository.SchoolResults;
import no.ks.led.programmes.repository.SchoolResults.SectionResult;

/**
 * Focus from the status analysis: per school, the sections with the lowest means in its latest closed round
 * and the largest falls since the round before, from what suppression let leave surveys. The coordinator picks
 * focus areas from them (an entry of kind {@code focus-area}).
 */
@ApplicationScoped
public class ResultFocus {

    /** How many sections each list shows. */
    static final int SHOWN = 3;

    @Inject
    SchoolResults results;

    /** A school's focus: its latest round's lowest sections and the largest falls since its previous round. */
    public record SchoolFocus(UUID schoolId, UUID roundId, Instant closedAt, List<SectionScore> lowest,
            List<Fall> largestFalls) {
    }

    public record SectionScore(String section, BigDecimal mean) {
    }

    /** A section whose mean fell from one round to the next. */
    public record Fall(String section, BigDecimal before, BigDecimal after, BigDecimal change) {
    }

    /** The focus of every school of the tenant that {@code grant} may see, for the tenant's programme. */
    @Transactional
    public List<SchoolFocus> of(String tenantId, UUID programmeId, Grant grant) {
        Programme.findInTenant(tenantId, programmeId).orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
        Predicate<UUID> visible = PlanReading.visibleTo(grant);
        return focus(results.ofTenant(tenantId).stream().filter(r -> visible.test(r.schoolId())).toList());
    }

    /** The rule, on the results' rows alone. */
    static List<SchoolFocus> focus(List<SectionResult> rows) {
        Map<UUID, List<SectionResult>> bySchool = rows.stream()
                .collect(Collectors.groupingBy(SectionResult::schoolId, LinkedHashMap::new, Collectors.toList()));
        List<SchoolFocus> out = new ArrayList<>();
        bySchool.forEach((school, schoolRows) -> {
            List<UUID> rounds = schoolRows.stream().sorted(Comparator.comparing(SectionResult::closedAt))
                    .map(SectionResult::roundId).distinct().toList();
            UUID latest = rounds.get(rounds.size() - 1);
            Map<String, BigDecimal> now = means(schoolRows, latest);
            Map<String, BigDecimal> before = rounds.size() > 1 ? means(schoolRows, rounds.get(rounds.size() - 2)) : Map.of();
            List<SectionScore> lowest = now.entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .limit(SHOWN).map(e -> new SectionScore(e.getKey(), e.getValue())).toList();
            List<Fall> falls = now.entrySet().stream().filter(e -> before.containsKey(e.getKey()))
                    .map(e -> new Fall(e.getKey(), before.get(e.getKey()), e.getValue(), e.getValue().subtract(before.get(e.getKey()))))
                    .filter(f -> f.change().signum() < 0)
                    .sorted(Comparator.comparing(Fall::change).thenComparing(Fall::section))
                    .limit(SHOWN).toList();
            Instant closedAt = schoolRows.stream().filter(r -> r.roundId().equals(latest)).findFirst().orElseThrow().closedAt();
            out.add(new SchoolFocus(school, latest, closedAt, lowest, falls));
        });
        return out;
    }

    private static Map<String, BigDecimal> means(List<SectionResult> rows, UUID round) {
        return rows.stream().filter(r -> r.roundId().equals(round))
                .collect(Collectors.toMap(SectionResult::section, SectionResult::mean, (a, b) -> a, LinkedHashMap::new));
    }
}

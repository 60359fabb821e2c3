package no.ks.led.surveys.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.Results;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.Trend;
import no.ks.led.surveys.repository.SurveyRoundRepository;

/**
 * Results over time. A round is compared with its previous round: the latest round of the same tenant (in the
 * school view: that includes the school) that closed before this one opened, on the same instrument version or
 * on an older one whose items this version's items continue. Both rounds' figures come from the same view of
 * the same viewer, so both went through the same suppression; a change is given only where both figures are
 * shown, and never computed from a suppressed one. Local items are the tenant's own per round and are never
 * compared.
 */
@ApplicationScoped
public class RoundTrends {

    @Inject
    SurveyRoundRepository rounds;

    @Inject
    InstrumentCatalogue catalogue;

    /** The round's results as the view gives them, with the previous round's figures and the change beside them. */
    @Transactional
    public Results withPrevious(SurveyRound round, UUID schoolId, Function<SurveyRound, Results> view) {
        Results now = view.apply(round);
        Optional<SurveyRound> previous = previous(round, schoolId);
        if (previous.isEmpty()) {
            return now;
        }
        SurveyRound then = previous.get();
        return compared(now, view.apply(then), continuations(round.instrumentVersion, then.instrumentVersion));
    }

    /**
     * Every round of the tenant that has opened (in the school view: that includes the school), oldest first,
     * with the section means the view shows; one results computation per round, nothing more.
     */
    @Transactional
    public Trend trend(String tenantId, UUID schoolId, LocalDate today, Function<SurveyRound, Results> view) {
        List<UUID> ids = rounds.openedRounds(tenantId, schoolId, today);
        Map<UUID, SurveyRound> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            SurveyRound.<SurveyRound>list("tenantId = ?1 and id in ?2", tenantId, ids).forEach(r -> byId.put(r.id, r));
        }
        List<Trend.Round> rounds = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            SurveyRound round = byId.get(id);
            Results results = view.apply(round);
            List<Trend.SectionMean> sections = results.total().sections().stream()
                    .filter(s -> !RoundQuestions.LOCAL_SECTION.equals(s.code()))
                    .map(s -> new Trend.SectionMean(s.code(), s.suppressed(), s.suppressed() ? null : s.mean()))
                    .toList();
            rounds.add(new Trend.Round(round.id, round.title, round.opensOn, round.closesOn, round.instrumentVersion,
                    results.basis(), results.total().suppressed(), sections));
        }
        return new Trend(schoolId == null ? "tenant" : "school", schoolId, List.copyOf(rounds));
    }

    /** The round this one is compared with, if any (see the class comment). */
    Optional<SurveyRound> previous(SurveyRound round, UUID schoolId) {
        List<Integer> comparable = new ArrayList<>();
        comparable.add(round.instrumentVersion);
        for (int v = round.instrumentVersion - 1; v > 0; v--) {
            if (!continuations(round.instrumentVersion, v).isEmpty()) {
                comparable.add(v);
            }
        }
        return rounds.latestClosedBefore(round.tenantId, round.opensOn, comparable, round.id, schoolId)
                .flatMap(id -> SurveyRound.findInTenant(round.tenantId, id));
    }

    /**
     * Per scale item of version {@code now}, the item of the older version {@code then} it continues, followed
     * version by version (the same code within one version); an item whose chain breaks is left out.
     */
    Map<String, String> continuations(int now, int then) {
        Optional<Instrument> newest = catalogue.published(now);
        if (newest.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        newest.get().items().filter(Instrument.Item::isScale).forEach(i -> map.put(i.code(), i.code()));
        for (int v = now; v > then; v--) {
            Optional<Instrument> version = catalogue.published(v);
            if (version.isEmpty()) {
                return Map.of();
            }
            map.replaceAll((code, at) -> version.get().item(at).map(Instrument.Item::continues).orElse(null));
            map.values().removeIf(java.util.Objects::isNull);
        }
        return map;
    }

    /**
     * The figures of {@code now} with those of {@code before} beside them: sections by code, items through
     * {@code continuations}, schools by id. A figure of {@code before} is used only where it is shown there.
     */
    static Results compared(Results now, Results before, Map<String, String> continuations) {
        Map<UUID, Results.Group> schoolsBefore = new HashMap<>();
        before.schools().forEach(s -> schoolsBefore.put(s.schoolId(), s.results()));
        List<Results.School> schools = now.schools().stream().map(s -> new Results.School(s.schoolId(), s.status(),
                compared(s.results(), schoolsBefore.get(s.schoolId()), continuations))).toList();
        return new Results(now.roundId(), now.scope(), now.schoolId(), now.minGroupSize(), now.basis(), now.shared(),
                compared(now.total(), before.total(), continuations), schools, before.roundId());
    }

    private static Results.Group compared(Results.Group now, Results.Group before, Map<String, String> continuations) {
        if (now.suppressed() || before == null || before.suppressed()) {
            return now;
        }
        Map<String, Results.Section> sectionsBefore = new HashMap<>();
        Map<String, Results.Item> itemsBefore = new HashMap<>();
        for (Results.Section section : before.sections()) {
            if (!RoundQuestions.LOCAL_SECTION.equals(section.code())) {
                sectionsBefore.put(section.code(), section);
                section.items().forEach(i -> itemsBefore.put(i.code(), i));
            }
        }
        List<Results.Section> sections = new ArrayList<>();
        for (Results.Section section : now.sections()) {
            if (RoundQuestions.LOCAL_SECTION.equals(section.code())) {
                sections.add(section);
                continue;
            }
            List<Results.Item> items = section.items().stream().map(item -> {
                String continued = continuations.get(item.code());
                Results.Item then = continued == null ? null : itemsBefore.get(continued);
                BigDecimal previous = then == null || then.suppressed() ? null : then.mean();
                return new Results.Item(item.code(), item.suppressed(), item.responseCount(), item.mean(), item.distribution(),
                        previous, change(item.suppressed() ? null : item.mean(), previous));
            }).toList();
            Results.Section then = sectionsBefore.get(section.code());
            BigDecimal previous = then == null || then.suppressed() ? null : then.mean();
            sections.add(new Results.Section(section.code(), section.suppressed(), section.mean(), items, previous,
                    change(section.suppressed() ? null : section.mean(), previous)));
        }
        return new Results.Group(false, now.respondents(), List.copyOf(sections), now.freeText());
    }

    private static BigDecimal change(BigDecimal now, BigDecimal then) {
        return now == null || then == null ? null : now.subtract(then).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}

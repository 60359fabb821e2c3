package no.ks.led.surveys.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.LevelResults;
import no.ks.led.surveys.RespondentLevel;
import no.ks.led.surveys.Results;
import no.ks.led.surveys.SuppressionPlan;
import no.ks.led.surveys.SuppressionPlan.Visibility;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.repository.AnswerSetRepository;
import no.ks.led.surveys.repository.ResultTallyRepository;
import no.ks.led.surveys.repository.SurveyRoundRepository;

/**
 * Computes a round's results from the submitted answer sets alone: the queries group answers by school
 * and item and never read who answered. What a viewer sees is decided by {@link SuppressionPlan}, once
 * over respondents (the group as a whole, and its free text) and once per item over that item's answers.
 */
@ApplicationScoped
public class RoundResults {

    private static final String TENANT = "tenant";
    private static final String OWN = "own";
    private static final List<String> SCALE_KEYS = List.of("1", "2", "3", "4", "5", "dont-know");

    @Inject
    SurveyRoundRepository rounds;

    @Inject
    AnswerSetRepository answerSets;

    @Inject
    ResultTallyRepository tallyRows;

    @Inject
    RoundQuestions questions;

    @Inject
    AnswerSetTags tags;

    /** The counts of one group: respondents, per scale item the answers per value, per text item the texts. */
    static final class Tally {
        long respondents;
        final Map<String, long[]> counts = new HashMap<>();
        final Map<String, List<String>> texts = new HashMap<>();

        long respondentsCount() {
            return respondents;
        }

        long answers(String item) {
            long[] c = counts.get(item);
            return c == null ? 0 : java.util.Arrays.stream(c).sum();
        }

        void add(Tally other) {
            respondents += other.respondents;
            other.counts.forEach((item, c) -> {
                long[] mine = counts.computeIfAbsent(item, x -> new long[6]);
                for (int i = 0; i < 6; i++) {
                    mine[i] += c[i];
                }
            });
            other.texts.forEach((item, t) -> texts.computeIfAbsent(item, x -> new ArrayList<>()).addAll(t));
        }
    }

    /** A school's results for its own leaders. */
    @Transactional
    public Results forSchool(SurveyRound round, UUID schoolId, UUID viewer) {
        Instrument items = questions.of(round);
        Tally tally = tallies(round).getOrDefault(schoolId, new Tally());
        int k = round.minGroupSize;
        boolean shared = sharedSchools(round).contains(schoolId);
        if (round.isTeam()) {
            return new Results(round.id, "school", schoolId, k, "team", shared,
                    present(items, tally, tally.respondents > 0, i -> true), List.of());
        }
        if (isOnlyRespondent(round, schoolId, viewer)) {
            return new Results(round.id, "school", schoolId, k, "own-answers", shared,
                    present(items, tally, tally.respondents > 0, i -> true), List.of());
        }
        // A respondent knows their own answers: the rest of the school must be k or more on its own too.
        Set<String> own = ownSubmittedItems(round, schoolId, viewer, tally);
        boolean answered = !own.isEmpty();
        String id = schoolId.toString();
        boolean groupShown = SuppressionPlan.published(withOwn(id, tally.respondents, answered, Visibility.ELIGIBLE), k)
                .contains(id);
        Predicate<String> itemShown = item -> SuppressionPlan.published(withOwn(id, tally.answers(item), own.contains(item),
                groupShown ? Visibility.ELIGIBLE : Visibility.WITHHELD), k).contains(id);
        return new Results(round.id, "school", schoolId, k, "aggregate", shared, present(items, tally, groupShown, itemShown),
                List.of());
    }

    /**
     * The owner's view: the tenant's aggregate over the round's schools, and the figures of each school
     * whose principal has shared them, where the k rule and complementary suppression allow. A school
     * the viewer leads counts as known to them, so nothing shown lets them subtract it to see the others.
     */
    @Transactional
    public Results forTenant(SurveyRound round, Grant viewer) {
        OwnerPlan plan = ownerPlan(round, viewer);
        Results.Group tenantFigures = present(plan.items, plan.total, plan.totalShown(),
                item -> plan.perItem.get(item).contains(TENANT));
        List<Results.School> schoolEntries = plan.schools.stream().map(s -> {
            if (!plan.shared.contains(s)) {
                return new Results.School(s, "not-shared", Results.Group.SUPPRESSED);
            }
            String id = s.toString();
            Tally tally = plan.bySchool.getOrDefault(s, new Tally());
            return new Results.School(s, "shared", present(plan.items, tally, plan.groups.contains(id),
                    item -> plan.perItem.get(item).contains(id)));
        }).toList();
        return new Results(round.id, "tenant", null, plan.k, "aggregate", null, tenantFigures, schoolEntries);
    }

    /**
     * The owner's view split by the respondents' level: the tenant's aggregate, and per level (principals, middle
     * leaders) its figures over the round's schools where {@link SuppressionPlan#publishedColumns} allows beside
     * everything the owner's view shows this viewer (the total, the shared schools, the schools they lead), first
     * for the respondents and then per item. Answer sets without a level count in the total only.
     */
    @Transactional
    public LevelResults byLevel(SurveyRound round, Grant viewer) {
        OwnerPlan plan = ownerPlan(round, viewer);
        Map<UUID, Map<RespondentLevel, Tally>> cells = levelTallies(round);
        Optional<AnswerSetRepository.OwnSet> own = Optional.empty();
        boolean ownUnknown = false;
        if (!round.isTeam() && viewer.personId() != null) {
            if (round.answersPurgedAt == null) {
                own = answerSets.submittedSet(round.id, tags.ofPerson(round.id, viewer.personId()));
            } else {
                // their answers are gone, and with them the level they answered at: split nothing for them
                ownUnknown = rounds.completions(round.id).stream().anyMatch(c -> c.personId().equals(viewer.personId()));
            }
        }
        Set<String> eligible = round.isTeam() || ownUnknown ? Set.of()
                : RespondentLevel.SHOWN.stream().map(RespondentLevel::code).collect(Collectors.toSet());
        Optional<AnswerSetRepository.OwnSet> ownSet = own;
        Set<String> levels = SuppressionPlan.publishedColumns(cells(plan, cells, Tally::respondentsCount, own, 1),
                plan.totalShown(), withOwn(plan.seen(plan.groups), own), eligible, plan.k);
        Map<String, Set<String>> levelsPerItem = new HashMap<>();
        plan.items.items().filter(Instrument.Item::isScale).forEach(item -> {
            long ownAnswer = ownSet.filter(o -> o.items().contains(item.code())).isPresent() ? 1 : 0;
            levelsPerItem.put(item.code(), SuppressionPlan.publishedColumns(
                    cells(plan, cells, t -> t.answers(item.code()), ownSet, ownAnswer),
                    plan.perItem.get(item.code()).contains(TENANT),
                    withOwn(plan.seen(plan.perItem.get(item.code())), ownAnswer > 0 ? ownSet : Optional.empty()), levels,
                    plan.k));
        });
        List<LevelResults.Level> split = RespondentLevel.SHOWN.stream().map(level -> {
            Tally sum = new Tally();
            cells.values().forEach(bySchool -> sum.add(bySchool.getOrDefault(level, new Tally())));
            return new LevelResults.Level(level.code(), present(plan.items, sum, levels.contains(level.code()),
                    item -> levelsPerItem.get(item).contains(level.code())));
        }).toList();
        Results.Group total = present(plan.items, plan.total, plan.totalShown(),
                item -> plan.perItem.get(item).contains(TENANT));
        return new LevelResults(round.id, plan.k, round.isTeam() ? "team" : "aggregate", total, split);
    }

    /** The rows a viewer sees, and their own answer set as a row of its own when they have one (they know it). */
    private static Set<String> withOwn(Set<String> seen, Optional<AnswerSetRepository.OwnSet> own) {
        if (own.isEmpty()) {
            return seen;
        }
        Set<String> withOwn = new java.util.HashSet<>(seen);
        withOwn.add(OWN);
        return withOwn;
    }

    /** Everything the owner's view decides for one viewer: the tallies, who may see which school, and the plans. */
    private record OwnerPlan(Instrument items, int k, Map<UUID, Tally> bySchool, List<UUID> schools, Tally total,
            Set<UUID> shared, Map<UUID, Visibility> visibility, Set<String> groups, Map<String, Set<String>> perItem) {

        boolean totalShown() {
            return groups.contains(TENANT);
        }

        /** The schools a plan shows the viewer, and those the viewer knows by leading them. */
        Set<String> seen(Set<String> published) {
            return schools.stream().filter(s -> published.contains(s.toString()) || visibility.get(s) == Visibility.KNOWN)
                    .map(UUID::toString).collect(Collectors.toSet());
        }
    }

    private OwnerPlan ownerPlan(SurveyRound round, Grant viewer) {
        Instrument items = questions.of(round);
        Map<UUID, Tally> bySchool = tallies(round);
        List<UUID> schools = schools(round);
        Tally total = new Tally();
        schools.forEach(s -> total.add(bySchool.getOrDefault(s, new Tally())));
        int k = round.minGroupSize;
        Set<UUID> shared = sharedSchools(round);
        Map<UUID, Visibility> visibility = new LinkedHashMap<>();
        for (UUID s : schools) {
            boolean leadsIt = viewer.coversSchool(s, List.of(TenantRole.PRINCIPAL, TenantRole.SCHOOL_LEADER));
            visibility.put(s, leadsIt ? Visibility.KNOWN : shared.contains(s) ? Visibility.ELIGIBLE : Visibility.WITHHELD);
        }

        Set<String> groups = SuppressionPlan.published(tree(total.respondents, Visibility.ELIGIBLE, schools,
                s -> bySchool.getOrDefault(s, new Tally()).respondents, visibility::get), k);
        boolean totalShown = groups.contains(TENANT);
        Map<String, Set<String>> perItem = new HashMap<>();
        items.items().filter(Instrument.Item::isScale).forEach(item -> perItem.put(item.code(), SuppressionPlan.published(
                tree(total.answers(item.code()), totalShown ? Visibility.ELIGIBLE : Visibility.WITHHELD, schools,
                        s -> bySchool.getOrDefault(s, new Tally()).answers(item.code()),
                        s -> visibility.get(s) == Visibility.KNOWN ? Visibility.KNOWN
                                : groups.contains(s.toString()) ? Visibility.ELIGIBLE : Visibility.WITHHELD), k)));
        return new OwnerPlan(items, k, bySchool, schools, total, shared, visibility, groups, perItem);
    }

    /**
     * The split's cells: per school of the round and level, the size a figure counts. A viewer's own answer set (of
     * size {@code ownSize} in this figure) is a cell of its own, taken out of its school's cell at its level: they know
     * it, so what is shown must protect the others without it.
     */
    private static List<SuppressionPlan.Cell> cells(OwnerPlan plan, Map<UUID, Map<RespondentLevel, Tally>> cells,
            java.util.function.ToLongFunction<Tally> size, Optional<AnswerSetRepository.OwnSet> own, long ownSize) {
        List<SuppressionPlan.Cell> split = new ArrayList<>();
        for (UUID school : plan.schools) {
            cells.getOrDefault(school, Map.of()).forEach((level, tally) -> {
                boolean ownCell = own.isPresent() && own.get().schoolId().equals(school)
                        && own.get().level().equals(level.code());
                split.add(new SuppressionPlan.Cell(school.toString(), level.code(),
                        Math.max(0, size.applyAsLong(tally) - (ownCell ? ownSize : 0))));
            });
        }
        own.filter(o -> ownSize > 0).ifPresent(o -> split.add(new SuppressionPlan.Cell(OWN, o.level(), ownSize)));
        return split;
    }

    /** A school as one viewer sees it: when they answered themselves, their own answer is a known part of it. */
    private static SuppressionPlan.Group withOwn(String id, long size, boolean ownIncluded, Visibility visibility) {
        if (!ownIncluded) {
            return SuppressionPlan.Group.of(id, size, visibility);
        }
        return new SuppressionPlan.Group(id, size, visibility, List.of(
                SuppressionPlan.Group.of(id + "/own", 1, Visibility.KNOWN),
                SuppressionPlan.Group.of(id + "/others", size - 1, Visibility.WITHHELD)));
    }

    private static SuppressionPlan.Group tree(long totalSize, Visibility totalVisibility, List<UUID> schools,
            java.util.function.ToLongFunction<UUID> size, java.util.function.Function<UUID, Visibility> visibility) {
        List<SuppressionPlan.Group> children = schools.stream()
                .map(s -> SuppressionPlan.Group.of(s.toString(), size.applyAsLong(s), visibility.apply(s))).toList();
        return new SuppressionPlan.Group(TENANT, totalSize, totalVisibility, children);
    }

    static Results.Group present(Instrument items, Tally tally, boolean groupShown, Predicate<String> itemShown) {
        if (!groupShown) {
            return Results.Group.SUPPRESSED;
        }
        List<Results.Section> sections = new ArrayList<>();
        List<Results.FreeText> freeText = new ArrayList<>();
        for (Instrument.Section section : items.sections()) {
            List<Results.Item> shown = new ArrayList<>();
            boolean allShown = true;
            long sum = 0;
            long n = 0;
            for (Instrument.Item item : section.items()) {
                if (!item.isScale()) {
                    List<String> texts = tally.texts.getOrDefault(item.code(), List.of());
                    if (!texts.isEmpty()) {
                        freeText.add(new Results.FreeText(item.code(), texts.stream().sorted().toList()));
                    }
                    continue;
                }
                long[] c = tally.counts.getOrDefault(item.code(), new long[6]);
                if (!itemShown.test(item.code())) {
                    allShown = false;
                    shown.add(new Results.Item(item.code(), true, null, null, null));
                    continue;
                }
                Map<String, Long> distribution = new LinkedHashMap<>();
                long itemSum = 0;
                long itemN = 0;
                for (int i = 0; i < 6; i++) {
                    distribution.put(SCALE_KEYS.get(i), c[i]);
                    if (i < 5) {
                        itemSum += (i + 1) * c[i];
                        itemN += c[i];
                    }
                }
                sum += itemSum;
                n += itemN;
                shown.add(new Results.Item(item.code(), false, itemN + c[5], mean(itemSum, itemN), distribution));
            }
            if (!shown.isEmpty()) {
                boolean sectionShown = allShown && n > 0;
                sections.add(new Results.Section(section.code(), !sectionShown, sectionShown ? mean(sum, n) : null,
                        List.copyOf(shown)));
            }
        }
        return new Results.Group(false, tally.respondents, List.copyOf(sections), List.copyOf(freeText));
    }

    private static BigDecimal mean(long sum, long n) {
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    /**
     * Per school: respondents and scale counts from the tallies kept up to date on submission
     * ({@link ResultTallies}), free text from the submitted answers of the round's text items. No query
     * here reads a person.
     */
    private Map<UUID, Tally> tallies(SurveyRound round) {
        Map<UUID, Tally> bySchool = new HashMap<>();
        for (ResultTallyRepository.SchoolTally school : tallyRows.schoolTallies(round.id)) {
            bySchool.computeIfAbsent(school.schoolId(), x -> new Tally()).respondents = school.respondents();
        }
        for (ResultTallyRepository.ItemCounts item : tallyRows.itemTallies(round.id)) {
            if (java.util.Arrays.stream(item.counts()).sum() > 0) {
                bySchool.computeIfAbsent(UUID.fromString(item.group()), x -> new Tally()).counts.put(item.item(), item.counts());
            }
        }
        String[] textItems = questions.of(round).items().filter(i -> !i.isScale()).map(Instrument.Item::code)
                .toArray(String[]::new);
        if (textItems.length == 0) {
            return bySchool;
        }
        for (AnswerSetRepository.SubmittedText text : answerSets.submittedTexts(round.id, textItems)) {
            bySchool.computeIfAbsent(text.schoolId(), x -> new Tally()).texts
                    .computeIfAbsent(text.item(), x -> new ArrayList<>()).add(text.text());
        }
        return bySchool;
    }

    /** Per school and level: respondents and scale counts from the level tallies (no free text: it is never split). */
    private Map<UUID, Map<RespondentLevel, Tally>> levelTallies(SurveyRound round) {
        Map<UUID, Map<RespondentLevel, Tally>> cells = new HashMap<>();
        for (ResultTallyRepository.LevelTally cell : tallyRows.levelTallies(round.id)) {
            cells.computeIfAbsent(cell.schoolId(), x -> new HashMap<>())
                    .computeIfAbsent(RespondentLevel.ofCode(cell.level()), x -> new Tally()).respondents = cell.respondents();
        }
        for (ResultTallyRepository.LevelItemCounts item : tallyRows.levelItemTallies(round.id)) {
            if (java.util.Arrays.stream(item.counts()).sum() > 0) {
                cells.computeIfAbsent(item.schoolId(), x -> new HashMap<>())
                        .computeIfAbsent(RespondentLevel.ofCode(item.level()), x -> new Tally()).counts
                        .put(item.item(), item.counts());
            }
        }
        return cells;
    }

    private List<UUID> schools(SurveyRound round) {
        return rounds.schools(round.id);
    }

    /** The items the viewer answered in their own submitted set at this school: found by their tag, as they find it. */
    private Set<String> ownSubmittedItems(SurveyRound round, UUID schoolId, UUID viewer, Tally tally) {
        if (round.answersPurgedAt != null) {
            // the answers are gone but the respondent still knows them: count every answered item as known to them
            boolean completed = rounds.completions(round.id).stream().anyMatch(c -> c.personId().equals(viewer));
            return completed ? questions.of(round).items().filter(Instrument.Item::isScale).map(Instrument.Item::code)
                    .filter(item -> tally.answers(item) > 0).collect(java.util.stream.Collectors.toSet()) : Set.of();
        }
        return answerSets.submittedItems(round.id, tags.ofPerson(round.id, viewer), schoolId);
    }

    private Set<UUID> sharedSchools(SurveyRound round) {
        return rounds.sharedSchools(round.id);
    }

    /** Whether the viewer is the one and only respondent the round asked at this school. */
    private boolean isOnlyRespondent(SurveyRound round, UUID schoolId, UUID viewer) {
        List<UUID> people = rounds.respondentsAt(round.id, schoolId);
        return people.size() == 1 && people.get(0).equals(viewer);
    }

    /** Whether the school is one of the round's. */
    @Transactional
    public boolean includes(SurveyRound round, UUID schoolId) {
        return schools(round).contains(schoolId);
    }
}

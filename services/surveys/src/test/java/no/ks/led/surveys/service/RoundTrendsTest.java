package no.ks.led.surveys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import no.ks.led.surveys.Results;
import org.junit.jupiter.api.Test;

/** The comparison of two rounds' results, without a database: a change only where both figures are shown. */
class RoundTrendsTest {

    private static final UUID SCHOOL = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @Test
    void aChangeOnlyWhereBothFiguresAreShownOverThousandsOfRandomPairs() {
        Random random = new Random(4);
        for (int run = 0; run < 2000; run++) {
            Results now = random(random, UUID.randomUUID());
            Results before = random(random, UUID.randomUUID());
            Results compared = RoundTrends.compared(now, before, Map.of("a-1", "a-1", "a-2", "old-2"));
            assertEquals(before.roundId(), compared.previousRoundId());
            check(compared.total(), now.total(), before.total(), Map.of("a-1", "a-1", "a-2", "old-2"));
            for (int s = 0; s < compared.schools().size(); s++) {
                Results.School school = compared.schools().get(s);
                Results.Group then = before.schools().stream().filter(b -> b.schoolId().equals(school.schoolId()))
                        .map(Results.School::results).findFirst().orElse(null);
                check(school.results(), now.schools().get(s).results(), then, Map.of("a-1", "a-1", "a-2", "old-2"));
            }
        }
    }

    @Test
    void localItemsAndItemsWithoutAContinuationAreNeverCompared() {
        Results.Item item = new Results.Item("local-1", false, 5L, new BigDecimal("3.00"), Map.of());
        Results.Section local = new Results.Section(RoundQuestions.LOCAL_SECTION, false, new BigDecimal("3.00"), List.of(item));
        Results.Item fresh = new Results.Item("a-3", false, 5L, new BigDecimal("3.00"), Map.of());
        Results.Section a = new Results.Section("a", false, new BigDecimal("3.00"), List.of(fresh));
        Results now = results(UUID.randomUUID(), new Results.Group(false, 5L, List.of(a, local), List.of()), List.of());
        Results before = results(UUID.randomUUID(), new Results.Group(false, 5L, List.of(
                new Results.Section("a", false, new BigDecimal("2.00"), List.of(
                        new Results.Item("a-3", false, 5L, new BigDecimal("1.00"), Map.of()))), local), List.of()), List.of());
        Results compared = RoundTrends.compared(now, before, Map.of());
        assertNull(compared.total().sections().get(0).items().get(0).previousMean(), "a-3 continues nothing");
        assertEquals(new BigDecimal("1.00"), compared.total().sections().get(0).change(), "sections compare by code");
        assertNull(compared.total().sections().get(1).previousMean());
        assertNull(compared.total().sections().get(1).items().get(0).previousMean());
    }

    private static void check(Results.Group compared, Results.Group now, Results.Group before, Map<String, String> map) {
        if (now.suppressed()) {
            assertEquals(now, compared);
            return;
        }
        for (int s = 0; s < compared.sections().size(); s++) {
            Results.Section section = compared.sections().get(s);
            Results.Section nowSection = now.sections().get(s);
            assertEquals(nowSection.mean(), section.mean());
            Results.Section then = before == null || before.suppressed() ? null : before.sections().stream()
                    .filter(b -> b.code().equals(section.code())).findFirst().orElse(null);
            BigDecimal previous = then == null || then.suppressed() ? null : then.mean();
            assertEquals(previous, section.previousMean());
            assertEquals(section.suppressed() || previous == null ? null : section.mean().subtract(previous),
                    section.change());
            for (int i = 0; i < section.items().size(); i++) {
                Results.Item item = section.items().get(i);
                String continued = map.get(item.code());
                Results.Item old = before == null || before.suppressed() ? null : before.sections().stream()
                        .flatMap(b -> b.items().stream()).filter(o -> o.code().equals(continued)).findFirst().orElse(null);
                BigDecimal was = old == null || old.suppressed() ? null : old.mean();
                assertEquals(was, item.previousMean());
                assertEquals(item.suppressed() || was == null ? null : item.mean().subtract(was), item.change());
                if (item.suppressed()) {
                    assertNull(item.change(), "never a change from a suppressed figure");
                }
            }
        }
    }

    private static Results random(Random random, UUID round) {
        List<Results.School> schools = new ArrayList<>();
        for (UUID school : List.of(SCHOOL, OTHER)) {
            if (random.nextBoolean()) {
                schools.add(new Results.School(school, random.nextBoolean() ? "shared" : "not-shared", group(random)));
            }
        }
        return results(round, group(random), schools);
    }

    private static Results results(UUID round, Results.Group total, List<Results.School> schools) {
        return new Results(round, "tenant", null, 3, "aggregate", null, total, schools);
    }

    private static Results.Group group(Random random) {
        if (random.nextInt(4) == 0) {
            return Results.Group.SUPPRESSED;
        }
        List<Results.Item> items = new ArrayList<>();
        for (String code : List.of("a-1", "a-2", "old-2")) {
            boolean hidden = random.nextInt(3) == 0;
            items.add(hidden ? new Results.Item(code, true, null, null, null)
                    : new Results.Item(code, false, 5L, BigDecimal.valueOf(100 + random.nextInt(400), 2), Map.of()));
        }
        boolean sectionShown = items.stream().noneMatch(Results.Item::suppressed) && random.nextBoolean();
        return new Results.Group(false, 5L, List.of(new Results.Section("a", !sectionShown,
                sectionShown ? BigDecimal.valueOf(100 + random.nextInt(400), 2) : null, items)), List.of());
    }
}

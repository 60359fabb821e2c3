package no.ks.led.surveys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.surveys.service.Responding;
import no.ks.led.surveys.service.ResultTallies;
import org.junit.jupiter.api.Test;

/**
 * The result tallies kept on submission against the real database: parallel submissions and
 * re-submissions at one school lose no count, and the tallies equal what {@code rebuild_result_tally}
 * recomputes from the answers.
 */
@QuarkusTest
class ResultTallyTests {

    private static final List<String> SCALE_ITEMS = List.of("learning-1", "learning-2", "learning-3", "learning-4",
            "collaboration-1", "collaboration-2", "governance-1", "role-clarity-4");

    @Inject
    EntityManager entityManager;

    @Inject
    ResultTallies tallies;

    @Test
    void parallelSubmissionsAndResubmissionsAtOneSchoolLoseNoCount() throws Exception {
        String roundId = SurveyFlowTests.fjordvikRound();
        SurveyRound round = round(roundId);
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            people.add(addRespondent(round, UUID.fromString(SurveyFlowTests.FJORDVIK_SCHOOL)));
        }
        Random random = new Random(42);
        List<Callable<Void>> first = new ArrayList<>();
        List<Callable<Void>> second = new ArrayList<>();
        for (UUID person : people) {
            List<Answer> answers = randomAnswers(random);
            List<Answer> changed = randomAnswers(random);
            first.add(() -> submit(round, person, answers));
            // half of them change their answers, in parallel with the others' first submissions
            if (second.size() < people.size() / 2) {
                second.add(() -> submit(round, person, changed));
            }
        }
        runInParallel(first);
        List<Callable<Void>> mixed = new ArrayList<>(second);
        List<UUID> late = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            late.add(addRespondent(round, UUID.fromString(SurveyFlowTests.FJORDVIK_SCHOOL)));
        }
        for (UUID person : late) {
            List<Answer> answers = randomAnswers(random);
            mixed.add(() -> submit(round, person, answers));
        }
        runInParallel(mixed);

        List<String> kept = snapshot(round.id);
        assertEquals(people.size() + late.size(), respondents(round.id));
        assertFalse(kept.isEmpty());
        tallies.rebuild(round.id);
        assertEquals(snapshot(round.id), kept, "the tallies kept on submission differ from the rebuilt ones");
    }

    @Test
    void inATeamRoundConcurrentSubmissionsOfTheSharedSetCountOneRespondent() throws Exception {
        String roundId = SurveyFlowTests.openRound("fjordvik", SurveyFlowTests.FJORDVIK_SCHOOL, "team",
                SurveyFlowTests.today(), null);
        SurveyRound round = round(roundId);
        List<Answer> answers = randomAnswers(new Random(7));
        List<Callable<Void>> both = new ArrayList<>();
        for (String person : new String[] {SurveyFlowTests.FJORDVIK_PRINCIPAL, SurveyFlowTests.FJORDVIK_LEADER}) {
            both.add(() -> submit(round, UUID.fromString(person), answers));
        }
        runInParallel(both);
        assertEquals(1, respondents(round.id));
        List<String> kept = snapshot(round.id);
        tallies.rebuild(round.id);
        assertEquals(snapshot(round.id), kept);
    }

    /**
     * Two submitters whose levels swap between their submissions resubmit in parallel, again and again: each moves
     * a respondent off one level row onto the other, in opposite directions. They queue on the school's row of the
     * tallies instead of deadlocking, and no count is lost.
     */
    @Test
    void resubmissionsThatSwapLevelsAtOneSchoolNeitherDeadlockNorLoseACount() throws Exception {
        SurveyRound round = round(SurveyFlowTests.fjordvikRound());
        UUID school = UUID.fromString(SurveyFlowTests.FJORDVIK_SCHOOL);
        List<UUID> pair = List.of(addRespondent(round, school), addRespondent(round, school));
        Responding responding = Arc.container().instance(Responding.class).get();
        Random random = new Random(11);
        for (int i = 0; i < 10; i++) {
            List<Callable<Void>> both = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                UUID person = pair.get(p);
                TenantRole role = (i + p) % 2 == 0 ? TenantRole.PRINCIPAL : TenantRole.SCHOOL_LEADER;
                Grant grant = new Grant(round.tenantId, person, Map.of(role, new Grant.Scope(false, Set.of(school))));
                List<Answer> answers = randomAnswers(random);
                both.add(() -> {
                    responding.saveDraft(round, person, answers);
                    responding.submit(round.tenantId, round.id, grant, UUID.randomUUID().toString());
                    return null;
                });
            }
            runInParallel(both);
        }
        assertEquals(2, respondents(round.id));
        assertEquals(List.of("middle-leader 1", "principal 1"), QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT level || ' ' || respondents FROM level_tally WHERE round_id = ?1 AND respondents <> 0"
                        + " ORDER BY level")
                .setParameter(1, round.id).getResultList()));
        List<String> kept = snapshot(round.id);
        tallies.rebuild(round.id);
        assertEquals(snapshot(round.id), kept);
    }

    private Void submit(SurveyRound round, UUID person, List<Answer> answers) {
        Submitting.saveAndSubmit(round, person, answers);
        return null;
    }

    /** The tally tables in arrays carry the constraint names the per-item tables had (V16 left a "1" suffix, V17). */
    @Test
    @SuppressWarnings("unchecked")
    void theTallyTablesConstraintsHaveTheirTablesNames() {
        List<String> names = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT conrelid::regclass || ' ' || conname FROM pg_constraint
                WHERE conrelid IN ('item_tally'::regclass, 'level_item_tally'::regclass) AND contype <> 'n' ORDER BY 1""").getResultList());
        assertEquals(List.of("item_tally item_tally_pkey", "item_tally item_tally_round_id_fkey",
                "level_item_tally level_item_tally_level_check", "level_item_tally level_item_tally_pkey",
                "level_item_tally level_item_tally_round_id_fkey"), names);
    }

    private static void runInParallel(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static List<Answer> randomAnswers(Random random) {
        List<Answer> answers = new ArrayList<>();
        for (String item : SCALE_ITEMS) {
            int pick = random.nextInt(8);
            if (pick < 5) {
                answers.add(new Answer(item, pick + 1, false, null));
            } else if (pick == 5) {
                answers.add(new Answer(item, null, true, null));
            }
        }
        answers.add(new Answer("comments-1", null, false, "kommentar " + random.nextInt(1000)));
        return answers;
    }

    private SurveyRound round(String id) {
        return QuarkusTransaction.requiringNew().call(() -> SurveyRound.<SurveyRound>findById(UUID.fromString(id)));
    }

    private UUID addRespondent(SurveyRound round, UUID school) {
        UUID person = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO survey_respondent (round_id, school_id, person_id, role) VALUES (?1, ?2, ?3, 'school-leader')")
                .setParameter(1, round.id).setParameter(2, school).setParameter(3, person).executeUpdate());
        return person;
    }

    private long respondents(UUID round) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT coalesce(sum(respondents), 0) FROM school_tally WHERE round_id = ?1")
                .setParameter(1, round).getSingleResult()).longValue());
    }

    /** Every tally row of the round as text, in key order; rows that count nothing are left out. */
    @SuppressWarnings("unchecked")
    private List<String> snapshot(UUID round) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            entityManager.createNativeQuery("""
                    SELECT school_id || ' ' || respondents FROM school_tally WHERE round_id = ?1 AND respondents > 0
                    ORDER BY school_id""").setParameter(1, round).getResultList().forEach(r -> rows.add((String) r));
            entityManager.createNativeQuery("""
                    SELECT concat_ws(' ', school_id, item_code, n1, n2, n3, n4, n5, dont_know) FROM item_counts
                    WHERE round_id = ?1 AND n1 + n2 + n3 + n4 + n5 + dont_know > 0 ORDER BY school_id, item_code""")
                    .setParameter(1, round).getResultList().forEach(r -> rows.add((String) r));
            entityManager.createNativeQuery("""
                    SELECT concat_ws(' ', school_id, level, respondents) FROM level_tally WHERE round_id = ?1 AND respondents > 0
                    ORDER BY school_id, level""").setParameter(1, round).getResultList().forEach(r -> rows.add((String) r));
            entityManager.createNativeQuery("""
                    SELECT concat_ws(' ', school_id, level, item_code, n1, n2, n3, n4, n5, dont_know) FROM level_item_counts
                    WHERE round_id = ?1 AND n1 + n2 + n3 + n4 + n5 + dont_know > 0 ORDER BY school_id, level, item_code""")
                    .setParameter(1, round).getResultList().forEach(r -> rows.add((String) r));
            return rows;
        });
    }
}

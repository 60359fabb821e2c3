package no.ks.led.surveys.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.surveys.SurveyRound;

/**
 * Keeps the result tallies ({@code school_tally}, {@code item_tally}: counts of submitted answers per
 * school and item, no person in them) up to date as answers are submitted, so results are read from
 * counts instead of scanning every answer. The database function {@code rebuild_result_tally} recomputes
 * a round from its answers (migration back-fill, {@link #rebuild}, and bulk loads that bypass this class).
 */
@ApplicationScoped
public class ResultTallies {

    @Inject
    EntityManager entityManager;

    /**
     * Applies one submission of an answer set to the tallies, in the submitting transaction and before its
     * draft replaces its previously submitted answers: minus the old submitted answers, plus the draft, and
     * one respondent more on the set's first submission. Lock order (the round's tally lock shared, the
     * answer set, the school's row, the item rows by code) is the same in every submission, so concurrent
     * submissions at one school queue instead of losing counts or deadlocking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applySubmission(SurveyRound round, UUID schoolId, UUID answerSetId) {
        entityManager.createNativeQuery(
                "SELECT 1 FROM pg_advisory_xact_lock_shared(hashtextextended('result_tally:' || CAST(?1 AS text), 0))")
                .setParameter(1, round.id).getSingleResult();
        boolean submittedBefore = (Boolean) entityManager.createNativeQuery(
                "SELECT submitted FROM answer_set WHERE id = ?1 FOR UPDATE").setParameter(1, answerSetId).getSingleResult();
        entityManager.createNativeQuery("""
                INSERT INTO school_tally (round_id, school_id, respondents) VALUES (?1, ?2, ?3)
                ON CONFLICT (round_id, school_id) DO UPDATE SET respondents = school_tally.respondents + excluded.respondents""")
                .setParameter(1, round.id).setParameter(2, schoolId).setParameter(3, submittedBefore ? 0 : 1)
                .executeUpdate();
        entityManager.createNativeQuery("""
                INSERT INTO item_tally (round_id, school_id, item_code, n1, n2, n3, n4, n5, dont_know)
                SELECT ?2, ?3, item_code,
                       sum(CASE WHEN value = 1 THEN sign ELSE 0 END), sum(CASE WHEN value = 2 THEN sign ELSE 0 END),
                       sum(CASE WHEN value = 3 THEN sign ELSE 0 END), sum(CASE WHEN value = 4 THEN sign ELSE 0 END),
                       sum(CASE WHEN value = 5 THEN sign ELSE 0 END), sum(CASE WHEN dont_know THEN sign ELSE 0 END)
                FROM (SELECT item_code, value, dont_know, CASE WHEN stage = 'draft' THEN 1 ELSE -1 END AS sign
                      FROM answer WHERE answer_set_id = ?1 AND text IS NULL) delta
                GROUP BY item_code
                ORDER BY item_code
                ON CONFLICT (round_id, school_id, item_code) DO UPDATE SET
                    n1 = item_tally.n1 + excluded.n1, n2 = item_tally.n2 + excluded.n2,
                    n3 = item_tally.n3 + excluded.n3, n4 = item_tally.n4 + excluded.n4,
                    n5 = item_tally.n5 + excluded.n5, dont_know = item_tally.dont_know + excluded.dont_know""")
                .setParameter(1, answerSetId).setParameter(2, round.id).setParameter(3, schoolId).executeUpdate();
    }

    /** Recomputes one round's tallies from its submitted answers: the repair path. */
    @Transactional
    public void rebuild(UUID roundId) {
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT rebuild_result_tally(?1)) rebuilt")
                .setParameter(1, roundId).getSingleResult();
    }
}

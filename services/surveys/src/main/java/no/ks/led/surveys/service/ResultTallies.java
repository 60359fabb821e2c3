package no.ks.led.surveys.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.surveys.RespondentLevel;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.repository.AnswerSetRepository;
import no.ks.led.surveys.repository.ResultTallyRepository;

/**
 * Keeps the result tallies ({@code school_tally}, {@code item_tally}, {@code level_tally}, {@code level_item_tally}:
 * counts of submitted answers per school, level and item, no person in them) up to date as answers are submitted, so
 * results are read from counts instead of scanning every answer. The database function {@code rebuild_result_tally}
 * recomputes a round from its answers (migration back-fill, {@link #rebuild}, and bulk loads that bypass this class).
 */
@ApplicationScoped
public class ResultTallies {

    @Inject
    ResultTallyRepository repository;

    /**
     * Applies one submission of an answer set to the tallies, in the submitting transaction and before its
     * draft replaces its previously submitted answers: minus the old submitted answers, plus the draft, and
     * one respondent more on the set's first submission; the same in the level tallies, the previous submission
     * off the level it was submitted with and the new one onto {@code level}. Lock order (the answer set, which the
     * caller holds, the round's tally lock shared, the school's rows, the level rows by level) is the same in every
     * submission, so concurrent submissions at one school queue instead of losing counts or deadlocking. A rebuild
     * takes the round's lock alone and never locks an answer set, so it only waits for the submissions under way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applySubmission(SurveyRound round, UUID schoolId, AnswerSetRepository.Held set, RespondentLevel level) {
        repository.lockRoundShared(round.id);
        repository.addRespondents(round.id, schoolId, set.submitted() ? 0 : 1);
        repository.applyDraftOverSubmitted(set.id(), round.id, schoolId);
        repository.applyDraftOverSubmittedByLevel(set, round.id, schoolId, level.code());
    }

    /** Recomputes one round's tallies from its submitted answers: the repair path. */
    @Transactional
    public void rebuild(UUID roundId) {
        repository.rebuild(roundId);
    }
}

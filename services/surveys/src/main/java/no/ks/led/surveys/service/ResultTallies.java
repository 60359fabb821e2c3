package no.ks.led.surveys.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.surveys.RespondentLevel;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.repository.ResultTallyRepository;

/**
 * Keeps the result tallies ({@code school_tally}, {@code item_tally}: counts of submitted answers per
 * school and item, no person in them) up to date as answers are submitted, so results are read from
 * counts instead of scanning every answer. The database function {@code rebuild_result_tally} recomputes
 * a round from its answers (migration back-fill, {@link #rebuild}, and bulk loads that bypass this class).
 */
@ApplicationScoped
public class ResultTallies {

    @Inject
    ResultTallyRepository repository;

    /**
     * Applies one submission of an answer set to the tallies, in the submitting transaction and before its
     * draft replaces its previously submitted answers: minus the old submitted answers, plus the draft, and
     * one respondent more on the set's first submission; the same in the level tallies, the previous submission
     * off the level it was submitted with and the new one onto {@code level}. Lock order (the round's tally lock shared, the
     * answer set, the school's row, the item rows by code) is the same in every submission, so concurrent
     * submissions at one school queue instead of losing counts or deadlocking. A submission with its answers has
     * locked its answer set already (writing the draft) when it takes the round's lock: no deadlock either, as
     * submissions share that lock and a rebuild, which takes it alone, never locks an answer set.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applySubmission(SurveyRound round, UUID schoolId, UUID answerSetId, RespondentLevel level) {
        repository.lockRoundShared(round.id);
        ResultTallyRepository.SetBefore before = repository.lockAnswerSet(answerSetId);
        repository.addRespondents(round.id, schoolId, before.submitted() ? 0 : 1);
        repository.applyDraftOverSubmitted(answerSetId, round.id, schoolId);
        repository.applyDraftOverSubmittedByLevel(answerSetId, round.id, schoolId, before, level.code());
    }

    /** Recomputes one round's tallies from its submitted answers: the repair path. */
    @Transactional
    public void rebuild(UUID roundId) {
        repository.rebuild(roundId);
    }
}

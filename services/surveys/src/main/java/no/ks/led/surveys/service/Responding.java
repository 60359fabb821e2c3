package no.ks.led.surveys.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.Answer;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.RespondentLevel;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.repository.AnswerSetRepository;
import no.ks.led.surveys.repository.SurveyRoundRepository;

/**
 * A respondent's draft and submission. In an individual round the answers go to an answer set that
 * names no one (found again by {@link AnswerSetTags}); who has finished goes to the completion list,
 * a separate table the results never read. In a team round the school's leaders share one answer set.
 * A submission updates the result tallies in its own transaction ({@link ResultTallies}) and records with the
 * answer set the respondent's level, from their role at the school in the access replica on the day of
 * submission (the caller's {@link Grant}; {@link RespondentLevel}; a team's set has none).
 */
@ApplicationScoped
public class Responding {

    static final int MAX_TEXT = 2000;

    @Inject
    AnswerSetRepository answerSets;

    @Inject
    SurveyRoundRepository rounds;

    @Inject
    AnswerSetTags tags;

    @Inject
    RoundQuestions questions;

    @Inject
    ResultTallies tallies;

    @Inject
    TenantZones zones;

    /** The caller's own answers in a round: the draft, the last submitted answers and when. */
    public record MyResponse(UUID schoolId, String mode, List<Answer> draft, List<Answer> submitted, Instant submittedAt) {
    }

    /** A submission's outcome; {@code repeated} when the same Idempotency-Key had already been submitted. */
    public record Submission(MyResponse response, boolean repeated) {
    }

    @Transactional
    public MyResponse mine(SurveyRound round, UUID personId) {
        UUID school = seat(round, personId);
        return view(round, personId, school);
    }

    @Transactional
    public MyResponse saveDraft(SurveyRound round, UUID personId, List<Answer> answers) {
        UUID school = seat(round, personId);
        requireOpen(round, zones.of(round.tenantId));
        validate(questions.of(round), answers);
        answerSets.replaceDraft(answerSets.createIfMissing(round.tenantId, round.id, school, tag(round, personId, school)),
                answers);
        return view(round, personId, school);
    }

    /**
     * Submits the saved draft (save-and-continue: the answers came with earlier {@link #saveDraft} calls) of the
     * tenant's round: 404 if it is not the tenant's. The caller's grant (decided on today's date in the tenant's
     * zone) says who submits and at which level.
     */
    @Transactional
    public Submission submit(String tenantId, UUID roundId, Grant caller, String idempotencyKey) {
        UUID personId = caller.personId();
        SurveyRoundRepository.Seat seat = seat(tenantId, roundId, personId, idempotencyKey);
        SurveyRound round = seat.round();
        UUID school = seat.schoolId().orElseThrow();
        if (seat.submittedWithKey()) {
            return new Submission(view(round, personId, school), true);
        }
        requireOpen(round, seat.zone());
        String tag = tag(round, personId, school);
        AnswerSetRepository.Held set = answerSets.hold(round.id, tag)
                .orElseThrow(() -> new ProblemException(ProblemType.NO_DRAFT_TO_SUBMIT, "There is no saved draft to submit"));
        if (answerSets.draftSize(set.id()) == 0) {
            throw new ProblemException(ProblemType.NO_DRAFT_TO_SUBMIT, "There is no saved draft to submit");
        }
        submitDraft(round, caller, school, set, idempotencyKey);
        return new Submission(view(round, personId, school), false);
    }

    /**
     * Saves these answers as the draft and submits them, in one transaction: the rows {@link #saveDraft} then
     * {@link #submit} leave, for a client that submits at once; 404 if the round is not the tenant's. The answer is
     * what was written (the draft and the submitted answers are then the same, in item order, as {@link #mine} reads
     * them), not read back.
     */
    @Transactional
    public Submission submit(String tenantId, UUID roundId, Grant caller, String idempotencyKey, List<Answer> answers) {
        UUID personId = caller.personId();
        SurveyRoundRepository.Seat seat = seat(tenantId, roundId, personId, idempotencyKey);
        SurveyRound round = seat.round();
        UUID school = seat.schoolId().orElseThrow();
        if (seat.submittedWithKey()) {
            return new Submission(view(round, personId, school), true);
        }
        requireOpen(round, seat.zone());
        if (answers.isEmpty()) {
            throw ProblemException.invalidField("answers", "must hold at least one answer to submit");
        }
        validate(questions.of(round), answers);
        AnswerSetRepository.Held set = answerSets.createIfMissing(round.tenantId, round.id, school, tag(round, personId, school));
        answerSets.replaceDraft(set, answers);
        Instant at = submitDraft(round, caller, school, set, idempotencyKey);
        List<Answer> written = answers.stream().sorted(Comparator.comparing(Answer::item)).toList();
        return new Submission(new MyResponse(school, round.mode, written, written, at), false);
    }

    /**
     * Makes the set's draft its submitted answers: the tallies first (they take the draft's delta over the answers
     * submitted before), then the answers, then the completion list. When it was submitted.
     */
    private Instant submitDraft(SurveyRound round, Grant caller, UUID school, AnswerSetRepository.Held set,
            String idempotencyKey) {
        RespondentLevel level = round.isTeam() ? RespondentLevel.UNKNOWN : RespondentLevel.at(caller, school);
        tallies.applySubmission(round, school, set, level);
        answerSets.submitDraft(set, level);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        rounds.recordCompletion(round.id, school, caller.personId(), at, idempotencyKey);
        return at;
    }

    /** The caller's school in the round; 403 for a member of the tenant who was not asked. */
    private UUID seat(SurveyRound round, UUID personId) {
        return rounds.schoolOf(round.id, personId).orElseThrow(Responding::notARespondent);
    }

    /**
     * A submitter's seat: the tenant's round, their school in it, and whether the Idempotency-Key was submitted
     * already, read in one statement. 404 if the round is not the tenant's, 403 for a member who was not asked.
     */
    private SurveyRoundRepository.Seat seat(String tenantId, UUID roundId, UUID personId, String idempotencyKey) {
        SurveyRoundRepository.Seat seat = rounds.seat(tenantId, roundId, personId, idempotencyKey)
                .orElseThrow(() -> ProblemException.notFound("Survey round " + roundId));
        if (seat.schoolId().isEmpty()) {
            throw notARespondent();
        }
        return seat;
    }

    private static ProblemException notARespondent() {
        return new ProblemException(ProblemType.NOT_A_RESPONDENT, "You are not among the respondents of this round");
    }

    private static void requireOpen(SurveyRound round, ZoneId tenantZone) {
        round.requireOpenOn(LocalDate.now(tenantZone), "answers are taken only while it is open");
    }

    private String tag(SurveyRound round, UUID personId, UUID school) {
        return round.isTeam() ? tags.ofTeam(round.id, school) : tags.ofPerson(round.id, personId);
    }

    private MyResponse view(SurveyRound round, UUID personId, UUID school) {
        Optional<UUID> set = answerSets.find(round.id, tag(round, personId, school));
        List<Answer> draft = set.map(id -> answerSets.answers(id, AnswerSetRepository.DRAFT)).orElse(List.of());
        List<Answer> submitted = set.map(id -> answerSets.answers(id, AnswerSetRepository.SUBMITTED)).orElse(List.of());
        Instant at = rounds.lastSubmittedAt(round.id, school, round.isTeam() ? null : personId).orElse(null);
        return new MyResponse(school, round.mode, draft, submitted, at);
    }

    /** Every answer must be to an item of the round, of the item's kind, once. */
    static void validate(Instrument questions, List<Answer> answers) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            String at = "answers[" + i + "]";
            Optional<Instrument.Item> item = questions.item(a.item());
            if (item.isEmpty()) {
                violations.add(new Problem.Violation(at + ".item", "is not an item of this round"));
                continue;
            }
            if (!seen.add(a.item())) {
                violations.add(new Problem.Violation(at + ".item", "is answered more than once"));
            }
            if (item.get().isScale()) {
                boolean hasValue = a.value() != null;
                if (a.text() != null) {
                    violations.add(new Problem.Violation(at + ".text", "must be absent for a scale item"));
                }
                if (hasValue == a.dontKnow()) {
                    violations.add(new Problem.Violation(at + ".value", "must be 1 to 5, or dontKnow must be true"));
                } else if (hasValue && (a.value() < 1 || a.value() > 5)) {
                    violations.add(new Problem.Violation(at + ".value", "must be 1 to 5"));
                }
            } else {
                if (a.value() != null || a.dontKnow()) {
                    violations.add(new Problem.Violation(at + ".value", "must be absent for a free-text item"));
                }
                if (a.text() == null || a.text().isBlank()) {
                    violations.add(new Problem.Violation(at + ".text", "must not be blank"));
                } else if (a.text().length() > MAX_TEXT) {
                    violations.add(new Problem.Violation(at + ".text", "must be at most " + MAX_TEXT + " characters"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "See the violations for each field", violations);
        }
    }
}

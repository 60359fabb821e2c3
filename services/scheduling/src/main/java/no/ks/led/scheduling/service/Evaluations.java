package no.ks.led.scheduling.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.SchedulingConfig;
import no.ks.led.scheduling.SignUp;
import no.ks.led.scheduling.repository.EvaluationRepository;
import no.ks.led.scheduling.repository.EvaluationRepository.Answer;

/**
 * The short evaluation after each activity: usefulness and relevance from 1 to 5 and a free text, answered once by
 * each person who attended, after the activity has ended. Results are shown only when at least k answered; the
 * free text only to the tenant's coordinator.
 */
@ApplicationScoped
public class Evaluations {

    /** Where the caller stands with an activity's evaluation. */
    public enum State {
        NOT_YET_OPEN, OPEN, ANSWERED, NOT_AN_ATTENDEE, CANCELLED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The spread of one rating: how many answered each point (1 to 5) and the mean. */
    public record Rating(BigDecimal mean, List<Integer> counts) {
    }

    /** An activity's results: shown only with at least {@code minimum} answers, the comments only to the coordinator. */
    public record Summary(int answers, int minimum, boolean shown, Rating usefulness, Rating relevance,
            List<String> comments) {
    }

    @Inject
    EvaluationRepository repository;

    @Inject
    SchedulingConfig config;

    /** Where the caller stands: not yet open, open to them, answered, or not theirs (they did not attend). */
    @Transactional
    public State state(Grant grant, UUID activityId, Instant now) {
        Activity activity = find(grant.tenantId(), activityId);
        if (activity.isCancelled()) {
            return State.CANCELLED;
        }
        if (repository.hasAnswered(activityId, grant.personId())) {
            return State.ANSWERED;
        }
        if (!attended(activity, grant.personId())) {
            return State.NOT_AN_ATTENDEE;
        }
        return activity.endsAt.isAfter(now) ? State.NOT_YET_OPEN : State.OPEN;
    }

    /** Records the caller's answer: once, after the activity ended, and only if they attended. */
    @Transactional
    public void answer(Grant grant, UUID activityId, Answer answer, Instant now) {
        Activity activity = ActivityPlanning.forUpdate(grant.tenantId(), activityId);
        if (!Activity.SCHEDULED.equals(activity.status)) {
            throw new ProblemException(ProblemType.ACTIVITY_NOT_SCHEDULED, "Only a held activity is evaluated");
        }
        if (activity.endsAt.isAfter(now)) {
            throw new ProblemException(ProblemType.EVALUATION_NOT_OPEN, "The evaluation opens when the activity has ended");
        }
        if (!attended(activity, grant.personId())) {
            throw new ProblemException(ProblemType.NOT_AN_ATTENDEE, "Only those who attended answer the evaluation");
        }
        if (!repository.recordRespondent(grant.tenantId(), activityId, grant.personId(), now)) {
            throw new ProblemException(ProblemType.ALREADY_EVALUATED, "You have answered already");
        }
        String comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
        repository.addAnswer(grant.tenantId(), activityId, new Answer(answer.usefulness(), answer.relevance(), comment));
    }

    /** The results for an owner-executive or coordinator; the free text for the coordinator only. */
    @Transactional
    public Summary results(Grant grant, UUID activityId) {
        find(grant.tenantId(), activityId);
        return summarise(repository.answers(grant.tenantId(), activityId), minimumAnswers(),
                grant.hasAny(List.of(TenantRole.COORDINATOR)));
    }

    /** The fewest answers shown: the setting, never below the national minimum of 3. */
    int minimumAnswers() {
        return Math.max(3, config.evaluationMinimumAnswers());
    }

    /** Sums up the answers; below {@code minimum} nothing but the count is shown. */
    static Summary summarise(List<Answer> answers, int minimum, boolean withComments) {
        if (answers.size() < minimum) {
            return new Summary(answers.size(), minimum, false, null, null, List.of());
        }
        List<String> comments = withComments
                ? answers.stream().map(Answer::comment).filter(c -> c != null && !c.isBlank()).toList()
                : List.of();
        return new Summary(answers.size(), minimum, true, rating(answers.stream().mapToInt(Answer::usefulness).toArray()),
                rating(answers.stream().mapToInt(Answer::relevance).toArray()), comments);
    }

    private static Rating rating(int[] values) {
        List<Integer> counts = IntStream.rangeClosed(1, 5)
                .mapToObj(point -> (int) IntStream.of(values).filter(v -> v == point).count()).toList();
        BigDecimal mean = BigDecimal.valueOf(IntStream.of(values).sum())
                .divide(BigDecimal.valueOf(values.length), 1, RoundingMode.HALF_UP);
        return new Rating(mean, counts);
    }

    private static boolean attended(Activity activity, UUID personId) {
        return SignUp.<SignUp>find("tenantId = ?1 and activityId = ?2 and personId = ?3 and attended = true",
                activity.tenantId, activity.id, personId).firstResultOptional().isPresent();
    }

    private static Activity find(String tenantId, UUID activityId) {
        return Activity.findInTenant(tenantId, activityId).orElseThrow(() -> ProblemException.notFound("Activity " + activityId));
    }
}

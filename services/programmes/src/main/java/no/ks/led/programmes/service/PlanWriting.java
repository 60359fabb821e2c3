package no.ks.led.programmes.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.programmes.ActivityPlanned;
import no.ks.led.events.programmes.MeasureAdded;
import no.ks.led.events.programmes.PlanEvaluated;
import no.ks.led.events.programmes.PlanPhaseCompleted;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.idempotency.IdempotencyKeys;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.programmes.Framework;
import no.ks.led.programmes.Phase;
import no.ks.led.programmes.Programme;
import no.ks.led.programmes.plan.Evaluation;
import no.ks.led.programmes.plan.Measure;
import no.ks.led.programmes.plan.Participant;
import no.ks.led.programmes.plan.PhaseDone;
import no.ks.led.programmes.plan.PlanChange;
import no.ks.led.programmes.plan.PlanEntry;
import no.ks.led.programmes.plan.PlannedActivity;
import no.ks.led.programmes.plan.StepDone;
import no.ks.led.programmes.repository.KnownSchools;

/**
 * Writing a local plan: the getting-started checklist, the phases' content, measures, participants and
 * activities, completing phases and evaluating a cycle. Each change records its event in the same transaction.
 */
@ApplicationScoped
public class PlanWriting {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    KnownSchools schools;

    @Inject
    PlanReading reading;

    /** What a change added: its id and what it is ({@code entry}, {@code measure}, {@code participant}, {@code activity}). */
    public record Added(UUID id, String change) {
    }

    /** Marks a getting-started step done by {@code by}; a step done already keeps who did it first and when. */
    @Transactional
    public StepDone completeStep(String tenantId, UUID programmeId, String stepCode, String by) {
        Programme programme = ProgrammePlanning.forUpdate(tenantId, programmeId);
        programme.framework.step(stepCode).orElseThrow(() -> ProblemException.notFound("Step " + stepCode));
        return StepDone.of(programmeId).stream().filter(s -> s.stepCode.equals(stepCode)).findFirst().orElseGet(() -> {
            StepDone done = new StepDone();
            done.id = UUID.randomUUID();
            done.tenantId = tenantId;
            done.programmeId = programmeId;
            done.stepCode = stepCode;
            done.doneBy = by;
            done.doneAt = now();
            done.persist();
            return done;
        });
    }

    /** Completes a phase in the plan's current cycle, once: {@code PlanPhaseCompleted}. */
    @Transactional
    public PhaseDone completePhase(String tenantId, UUID programmeId, Phase phase, String by) {
        Programme programme = ProgrammePlanning.forUpdate(tenantId, programmeId);
        return PhaseDone.of(programmeId, programme.cycle).stream().filter(p -> p.phase.equals(phase.code())).findFirst()
                .orElseGet(() -> {
                    PhaseDone done = new PhaseDone();
                    done.id = UUID.randomUUID();
                    done.tenantId = tenantId;
                    done.programmeId = programmeId;
                    done.cycle = programme.cycle;
                    done.phase = phase.code();
                    done.completedBy = by;
                    done.completedAt = now();
                    done.persist();
                    outbox.record(tenantId, new PlanPhaseCompleted(programmeId, tenantId, phase.code(), programme.cycle,
                            done.completedAt));
                    return done;
                });
    }

    /** Makes a change to the plan; with an Idempotency-Key (may be null) a retry adds nothing twice. */
    @Transactional
    public Added change(String tenantId, UUID programmeId, PlanChange change, String by, IdempotencyKey key) {
        if (key == null) {
            return apply(tenantId, programmeId, change, by);
        }
        var outcome = idempotencyKeys.once(key, new IdempotencyKeys.Scope("plan-change", tenantId, by),
                java.util.Map.of("programmeId", programmeId, "change", change),
                () -> apply(tenantId, programmeId, change, by), Added::id, id -> new Added(id, kindOf(change)));
        return outcome.result();
    }

    /** Makes a change to the plan in the caller's transaction (a direct change, or an accepted proposal). */
    @Transactional(Transactional.TxType.MANDATORY)
    Added apply(String tenantId, UUID programmeId, PlanChange change, String by) {
        Programme programme = ProgrammePlanning.forUpdate(tenantId, programmeId);
        UUID school = change.schoolId();
        if (school != null && !schools.isSchoolOf(tenantId, school)) {
            throw ProblemException.invalidField(kindOf(change) + ".schoolId", "is not a school of this school owner");
        }
        UUID id = UUID.randomUUID();
        Instant now = now();
        if (change.entry() != null) {
            PlanEntry entry = new PlanEntry();
            entry.id = id;
            entry.tenantId = tenantId;
            entry.programmeId = programmeId;
            entry.kind = change.entry().kind().code();
            entry.schoolId = school;
            entry.text = change.entry().text().strip();
            entry.createdAt = now;
            entry.createdBy = by;
            entry.persist();
        } else if (change.measure() != null) {
            PlanChange.NewMeasure m = change.measure();
            Measure measure = new Measure();
            measure.id = id;
            measure.tenantId = tenantId;
            measure.programmeId = programmeId;
            measure.title = m.title().strip();
            measure.responsible = m.responsible().strip();
            measure.dueOn = m.dueOn();
            measure.schoolId = school;
            measure.createdAt = now;
            measure.createdBy = by;
            measure.persist();
            outbox.record(tenantId, new MeasureAdded(id, programmeId, tenantId, measure.title, measure.responsible,
                    measure.dueOn, school, now));
        } else if (change.participant() != null) {
            PlanChange.NewParticipant p = change.participant();
            if (programme.framework.tracks().stream().map(Framework.Track::code).noneMatch(p.track()::equals)) {
                throw ProblemException.invalidField("participant.track", "is not one of the programme's tracks");
            }
            Participant participant = new Participant();
            participant.id = id;
            participant.tenantId = tenantId;
            participant.programmeId = programmeId;
            participant.track = p.track();
            participant.schoolId = school;
            participant.role = blankToNull(p.role());
            participant.name = blankToNull(p.name());
            participant.createdAt = now;
            participant.createdBy = by;
            participant.persist();
        } else {
            PlanChange.NewActivity a = change.activity();
            PlannedActivity activity = new PlannedActivity();
            activity.id = id;
            activity.tenantId = tenantId;
            activity.programmeId = programmeId;
            activity.kind = a.kind().code();
            activity.title = a.title().strip();
            activity.startsOn = a.startsOn();
            activity.endsOn = a.endsOn() == null ? a.startsOn() : a.endsOn();
            activity.place = blankToNull(a.place());
            activity.createdAt = now;
            activity.createdBy = by;
            activity.persist();
            outbox.record(tenantId, new ActivityPlanned(id, programmeId, tenantId, activity.kind, activity.title,
                    activity.startsOn, activity.endsOn, activity.place, now));
        }
        return new Added(id, kindOf(change));
    }

    /**
     * Evaluates the plan: keeps the current cycle as it stands (its content, for the history) with the owner's
     * summary, records {@code PlanEvaluated} and opens the next cycle, whose phases start open again.
     */
    @Transactional
    public Evaluation evaluate(String tenantId, UUID programmeId, String summary, String by, IdempotencyKey key) {
        if (key == null) {
            return newEvaluation(tenantId, programmeId, summary, by);
        }
        return idempotencyKeys.once(key, new IdempotencyKeys.Scope("plan-evaluation", tenantId, by),
                java.util.Map.of("programmeId", programmeId, "summary", summary),
                () -> newEvaluation(tenantId, programmeId, summary, by), e -> e.id,
                id -> Evaluation.<Evaluation>findById(id)).result();
    }

    private Evaluation newEvaluation(String tenantId, UUID programmeId, String summary, String by) {
        Programme programme = ProgrammePlanning.forUpdate(tenantId, programmeId);
        Evaluation evaluation = new Evaluation();
        evaluation.id = UUID.randomUUID();
        evaluation.tenantId = tenantId;
        evaluation.programmeId = programmeId;
        evaluation.cycle = programme.cycle;
        evaluation.summary = summary.strip();
        evaluation.snapshot = reading.snapshot(programme);
        evaluation.evaluatedBy = by;
        evaluation.evaluatedAt = now();
        evaluation.persist();
        programme.cycle++;
        outbox.record(tenantId, new PlanEvaluated(programmeId, tenantId, evaluation.cycle, evaluation.evaluatedAt));
        return evaluation;
    }

    static String kindOf(PlanChange change) {
        if (change.entry() != null) {
            return "entry";
        }
        if (change.measure() != null) {
            return "measure";
        }
        return change.participant() != null ? "participant" : "activity";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

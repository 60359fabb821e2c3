package no.ks.led.programmes.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.programmes.ActivityKind;
import no.ks.led.programmes.EntryKind;
import no.ks.led.programmes.Framework;
import no.ks.led.programmes.Phase;
import no.ks.led.programmes.Programme;
import no.ks.led.programmes.plan.Evaluation;
import no.ks.led.programmes.plan.Measure;
import no.ks.led.programmes.plan.Participant;
import no.ks.led.programmes.plan.PhaseDone;
import no.ks.led.programmes.plan.PlanEntry;
import no.ks.led.programmes.plan.PlanSnapshot;
import no.ks.led.programmes.plan.PlannedActivity;
import no.ks.led.programmes.plan.StepDone;

/**
 * The local plan as a reader may see it: what is about a school only for those whose role covers that school
 * (a principal at their school, a consultant at their engagement's schools), everything else for every member.
 */
@ApplicationScoped
public class PlanReading {

    /** A local plan: the checklist, the three phases, measures, tracks with participants, activities, evaluations. */
    public record LocalPlan(UUID programmeId, String name, String language, String templateId, Integer templateVersion,
            int cycle, List<ChecklistStep> checklist, List<PhaseView> phases, List<MeasureView> measures,
            List<TrackView> tracks, List<ActivityView> activities, List<EvaluationView> evaluations) {
    }

    /** A getting-started step and who did it when (person id), if done. */
    public record ChecklistStep(String code, String title, String description, boolean done, String doneBy, Instant doneAt) {
    }

    /** A phase of the current cycle: its question, guidance, whether it is completed, and its entries. */
    public record PhaseView(Phase phase, String question, String guidance, boolean completed, String completedBy,
            Instant completedAt, List<EntryView> entries) {
    }

    public record EntryView(UUID id, EntryKind kind, UUID schoolId, String text, Instant createdAt) {
    }

    public record MeasureView(UUID id, String title, String responsible, LocalDate dueOn, UUID schoolId) {
    }

    public record TrackView(String code, String name, String description, List<String> competenceGoals,
            List<ParticipantView> participants) {
    }

    public record ParticipantView(UUID id, UUID schoolId, String role, String name) {
    }

    /**
     * A planned activity; once the scheduling service has scheduled it, the activity it became and its time
     * ({@code scheduledActivityId}, {@code startsAt}, {@code endsAt}: null until then), and whether it was cancelled.
     */
    public record ActivityView(UUID id, ActivityKind kind, String title, LocalDate startsOn, LocalDate endsOn, String place,
            UUID scheduledActivityId, Instant startsAt, Instant endsAt, boolean cancelled) {

        /** A planned activity the scheduling service has not scheduled yet. */
        public ActivityView(UUID id, ActivityKind kind, String title, LocalDate startsOn, LocalDate endsOn, String place) {
            this(id, kind, title, startsOn, endsOn, place, null, null, null, false);
        }
    }

    public record EvaluationView(int cycle, String summary, Instant evaluatedAt) {
    }

    /** One cycle of the plan's history: what it added and removed against the cycle before it. */
    public record Cycle(int cycle, String summary, Instant evaluatedAt, List<String> added, List<String> removed) {
    }

    /** The tenant's programme's plan as {@code grant} may see it. */
    @Transactional
    public LocalPlan plan(String tenantId, UUID programmeId, Grant grant) {
        Programme programme = Programme.findInTenant(tenantId, programmeId)
                .orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
        return plan(programme, visibleTo(grant));
    }

    /**
     * The plan's cycles, each with what changed against the one before; the last, with no evaluation yet, is
     * the cycle in progress. The history compares whole plans, so only a role covering the whole tenant sees it.
     */
    @Transactional
    public List<Cycle> history(String tenantId, UUID programmeId, Grant grant) {
        if (grant.roles().values().stream().noneMatch(Grant.Scope::wholeTenant)) {
            throw new ProblemException(no.ks.led.foundation.problem.ProblemType.FORBIDDEN,
                    "The plan's history needs a role that covers the whole school owner");
        }
        Programme programme = Programme.findInTenant(tenantId, programmeId)
                .orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
        List<Cycle> cycles = new ArrayList<>();
        PlanSnapshot before = new PlanSnapshot(List.of());
        for (Evaluation e : Evaluation.of(programmeId)) {
            cycles.add(new Cycle(e.cycle, e.summary, e.evaluatedAt, before.addedIn(e.snapshot), before.removedIn(e.snapshot)));
            before = e.snapshot;
        }
        PlanSnapshot now = snapshot(programme);
        cycles.add(new Cycle(programme.cycle, null, null, before.addedIn(now), before.removedIn(now)));
        return cycles;
    }

    /** Who may see what is about a school: a role covering it; what is about no school, everybody. */
    public static Predicate<UUID> visibleTo(Grant grant) {
        return school -> school == null || grant.coversSchool(school, grant.roleSet());
    }

    /** The whole plan's content as lines, for an evaluation to keep. */
    PlanSnapshot snapshot(Programme programme) {
        LocalPlan plan = plan(programme, school -> true);
        List<String> lines = new ArrayList<>();
        for (PhaseView phase : plan.phases()) {
            phase.entries().forEach(e -> lines.add(e.kind().code() + ": " + e.text() + school(e.schoolId())));
        }
        plan.measures().forEach(m -> lines.add("measure: " + m.title() + " (" + m.responsible() + ", " + m.dueOn() + ")"
                + school(m.schoolId())));
        plan.tracks().forEach(t -> t.participants().forEach(p -> lines.add("participant: " + t.code() + " "
                + String.join(" ", java.util.stream.Stream.of(p.role(), p.name()).filter(java.util.Objects::nonNull).toList())
                + school(p.schoolId()))));
        plan.activities().forEach(a -> lines.add("activity: " + a.kind().code() + " " + a.title() + " " + a.startsOn()));
        return new PlanSnapshot(lines);
    }

    private static String school(UUID schoolId) {
        return schoolId == null ? "" : " [school " + schoolId + "]";
    }

    LocalPlan plan(Programme programme, Predicate<UUID> visible) {
        UUID id = programme.id;
        Framework framework = programme.framework;
        Map<String, StepDone> done = StepDone.of(id).stream().collect(Collectors.toMap(s -> s.stepCode, s -> s));
        List<ChecklistStep> checklist = framework.steps().stream().map(step -> {
            StepDone d = done.get(step.code());
            return new ChecklistStep(step.code(), step.title(), step.description(), d != null, d == null ? null : d.doneBy,
                    d == null ? null : d.doneAt);
        }).toList();
        Map<String, PhaseDone> completed = PhaseDone.of(id, programme.cycle).stream()
                .collect(Collectors.toMap(p -> p.phase, p -> p));
        List<PlanEntry> entries = PlanEntry.of(id).stream().filter(e -> visible.test(e.schoolId)).toList();
        List<PhaseView> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            PhaseDone c = completed.get(phase.code());
            var question = framework.question(phase);
            phases.add(new PhaseView(phase, question.map(Framework.Question::title).orElse(phase.question(programme.language)),
                    question.map(Framework.Question::guidance).orElse(null), c != null, c == null ? null : c.completedBy,
                    c == null ? null : c.completedAt,
                    entries.stream().filter(e -> EntryKind.fromCode(e.kind).orElseThrow().phase() == phase)
                            .map(e -> new EntryView(e.id, EntryKind.fromCode(e.kind).orElseThrow(), e.schoolId, e.text, e.createdAt))
                            .toList()));
        }
        List<MeasureView> measures = Measure.of(id).stream().filter(m -> visible.test(m.schoolId))
                .map(m -> new MeasureView(m.id, m.title, m.responsible, m.dueOn, m.schoolId)).toList();
        List<Participant> participants = Participant.of(id).stream().filter(p -> visible.test(p.schoolId)).toList();
        List<TrackView> tracks = new ArrayList<>();
        for (Framework.Track track : framework.tracks()) {
            tracks.add(new TrackView(track.code(), track.name(), track.description(), track.competenceGoals(),
                    participantsOf(participants, track.code())));
        }
        participants.stream().map(p -> p.track).distinct()
                .filter(code -> framework.tracks().stream().noneMatch(t -> t.code().equals(code)))
                .forEach(code -> tracks.add(new TrackView(code, code, null, List.of(), participantsOf(participants, code))));
        List<ActivityView> activities = PlannedActivity.of(id).stream()
                .map(a -> new ActivityView(a.id, ActivityKind.fromCode(a.kind).orElseThrow(), a.title, a.startsOn, a.endsOn,
                        a.place, a.scheduledActivityId, a.scheduledStartsAt, a.scheduledEndsAt, a.cancelledAt != null))
                .toList();
        List<EvaluationView> evaluations = Evaluation.of(id).stream()
                .map(e -> new EvaluationView(e.cycle, e.summary, e.evaluatedAt)).toList();
        return new LocalPlan(id, programme.name, programme.language, programme.templateId, programme.templateVersion,
                programme.cycle, checklist, phases, measures, tracks, activities, evaluations);
    }

    private static List<ParticipantView> participantsOf(List<Participant> participants, String track) {
        return participants.stream().filter(p -> p.track.equals(track))
                .map(p -> new ParticipantView(p.id, p.schoolId, p.role, p.name)).toList();
    }
}
